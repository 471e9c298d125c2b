package cn.city.party.org.dues;

import cn.city.party.common.persistence.BatchedReads;
import cn.city.party.common.reminder.MemberReminder;
import cn.city.party.common.reminder.MemberReminders;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Creates each member's own dues reminders: this month's dues unpaid in the last {@code org.reminders.dues-last-days}
 * (default 5) days of the month, and arrears (earlier months unpaid in a row), once a month each. Safe with several
 * instances running at once: each reminder is an insert on its natural key.
 */
@Component
public class DuesReminderJob {

    public static final String DUES_DUE = "reminder.duesDue";
    public static final String DUES_ARREARS = "reminder.duesArrears";
    private static final Logger log = LoggerFactory.getLogger(DuesReminderJob.class);

    private final MongoTemplate mongo;
    private final MemberReminders reminders;
    private final PlatformCalendar calendar;
    private final int lastDays;

    public DuesReminderJob(MongoTemplate mongo, MemberReminders reminders, PlatformCalendar calendar,
                           @Value("${org.reminders.dues-last-days:5}") int lastDays) {
        this.mongo = mongo;
        this.reminders = reminders;
        this.calendar = calendar;
        this.lastDays = lastDays;
    }

    @Scheduled(fixedDelayString = "${org.reminders.every:1h}", initialDelayString = "${org.reminders.initial-delay:1m}")
    void run() {
        int created = runOnce(calendar.today());
        if (created > 0) {
            log.info("dues reminders created: {}", created);
        }
    }

    /**
     * One pass as of {@code today} (Asia/Shanghai, the service's clock when scheduled); returns how many reminders
     * this pass created.
     */
    public int runOnce(LocalDate today) {
        YearMonth month = YearMonth.from(today);
        boolean monthEnding = !today.isBefore(month.atEndOfMonth().minusDays(lastDays - 1L));
        int created = 0;
        // every member of the city with a dues base: a batch at a time (the city's 30,000 in one answer ran
        // org-service out of heap)
        try (var members = BatchedReads.stream(mongo, Query.query(Criteria.where("status").in(MemberStatus.ACTIVE)
                .and("dues.bases.0").exists(true)), Member.class)) {
            for (Member member : (Iterable<Member>) members::iterator) {
                var base = member.dues().baseFor(month);
                if (monthEnding && base.isPresent() && member.dues().paymentFor(month).isEmpty()) {
                    created += reminders.create(new MemberReminder("dues-due:" + member.id() + ":" + month, member.id(),
                            member.department(), DUES_DUE, List.of(month.toString(),
                            DuesCalculator.yuan(base.get().monthlyFen()).toPlainString(),
                            month.atEndOfMonth().toString()),
                            month.toString(), calendar.now()));
                }
                YearMonth last = month.minusMonths(1);
                int unpaid = member.dues().unpaidMonths(last);
                if (unpaid > 0) {
                    created += reminders.create(new MemberReminder("dues-arrears:" + member.id() + ":" + month,
                            member.id(), member.department(), DUES_ARREARS,
                            List.of(String.valueOf(unpaid), last.toString()),
                            last.toString(), calendar.now()));
                }
            }
        }
        return created;
    }
}
