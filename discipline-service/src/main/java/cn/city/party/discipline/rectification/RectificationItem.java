package cn.city.party.discipline.rectification;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * 巡察整改台账 entry: a problem found by a patrol inspection or an inspection, the measure, its owner and deadline.
 * It is closed out (销号) only when evidence added since it was (re)opened exists and a reviewer other than the
 * evidence's submitters signs off with a note of the check made; recurrence reopens it with a new deadline.
 */
@Document("rectifications")
public class RectificationItem extends AuditedRecord {

    public enum Source { PATROL_INSPECTION, INSPECTION, AUDIT }

    public enum Status { OPEN, CLOSED }

    /** Who the overdue item is escalated to. */
    public enum Escalation { NONE, DEPARTMENT, WORK_COMMITTEE }

    public record Evidence(String description, String submitter, String submitterName, Instant at) {
    }

    public record SignOff(String reviewer, String reviewerName, String reviewNote, Instant at) {
    }

    public record HistoryEntry(String kind, String actorName, String note, Instant at) {
    }

    @Id
    private String id;
    @Indexed
    private String department;
    private Source source;
    private String problem;
    private LocalDate foundOn;
    private String measure;
    private String owner;
    private LocalDate deadline;
    private List<Evidence> evidence = new ArrayList<>();
    private Status status = Status.OPEN;
    private Instant openedAt;
    private SignOff signOff;
    private int reopenCount;
    private List<HistoryEntry> history = new ArrayList<>();
    @Version
    private Long version;

    protected RectificationItem() {
    }

    public RectificationItem(String id, String department, Source source, String problem, LocalDate foundOn,
                             String measure, String owner, LocalDate deadline, Caller actor, Instant now) {
        if (deadline.isBefore(foundOn)) {
            throw Problems.rule("deadline", "rectification.deadlineBeforeFound", foundOn);
        }
        this.id = id;
        this.department = department;
        this.source = source;
        this.problem = problem;
        this.foundOn = foundOn;
        this.measure = measure;
        this.owner = owner;
        this.deadline = deadline;
        this.openedAt = now;
        history.add(new HistoryEntry("CREATED", actor.username(), null, now));
    }

    public void addEvidence(String description, Caller actor, Instant now) {
        requireOpen();
        evidence.add(new Evidence(description, actor.subject(), actor.username(), now));
        history.add(new HistoryEntry("EVIDENCE", actor.username(), null, now));
    }

    /** 销号: needs fresh evidence and a reviewer who did not submit it. */
    public void closeOut(String reviewNote, Caller reviewer, Instant now) {
        requireOpen();
        List<Evidence> fresh = evidence.stream().filter(e -> !e.at().isBefore(openedAt)).toList();
        if (fresh.isEmpty()) {
            throw Problems.rule("evidence", "rectification.evidenceRequired");
        }
        if (fresh.stream().allMatch(e -> e.submitter().equals(reviewer.subject()))) {
            throw Problems.rule("reviewer", "rectification.reviewerIsSubmitter");
        }
        signOff = new SignOff(reviewer.subject(), reviewer.username(), reviewNote, now);
        status = Status.CLOSED;
        history.add(new HistoryEntry("CLOSED_OUT", reviewer.username(), reviewNote, now));
    }

    /** 问题反弹: a closed-out item comes back with a new deadline; earlier evidence no longer counts. */
    public void reopen(String reason, LocalDate newDeadline, LocalDate today, Caller actor, Instant now) {
        if (status != Status.CLOSED) {
            throw Problems.conflict("rectification.notClosed");
        }
        if (newDeadline.isBefore(today)) {
            throw Problems.rule("deadline", "rectification.deadlineBeforeFound", today);
        }
        status = Status.OPEN;
        signOff = null;
        deadline = newDeadline;
        openedAt = now;
        reopenCount++;
        history.add(new HistoryEntry("REOPENED", actor.username(), reason, now));
    }

    public boolean overdue(LocalDate today) {
        return status == Status.OPEN && today.isAfter(deadline);
    }

    public long daysOverdue(LocalDate today) {
        return overdue(today) ? ChronoUnit.DAYS.between(deadline, today) : 0;
    }

    /** Overdue items go to the department's Party committee, and after {@code escalationDays} to the work committee. */
    public Escalation escalation(LocalDate today, int escalationDays) {
        if (!overdue(today)) {
            return Escalation.NONE;
        }
        return daysOverdue(today) > escalationDays ? Escalation.WORK_COMMITTEE : Escalation.DEPARTMENT;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw Problems.conflict("rectification.notOpen", status.name());
        }
    }

    @Override
    public String department() { return department; }
    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "rectification"; }
    public Source source() { return source; }
    public String problem() { return problem; }
    public LocalDate foundOn() { return foundOn; }
    public String measure() { return measure; }
    public String owner() { return owner; }
    public LocalDate deadline() { return deadline; }
    public List<Evidence> evidence() { return List.copyOf(evidence); }
    public Status status() { return status; }
    public SignOff signOff() { return signOff; }
    public int reopenCount() { return reopenCount; }
    public List<HistoryEntry> history() { return List.copyOf(history); }
}
