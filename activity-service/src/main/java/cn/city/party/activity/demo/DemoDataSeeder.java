package cn.city.party.activity.demo;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityEvents;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.Attendance;
import cn.city.party.activity.activity.AttendanceEntry;
import cn.city.party.activity.activity.HeldRecord;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.outbox.EventFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The local platform's demo records: four months of organizational life for the demo branches of docs/events.md
 * (caizheng and jiaoyu, branches 1 and 2), with attendance, a 一会多用 sitting each quarter, some missing minutes and
 * some late entries (补录), so that compliance has something to show on first start. Fixed ids; does nothing when
 * they exist. Written with their {@code held} events, so the compliance read model fills itself.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
public class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final String BY = "demo-data";

    private final MongoTemplate mongo;
    private final EventFactory events;
    private final Clock clock;
    private final LateEntryRule lateEntryRule;

    public DemoDataSeeder(MongoTemplate mongo, EventFactory events, Clock clock,
                          @Value("${activity.rules.late-entry-days:7}") int lateEntryDays) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
        this.lateEntryRule = new LateEntryRule(lateEntryDays);
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (String department : List.of("caizheng", "jiaoyu")) {
            for (int branch = 1; branch <= 2; branch++) {
                created += seedBranch(department, branch);
            }
        }
        log.info("demo activities present ({} created now)", created);
    }

    private int seedBranch(String department, int branchNo) {
        String branchId = department + "-branch-" + branchNo;
        List<String> members = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            members.add(String.format("%s-m%02d", department, (branchNo - 1) * 8 + i));
        }
        Instant now = clock.instant();
        Period thisMonth = Period.containing(PeriodKind.MONTH, now);
        int created = 0;
        for (int back = 3; back >= 0; back--) {
            LocalDate first = thisMonth.firstDay().minusMonths(back);
            Period month = Period.month(first.getYear(), first.getMonthValue());
            boolean quarterEnd = month.lastMonth() % 3 == 0;
            // branch 2 of each department typed its oldest month in weeks later: late entries
            Duration entryDelay = branchNo == 2 && back == 3 ? Duration.ofDays(20) : Duration.ofHours(20);
            created += sitting(department, branchId, month, 8, List.of(ActivityType.BRANCH_COMMITTEE_MEETING),
                    "支委会", members.subList(0, 3), entryDelay, true, now);
            created += sitting(department, branchId, month, 20, quarterEnd
                            ? List.of(ActivityType.THEME_PARTY_DAY, ActivityType.PARTY_LECTURE, ActivityType.BRANCH_GENERAL_MEETING)
                            : List.of(ActivityType.THEME_PARTY_DAY),
                    quarterEnd ? "主题党日暨党课、支部党员大会" : "主题党日", members, entryDelay, branchNo == 1, now);
        }
        return created;
    }

    private int sitting(String department, String branchId, Period month, int day, List<ActivityType> types,
                        String title, List<String> attendees, Duration entryDelay, boolean withMinutes, Instant now) {
        String id = "demo-" + branchId + "-" + month + "-" + types.get(0).name().toLowerCase();
        Instant heldAt = month.firstDay().withDayOfMonth(day).atTime(15, 0).atZone(Period.ZONE).toInstant();
        Instant enteredAt = heldAt.plus(entryDelay);
        if (enteredAt.isAfter(now) || mongo.findById(id, Activity.class) != null) {
            return 0;
        }
        Activity activity = new Activity(id, department, branchId, null, types, month + " " + title, heldAt, heldAt, BY);
        HeldRecord record = new HeldRecord(heldAt, "机关三楼党员活动室", "支部书记", attendees.get(0),
                types.contains(ActivityType.PARTY_LECTURE) ? "支部书记" : null,
                types.contains(ActivityType.PARTY_LECTURE) ? attendees.get(0) : null,
                List.of("传达学习上级精神", "研究本月工作"),
                withMinutes ? "会议传达学习了上级文件精神，结合本支部实际进行了讨论，明确了下一步工作安排。" : null, List.of());
        activity.hold(record, "演示数据：会后集中补录", lateEntryRule, attendees, enteredAt, BY);
        for (int i = 0; i < attendees.size(); i++) {
            Attendance attendance = i == attendees.size() - 1 && attendees.size() > 3 ? Attendance.EXCUSED : Attendance.PRESENT;
            activity.recordAttendance(new AttendanceEntry(attendees.get(i), null, attendance,
                    attendance == Attendance.EXCUSED ? "公务出差" : null, BY, enteredAt, false));
        }
        activity.raise(events.create(ActivityEvents.HELD, id, department, ActivityEvents.ActivityData.of(activity)));
        try {
            mongo.insert(activity);
            return 1;
        } catch (DuplicateKeyException e) {
            return 0; // another instance starting at the same moment stored it first (platform.sh --instances)
        }
    }
}
