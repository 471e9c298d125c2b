package cn.city.party.activity.roster;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Questions answered from this service's roster read models. */
@Service
public class Roster {

    private final MongoTemplate mongo;

    public Roster(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The member record linked to a Keycloak account (token {@code sub}). */
    public Optional<RosterMember> memberOfAccount(String accountSubject) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("accountSubject").is(accountSubject)),
                RosterMember.class));
    }

    public Optional<RosterMember> member(String memberId) {
        return Optional.ofNullable(mongo.findById(memberId, RosterMember.class));
    }

    /** Active (probationary and full) members of a branch, by name. */
    public List<RosterMember> activeMembers(String branchId) {
        return mongo.find(Query.query(Criteria.where("branchId").is(branchId).and("status").in(RosterMember.ACTIVE_STATUSES))
                .with(Sort.by("_id")), RosterMember.class);
    }

    /**
     * The members expected at a sitting of {@code branchId} on {@code day}: active in the branch that day, by the
     * branch and status changes this service has seen (a member who joined later or left earlier is not expected).
     */
    public java.util.Set<String> expectedAt(String branchId, LocalDate day) {
        java.util.Set<String> expected = new java.util.TreeSet<>();
        activeMembers(branchId).stream().filter(m -> m.since() == null || !m.since().isAfter(day))
                .forEach(m -> expected.add(m.memberId()));
        mongo.find(Query.query(Criteria.where("branchId").is(branchId).and("until").gte(day)), RosterStint.class).stream()
                .filter(s -> s.from() == null || !s.from().isAfter(day)).forEach(s -> expected.add(s.memberId()));
        return expected;
    }

    public Optional<RosterOrganization> organization(String id) {
        return Optional.ofNullable(mongo.findById(id, RosterOrganization.class));
    }

    /** Every active branch (党支部) of every department. */
    public List<RosterOrganization> branches() {
        return mongo.find(Query.query(Criteria.where("type").is(RosterOrganization.BRANCH).and("status").is("ACTIVE"))
                .with(Sort.by("_id")), RosterOrganization.class);
    }

    public List<RosterOrganization> partyGroups(String branchId) {
        return mongo.find(Query.query(Criteria.where("parentId").is(branchId).and("type").is(RosterOrganization.PARTY_GROUP)
                .and("status").is("ACTIVE")).with(Sort.by("_id")), RosterOrganization.class);
    }

    public Optional<RosterCommittee> committee(String organizationId) {
        return Optional.ofNullable(mongo.findById(organizationId, RosterCommittee.class));
    }

    /** The influence period covering {@code memberId} on {@code day}, if any (the first by end date). */
    public Optional<InfluencePeriod> influencePeriod(String memberId, LocalDate day) {
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)), InfluencePeriod.class).stream()
                .filter(p -> p.covers(day)).min(java.util.Comparator.comparing(InfluencePeriod::influenceUntil));
    }
}
