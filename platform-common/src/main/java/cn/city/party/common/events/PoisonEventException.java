package cn.city.party.common.events;

/** A message no retry can fix (not an event, or data that breaks its contract): it goes to the dead-letter topic. */
public class PoisonEventException extends RuntimeException {

    public PoisonEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
