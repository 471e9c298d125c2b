package cn.city.party.discipline.notice;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.roster.Roster;
import cn.city.party.discipline.roster.RosterMember;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 典型案例通报: published only when anonymized (no member's name, no identifier), with its event for the study
 * service; a city-wide notice (no department) only by a city-jurisdiction inspector.
 */
@Service
public class NoticeService {

    private final ScopedMongo store;
    private final Roster roster;
    private final EventFactory events;
    private final AuditTrail audit;
    private final Clock clock;

    public NoticeService(ScopedMongo store, Roster roster, EventFactory events, AuditTrail audit, Clock clock) {
        this.store = store;
        this.roster = roster;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code department} null: city-wide. */
    public record NewNotice(String department, String title, String summary, Notice.Audience audience) {
    }

    public Notice publish(NewNotice request) {
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
        return audit.change(notice, "notice.published", null, store::insert);
    }

    /** The notices in scope, newest first. */
    public List<Notice> list() {
        return store.find(new Criteria(), Sort.by(Sort.Direction.DESC, "publishedAt"), Notice.class);
    }
}
