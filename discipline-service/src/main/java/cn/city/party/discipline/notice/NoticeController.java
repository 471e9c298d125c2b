package cn.city.party.discipline.notice;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.outbox.OutboxRelay;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.roster.Roster;
import cn.city.party.discipline.roster.RosterMember;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 典型案例通报: an inspector publishes an anonymized summary; the study service turns it into warning-education
 * material. A city-wide notice (no department) needs a city-jurisdiction inspector (the data layer refuses others).
 */
@RestController
@RequestMapping("/api/discipline/notices")
@Tag(name = "通报 Typical-case notices")
public class NoticeController {

    private final ScopedMongo store;
    private final Roster roster;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final AuditTrail audit;
    private final Clock clock;

    public NoticeController(ScopedMongo store, Roster roster, EventFactory events, OutboxRelay relay, AuditTrail audit,
                            Clock clock) {
        this.store = store;
        this.roster = roster;
        this.events = events;
        this.relay = relay;
        this.audit = audit;
        this.clock = clock;
    }

    public record Publish(@Pattern(regexp = "[a-z][a-z0-9-]{1,31}") String department,
                          @NotBlank @Size(max = 100) String title,
                          @NotBlank @Size(max = 2000) String summary,
                          @NotNull Notice.Audience audience) {
    }

    public record View(String id, String department, String title, String summary, Notice.Audience audience,
                       Instant publishedAt) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('INSPECTOR')")
    @Operation(summary = "发布典型案例通报 Publish an anonymized typical-case notice (no department = city-wide)")
    public View publish(@Valid @RequestBody Publish request) {
        Caller caller = CurrentCaller.get();
        if (request.department() == null) {
            if (!store.scope().isAll()) {
                throw Problems.forbidden("notice.cityWideOnlyForCity");
            }
        } else {
            store.requireWritable(request.department());
        }
        List<String> names = roster.members(request.department()).stream().map(RosterMember::name).toList();
        List<DomainProblem.Violation> identifying = new ArrayList<>();
        Anonymization.firstIdentifier(request.title(), names)
                .ifPresent(kind -> identifying.add(new DomainProblem.Violation("title", "notice.identifies." + kind)));
        Anonymization.firstIdentifier(request.summary(), names)
                .ifPresent(kind -> identifying.add(new DomainProblem.Violation("summary", "notice.identifies." + kind)));
        if (!identifying.isEmpty()) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "notice.notAnonymized", new Object[0], identifying);
        }
        Notice notice = new Notice(UUID.randomUUID().toString(), request.department(), request.title(),
                request.summary(), request.audience(), clock.instant(), caller.username());
        notice.raise(events.create(Notice.PUBLISHED, notice.id(), notice.department(), notice.data()));
        Notice saved = audit.change(notice, "notice.published", null, store::insert);
        relay.nudge();
        return new View(saved.id(), saved.department(), saved.title(), saved.summary(), saved.audience(), saved.publishedAt());
    }

}
