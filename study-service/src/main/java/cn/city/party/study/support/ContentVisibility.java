package cn.city.party.study.support;

import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.security.SecretaryBranches;
import cn.city.party.study.roster.Roster;
import cn.city.party.study.roster.RosterMember;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What study content (materials, exams: documents with {@code department}, {@code branchId}, {@code audience} and
 * {@code status}) a caller may read. Unlike other department-owned records, city-wide content ({@link Reach#CITY})
 * is open to every department, which {@code ScopedMongo}'s department filter cannot express; so these reads use
 * this criterion instead: the work committee everything; a department admin its department's content and published
 * city content; a secretary also its branch's drafts; everyone the published content whose reach includes them.
 */
@Component
public class ContentVisibility {

    private final Roster roster;

    public ContentVisibility(Roster roster) {
        this.roster = roster;
    }

    public Criteria criteria(Caller caller, String publishedStatus) {
        if (caller.has(Role.WORK_COMMITTEE_ADMIN)) {
            return new Criteria();
        }
        List<Criteria> open = new ArrayList<>();
        Optional<RosterMember> member = roster.memberOf(caller).filter(RosterMember::active);
        if (caller.has(Role.DEPT_ADMIN)) {
            open.add(Criteria.where("department").is(caller.department()));
            open.add(Criteria.where("department").is(Reach.CITY).and("status").is(publishedStatus));
        }
        Set<String> served = SecretaryBranches.of(caller);
        if (!served.isEmpty()) {
            open.add(Criteria.where("department").is(caller.department()).and("branchId").in(served));
        }
        member.ifPresent(m -> open.add(new Criteria().andOperator(Reach.reaching(m),
                Criteria.where("status").is(publishedStatus))));
        if (open.isEmpty()) {
            return Criteria.where("_id").in(List.of()); // nothing
        }
        return new Criteria().orOperator(open);
    }
}
