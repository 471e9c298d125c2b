package cn.city.party.discipline.lead;

import cn.city.party.common.security.For;
import cn.city.party.common.tenancy.DepartmentCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 问题线索 and their disposition. Inspectors only, in their department scope (a city-jurisdiction inspector sees
 * every department). Lists carry no content and never the reporter; the detail read is audited.
 */
@RestController
@RequestMapping("/api/discipline")
@Tag(name = "线索 Leads")
public class LeadController {

    private final LeadService leads;

    public LeadController(LeadService leads) {
        this.leads = leads;
    }

    public record ReporterInput(@NotBlank @Size(max = 64) String name, @NotBlank @Size(max = 128) String contact) {
    }

    public record CreateLead(
            @DepartmentCode String department,
            @NotNull LeadSource source,
            @Size(max = 20) List<@NotBlank @Size(max = 64) String> subjectMemberIds,
            @Size(max = 64) String subjectOrganizationId,
            @NotBlank @Size(max = 4000) String summary,
            @NotNull LocalDate receivedOn,
            @Valid ReporterInput reporter) {
    }

    public record Transition(@NotNull LeadState to, @NotBlank @Size(max = 1000) String reason, Outcome outcome) {
    }

    public record HandOver(
            @NotBlank @Pattern(regexp = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}") String handler,
            @NotBlank @Size(max = 64) String handlerName,
            @NotBlank @Size(max = 1000) String reason) {
    }

    public record InquiryReply(@NotNull LocalDate repliedOn) {
    }

    public record RevealRequestInput(@NotBlank @Size(max = 1000) String reason) {
    }

    public record RevealDecision(@NotNull Boolean approve, @NotBlank @Size(max = 1000) String reason) {
    }

    /** Where a request to see the named reporter stands (never the reporter). */
    public record RevealView(Lead.RevealStatus status, String requesterName, String reason, Instant requestedAt,
                             String deciderName, String decision, Instant decidedAt) {
        static RevealView of(Lead.RevealRequest r) {
            return r == null ? null : new RevealView(r.status(), r.requesterName(), r.reason(), r.requestedAt(),
                    r.deciderName(), r.decision(), r.decidedAt());
        }
    }

    public record ReceiptQuery(@NotBlank @Size(max = 40) String code) {
    }

    public record ReceiptStatus(String status) {
    }

    /** What a list shows: no summary, no reporter, no transitions' reasons. */
    public record LeadListItem(String id, String department, LeadSource source, String sourceLabel, LeadState state,
                               String stateLabel, LocalDate receivedOn, String handlerName, boolean anonymous,
                               LocalDate inquiryDueOn, boolean inquiryOverdue) {
        static LeadListItem of(Lead l, LocalDate today) {
            return new LeadListItem(l.id(), l.department(), l.source(), l.source().label(), l.state(), l.state().label(),
                    l.receivedOn(), l.handlerName(), l.anonymous(), l.inquiryDueOn(), l.inquiryOverdue(today));
        }
    }

    public record StepView(LeadState from, LeadState to, String reason, Outcome outcome, String actorName, Instant at) {
        static StepView of(Lead.Step s) {
            return new StepView(s.from(), s.to(), s.reason(), s.outcome(), s.actorName(), s.at());
        }
    }

    /**
     * The details (audited read). The reporter is not here: only {@code /reporter} reveals it, to the handler, once
     * per approval of a second inspector.
     */
    public record LeadDetail(String id, String department, LeadSource source, String sourceLabel,
                             List<String> subjectMemberIds, String subjectOrganizationId, String summary,
                             LocalDate receivedOn, String handlerName, String offeredToName, RevealView reveal,
                             boolean anonymous, boolean hasNamedReporter,
                             LeadState state, String stateLabel, Set<LeadState> allowedNext, Outcome outcome,
                             Integer form, LocalDate decidedOn, LocalDate inquiryDueOn, LocalDate inquiryRepliedOn,
                             boolean inquiryOverdue, List<StepView> steps, String receiptCode) {
        static LeadDetail of(Lead l, LocalDate today, String receiptCode) {
            return new LeadDetail(l.id(), l.department(), l.source(), l.source().label(), l.subjectMemberIds(),
                    l.subjectOrganizationId(), l.summary(), l.receivedOn(), l.handlerName(),
                    l.pendingHandover() == null ? null : l.pendingHandover().toName(), RevealView.of(l.revealRequest()),
                    l.anonymous(),
                    l.hasNamedReporter(), l.state(), l.state().label(), LeadWorkflow.allowedFrom(l.state()), l.outcome(),
                    l.outcome() == null ? null : l.outcome().form(), l.decidedOn(), l.inquiryDueOn(),
                    l.inquiryRepliedOn(), l.inquiryOverdue(today), l.steps().stream().map(StepView::of).toList(),
                    receiptCode);
        }
    }

    @PostMapping("/leads")
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "登记线索 Register a lead (the creating inspector becomes its handler); "
            + "an anonymous lead answers with its receipt code once")
    public LeadDetail create(@Valid @RequestBody CreateLead request) {
        LeadService.Created created = leads.create(new LeadService.NewLead(request.department(), request.source(),
                request.subjectMemberIds(), request.subjectOrganizationId(), request.summary(), request.receivedOn(),
                request.reporter() == null ? null : new LeadService.Reporter(request.reporter().name(), request.reporter().contact())));
        return LeadDetail.of(created.lead(), leads.today(), created.receiptCode());
    }

    @GetMapping("/leads")
    @For.Inspector
    @Operation(summary = "线索列表 Leads in scope (no content)")
    public List<LeadListItem> list(@RequestParam(required = false) String department,
                                   @RequestParam(required = false) LeadState state) {
        LocalDate today = leads.today();
        return leads.list(department, state).stream().map(l -> LeadListItem.of(l, today)).toList();
    }

    @GetMapping("/leads/overdue-inquiries")
    @For.Inspector
    @Operation(summary = "函询逾期 Inquiries whose reply is overdue")
    public List<LeadListItem> overdue() {
        LocalDate today = leads.today();
        return leads.overdueInquiries().stream().map(l -> LeadListItem.of(l, today)).toList();
    }

    @GetMapping("/leads/{id}")
    @For.Inspector
    @Operation(summary = "线索详情 A lead's details (the read is audited)")
    public ResponseEntity<LeadDetail> get(@PathVariable String id) {
        return noStore(LeadDetail.of(leads.read(id), leads.today(), null));
    }

    @PostMapping("/leads/{id}/reveal-request")
    @ResponseStatus(HttpStatus.CREATED)
    @For.Inspector
    @Operation(summary = "申请查看实名举报人 The handler asks to see the named reporter (audited)")
    public RevealView requestReveal(@PathVariable String id, @Valid @RequestBody RevealRequestInput request) {
        return RevealView.of(leads.requestReveal(id, request.reason()).revealRequest());
    }

    @PostMapping("/leads/{id}/reveal-request/decision")
    @For.Inspector
    @Operation(summary = "审批查看申请 A second inspector approves or refuses the request (audited)")
    public RevealView decideReveal(@PathVariable String id, @Valid @RequestBody RevealDecision request) {
        return RevealView.of(leads.decideReveal(id, request.approve(), request.reason()).revealRequest());
    }

    @GetMapping("/leads/{id}/reporter")
    @For.Inspector
    @Operation(summary = "查看实名举报人 The named reporter, to the lead's handler, once per approved request (audited)")
    public ResponseEntity<LeadService.Reporter> reporter(@PathVariable String id) {
        return noStore(leads.revealReporter(id));
    }

    @PostMapping("/leads/{id}/transitions")
    @For.Inspector
    @Operation(summary = "处置 Move the lead on; refused with the current and the allowed states when out of order")
    public LeadDetail transition(@PathVariable String id, @Valid @RequestBody Transition request) {
        return LeadDetail.of(leads.transition(id, request.to(), request.reason(), request.outcome()), leads.today(), null);
    }

    @PostMapping("/leads/{id}/handler")
    @For.Inspector
    @Operation(summary = "移交承办人 Offer the lead to another inspector (by its handler or a city-level inspector); "
            + "it changes hands when that inspector accepts")
    public LeadDetail handOver(@PathVariable String id, @Valid @RequestBody HandOver request) {
        return LeadDetail.of(leads.offerHandover(id, request.handler(), request.handlerName(), request.reason()),
                leads.today(), null);
    }

    @PostMapping("/leads/{id}/handler/acceptance")
    @For.Inspector
    @Operation(summary = "接收移交 The offered inspector, with jurisdiction over the lead's department, takes it over")
    public LeadDetail acceptHandover(@PathVariable String id) {
        return LeadDetail.of(leads.acceptHandover(id), leads.today(), null);
    }

    @PostMapping("/leads/{id}/inquiry-reply")
    @For.Inspector
    @Operation(summary = "函询回复 Record that the written reply arrived")
    public LeadDetail inquiryReply(@PathVariable String id, @Valid @RequestBody InquiryReply request) {
        return LeadDetail.of(leads.inquiryReply(id, request.repliedOn()), leads.today(), null);
    }

    /**
     * 匿名查询: any signed-in user holding a receipt code learns the coarse status. It is behind the gateway token
     * like everything else (no unauthenticated door into the discipline service), the code travels in the body (not
     * in URLs or access logs), and who asked is not recorded with the lead.
     */
    @PostMapping("/lead-receipts/status")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "匿名举报查询 Status of an anonymous lead by its receipt code")
    public ResponseEntity<ReceiptStatus> receipt(@Valid @RequestBody ReceiptQuery query) {
        return noStore(new ReceiptStatus(leads.receiptStatus(query.code()).receiptStatus()));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
