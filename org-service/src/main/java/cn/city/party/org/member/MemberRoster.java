package cn.city.party.org.member;

import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;

/** Counts over the member roster that the department and organization pages need, in the caller's scope. */
@Component
public class MemberRoster {

    private static final List<MemberStatus> ON_ROLL =
            List.of(MemberStatus.PROBATIONARY, MemberStatus.FULL, MemberStatus.SUSPENDED);

    private final ScopedMongo store;

    public MemberRoster(ScopedMongo store) {
        this.store = store;
    }

    /** 专职党务干部 of a department (probationary or full members flagged FULL_TIME). */
    public int fullTimeCadres(String department) {
        return (int) store.count(Criteria.where("department").is(department)
                .and("partyAffairsCadre").is(PartyAffairsCadre.FULL_TIME)
                .and("status").in(MemberStatus.PROBATIONARY, MemberStatus.FULL), Member.class);
    }

    /** Whether any member on the roll belongs to this branch or Party group. */
    public boolean hasMembersIn(String organizationId) {
        return store.exists(new Criteria().orOperator(Criteria.where("branchId").is(organizationId),
                Criteria.where("partyGroupId").is(organizationId)).and("status").in(ON_ROLL), Member.class);
    }

    /** 正式党员 in these branches. */
    public long fullMembersIn(Collection<String> branchIds) {
        return store.count(Criteria.where("branchId").in(branchIds).and("status").is(MemberStatus.FULL), Member.class);
    }
}
