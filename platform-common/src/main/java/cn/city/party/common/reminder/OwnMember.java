package cn.city.party.common.reminder;

/** How a service finds the calling account's own member record: whose reminders it reads. None: a 404 problem. */
@FunctionalInterface
public interface OwnMember {

    String idOfCaller();
}
