package cn.city.party.discipline.accountability;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.outbox.OutboxRelay;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.lead.LeadService;
import cn.city.party.discipline.roster.Roster;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 问责: inspectors record accountability against an organization of the roster; published for the scorecards. */
@RestController
@RequestMapping("/api/discipline/accountability")
@Tag(name = "问责 Accountability")
public class AccountabilityController {

    private final ScopedMongo store;
    private final Roster roster;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final AuditTrail audit;
    private final Clock clock;

    public AccountabilityController(ScopedMongo store, Roster roster, EventFactory events, OutboxRelay relay,
                                    AuditTrail audit, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.events = events;
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
    }

    public record Create(@Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String department,
                         @NotBlank @Size(max = 64) String organizationId,
                         @NotNull Accountability.Kind kind,
                         @NotNull LocalDate decidedOn,
                         @NotBlank @Size(max = 2000) String reason) {
    }

    public record View(String id, String department, String organizationId, Accountability.Kind kind,
                       LocalDate decidedOn, String reason, String recordedBy) {
        static View of(Accountability a) {
            return new View(a.id(), a.department(), a.organizationId(), a.kind(), a.decidedOn(), a.reason(), a.recordedBy());
        }
    }

    /** A line of the list: against whom, what and when; the reasons are in the audited details. */
    public record Summary(String id, String department, String organizationId, Accountability.Kind kind, LocalDate decidedOn) {
        static Summary of(Accountability a) {
            return new Summary(a.id(), a.department(), a.organizationId(), a.kind(), a.decidedOn());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "记录问责 Record accountability against an organization")
    public View create(@Valid @RequestBody Create request) {
        Caller caller = CurrentCaller.get();
        String department = request.department() != null ? request.department() : caller.department();
        store.requireWritable(department);
        if (request.decidedOn().isAfter(LocalDate.now(clock.withZone(LeadService.ZONE)))) {
            throw Problems.rule("decidedOn", "date.inFuture", request.decidedOn());
        }
        roster.requireOrganization("organizationId", request.organizationId(), department);
        Accountability record = new Accountability(UUID.randomUUID().toString(), department, request.organizationId(),
                request.kind(), request.decidedOn(), request.reason(), caller.username(), clock.instant());
        record.raise(events.create(Accountability.RECORDED, record.id(), department, record.data()));
        Accountability saved = audit.change(record, "accountability.recorded", request.kind().name(), store::insert);
        relay.nudge();
        return View.of(saved);
    }

    @GetMapping
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "问责记录 Accountability records in scope, as summaries")
    public List<Summary> list() {
        return store.find(new Criteria(), Sort.by(Sort.Direction.DESC, "decidedOn"), Accountability.class).stream()
                .map(Summary::of).toList();
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "问责详情 One record with its reasons; every read is recorded in the audit trail")
    public View get(@PathVariable String id) {
        Accountability record = store.getById(id, Accountability.class, "entity.accountability");
        audit.record("accountability.read", record, null);
        return View.of(record);
    }
}
