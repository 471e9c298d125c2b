package cn.city.party.org.member;

import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.department.CadreCount;
import cn.city.party.org.organization.BranchRolls;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Counts over the member roster that the department and organization pages need, in the caller's scope. */
@Component
public class MemberRoster implements BranchRolls, CadreCount {

    private final ScopedMongo store;
    private final MongoTemplate mongo;

    public MemberRoster(ScopedMongo store, MongoTemplate mongo) {
        this.store = store;
        this.mongo = mongo;
    }

    /** 专职党务干部 of a department (probationary or full members flagged FULL_TIME). */
    @Override
    public int fullTimeCadres(String department) {
        return (int) store.count(Criteria.where("department").is(department)
                .and("partyAffairsCadre").is(PartyAffairsCadre.FULL_TIME)
                .and("status").in(MemberStatus.ACTIVE), Member.class);
    }

    /** Whether any member on the roll belongs to this branch or Party group. */
    @Override
    public boolean hasMembersIn(String organizationId) {
        return store.exists(new Criteria().orOperator(Criteria.where("branchId").is(organizationId),
                Criteria.where("partyGroupId").is(organizationId)).and("status").in(MemberStatus.ON_ROLL), Member.class);
    }

    /** The roll of each of these branches (every one of them in the map, empty ones too). */
    @Override
    public Map<String, BranchRoll> rollsByBranch(Collection<String> branchIds) {
        return rolls(store.query(Criteria.where("branchId").in(branchIds).and("status").in(MemberStatus.ACTIVE)),
                branchIds);
    }

    /**
     * The roll of each of these branches, whoever asks: the scorecards keep what they evaluate from it for every caller
     * of the department, so it must not depend on the first caller's scope. By branch alone (a branch's members are
     * of its department), so that the branch index answers it, not the department's whole roster.
     */
    public Map<String, BranchRoll> rollsOf(Collection<String> branchIds) {
        return rolls(Query.query(Criteria.where("branchId").in(branchIds).and("status").in(MemberStatus.ACTIVE)),
                branchIds);
    }

    private Map<String, BranchRoll> rolls(Query query, Collection<String> branchIds) {
        query.fields().include("branchId").include("status");
        Map<String, java.util.Set<String>> members = new HashMap<>();
        Map<String, Long> full = new HashMap<>();
        branchIds.forEach(id -> members.put(id, new java.util.TreeSet<>()));
        for (Document m : mongo.find(query, Document.class, mongo.getCollectionName(Member.class))) {
            String branch = m.getString("branchId");
            members.computeIfAbsent(branch, b -> new java.util.TreeSet<>()).add(m.getString("_id"));
            if (MemberStatus.FULL.name().equals(m.getString("status"))) {
                full.merge(branch, 1L, Long::sum);
            }
        }
        Map<String, BranchRoll> rolls = new HashMap<>();
        members.forEach((branch, ids) -> rolls.put(branch, new BranchRoll(ids, full.getOrDefault(branch, 0L))));
        return rolls;
    }

    /** Which of these member ids this service holds, whatever their status or branch (any department). */
    public java.util.Set<String> existing(Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Set.of();
        }
        Query query = Query.query(Criteria.where("_id").in(memberIds));
        query.fields().include("_id");
        java.util.Set<String> found = new java.util.HashSet<>();
        mongo.find(query, Document.class, mongo.getCollectionName(Member.class)).forEach(d -> found.add(d.getString("_id")));
        return found;
    }

    /** 正式党员 in these branches. */
    public long fullMembersIn(Collection<String> branchIds) {
        return store.count(Criteria.where("branchId").in(branchIds).and("status").is(MemberStatus.FULL), Member.class);
    }
}
