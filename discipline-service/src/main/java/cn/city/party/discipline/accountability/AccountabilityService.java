package cn.city.party.discipline.accountability;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.roster.Roster;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 问责 against organizations of the roster: recorded with its event for the scorecards; every change and read audited. */
@Service
public class AccountabilityService {

    static final String ENTITY = "entity.accountability";

    private final ScopedMongo store;
    private final Roster roster;
    private final EventFactory events;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public AccountabilityService(ScopedMongo store, Roster roster, EventFactory events, AuditTrail audit, Clock clock,
                                 PlatformCalendar calendar) {
        this.store = store;
        this.roster = roster;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** {@code department} null: the caller's own. */
    public record NewAccountability(String department, String organizationId, Accountability.Kind kind,
                                    LocalDate decidedOn, String reason) {
    }

    public Accountability record(NewAccountability request) {
        Caller caller = CurrentCaller.get();
        String department = request.department() != null ? request.department() : caller.department();
        store.requireWritable(department);
        if (request.decidedOn().isAfter(calendar.today())) {
            throw Problems.rule("decidedOn", "date.inFuture", request.decidedOn());
        }
        roster.requireOrganization("organizationId", request.organizationId(), department);
        Accountability record = new Accountability(UUID.randomUUID().toString(), department, request.organizationId(),
                request.kind(), request.decidedOn(), request.reason(), caller.username(), clock.instant());
        record.raise(events.create(Accountability.RECORDED, record.id(), department, record.data()));
        return audit.change(record, "accountability.recorded", request.kind().name(), store::insert);
    }

    /** The records in scope, the latest decision first. */
    public List<Accountability> list() {
        return store.find(new Criteria(), Sort.by(Sort.Direction.DESC, "decidedOn"), Accountability.class);
    }

    /** One record with its reasons; the read is recorded in the audit trail. */
    public Accountability read(String id) {
        Accountability record = store.getById(id, Accountability.class, ENTITY);
        audit.record("accountability.read", record, null);
        return record;
    }
}
