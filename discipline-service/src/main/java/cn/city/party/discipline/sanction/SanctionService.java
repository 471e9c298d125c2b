package cn.city.party.discipline.sanction;

import cn.city.party.common.error.Problems;
import cn.city.party.common.events.EventType;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.DisciplineRules;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.lead.Lead;
import cn.city.party.discipline.roster.Roster;
import cn.city.party.discipline.roster.RosterMember;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Imposes, corrects and revokes sanctions; each is one atomic write with its event, and is audited. */
@Service
public class SanctionService {

    static final String ENTITY = "entity.sanction";

    private final ScopedMongo store;
    private final Roster roster;
    private final InfluencePeriods periods;
    private final EventFactory events;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public SanctionService(ScopedMongo store, Roster roster, DisciplineRules rules, EventFactory events,
                           AuditTrail audit, Clock clock, PlatformCalendar calendar) {
        this.store = store;
        this.roster = roster;
        this.periods = new InfluencePeriods(rules);
        this.events = events;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    public Sanction impose(String department, String memberId, SanctionType type, LocalDate decidedOn,
                           Integer probationMonths, String leadId) {
        Caller caller = CurrentCaller.get();
        String dept = department != null ? department : caller.department();
        store.requireWritable(dept);
        requireNotFuture("decidedOn", decidedOn);
        RosterMember member = roster.requireMember("memberId", memberId, dept);
        if (leadId != null) {
            Lead lead = store.findById(leadId, Lead.class).filter(l -> l.department().equals(dept))
                    .orElseThrow(() -> Problems.rule("leadId", "sanction.unknownLead", leadId));
            DecisionBasis.check(lead, memberId, type);
        }
        Sanction sanction = new Sanction(UUID.randomUUID().toString(), dept, member.memberId(), member.branchId(), type,
                probationMonths, decidedOn, periods.of(type, decidedOn, probationMonths), leadId, caller.username(),
                clock.instant());
        raise(sanction, SanctionEvents.IMPOSED, SanctionEvents.SanctionData.of(sanction));
        return audit.change(sanction, "sanction.imposed", type.name(), store::insert);
    }

    public Sanction correct(String id, SanctionType type, LocalDate decidedOn, Integer probationMonths, String reason) {
        Sanction sanction = store.getById(id, Sanction.class, ENTITY);
        requireNotFuture("decidedOn", decidedOn);
        sanction.correct(type, probationMonths, decidedOn, periods.of(type, decidedOn, probationMonths), reason,
                CurrentCaller.get().username(), clock.instant());
        raise(sanction, SanctionEvents.CORRECTED, SanctionEvents.SanctionData.of(sanction));
        return audit.change(sanction, "sanction.corrected", type.name(), store::save);
    }

    public Sanction revoke(String id, LocalDate revokedOn, String reason) {
        Sanction sanction = store.getById(id, Sanction.class, ENTITY);
        requireNotFuture("revokedOn", revokedOn);
        sanction.revoke(revokedOn, reason, CurrentCaller.get().username(), clock.instant());
        raise(sanction, SanctionEvents.REVOKED, new SanctionEvents.RevokedData(sanction.id(), sanction.memberId(),
                sanction.department(), revokedOn));
        return audit.change(sanction, "sanction.revoked", null, store::save);
    }

    public Sanction read(String id) {
        Sanction sanction = store.getById(id, Sanction.class, ENTITY);
        audit.record("sanction.read", sanction, null);
        return sanction;
    }

    public List<Sanction> list(String department, String memberId) {
        Criteria criteria = new Criteria();
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        if (memberId != null) {
            criteria = criteria.and("memberId").is(memberId);
        }
        return store.find(criteria, Sort.by(Sort.Direction.DESC, "decidedOn"), Sanction.class);
    }

    public LocalDate today() {
        return calendar.today();
    }

    private void requireNotFuture(String field, LocalDate date) {
        if (date.isAfter(today())) {
            throw Problems.rule(field, "date.inFuture", date);
        }
    }

    private void raise(Sanction sanction, EventType type, Object data) {
        sanction.raise(events.create(type, sanction.id(), sanction.department(), data));
    }
}
