package cn.city.party.common.events;

/**
 * An event that claims what its sender may not claim: a {@code source} other than the topic's owner, or a
 * {@code department} other than the one of the record it would change. Refused to the dead-letter topic.
 */
public class UntrustedEventException extends PoisonEventException {

    public UntrustedEventException(String message) {
        super(message, null);
    }
}
