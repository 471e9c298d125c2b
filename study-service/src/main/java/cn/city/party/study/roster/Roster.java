package cn.city.party.study.roster;

import cn.city.party.common.error.Problems;
import cn.city.party.common.reminder.OwnMember;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Optional;

/** Questions about the roster read model: who the caller is as a member, who is in a department or branch. */
@Service
public class Roster implements OwnMember {

    static final String ENTITY = "entity.member";

    private final MongoTemplate mongo;
    private final ScopedMongo store;

    public Roster(MongoTemplate mongo, ScopedMongo store) {
        this.mongo = mongo;
        this.store = store;
    }

    /** The member record linked to the caller's account, if the roster has one. */
    public Optional<RosterMember> memberOf(Caller caller) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("accountSubject").is(caller.subject())),
                RosterMember.class));
    }

    /** The caller's own member record; a caller that is no member on the roster cannot study or take exams. */
    public RosterMember requireMember(Caller caller) {
        return memberOf(caller).filter(RosterMember::active)
                .orElseThrow(() -> Problems.forbidden("roster.notAMember"));
    }

    /** Whose study reminders the caller reads: its own member record (403 when it is none). */
    @Override
    public String idOfCaller() {
        return requireMember(CurrentCaller.get()).id();
    }

    /** A member in the caller's department scope (404 otherwise). */
    public RosterMember member(String memberId) {
        return store.getById(memberId, RosterMember.class, ENTITY);
    }

    /** The active members in the caller's scope, optionally of one department and one branch. */
    public List<RosterMember> activeMembers(String department, String branchId) {
        Criteria criteria = Criteria.where("status").in(RosterMember.ACTIVE_STATUSES);
        if (department != null) {
            criteria = criteria.and("department").is(department);
        }
        if (branchId != null) {
            criteria = criteria.and("branchId").is(branchId);
        }
        return store.find(criteria, Sort.by("department", "branchId", "_id"), RosterMember.class);
    }

    public Optional<RosterOrganization> organization(String id) {
        return Optional.ofNullable(mongo.findById(id, RosterOrganization.class));
    }
}
