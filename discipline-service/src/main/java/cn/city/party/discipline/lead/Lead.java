package cn.city.party.discipline.lead;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 问题线索: a lead about members or an organization of one department, and its disposition. A named reporter's
 * identity is only ever held encrypted ({@code reporterCiphertext}); an anonymous reporter holds a receipt code of
 * which only the hash is kept here.
 */
@Document("leads")
public class Lead extends AuditedRecord {

    /** One step of the disposition: who took it, when, why. */
    public record Step(LeadState from, LeadState to, String reason, Outcome outcome, String actor, String actorName,
                       Instant at) {
    }

    /** A hand-over offered to an inspector; it takes effect when that inspector accepts it. */
    public record Handover(String to, String toName, String by, String reason, Instant at) {
    }

    public enum RevealStatus { PENDING, APPROVED, REFUSED, USED }

    /**
     * The handler's request to see the named reporter, decided by a second inspector; an approval allows one reveal.
     */
    public record RevealRequest(String requester, String requesterName, String reason, Instant requestedAt,
                                RevealStatus status, String decider, String deciderName, String decision,
                                Instant decidedAt) {
        RevealRequest decided(RevealStatus to, Caller by, String why, Instant now) {
            return new RevealRequest(requester, requesterName, reason, requestedAt, to, by.subject(), by.username(),
                    why, now);
        }

        RevealRequest used() {
            return new RevealRequest(requester, requesterName, reason, requestedAt, RevealStatus.USED, decider,
                    deciderName, decision, decidedAt);
        }
    }

    @Id
    private String id;
    @Indexed
    private String department;
    private LeadSource source;
    private List<String> subjectMemberIds = new ArrayList<>();
    private String subjectOrganizationId;
    private String summary;
    private LocalDate receivedOn;
    private String handler;
    private String handlerName;
    private boolean anonymous;
    private String reporterCiphertext;
    @Indexed(unique = true, sparse = true)
    private String receiptCodeHash;
    private LeadState state = LeadState.RECEIVED;
    private Outcome outcome;
    private LocalDate decidedOn;
    private LocalDate inquiryStartedOn;
    private LocalDate inquiryDueOn;
    private LocalDate inquiryRepliedOn;
    private List<Step> steps = new ArrayList<>();
    private Handover pendingHandover;
    private RevealRequest revealRequest;
    private Instant createdAt;
    @Version
    private Long version;

    protected Lead() {
    }

    public Lead(String id, String department, LeadSource source, List<String> subjectMemberIds,
                String subjectOrganizationId, String summary, LocalDate receivedOn, Caller handler, Instant now) {
        this.id = id;
        this.department = department;
        this.source = source;
        this.subjectMemberIds = new ArrayList<>(subjectMemberIds);
        this.subjectOrganizationId = subjectOrganizationId;
        this.summary = summary;
        this.receivedOn = receivedOn;
        this.handler = handler.subject();
        this.handlerName = handler.username();
        this.createdAt = now;
    }

    void namedReporter(String ciphertext) {
        this.anonymous = false;
        this.reporterCiphertext = ciphertext;
    }

    /** Re-seals the named reporter's identity under the current key (key rotation); the identity stays as it was. */
    void resealReporter(ReporterCipher cipher) {
        this.reporterCiphertext = cipher.encrypt(cipher.decrypt(reporterCiphertext, id), id);
    }

    /** Anonymous: only the hash of the receipt code handed to the reporter is kept (none for leads without one). */
    public void anonymousReporter(String receiptCodeHash) {
        this.anonymous = true;
        this.receiptCodeHash = receiptCodeHash;
    }

    /**
     * Takes one step of the workflow on {@code today} (Asia/Shanghai). Entering 谈话函询 starts the reply deadline of
     * {@code inquiryWorkingDays} working days.
     */
    public Step transition(LeadState to, String reason, Outcome outcome, Caller actor, Instant now, LocalDate today,
                           WorkingCalendar calendar, int inquiryWorkingDays) {
        LeadWorkflow.check(state, to, outcome, actor, handler);
        Step step = new Step(state, to, reason, outcome, actor.subject(), actor.username(), now);
        if (to == LeadState.INQUIRY) {
            inquiryStartedOn = today;
            inquiryDueOn = calendar.plusWorkingDays(today, inquiryWorkingDays);
            inquiryRepliedOn = null;
        }
        if (to == LeadState.DECIDED) {
            this.outcome = outcome;
            this.decidedOn = today;
        }
        steps.add(step);
        state = to;
        return step;
    }

    /**
     * 更换承办人, first step: the current handler or a city-level inspector offers the lead to another inspector. The
     * lead changes hands only when that inspector accepts ({@link #acceptHandover}), so the receiver proves with its
     * own token that its jurisdiction covers the lead's department.
     */
    public void offerHandover(String newHandler, String newHandlerName, String reason, Caller actor, Instant now) {
        LeadWorkflow.requireActor(actor, handler);
        if (state == LeadState.CLOSED) {
            throw Problems.conflict("lead.closed");
        }
        if (newHandler.equals(handler)) {
            throw Problems.rule("handler", "lead.alreadyHandler");
        }
        this.pendingHandover = new Handover(newHandler, newHandlerName, actor.subject(), reason, now);
    }

    /**
     * 更换承办人, second step, by the inspector the lead was offered to, who must have jurisdiction over its
     * department. The reporter's identity follows the lead to the new handler: a reveal approved for the previous
     * handler lapses.
     */
    public void acceptHandover(Caller actor) {
        if (pendingHandover == null || !pendingHandover.to().equals(actor.subject())) {
            throw Problems.forbidden("lead.handoverNotForYou");
        }
        LeadWorkflow.requireJurisdiction(actor, department);
        if (state == LeadState.CLOSED) {
            throw Problems.conflict("lead.closed");
        }
        this.handler = actor.subject();
        this.handlerName = actor.username();
        this.pendingHandover = null;
        this.revealRequest = null;
    }

    /** 实名举报人查看申请: only the handler asks, with a reason; one request open at a time. */
    public void requestReveal(String reason, Caller actor, Instant now) {
        if (!actor.subject().equals(handler)) {
            throw Problems.forbidden("lead.reporterOnlyForHandler");
        }
        if (reporterCiphertext == null) {
            throw Problems.conflict("lead.anonymous");
        }
        if (revealRequest != null && (revealRequest.status() == RevealStatus.PENDING
                || revealRequest.status() == RevealStatus.APPROVED)) {
            throw Problems.conflict("lead.revealOpen", revealRequest.status().name());
        }
        this.revealRequest = new RevealRequest(actor.subject(), actor.username(), reason, now, RevealStatus.PENDING,
                null, null, null, null);
    }

    /** 审批: a second inspector with jurisdiction over the lead's department approves or refuses the request. */
    public void decideReveal(boolean approve, String decision, Caller actor, Instant now) {
        if (revealRequest == null || revealRequest.status() != RevealStatus.PENDING) {
            throw Problems.conflict("lead.noRevealRequest");
        }
        if (!actor.has(Role.INSPECTOR) || actor.subject().equals(revealRequest.requester())) {
            throw Problems.forbidden("lead.revealNeedsSecondInspector");
        }
        LeadWorkflow.requireJurisdiction(actor, department);
        this.revealRequest = revealRequest.decided(approve ? RevealStatus.APPROVED : RevealStatus.REFUSED, actor,
                decision, now);
    }

    /** One reveal per approval, to the handler who asked for it; false when there is no such approval. */
    public boolean useReveal(Caller actor) {
        if (!actor.subject().equals(handler) || revealRequest == null
                || revealRequest.status() != RevealStatus.APPROVED || !revealRequest.requester().equals(actor.subject())) {
            return false;
        }
        this.revealRequest = revealRequest.used();
        return true;
    }

    /** 函询回复: the subject's written reply to an inquiry arrived. */
    public void replyReceived(LocalDate repliedOn, Caller actor, LocalDate today) {
        LeadWorkflow.requireActor(actor, handler);
        if (state != LeadState.INQUIRY || inquiryRepliedOn != null) {
            throw Problems.conflict("lead.noOpenInquiry", state.name() + " " + state.label());
        }
        if (repliedOn.isBefore(inquiryStartedOn) || repliedOn.isAfter(today)) {
            throw Problems.rule("repliedOn", "lead.replyDateOutOfRange", inquiryStartedOn, today);
        }
        inquiryRepliedOn = repliedOn;
    }

    /** An inquiry whose reply has not come by its due date. */
    public boolean inquiryOverdue(LocalDate today) {
        return state == LeadState.INQUIRY && inquiryRepliedOn == null && inquiryDueOn != null && today.isAfter(inquiryDueOn);
    }

    @Override
    public String department() { return department; }
    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "lead"; }
    public LeadSource source() { return source; }
    public List<String> subjectMemberIds() { return List.copyOf(subjectMemberIds); }
    public String subjectOrganizationId() { return subjectOrganizationId; }
    public String summary() { return summary; }
    public LocalDate receivedOn() { return receivedOn; }
    public String handler() { return handler; }
    public String handlerName() { return handlerName; }
    public boolean anonymous() { return anonymous; }
    public boolean hasNamedReporter() { return reporterCiphertext != null; }
    public Handover pendingHandover() { return pendingHandover; }
    public RevealRequest revealRequest() { return revealRequest; }
    String reporterCiphertext() { return reporterCiphertext; }
    public LeadState state() { return state; }
    public Outcome outcome() { return outcome; }
    public LocalDate decidedOn() { return decidedOn; }
    public LocalDate inquiryStartedOn() { return inquiryStartedOn; }
    public LocalDate inquiryDueOn() { return inquiryDueOn; }
    public LocalDate inquiryRepliedOn() { return inquiryRepliedOn; }
    public List<Step> steps() { return List.copyOf(steps); }
    public Instant createdAt() { return createdAt; }
}
