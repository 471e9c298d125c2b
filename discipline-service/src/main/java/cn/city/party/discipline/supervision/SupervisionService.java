package cn.city.party.discipline.supervision;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.audit.AuditTrail;
import cn.city.party.discipline.roster.Roster;
import cn.city.party.discipline.roster.RosterMember;
import cn.city.party.discipline.roster.RosterOrganization;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** 廉政谈话、巡查回访、廉政监督卡: who they covered (members or branches of the roster) and the coverage rates. */
@Service
public class SupervisionService {

    private final ScopedMongo store;
    private final Roster roster;
    private final AuditTrail audit;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public SupervisionService(ScopedMongo store, Roster roster, AuditTrail audit, Clock clock,
                              PlatformCalendar calendar) {
        this.store = store;
        this.roster = roster;
        this.audit = audit;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** {@code department} null: the caller's own. */
    public record NewRecord(String department, SupervisionRecord.Kind kind, LocalDate heldOn, List<String> coveredIds,
                            String note) {
    }

    public SupervisionRecord record(NewRecord request) {
        Caller caller = CurrentCaller.get();
        String department = request.department() != null ? request.department() : caller.department();
        store.requireWritable(department);
        if (request.heldOn().isAfter(calendar.today())) {
            throw Problems.rule("heldOn", "date.inFuture", request.heldOn());
        }
        List<String> covered = request.coveredIds().stream().distinct().toList();
        if (request.kind().population() == SupervisionRecord.Population.MEMBERS) {
            roster.requireMembers("coveredIds", covered, department);
        } else {
            for (int i = 0; i < covered.size(); i++) {
                roster.requireOrganization("coveredIds[" + i + "]", covered.get(i), department);
            }
        }
        SupervisionRecord record = new SupervisionRecord(UUID.randomUUID().toString(), department, request.kind(),
                request.heldOn(), request.heldOn().getYear(), covered, request.note(), caller.username(), clock.instant());
        return audit.change(record, "supervision.recorded", request.kind().name(), store::insert);
    }

    /** The records of a year in scope (of one kind when named), by department and date. */
    public List<SupervisionRecord> list(int year, SupervisionRecord.Kind kind) {
        Criteria criteria = Criteria.where("year").is(year);
        if (kind != null) {
            criteria = criteria.and("kind").is(kind);
        }
        return store.find(criteria, Sort.by("department", "heldOn"), SupervisionRecord.class);
    }

    /** Coverage per department and kind: current members, or active branches, reached in the year (counts only). */
    public List<Coverage> coverage(int year, String department) {
        Map<String, List<RosterMember>> members = roster.members(department).stream().filter(RosterMember::isCurrent)
                .collect(Collectors.groupingBy(RosterMember::department, TreeMap::new, Collectors.toList()));
        Map<String, List<RosterOrganization>> branches = roster.organizations(department).stream()
                .filter(o -> o.isActive() && "BRANCH".equals(o.type()))
                .collect(Collectors.groupingBy(RosterOrganization::department));
        Criteria criteria = Criteria.where("year").is(year);
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        Map<String, List<SupervisionRecord>> records = store.find(criteria, SupervisionRecord.class).stream()
                .collect(Collectors.groupingBy(SupervisionRecord::department));
        List<Coverage> result = new ArrayList<>();
        for (String dept : members.keySet()) {
            for (SupervisionRecord.Kind kind : SupervisionRecord.Kind.values()) {
                List<String> population = kind.population() == SupervisionRecord.Population.MEMBERS
                        ? members.get(dept).stream().map(RosterMember::memberId).toList()
                        : branches.getOrDefault(dept, List.of()).stream().map(RosterOrganization::id).toList();
                result.add(Coverage.of(dept, kind, year, population, records.getOrDefault(dept, List.of())));
            }
        }
        return result;
    }
}
