package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityEvents;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterChanged;
import cn.city.party.activity.roster.RosterCommittee;
import cn.city.party.activity.roster.RosterMember;
import cn.city.party.activity.roster.RosterOrganization;
import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.time.PlatformCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.event.EventListener;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps {@link BranchCompliance} up to date: this service's own activity events (from the outbox, through Kafka)
 * and roster changes refresh the branch's year. A refresh recomputes from the branch's activities, so a redelivered
 * event changes nothing; several instances may refresh the same branch (optimistic locking, retried).
 */
@Component
public class ComplianceProjection {

    private static final int ATTEMPTS = 5;

    private final MongoTemplate mongo;
    private final Roster roster;
    private final RuleSetService rules;
    private final EventCodec codec;
    private final EventFactory events;
    private final Clock clock;
    private final PlatformCalendar calendar;
    private final ReadModelChanges changes;

    public ComplianceProjection(MongoTemplate mongo, Roster roster, RuleSetService rules, EventCodec codec,
                                EventFactory events, Clock clock, PlatformCalendar calendar, ReadModelChanges changes) {
        this.mongo = mongo;
        this.changes = changes;
        this.roster = roster;
        this.rules = rules;
        this.codec = codec;
        this.events = events;
        this.clock = clock;
        this.calendar = calendar;
    }

    @KafkaListener(topics = ActivityEvents.TOPIC)
    void onActivity(ConsumerRecord<String, String> record) {
        EventEnvelope event = codec.read(record);
        switch (event.type()) {
            case "party.activity.activity.scheduled.v1", "party.activity.activity.held.v1",
                 "party.activity.activity.amended.v1", "party.activity.activity.cancelled.v1" -> activity(event);
            default -> {
                // other facts of the activities do not change compliance
            }
        }
    }

    private void activity(EventEnvelope event) {
        JsonNode data = event.data();
        String branchId = data.path("branchId").asString(null);
        String at = data.path("heldAt").isString() ? data.path("heldAt").asString() : data.path("plannedAt").asString(null);
        if (branchId == null || at == null) {
            throw new PoisonEventException("activity event without branch or time: " + event.id(), null);
        }
        refresh(branchId, Instant.parse(at).atZone(Period.ZONE).getYear());
    }

    @EventListener
    void onRoster(RosterChanged changed) {
        if (changed.branchId() != null) {
            refresh(changed.branchId(), calendar.today().getYear());
        }
    }

    /**
     * Recomputes one branch's year; announces the results that changed: v1 for the year and the quarters begun, v2
     * for every period begun (a frozen period never again).
     */
    public void refresh(String branchId, int year) {
        Optional<RosterOrganization> branch = roster.organization(branchId)
                .filter(o -> RosterOrganization.BRANCH.equals(o.type()));
        if (branch.isEmpty()) {
            return; // not (yet) known as a branch: the organization event will trigger the refresh
        }
        for (int attempt = 1; ; attempt++) {
            try {
                refresh(branch.get(), year);
                return;
            } catch (OptimisticLockingFailureException concurrent) {
                if (attempt == ATTEMPTS) {
                    throw concurrent;
                }
            }
        }
    }

    private void refresh(RosterOrganization branch, int year) {
        List<Activity> activities = activities(branch.id(), Period.year(year));
        RuleSet set = rules.effective(branch.department(), year);
        Figures figures = figures(branch.id(), year, activities, set);
        BranchCompliance doc = Optional.ofNullable(mongo.findById(BranchCompliance.idOf(branch.id(), year), BranchCompliance.class))
                .orElseGet(() -> new BranchCompliance(branch.department(), branch.id(), year));
        Instant now = clock.instant();
        boolean changed = doc.update(branch.name(), figures, now);
        for (Period period : announced(year, now)) {
            ComplianceEvents.EvaluatedData result = evaluate(branch, set, period, figures, activities, now);
            if (doc.evaluated(result)) {
                doc.raise(events.create(ComplianceEvents.EVALUATED, doc.id(), branch.department(), result));
                changed = true;
            }
        }
        for (ComplianceEvents.PeriodData result : PeriodResults.of(set, figures, activities, branch.department(),
                branch.id(), year, now)) {
            if (doc.periodEvaluated(result)) {
                doc.raise(events.create(ComplianceEvents.PERIOD_EVALUATED, branch.id() + ":" + result.period(),
                        branch.department(), result));
                changed = true;
            }
        }
        if (changed) {
            try {
                mongo.save(doc);
            } finally {
                // after the write, so a city table read before it is not kept under the new count; also when the save
                // failed, as it may have landed all the same (a timeout): a needless count costs one evaluation only
                changes.raise(year, doc.department());
            }
        }
    }

    /** The branch's figures for a year, computed from its activities of that year and its roster now. */
    Figures figures(String branchId, int year, List<Activity> activities, RuleSet set) {
        return Figures.of(year, activities, set.weights(),
                roster.partyGroups(branchId).stream().map(RosterOrganization::id).toList(),
                roster.committee(branchId).flatMap(RosterCommittee::secretaryId).orElse(null),
                roster.committee(branchId).map(RosterCommittee::memberIds).orElse(List.of()),
                roster.activeMembers(branchId).stream().map(RosterMember::memberId).toList());
    }

    List<Activity> activities(String branchId, Period period) {
        return mongo.find(Query.query(Criteria.where("branchId").is(branchId)
                .and("occursAt").gte(period.start()).lt(period.end())), Activity.class);
    }

    /** The periods whose results are announced: the year and each of its quarters that has begun. */
    static List<Period> announced(int year, Instant now) {
        List<Period> periods = new ArrayList<>();
        periods.add(Period.year(year));
        Period.year(year).split(PeriodKind.QUARTER).stream().filter(q -> q.hasStarted(now)).forEach(periods::add);
        return periods;
    }

    private ComplianceEvents.EvaluatedData evaluate(RosterOrganization branch, RuleSet set, Period period,
                                                    Figures figures, List<Activity> activities, Instant now) {
        int year = period.year();
        ComplianceEvaluator.Evaluation evaluation = ComplianceEvaluator.evaluate(set, figures, period, now);
        List<String> ids = activities.stream().filter(Activity::happened).filter(a -> period.contains(a.occursAt()))
                .map(Activity::id).sorted().toList();
        ComplianceEvaluator.Quality q = evaluation.quality();
        return new ComplianceEvents.EvaluatedData(branch.department(), branch.id(), year, period.toString(),
                evaluation.rules().size(), (int) evaluation.count(RuleStatus.MET), (int) evaluation.count(RuleStatus.MISSED),
                q.attendanceRate(), q.lateEntryShare(), q.multiPurposeShare(), q.minutesPresentShare(), ids);
    }
}
