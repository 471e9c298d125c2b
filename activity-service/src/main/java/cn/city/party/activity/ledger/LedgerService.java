package cn.city.party.activity.ledger;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityStatus;
import cn.city.party.activity.activity.BranchAccess;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterOrganization;
import cn.city.party.common.error.Problems;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** 台账: the sittings a branch or a department held in a year, read from the records themselves, in scope. */
@Service
class LedgerService {

    private final ScopedMongo store;
    private final BranchAccess access;
    private final Roster roster;

    LedgerService(ScopedMongo store, BranchAccess access, Roster roster) {
        this.store = store;
        this.access = access;
        this.roster = roster;
    }

    record Ledger(String title, List<LedgerEntry> entries) {
    }

    /** A branch's ledger: its secretary, its department's admin or the work committee. */
    Ledger branch(String branchId, int year) {
        RosterOrganization branch = roster.organization(branchId)
                .filter(o -> RosterOrganization.BRANCH.equals(o.type()) && store.scope().permits(o.department()))
                .orElseThrow(() -> Problems.notFound("entity.branch", branchId));
        access.requireReadable(branchId, "entity.branch", branchId);
        List<LedgerEntry> entries = held(Criteria.where("branchId").is(branchId), year).stream()
                .map(a -> LedgerEntry.of(branch.name(), a)).toList();
        return new Ledger(branch.name() + " " + year + "年度组织生活记录台账", entries);
    }

    /** A department's ledger, branch by branch: its admin or the work committee. */
    Ledger department(String department, int year) {
        store.requireWritable(department);
        Map<String, String> names = roster.branches().stream().filter(b -> department.equals(b.department()))
                .collect(Collectors.toMap(RosterOrganization::id, RosterOrganization::name));
        Function<Activity, String> name = a -> names.getOrDefault(a.branchId(), a.branchId());
        List<LedgerEntry> entries = held(Criteria.where("department").is(department), year).stream()
                .sorted(Comparator.comparing(name).thenComparing(LedgerEntry::heldAtOf))
                .map(a -> LedgerEntry.of(name.apply(a), a)).toList();
        return new Ledger(department + " " + year + "年度组织生活记录台账", entries);
    }

    private List<Activity> held(Criteria criteria, int year) {
        Period y = Period.year(year);
        return store.find(criteria.and("status").in(ActivityStatus.HELD, ActivityStatus.ARCHIVED)
                .and("occursAt").gte(y.start()).lt(y.end()), Sort.by("occursAt"), Activity.class);
    }
}
