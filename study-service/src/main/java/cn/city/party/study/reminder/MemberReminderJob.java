package cn.city.party.study.reminder;

import cn.city.party.common.reminder.MemberReminder;
import cn.city.party.common.reminder.MemberReminders;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.study.exam.Attempt;
import cn.city.party.study.exam.Exam;
import cn.city.party.study.progress.CreditLedger;
import cn.city.party.study.progress.ProgressService;
import cn.city.party.study.roster.RosterMember;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates each member's own study reminders: required study due within {@code study.reminders.due-within-days}
 * (default 7) or overdue, and an exam open now that reaches the member and that the member has not passed. Safe with
 * several instances running at once: each reminder is an upsert on its natural key that only inserts.
 */
@Component
public class MemberReminderJob {

    public static final String STUDY_DUE = "reminder.studyDue";
    public static final String STUDY_OVERDUE = "reminder.studyOverdue";
    public static final String EXAM_OPEN = "reminder.examOpen";
    private static final Logger log = LoggerFactory.getLogger(MemberReminderJob.class);

    private final MongoTemplate mongo;
    private final MemberReminders reminders;
    private final ProgressService progress;
    private final Clock clock;
    private final ZoneId zone;
    private final int dueWithinDays;

    public MemberReminderJob(MongoTemplate mongo, MemberReminders reminders, ProgressService progress, Clock clock,
                             PlatformCalendar calendar,
                             @Value("${study.reminders.due-within-days:7}") int dueWithinDays) {
        this.mongo = mongo;
        this.reminders = reminders;
        this.progress = progress;
        this.clock = clock;
        this.zone = calendar.zone();
        this.dueWithinDays = dueWithinDays;
    }

    @Scheduled(fixedDelayString = "${study.reminders.every:1h}", initialDelayString = "${study.reminders.initial-delay:1m}")
    void run() {
        int created = runOnce(clock.instant());
        if (created > 0) {
            log.info("member reminders created: {}", created);
        }
    }

    /** One pass as of {@code now}; returns how many reminders this pass created. */
    public int runOnce(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        List<RosterMember> members = mongo.find(Query.query(Criteria.where("status")
                .in(RosterMember.ACTIVE_STATUSES)), RosterMember.class);
        int created = 0;
        for (CreditLedger.Summary summary : progress.summaries(members, today.getYear())) {
            for (CreditLedger.Item item : summary.required()) {
                if (item.completed() || item.dueOn() == null) {
                    continue;
                }
                long daysLeft = ChronoUnit.DAYS.between(today, item.dueOn());
                if (item.overdue()) {
                    created += reminders.create(new MemberReminder(String.join(":", "study-overdue",
                            summary.memberId(), item.materialId(), item.dueOn().toString()), summary.memberId(),
                            summary.department(), STUDY_OVERDUE, List.of(item.title(), item.dueOn().toString()),
                            item.materialId(), now));
                } else if (daysLeft <= dueWithinDays) {
                    created += reminders.create(new MemberReminder(String.join(":", "study-due",
                            summary.memberId(), item.materialId(), item.dueOn().toString()), summary.memberId(),
                            summary.department(), STUDY_DUE, List.of(item.title(), item.dueOn().toString(),
                            String.valueOf(daysLeft)), item.materialId(), now));
                }
            }
        }
        return created + exams(members, now);
    }

    /** Each member an exam open now reaches, unless the member passed it already. */
    private int exams(List<RosterMember> members, Instant now) {
        List<Exam> open = mongo.find(Query.query(Criteria.where("status").is(Exam.PUBLISHED)
                .and("opensAt").lte(now).and("closesAt").gt(now)), Exam.class);
        int created = 0;
        for (Exam exam : open) {
            Set<String> passed = mongo.find(Query.query(Criteria.where("examId").is(exam.id()).and("passed").is(true)),
                    Attempt.class).stream().map(Attempt::memberId).collect(Collectors.toSet());
            String closes = exam.closesAt().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString()
                    .replace('T', ' ');
            for (RosterMember member : members) {
                if (exam.reach().reaches(member) && !passed.contains(member.id())) {
                    created += reminders.create(new MemberReminder("exam-open:" + exam.id() + ":" + member.id(),
                            member.id(), member.department(), EXAM_OPEN, List.of(exam.title(), closes), exam.id(), now));
                }
            }
        }
        return created;
    }
}
