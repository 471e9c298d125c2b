package cn.city.party.discipline.lead;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.DisciplineRules;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.roster.Roster;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Leads and their disposition. Every read of a lead's details and every change is written to the audit trail;
 * the detail read is recorded before anything is returned.
 */
@Service
public class LeadService {

    static final String ENTITY = "entity.lead";

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final Roster roster;
    private final ReporterCipher cipher;
    private final AuditTrail audit;
    private final WorkingCalendar calendar;
    private final DisciplineRules rules;
    private final JsonMapper json;
    private final Clock clock;
    private final PlatformCalendar platformCalendar;

    public LeadService(ScopedMongo store, MongoTemplate mongo, Roster roster, ReporterCipher cipher, AuditTrail audit,
                       WorkingCalendar calendar, DisciplineRules rules, JsonMapper json, Clock clock,
                       PlatformCalendar platformCalendar) {
        this.store = store;
        this.mongo = mongo;
        this.roster = roster;
        this.cipher = cipher;
        this.audit = audit;
        this.calendar = calendar;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
        this.platformCalendar = platformCalendar;
    }

    /** A named reporter as entered; it leaves this service only through {@link #revealReporter}. */
    public record Reporter(String name, String contact) {
    }

    public record NewLead(String department, LeadSource source, List<String> subjectMemberIds,
                          String subjectOrganizationId, String summary, LocalDate receivedOn, Reporter reporter) {
    }

    /** The created lead and, for an anonymous one, the receipt code (shown this once, never stored). */
    public record Created(Lead lead, String receiptCode) {
    }

    public Created create(NewLead request) {
        Caller caller = CurrentCaller.get();
        String department = request.department() != null ? request.department() : caller.department();
        store.requireWritable(department);
        List<String> members = request.subjectMemberIds() == null ? List.of() : request.subjectMemberIds();
        if (members.isEmpty() && request.subjectOrganizationId() == null) {
            throw Problems.rule("subjectMemberIds", "lead.subjectRequired");
        }
        if (request.receivedOn().isAfter(today())) {
            throw Problems.rule("receivedOn", "date.inFuture", request.receivedOn());
        }
        roster.requireMembers("subjectMemberIds", members, department);
        if (request.subjectOrganizationId() != null) {
            roster.requireOrganization("subjectOrganizationId", request.subjectOrganizationId(), department);
        }
        Lead lead = new Lead(UUID.randomUUID().toString(), department, request.source(), members,
                request.subjectOrganizationId(), request.summary(), request.receivedOn(), caller, clock.instant());
        String receiptCode = null;
        if (request.reporter() != null) {
            lead.namedReporter(cipher.encrypt(json.writeValueAsString(request.reporter()), lead.id()));
        } else {
            receiptCode = ReceiptCodes.generate();
            lead.anonymousReporter(ReceiptCodes.hash(receiptCode));
        }
        return new Created(audit.change(lead, "lead.created", request.source().name(), store::insert), receiptCode);
    }

    public List<Lead> list(String department, LeadState state) {
        Criteria criteria = new Criteria();
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        return store.find(criteria, Sort.by(Sort.Direction.DESC, "receivedOn"), Lead.class);
    }

    /** The lead's details; the read is audited first. */
    public Lead read(String id) {
        Lead lead = inScope(id);
        audit.record("lead.read", lead, null);
        return lead;
    }

    /**
     * The named reporter, to the lead's handler only and only once per approval of a second inspector
     * ({@link #requestReveal}, {@link #decideReveal}); the reveal is recorded before the identity is decrypted, and
     * every refused attempt is audited too.
     */
    public Reporter revealReporter(String id) {
        Caller caller = CurrentCaller.get();
        Lead lead = inScope(id);
        if (!lead.hasNamedReporter()) {
            throw Problems.conflict("lead.anonymous");
        }
        if (!lead.useReveal(caller)) {
            audit.record("lead.reporter.refused", lead, null);
            throw Problems.forbidden(caller.subject().equals(lead.handler())
                    ? "lead.revealNotApproved" : "lead.reporterOnlyForHandler");
        }
        Lead used = audit.change(lead, "lead.reporter.revealed", lead.revealRequest().deciderName(), store::save);
        return json.readValue(cipher.decrypt(used.reporterCiphertext(), used.id()), Reporter.class);
    }

    public Lead requestReveal(String id, String reason) {
        Lead lead = inScope(id);
        lead.requestReveal(reason, CurrentCaller.get(), clock.instant());
        return audit.change(lead, "lead.reporter.revealRequested", reason, store::save);
    }

    public Lead decideReveal(String id, boolean approve, String decision) {
        Lead lead = inScope(id);
        lead.decideReveal(approve, decision, CurrentCaller.get(), clock.instant());
        return audit.change(lead, approve ? "lead.reporter.revealApproved" : "lead.reporter.revealRefused", decision,
                store::save);
    }

    public Lead transition(String id, LeadState to, String reason, Outcome outcome) {
        Lead lead = inScope(id);
        Lead.Step step = lead.transition(to, reason, outcome, CurrentCaller.get(), clock.instant(), today(), calendar,
                rules.inquiryReplyWorkingDays());
        return audit.change(lead, "lead.transition",
                step.from().name() + "→" + step.to().name() + (outcome == null ? "" : " " + outcome.name()), store::save);
    }

    public Lead offerHandover(String id, String newHandler, String newHandlerName, String reason) {
        Lead lead = inScope(id);
        lead.offerHandover(newHandler, newHandlerName, reason, CurrentCaller.get(), clock.instant());
        return audit.change(lead, "lead.handover.offered", lead.handlerName() + "→" + newHandlerName + ": " + reason,
                store::save);
    }

    /** By the inspector the lead was offered to; out of its jurisdiction the lead is not even found. */
    public Lead acceptHandover(String id) {
        Lead lead = inScope(id);
        String previous = lead.handlerName();
        lead.acceptHandover(CurrentCaller.get());
        return audit.change(lead, "lead.handler.changed", previous + "→" + lead.handlerName(), store::save);
    }

    public Lead inquiryReply(String id, LocalDate repliedOn) {
        Lead lead = inScope(id);
        lead.replyReceived(repliedOn, CurrentCaller.get(), today());
        return audit.change(lead, "lead.inquiry.replied", repliedOn.toString(), store::save);
    }

    /** 函询逾期: inquiries in scope whose reply is past its due date. */
    public List<Lead> overdueInquiries() {
        LocalDate today = today();
        return store.find(Criteria.where("state").is(LeadState.INQUIRY).and("inquiryRepliedOn").is(null)
                        .and("inquiryDueOn").lt(today), Sort.by("inquiryDueOn"), Lead.class).stream()
                .filter(l -> l.inquiryOverdue(today)).toList();
    }

    /**
     * What an anonymous reporter may learn with its receipt code: a coarse status, nothing else. The lookup is not
     * department-scoped (the reporter may work anywhere) and the caller is deliberately not recorded with it.
     */
    public LeadState receiptStatus(String code) {
        Lead lead = mongo.findOne(Query.query(Criteria.where("receiptCodeHash").is(ReceiptCodes.hash(code))), Lead.class);
        if (lead == null) {
            throw Problems.notFound("entity.receipt", "…");
        }
        audit.recordUndisclosed("lead.receipt.checked", lead);
        return lead.state();
    }

    public LocalDate today() {
        return platformCalendar.today();
    }

    private Lead inScope(String id) {
        return store.getById(id, Lead.class, ENTITY);
    }
}
