package cn.city.party.org.organization;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.outbox.OutboxRelay;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.OrgRules;
import cn.city.party.org.department.DepartmentService;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.MemberRoster;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Service
public class OrganizationService {

    static final String ENTITY = "entity.organization";

    private final ScopedMongo store;
    private final DepartmentService departments;
    private final EventFactory events;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MemberRoster roster;
    private final BranchScope branchScope;
    private final OrgRules rules;

    public OrganizationService(ScopedMongo store, DepartmentService departments, EventFactory events,
                               OutboxRelay relay, Clock clock, MemberRoster roster, BranchScope branchScope,
                               OrgRules rules) {
        this.store = store;
        this.departments = departments;
        this.events = events;
        this.relay = relay;
        this.clock = clock;
        this.roster = roster;
        this.branchScope = branchScope;
        this.rules = rules;
    }

    public Organization create(String department, OrganizationType type, String name, String parentId) {
        return create(UUID.randomUUID().toString(), department, type, name, parentId);
    }

    /** Creates an organization with a given id (the demo data's fixed ids). */
    public Organization create(String id, String department, OrganizationType type, String name, String parentId) {
        departments.get(department); // 404 when unknown or out of the caller's scope
        store.requireWritable(department);
        Organization parent = null;
        if (parentId == null) {
            if (!type.mayBeRoot()) {
                throw Problems.rule("parentId", "organization.needsParent", type.label());
            }
        } else {
            parent = active(parentId);
            requireSameDepartment(parent, department);
            if (!parent.type().mayContain(type)) {
                throw Problems.rule("type", "organization.notAllowedUnder", type.label(), parent.type().label());
            }
        }
        Organization organization = new Organization(id, department, type, name, parent, clock.instant());
        raise(organization, OrganizationEvents.CREATED);
        return saved(store.insert(organization));
    }

    public Organization get(String id) {
        return store.getById(id, Organization.class, ENTITY);
    }

    /** An organization the caller may read: a branch secretary reads only its branch and that branch's groups. */
    public Organization readable(String id) {
        Organization organization = get(id);
        branchScope.visibleOrganizations().filter(visible -> !visible.contains(id)).ifPresent(visible -> {
            throw Problems.notFound(ENTITY, id);
        });
        return organization;
    }

    public List<Organization> list(String department) {
        Criteria criteria = department == null ? new Criteria() : Criteria.where("department").is(department);
        Criteria visible = branchScope.visibleOrganizations()
                .map(ids -> new Criteria().andOperator(criteria, Criteria.where("_id").in(ids))).orElse(criteria);
        return store.find(visible, Sort.by("department", "createdAt"), Organization.class);
    }

    /** The organization and every active organization below it. */
    public List<Organization> subtree(String id) {
        Organization root = readable(id);
        List<Organization> result = new ArrayList<>();
        result.add(root);
        result.addAll(store.find(Criteria.where("ancestors").is(id).and("status").is(Organization.Status.ACTIVE),
                Sort.by("createdAt"), Organization.class));
        return result;
    }

    /** 支部规模 of the branches among {@code organizations}, by id (other types have none). */
    public java.util.Map<String, BranchSizeCheck.Assessment> branchSizes(List<Organization> organizations) {
        List<String> branches = organizations.stream().filter(o -> o.type() == OrganizationType.BRANCH)
                .map(Organization::id).toList();
        java.util.Map<String, BranchSizeCheck.Assessment> sizes = new java.util.HashMap<>();
        roster.rollsByBranch(branches).forEach((id, roll) -> sizes.put(id, size(roll)));
        return sizes;
    }

    /** 支部规模 of one branch's roll, by the org rules. */
    public BranchSizeCheck.Assessment size(MemberRoster.BranchRoll roll) {
        return BranchSizeCheck.of(rules.branchSize(), roll.fullMembers(), roll.members().size());
    }

    public Organization rename(String id, String name) {
        Organization organization = active(id);
        organization.rename(name);
        raise(organization, OrganizationEvents.CHANGED);
        return saved(store.save(organization));
    }

    /**
     * Moves an organization (with its subtree) under another one of the same department. Refused when the new parent
     * is the organization itself or one of its descendants, or when the levels do not fit.
     */
    public Organization move(String id, String newParentId) {
        Organization organization = active(id);
        Organization parent = active(newParentId);
        requireSameDepartment(parent, organization.department());
        if (parent.id().equals(id) || parent.ancestors().contains(id)) {
            throw Problems.rule("parentId", "organization.moveUnderItself");
        }
        if (!parent.type().mayContain(organization.type())) {
            throw Problems.rule("parentId", "organization.notAllowedUnder", organization.type().label(), parent.type().label());
        }
        List<String> oldPrefix = new ArrayList<>(organization.ancestors());
        oldPrefix.add(id);
        organization.moveUnder(parent);
        List<String> newPrefix = new ArrayList<>(organization.ancestors());
        newPrefix.add(id);
        raise(organization, OrganizationEvents.CHANGED);
        Organization moved = store.save(organization);
        // each descendant is its own document and its own event: a consumer that sees one keeps a consistent path
        for (Organization descendant : store.find(Criteria.where("ancestors").is(id), Sort.by("createdAt"), Organization.class)) {
            descendant.rebase(oldPrefix, newPrefix);
            raise(descendant, OrganizationEvents.CHANGED);
            store.save(descendant);
        }
        return saved(moved);
    }

    /** Dissolves an organization that has no active sub-organizations and no members on its roll. */
    public Organization dissolve(String id) {
        Organization organization = active(id);
        if (store.exists(Criteria.where("parentId").is(id).and("status").is(Organization.Status.ACTIVE), Organization.class)
                || roster.hasMembersIn(id)) {
            throw Problems.conflict("organization.notEmpty", organization.name());
        }
        organization.dissolve(clock.instant());
        raise(organization, OrganizationEvents.DISSOLVED);
        return saved(store.save(organization));
    }

    /** An organization that exists in scope and is not dissolved. */
    public Organization active(String id) {
        Organization organization = get(id);
        if (!organization.isActive()) {
            throw Problems.conflict("organization.dissolved", organization.name());
        }
        return organization;
    }

    private void requireSameDepartment(Organization parent, String department) {
        if (!parent.department().equals(department)) {
            throw Problems.rule("parentId", "organization.otherDepartment");
        }
    }

    private void raise(Organization organization, cn.city.party.common.events.EventType type) {
        organization.raise(events.create(type, organization.id(), organization.department(),
                OrganizationEvents.OrganizationData.of(organization)));
    }

    private Organization saved(Organization organization) {
        relay.nudge();
        return organization;
    }
}
