package cn.city.party.activity.reminder;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityStatus;
import cn.city.party.activity.compliance.BranchCompliance;
import cn.city.party.activity.compliance.ComplianceEvaluator;
import cn.city.party.activity.compliance.RuleSet;
import cn.city.party.activity.compliance.RuleSetService;
import cn.city.party.activity.compliance.RuleStatus;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterCommittee;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.common.persistence.BatchedReads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creates reminders. For the branch's elected secretary and deputy secretaries: a rule not met in a period that
 * closes within the period kind's warning window ("支委会 not held this month, 5 days left"; a quarter's rules three
 * weeks ahead, the year's two months ahead), and each late entry of their branch. For each member: a planned sitting
 * the member is expected at, in the next days. Safe with several instances running at once: each reminder is an
 * upsert on its natural key that only inserts.
 */
@Component
public class ReminderJob {

    private static final Logger log = LoggerFactory.getLogger(ReminderJob.class);
    /** Late entries recorded this long ago or less are reminded of. */
    private static final Duration LATE_ENTRY_LOOKBACK = Duration.ofDays(31);
    /** The committee posts that receive the branch's reminders. */
    private static final Set<String> BRANCH_LEADERS = Set.of("SECRETARY", "DEPUTY_SECRETARY");

    private final MongoTemplate mongo;
    private final Roster roster;
    private final RuleSetService rules;
    private final Clock clock;
    private final Duration sittingsAhead;

    public ReminderJob(MongoTemplate mongo, Roster roster, RuleSetService rules, Clock clock,
                       @Value("${activity.reminders.sittings-ahead:3d}") Duration sittingsAhead) {
        this.mongo = mongo;
        this.roster = roster;
        this.rules = rules;
        this.clock = clock;
        this.sittingsAhead = sittingsAhead;
    }

    @Scheduled(fixedDelayString = "${activity.reminders.every:1h}", initialDelayString = "${activity.reminders.initial-delay:1m}")
    void run() {
        int created = runOnce(clock.instant());
        if (created > 0) {
            log.info("reminders created: {}", created);
        }
    }

    /** One pass as of {@code now}; returns how many reminders this pass created. */
    public int runOnce(Instant now) {
        int year = now.atZone(Period.ZONE).getYear();
        int created = 0;
        Map<String, RuleSet> sets = new HashMap<>();
        Query branches = Query.query(Criteria.where("year").is(year));
        branches.fields().include("department", "branchId", "figures");
        // every branch of the city with its figures (about 23 KB each): a batch at a time, not as one list
        try (var compliance = BatchedReads.stream(mongo, branches, BranchCompliance.class)) {
            for (BranchCompliance branch : (Iterable<BranchCompliance>) compliance::iterator) {
                List<String> leaders = leaderAccounts(branch.branchId());
                if (leaders.isEmpty() || branch.figures() == null) {
                    continue;
                }
                RuleSet set = sets.computeIfAbsent(branch.department(), d -> rules.effective(d, year));
                Period month = Period.containing(PeriodKind.MONTH, now);
                for (ComplianceEvaluator.RuleResult result
                        : ComplianceEvaluator.evaluate(set, branch.figures(), month, now).rules()) {
                    for (ComplianceEvaluator.PartResult part : result.parts()) {
                        if (part.status() != RuleStatus.AT_RISK) {
                            continue;
                        }
                        Period period = Period.parse(part.period()).orElseThrow();
                        for (String leader : leaders) {
                            String key = String.join(":", "closing", branch.branchId(), result.rule().type().name(),
                                    result.rule().condition().name(), part.period(),
                                    part.unit() == null ? "-" : part.unit(), leader);
                            created += create(new Reminder(key, leader, branch.department(), branch.branchId(),
                                    Reminder.PERIOD_CLOSING, List.of(result.rule().type().label(), part.period(),
                                    format(part.count()), String.valueOf(part.required()),
                                    String.valueOf(period.daysLeft(now))), null, now));
                        }
                    }
                }
            }
        }
        for (Activity late : mongo.find(Query.query(Criteria.where("lateEntry").is(true)
                .and("recordedAt").gte(now.minus(LATE_ENTRY_LOOKBACK))), Activity.class)) {
            for (String leader : leaderAccounts(late.branchId())) {
                created += create(new Reminder("late:" + late.id() + ":" + leader, leader, late.department(),
                        late.branchId(), Reminder.LATE_ENTRY, List.of(late.title()), late.id(), now));
            }
        }
        return created + sittings(now);
    }

    /** Each member expected at a sitting planned in the next days: the branch's members, or its Party group's. */
    private int sittings(Instant now) {
        int created = 0;
        for (Activity sitting : mongo.find(Query.query(Criteria.where("status").is(ActivityStatus.PLANNED)
                .and("plannedAt").gte(now).lt(now.plus(sittingsAhead))), Activity.class)) {
            String when = sitting.plannedAt().atZone(Period.ZONE).toLocalDateTime().toString().replace('T', ' ');
            for (RosterMember member : roster.activeMembers(sitting.branchId())) {
                if (member.accountSubject() == null
                        || (sitting.partyGroupId() != null && !sitting.partyGroupId().equals(member.partyGroupId()))) {
                    continue;
                }
                created += create(new Reminder("sitting:" + sitting.id() + ":" + member.memberId(),
                        member.accountSubject(), sitting.department(), sitting.branchId(), Reminder.SITTING,
                        List.of(sitting.title(), when), sitting.id(), now));
            }
        }
        return created;
    }

    private static String format(double count) {
        return count == Math.rint(count) ? String.valueOf((long) count) : String.valueOf(count);
    }

    /** Inserts unless a reminder with the same key exists; returns 1 when this call created it. */
    int create(Reminder reminder) {
        Update update = new Update().setOnInsert("recipient", reminder.recipient())
                .setOnInsert("department", reminder.department()).setOnInsert("branchId", reminder.branchId())
                .setOnInsert("kind", reminder.kind()).setOnInsert("args", reminder.args())
                .setOnInsert("activityId", reminder.activityId()).setOnInsert("createdAt", reminder.createdAt());
        try {
            return mongo.upsert(Query.query(Criteria.where("_id").is(reminder.key())), update, Reminder.class)
                    .getUpsertedId() != null ? 1 : 0;
        } catch (DuplicateKeyException anotherInstanceWasFirst) {
            return 0;
        }
    }

    /** The Keycloak accounts of the branch's elected secretary and deputy secretaries. */
    private List<String> leaderAccounts(String branchId) {
        return roster.committee(branchId).map(RosterCommittee::posts).orElse(List.of()).stream()
                .filter(p -> BRANCH_LEADERS.contains(p.post())).map(RosterCommittee.Post::memberId).distinct()
                .map(roster::member).flatMap(Optional::stream).map(RosterMember::accountSubject)
                .filter(java.util.Objects::nonNull).toList();
    }
}
