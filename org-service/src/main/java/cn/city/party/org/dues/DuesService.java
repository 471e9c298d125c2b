package cn.city.party.org.dues;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRules;
import cn.city.party.org.department.Department;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.DuesCategory;
import cn.city.party.org.member.DuesLedger;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberService;
import cn.city.party.org.member.MemberStatus;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@Service
public class DuesService {

    private final ScopedMongo store;
    private final MemberService members;
    private final BranchScope branchScope;
    private final DuesCalculator calculator;
    private final EventFactory events;
    private final PlatformCalendar calendar;

    public DuesService(ScopedMongo store, MemberService members, BranchScope branchScope, DuesCalculator calculator,
                       EventFactory events, PlatformCalendar calendar) {
        this.store = store;
        this.members = members;
        this.branchScope = branchScope;
        this.calculator = calculator;
        this.events = events;
        this.calendar = calendar;
    }

    /** A member's dues with the amount of the current month and the months unpaid so far. */
    public record Account(Member member, BigDecimal currentMonthly, int unpaidMonths) {
    }

    /** One branch's (or the department's) collection in a month; outstanding = due - paid. */
    public record Collection(String branchId, int members, int paidMembers, BigDecimal due, BigDecimal paid,
                             BigDecimal outstanding) {
    }

    public record Report(String department, YearMonth month, List<Collection> branches, Collection total) {
    }

    public Account account(String memberId) {
        return account(members.get(memberId));
    }

    public Account own() {
        return account(branchScope.requireSelf());
    }

    /** 申报缴费基数: kept as history; the new base applies from {@code from} on. */
    public Account declare(String memberId, DuesCategory category, BigDecimal income, YearMonth from) {
        Member member = members.get(memberId);
        requireNotFuture(from);
        member.dues().declare(base(from, category, income.movePointRight(2).longValueExact()));
        return account(store.save(member));
    }

    /** One member's base as a yearly declaration sheet gives it. */
    public record Declaration(Member member, DuesCategory category, long incomeFen) {
    }

    /** Whether the member's base from {@code from} on is already this one (so declaring it again changes nothing). */
    public boolean declared(Declaration d, LocalDate from) {
        return d.member().dues().bases().stream().anyMatch(b -> b.effectiveFrom().equals(from)
                && b.category() == d.category() && b.incomeFen() == d.incomeFen());
    }

    /**
     * 年度申报: declares every base from {@code from} on, or none: should a write fail (the member changed meanwhile),
     * the bases written before it are taken back, restoring what each member had declared for that month.
     */
    public void declareAll(List<Declaration> declarations, YearMonth from) {
        requireNotFuture(from);
        Map<String, Optional<DuesLedger.IncomeBase>> written = new LinkedHashMap<>();
        try {
            for (Declaration d : declarations) {
                Member member = d.member();
                Optional<DuesLedger.IncomeBase> previous = member.dues().bases().stream()
                        .filter(b -> b.effectiveFrom().equals(from.atDay(1))).findFirst();
                member.dues().declare(base(from, d.category(), d.incomeFen()));
                store.save(member);
                written.put(member.id(), previous);
            }
        } catch (RuntimeException e) {
            written.forEach((id, previous) -> {
                Member member = members.get(id);
                previous.ifPresentOrElse(member.dues()::declare, () -> member.dues().withdraw(from.atDay(1)));
                store.save(member);
            });
            throw e;
        }
    }

    private void requireNotFuture(YearMonth from) {
        if (from.isAfter(calendar.currentMonth())) {
            throw Problems.rule("effectiveFrom", "dues.futureMonth");
        }
    }

    private DuesLedger.IncomeBase base(YearMonth from, DuesCategory category, long incomeFen) {
        return new DuesLedger.IncomeBase(from.atDay(1), category, incomeFen,
                calculator.monthlyFen(category, incomeFen, from), calendar.now(), CurrentCaller.get().username());
    }

    /** A cadre records a month paid on the member's behalf. */
    public Account pay(String memberId, YearMonth month) {
        return pay(members.get(memberId), month);
    }

    /** A member pays its own month. */
    public Account payOwn(YearMonth month) {
        return pay(branchScope.requireSelf(), month);
    }

    private Account pay(Member member, YearMonth month) {
        if (month.isAfter(calendar.currentMonth())) {
            throw Problems.rule("month", "dues.futureMonth");
        }
        DuesLedger.IncomeBase base = member.dues().baseFor(month)
                .orElseThrow(() -> Problems.rule("month", "dues.noBase", month));
        if (member.dues().paymentFor(month).isPresent()) {
            throw Problems.conflict("dues.alreadyPaid", month);
        }
        Caller caller = CurrentCaller.get();
        member.dues().pay(new DuesLedger.Payment(month.atDay(1), base.monthlyFen(), calendar.now(), caller.username(),
                !caller.subject().equals(member.accountSubject())));
        member.dues().flag(DuesLedger.level(unpaid(member), member.dues().arrearsReason() != null,
                calculator.arrears(lastDueMonth())));
        return account(store.save(member));
    }

    public Account explainArrears(String memberId, String reason) {
        Member member = members.get(memberId);
        member.dues().explainArrears(reason);
        return account(store.save(member));
    }

    /**
     * 拖欠党费检查: flags every member in scope whose unpaid months reached the warning threshold (3) or, without a
     * reason, the review threshold (6) of the arrears rules in force; an event announces each flag that rose. Run
     * daily and on demand.
     */
    public List<Member> evaluateArrears(String department) {
        List<Member> flagged = new ArrayList<>();
        if (department == null) {
            // the daily pass, one department at a time: a department's members fit in memory, the city's 30,000 do not
            store.find(new Criteria(), Sort.by("_id"), Department.class)
                    .forEach(d -> flagged.addAll(evaluateArrears(d.code())));
            return flagged;
        }
        Criteria c = Criteria.where("status").in(MemberStatus.ACTIVE)
                .and("dues.bases.0").exists(true).and("department").is(department);
        OrgRules.Arrears thresholds = calculator.arrears(lastDueMonth());
        for (Member member : store.find(c, Sort.by("_id"), Member.class)) {
            int unpaid = unpaid(member);
            DuesLedger.ArrearsLevel level = DuesLedger.level(unpaid, member.dues().arrearsReason() != null, thresholds);
            DuesLedger.ArrearsLevel before = member.dues().arrearsLevel();
            if (member.dues().flag(level)) {
                member.raise(events.create(DuesEvents.ARREARS_FLAGGED, member.id(), member.department(),
                        new DuesEvents.ArrearsFlaggedData(member.id(), member.department(), member.branchId(), unpaid, level.name())));
                flagged.add(member);
            }
            if (level != before) {
                store.save(member);
            }
        }
        return flagged;
    }

    /** A member in arrears now: its months unpaid in a row, the level they reach and the reason recorded, if any. */
    public record InArrears(Member member, int unpaidMonths, DuesLedger.ArrearsLevel level) {
    }

    /**
     * 欠缴党员: the department's members whose unpaid months reached the warning or the lapse-review threshold (3 and
     * 6 by default, the arrears rules in force) as of today; the longest arrears first.
     */
    public List<InArrears> arrears(String department) {
        store.requireInScope(department);
        Criteria c = Criteria.where("department").is(department)
                .and("status").in(MemberStatus.ACTIVE)
                .and("dues.bases.0").exists(true);
        OrgRules.Arrears thresholds = calculator.arrears(lastDueMonth());
        List<InArrears> list = new ArrayList<>();
        for (Member member : store.find(c, Sort.by("branchId", "name"), Member.class)) {
            int unpaid = unpaid(member);
            DuesLedger.ArrearsLevel level = DuesLedger.level(unpaid, member.dues().arrearsReason() != null, thresholds);
            if (level != DuesLedger.ArrearsLevel.NONE) {
                list.add(new InArrears(member, unpaid, level));
            }
        }
        list.sort(Comparator.comparingInt(InArrears::unpaidMonths).reversed());
        return list;
    }

    /** 党费收缴情况: per branch and for the department; the department's figures are the sums of its branches'. */
    public Report report(String department, YearMonth month) {
        store.requireInScope(department);
        Criteria c = Criteria.where("department").is(department)
                .and("status").in(MemberStatus.ON_ROLL);
        var served = branchScope.restrictedBranches();
        if (served.isPresent()) {
            c = c.and("branchId").in(served.get());
        }
        Map<String, List<Member>> byBranch = new TreeMap<>();
        store.find(c, Member.class).forEach(m -> byBranch.computeIfAbsent(m.branchId(), b -> new ArrayList<>()).add(m));
        List<Collection> branches = byBranch.entrySet().stream().map(e -> collect(e.getKey(), e.getValue(), month)).toList();
        return new Report(department, month, branches, sum(branches));
    }

    private Collection collect(String branchId, List<Member> list, YearMonth month) {
        int count = 0;
        int paidCount = 0;
        long due = 0;
        long paid = 0;
        for (Member m : list) {
            var base = m.dues().baseFor(month);
            if (base.isEmpty()) {
                continue;
            }
            count++;
            due += base.get().monthlyFen();
            var payment = m.dues().paymentFor(month);
            if (payment.isPresent()) {
                paidCount++;
                paid += payment.get().amountFen();
            }
        }
        return new Collection(branchId, count, paidCount, DuesCalculator.yuan(due), DuesCalculator.yuan(paid),
                DuesCalculator.yuan(due - paid));
    }

    private static Collection sum(List<Collection> branches) {
        return new Collection(null,
                branches.stream().mapToInt(Collection::members).sum(),
                branches.stream().mapToInt(Collection::paidMembers).sum(),
                branches.stream().map(Collection::due).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                branches.stream().map(Collection::paid).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add),
                branches.stream().map(Collection::outstanding).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add));
    }

    /** Unpaid months in a row up to last month (this month can still be paid). */
    private int unpaid(Member member) {
        return member.dues().unpaidMonths(lastDueMonth());
    }

    private YearMonth lastDueMonth() {
        return calendar.currentMonth().minusMonths(1);
    }

    private Account account(Member member) {
        YearMonth now = calendar.currentMonth();
        BigDecimal current = member.dues().baseFor(now).map(b -> DuesCalculator.yuan(b.monthlyFen())).orElse(null);
        return new Account(member, current, unpaid(member));
    }
}
