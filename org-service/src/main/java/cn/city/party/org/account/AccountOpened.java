package cn.city.party.org.account;

/**
 * A member's account was opened (or reissued) and linked to its member record: published in-process so that what
 * depends on accounts (the secretary roles of its posts) follows without this feature knowing about it.
 */
public record AccountOpened(String memberId) {
}
