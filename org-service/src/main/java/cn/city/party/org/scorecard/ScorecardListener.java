package cn.city.party.org.scorecard;

import cn.city.party.common.events.EventCodec;
import cn.city.party.common.events.EventEnvelope;
import cn.city.party.common.events.PoisonEventException;
import cn.city.party.common.messaging.ReadModelWriter;
import cn.city.party.common.time.PlatformCalendar;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;

/**
 * Feeds the scorecard facts from the events of activity-, study- and discipline-service and of this service's own
 * organizations, departments, committees and dues. Each fact has a natural key, so a replay from the start writes
 * the same documents; each event is applied once ({@link ReadModelWriter#applyOnce}); and a fact is only replaced by
 * a newer event (event time, then id), so a late, out-of-order event changes nothing. This listener has its own
 * consumer group so it reads every partition of topics other listeners of this service also read. Every write of a
 * fact or unit counts a change of its department and branch ({@link DepartmentChanges}), whose kept scorecard is then
 * scored again; the year's closure is city-wide and part of every kept table's key instead.
 */
@Component
class ScorecardListener {

    static final String GROUP = "org-service-scorecard";

    private final EventCodec codec;
    private final ReadModelWriter writer;
    private final MongoTemplate mongo;
    private final DepartmentChanges changes;
    private final ZoneId zone;

    ScorecardListener(EventCodec codec, ReadModelWriter writer, MongoTemplate mongo, DepartmentChanges changes,
                      PlatformCalendar calendar) {
        this.codec = codec;
        this.writer = writer;
        this.mongo = mongo;
        this.changes = changes;
        this.zone = calendar.zone();
    }

    record ComplianceData(String department, String branchId, int year, String periodKind, String period,
                          LocalDate periodStart, LocalDate periodEnd, String status, boolean frozen,
                          List<Rule> rules, Quality quality, List<String> activityIds) {
    }

    record Rule(String ruleId, String type, String status, int required, double met, double score, double weight) {
        BranchFacts.RuleResult toFact() {
            return new BranchFacts.RuleResult(ruleId, type, status, required, met, score, weight);
        }
    }

    record Quality(int sittings, Double attendanceRate) {
    }

    record ActivityData(String activityId, String department, String branchId, String title, Instant plannedAt,
                        Instant heldAt, boolean lateEntry, String status) {
    }

    record CreditsData(String memberId, String department, String branchId, int year, double creditHours, double target,
                       int requiredCompleted, int requiredTotal) {
    }

    record CompletionData(String memberId, String department, String branchId, String materialId, boolean required,
                          Instant completedAt) {
    }

    record SanctionData(String sanctionId, String memberId, String department, String branchId, String type, int form,
                        LocalDate decidedOn) {
    }

    record RevokedData(String sanctionId, LocalDate revokedOn) {
    }

    record AccountabilityData(String accountabilityId, String department, String organizationId, LocalDate decidedOn,
                              String kind) {
    }

    record Post(String post) {
    }

    record CommitteeData(String organizationId, String department, LocalDate termStart, LocalDate termEnd, List<Post> posts) {
    }

    record ArrearsData(String memberId, String department, String branchId, int unpaidMonths, String level) {
    }

    record OrganizationData(String id, String department, String type, String name, String status) {
    }

    record DepartmentData(String code, String name) {
    }

    record CorrectionData(String correctionId, String activityId, String department, String branchId, Integer year,
                          String reason, String requestedBy, Instant requestedAt, String approvedBy, Instant approvedAt) {
    }

    record ClosedData(Integer year, String closedBy, Instant closedAt) {
    }

    @KafkaListener(groupId = GROUP, topics = {"party.activity.compliance", "party.activity.activity",
            "party.study.credits", "party.study.progress", "party.discipline.sanction", "party.discipline.accountability",
            "party.org.committee", "party.org.dues", "party.org.organization", "party.org.department",
            "party.activity.correction", "party.activity.assessment"})
    void on(ConsumerRecord<String, String> record) {
        EventEnvelope e = codec.read(record);
        if (e.time() == null) {
            throw new PoisonEventException("event " + e.id() + " has no time", null);
        }
        switch (e.type()) {
            case "party.activity.compliance.evaluated.v2" -> {
                // v1 (deprecated) judged the year and its quarters each on every rule: it is no longer read
                ComplianceData d = codec.data(e, ComplianceData.class);
                Quality q = d.quality() == null ? new Quality(0, null) : d.quality();
                fact(e, "compliance:" + d.branchId() + ":" + d.period(), ScorecardFact.Kind.COMPLIANCE, d.department(),
                        d.branchId(), d.year(), new BranchFacts.Compliance(d.period(), d.periodKind(),
                                required(d.periodStart(), e), required(d.periodEnd(), e), d.status(), d.frozen(),
                                d.rules() == null ? List.of() : d.rules().stream().map(Rule::toFact).toList(),
                                q.sittings(), q.attendanceRate(), d.activityIds()));
            }
            case "party.activity.activity.scheduled.v1", "party.activity.activity.held.v1",
                 "party.activity.activity.amended.v1", "party.activity.activity.cancelled.v1" -> {
                ActivityData d = codec.data(e, ActivityData.class);
                Instant when = d.heldAt() != null ? d.heldAt() : d.plannedAt();
                fact(e, "activity:" + d.activityId(), ScorecardFact.Kind.ACTIVITY, d.department(), d.branchId(),
                        yearOf(required(when, e)), new BranchFacts.Activity(d.activityId(), d.title(), d.status(),
                                d.lateEntry(), d.heldAt()));
            }
            case "party.study.credits.updated.v1" -> {
                CreditsData d = codec.data(e, CreditsData.class);
                fact(e, "credits:" + d.memberId() + ":" + d.year(), ScorecardFact.Kind.CREDITS, d.department(),
                        d.branchId(), d.year(), new BranchFacts.Credits(d.memberId(), d.requiredCompleted(),
                                d.requiredTotal(), d.creditHours(), d.target()));
            }
            case "party.study.progress.completed.v1" -> {
                CompletionData d = codec.data(e, CompletionData.class);
                fact(e, "completion:" + d.memberId() + ":" + d.materialId(), ScorecardFact.Kind.COMPLETION,
                        d.department(), d.branchId(), yearOf(required(d.completedAt(), e)),
                        new BranchFacts.Completion(d.memberId(), d.materialId(), d.required(), d.completedAt()));
            }
            case "party.discipline.sanction.imposed.v1", "party.discipline.sanction.corrected.v1" -> {
                SanctionData d = codec.data(e, SanctionData.class);
                fact(e, "sanction:" + d.sanctionId(), ScorecardFact.Kind.SANCTION, d.department(), d.branchId(),
                        required(d.decidedOn(), e).getYear(), new BranchFacts.Sanction(d.sanctionId(), d.memberId(),
                                d.type(), d.form(), d.decidedOn(), null));
            }
            case "party.discipline.sanction.revoked.v1" -> {
                RevokedData d = codec.data(e, RevokedData.class);
                // a revocation stands whatever order it arrives in: it does not compete with the sanction's own facts
                try {
                    writer.applyOnce(ScorecardFact.class, "sanction:" + d.sanctionId(), e,
                            new Update().set("revokedOn", required(d.revokedOn(), e)));
                } finally {
                    changed(e, List.of()); // the sanction's branch is in its fact, not in the revocation
                }
            }
            case "party.discipline.accountability.recorded.v1" -> {
                AccountabilityData d = codec.data(e, AccountabilityData.class);
                fact(e, "accountability:" + d.accountabilityId(), ScorecardFact.Kind.ACCOUNTABILITY, d.department(),
                        d.organizationId(), required(d.decidedOn(), e).getYear(),
                        new BranchFacts.Accountability(d.accountabilityId(), d.kind(), d.decidedOn()));
            }
            case "party.org.committee.elected.v1" -> {
                CommitteeData d = codec.data(e, CommitteeData.class);
                List<String> posts = d.posts() == null ? List.of() : d.posts().stream().map(Post::post).toList();
                String id = "term:" + d.organizationId() + ":" + required(d.termStart(), e);
                BranchFacts.Term term = new BranchFacts.Term(d.termStart(), required(d.termEnd(), e), posts, null);
                fact(e, id, ScorecardFact.Kind.TERM, d.department(), d.organizationId(), null,
                        term.hasSecretary() ? term : new BranchFacts.Term(term.termStart(), term.termEnd(), posts,
                                secretaryVacantSince(id, e)));
            }
            case "party.org.dues.arrears-flagged.v1" -> {
                ArrearsData d = codec.data(e, ArrearsData.class);
                int year = yearOf(e.time());
                fact(e, "arrears:" + d.memberId() + ":" + year, ScorecardFact.Kind.ARREARS, d.department(),
                        d.branchId(), year, new BranchFacts.Arrears(d.memberId(), d.unpaidMonths(), d.level()));
            }
            case "party.org.organization.created.v1", "party.org.organization.changed.v1",
                 "party.org.organization.dissolved.v1" -> {
                OrganizationData d = codec.data(e, OrganizationData.class);
                latest(ScorecardUnit.class, d.id(), e, new Update().set("department", d.department())
                        .set("kind", d.type()).set("name", d.name()).set("status", d.status()), d.id());
            }
            case "party.org.department.registered.v1", "party.org.department.changed.v1" -> {
                DepartmentData d = codec.data(e, DepartmentData.class);
                latest(ScorecardUnit.class, ScorecardUnit.DEPARTMENT + ":" + d.code(), e, new Update()
                        .set("department", d.code()).set("kind", ScorecardUnit.DEPARTMENT).set("name", d.name())
                        .set("status", "ACTIVE"), null);
            }
            case "party.activity.correction.approved.v1" -> {
                CorrectionData d = codec.data(e, CorrectionData.class);
                fact(e, "correction:" + d.correctionId(), ScorecardFact.Kind.CORRECTION, d.department(), d.branchId(),
                        required(d.year(), e), new BranchFacts.Correction(d.correctionId(), d.activityId(),
                                required(d.reason(), e), d.requestedBy(), d.requestedAt(), required(d.approvedBy(), e),
                                required(d.approvedAt(), e)));
            }
            case "party.activity.assessment.closed.v1" -> {
                ClosedData d = codec.data(e, ClosedData.class);
                // city-wide (no department): a year is closed once, so the first close stays, whatever is redelivered
                AssessmentClosure closure = new AssessmentClosure(required(d.year(), e), required(d.closedAt(), e),
                        d.closedBy());
                if (mongo.findById(closure.year(), AssessmentClosure.class) == null) {
                    try {
                        mongo.insert(closure);
                    } catch (org.springframework.dao.DuplicateKeyException redelivered) {
                        // another delivery of the same close won the race: nothing to change
                    }
                }
            }
            default -> {
                // other facts of these topics do not count in the assessment
            }
        }
    }

    private void fact(EventEnvelope e, String id, ScorecardFact.Kind kind, String department, String branchId,
                      Integer year, Object fact) {
        Update update = new Update().set("kind", kind).set("department", required(department, e))
                .set("branchId", branchId).set("year", year).set(kind.name().toLowerCase(java.util.Locale.ROOT), fact);
        latest(ScorecardFact.class, id, e, update, branchId);
    }

    /**
     * Applies {@code update} unless the document already holds a fact from a newer (or this very) event; counts a
     * change of {@code branchId} and of the branch the document named before (a member's study moves with the member).
     */
    private void latest(Class<?> type, String id, EventEnvelope e, Update update, String branchId) {
        List<String> branches = new java.util.ArrayList<>(java.util.Collections.singletonList(branchId));
        try {
            Instant at = e.time().truncatedTo(ChronoUnit.MILLIS);
            Query current = Query.query(Criteria.where("_id").is(id));
            current.fields().include("at").include("eventId").include("branchId");
            Document held = mongo.findOne(current, Document.class, mongo.getCollectionName(type));
            if (held != null) {
                branches.add(held.getString("branchId"));
            }
            if (held != null && held.get("at") instanceof Date heldAt) {
                int order = at.compareTo(heldAt.toInstant());
                if (order < 0 || (order == 0 && e.id().compareTo(String.valueOf(held.get("eventId"))) <= 0)) {
                    return;
                }
            }
            writer.applyOnce(type, id, e, update.set("at", at).set("eventId", e.id()));
        } finally {
            // also when nothing was written now: this very event redelivered after a write whose count was lost
            changed(e, branches);
        }
    }

    /**
     * Counts a change of the departments the event may have written to, after the write, also when it failed (it may
     * have landed): a needless count costs one evaluation, a missed one a stale figure. {@link ReadModelWriter} writes
     * a document of the event's department only, moving it only from the one the data names as
     * {@value ReadModelWriter#FROM_DEPARTMENT}; an event without a department is refused before anything is written.
     * The branches named are those the write may have changed; none named, any branch of the department (and of the
     * department it moved from).
     */
    private void changed(EventEnvelope e, List<String> branches) {
        if (e.department() != null) {
            changes.raise(e.department(), branches.stream().filter(java.util.Objects::nonNull).toList());
        }
        if (e.data() != null && e.data().hasNonNull(ReadModelWriter.FROM_DEPARTMENT)) {
            changes.raise(e.data().get(ReadModelWriter.FROM_DEPARTMENT).asString());
        }
    }

    /** When the term was first seen without a secretary: kept from an earlier event, else this event's day. */
    private LocalDate secretaryVacantSince(String termId, EventEnvelope e) {
        ScorecardFact held = mongo.findById(termId, ScorecardFact.class);
        LocalDate earlier = held == null || held.term() == null ? null : held.term().secretaryVacantSince();
        return earlier != null ? earlier : e.time().atZone(zone).toLocalDate();
    }

    private int yearOf(Instant instant) {
        return instant.atZone(zone).getYear();
    }

    private static <T> T required(T value, EventEnvelope e) {
        if (value == null) {
            throw new PoisonEventException("event " + e.id() + " of type " + e.type() + " lacks a required field", null);
        }
        return value;
    }
}
