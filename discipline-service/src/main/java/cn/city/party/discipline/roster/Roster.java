package cn.city.party.discipline.roster;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/** Who may be the subject of a lead or a sanction: current members and active organizations of its department. */
@Service
public class Roster {

    private final ScopedMongo store;

    public Roster(ScopedMongo store) {
        this.store = store;
    }

    /** The member, known, current and of {@code department}; otherwise a 422 naming {@code field}. */
    public RosterMember requireMember(String field, String memberId, String department) {
        return store.findById(memberId, RosterMember.class)
                .filter(m -> m.department().equals(department) && m.isCurrent())
                .orElseThrow(() -> Problems.rule(field, "roster.unknownMember", memberId, department));
    }

    public List<RosterMember> requireMembers(String field, List<String> memberIds, String department) {
        List<DomainProblem.Violation> unknown = new ArrayList<>();
        List<RosterMember> found = new ArrayList<>();
        for (int i = 0; i < memberIds.size(); i++) {
            try {
                found.add(requireMember(field + "[" + i + "]", memberIds.get(i), department));
            } catch (DomainProblem problem) {
                unknown.addAll(problem.violations());
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainProblem(org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT, "roster.unknownSubjects",
                    new Object[0], unknown);
        }
        return found;
    }

    public RosterOrganization requireOrganization(String field, String organizationId, String department) {
        return store.findById(organizationId, RosterOrganization.class)
                .filter(o -> o.department().equals(department) && o.isActive())
                .orElseThrow(() -> Problems.rule(field, "roster.unknownOrganization", organizationId, department));
    }

    public List<RosterMember> members(String department) {
        Criteria criteria = department == null ? new Criteria() : Criteria.where("department").is(department);
        return store.find(criteria, Sort.by("department", "_id"), RosterMember.class);
    }

    public List<RosterOrganization> organizations(String department) {
        Criteria criteria = department == null ? new Criteria() : Criteria.where("department").is(department);
        return store.find(criteria, Sort.by("department", "_id"), RosterOrganization.class);
    }
}
