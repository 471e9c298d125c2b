package cn.city.party.discipline.rectification;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.DisciplineRules;
import cn.city.party.discipline.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** The rectification ledger; every change is audited. */
@Service
public class RectificationService {

    static final String ENTITY = "entity.rectification";

    private final ScopedMongo store;
    private final AuditTrail audit;
    private final DisciplineRules rules;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public RectificationService(ScopedMongo store, AuditTrail audit, DisciplineRules rules, Clock clock,
                                PlatformCalendar calendar) {
        this.store = store;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.calendar = calendar;
    }

    public record NewItem(String department, RectificationItem.Source source, String problem, LocalDate foundOn,
                          String measure, String owner, LocalDate deadline) {
    }

    public RectificationItem create(NewItem request) {
        Caller caller = CurrentCaller.get();
        String department = request.department() != null ? request.department() : caller.department();
        store.requireWritable(department);
        if (request.foundOn().isAfter(today())) {
            throw Problems.rule("foundOn", "date.inFuture", request.foundOn());
        }
        RectificationItem item = new RectificationItem(UUID.randomUUID().toString(), department,
                request.source(), request.problem(), request.foundOn(), request.measure(), request.owner(),
                request.deadline(), caller, clock.instant());
        return audit.change(item, "rectification.created", null, store::insert);
    }

    public RectificationItem get(String id) {
        return store.getById(id, RectificationItem.class, ENTITY);
    }

    public List<RectificationItem> list(String department, RectificationItem.Status status) {
        Criteria criteria = new Criteria();
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        return store.find(criteria, Sort.by("deadline"), RectificationItem.class);
    }

    /** 逾期: open items past their deadline, the longest overdue first. */
    public List<RectificationItem> overdue() {
        LocalDate today = today();
        return store.find(Criteria.where("status").is(RectificationItem.Status.OPEN).and("deadline").lt(today),
                        RectificationItem.class).stream()
                .filter(i -> i.overdue(today))
                .sorted(Comparator.comparing(RectificationItem::deadline)).toList();
    }

    public RectificationItem addEvidence(String id, String description) {
        RectificationItem item = get(id);
        item.addEvidence(description, CurrentCaller.get(), clock.instant());
        return saved(item, "rectification.evidence", null);
    }

    public RectificationItem closeOut(String id, String reviewNote) {
        RectificationItem item = get(id);
        item.closeOut(reviewNote, CurrentCaller.get(), clock.instant());
        return saved(item, "rectification.closedOut", null);
    }

    public RectificationItem reopen(String id, String reason, LocalDate newDeadline) {
        RectificationItem item = get(id);
        item.reopen(reason, newDeadline, today(), CurrentCaller.get(), clock.instant());
        return saved(item, "rectification.reopened", newDeadline.toString());
    }

    public int escalationDays() {
        return rules.rectificationEscalationDays();
    }

    public LocalDate today() {
        return calendar.today();
    }

    private RectificationItem saved(RectificationItem item, String action, String detail) {
        return audit.change(item, action, detail, store::save);
    }
}
