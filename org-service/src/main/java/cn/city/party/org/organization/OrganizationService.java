package cn.city.party.org.organization;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RulesInForce;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRules;
import cn.city.party.org.department.DepartmentService;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@Service
public class OrganizationService {

    static final String ENTITY = "entity.organization";

    private final ScopedMongo store;
    private final DepartmentService departments;
    private final EventFactory events;
    private final Clock clock;
    private final BranchRolls roster;
    private final OrganizationScope scope;
    private final RulesInForce inForce;
    private final RuleKind<OrgRules.BranchSize> branchSize;
    private final PlatformCalendar calendar;

    public OrganizationService(ScopedMongo store, DepartmentService departments, EventFactory events, Clock clock,
                               BranchRolls roster, OrganizationScope scope, RulesInForce inForce,
                               RuleKind<OrgRules.BranchSize> branchSize, PlatformCalendar calendar) {
        this.store = store;
        this.departments = departments;
        this.events = events;
        this.clock = clock;
        this.roster = roster;
        this.scope = scope;
        this.inForce = inForce;
        this.branchSize = branchSize;
        this.calendar = calendar;
    }

    /** What a new organization is made of; {@code code} and {@code foundedOn} come from the tree import only. */
    public record NewOrganization(String id, String department, OrganizationType type, String name, String code,
                                  LocalDate foundedOn, String parentId) {
    }

    public Organization create(String department, OrganizationType type, String name, String parentId) {
        return create(UUID.randomUUID().toString(), department, type, name, parentId);
    }

    /** Creates an organization with a given id (the demo data's fixed ids). */
    public Organization create(String id, String department, OrganizationType type, String name, String parentId) {
        return create(new NewOrganization(id, department, type, name, null, null, parentId));
    }

    public Organization create(NewOrganization n) {
        departments.get(n.department()); // 404 when unknown or out of the caller's scope
        store.requireWritable(n.department());
        Organization parent = null;
        if (n.parentId() == null) {
            if (!n.type().mayBeRoot()) {
                throw Problems.rule("parentId", "organization.needsParent", n.type().label());
            }
        } else {
            parent = active(n.parentId());
            requireSameDepartment(parent, n.department());
            if (!parent.type().mayContain(n.type())) {
                throw Problems.rule("type", "organization.notAllowedUnder", n.type().label(), parent.type().label());
            }
        }
        Organization organization = new Organization(n.id(), n.department(), n.type(), n.name(), n.code(), n.foundedOn(),
                parent, clock.instant());
        raise(organization, OrganizationEvents.CREATED);
        return store.insert(organization);
    }

    /**
     * Takes back organizations just created by an import that could not finish (newest first), so nothing of it is
     * left half-made.
     */
    void discard(List<Organization> created) {
        for (int i = created.size() - 1; i >= 0; i--) {
            store.deleteById(created.get(i).id(), Organization.class);
        }
    }

    public Organization get(String id) {
        return store.getById(id, Organization.class, ENTITY);
    }

    /** An organization the caller may read: a branch secretary reads only its branch and that branch's groups. */
    public Organization readable(String id) {
        Organization organization = get(id);
        scope.visibleOrganizations().filter(visible -> !visible.contains(id)).ifPresent(visible -> {
            throw Problems.notFound(ENTITY, id);
        });
        return organization;
    }

    public List<Organization> list(String department) {
        Criteria criteria = department == null ? new Criteria() : Criteria.where("department").is(department);
        Criteria visible = scope.visibleOrganizations()
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
        var sizeCheck = sizeCheck();
        java.util.Map<String, BranchSizeCheck.Assessment> sizes = new java.util.HashMap<>();
        roster.rollsByBranch(branches).forEach((id, roll) -> sizes.put(id, sizeCheck.apply(roll)));
        return sizes;
    }

    /** 支部规模 of a branch's roll, by the branch-size rules in force this year: read once for many branches. */
    public java.util.function.Function<BranchRolls.BranchRoll, BranchSizeCheck.Assessment> sizeCheck() {
        var rules = inForce.of(branchSize, calendar.today().getYear());
        return roll -> BranchSizeCheck.of(rules, roll.fullMembers(), roll.members().size());
    }

    public Organization rename(String id, String name) {
        Organization organization = active(id);
        organization.rename(name);
        raise(organization, OrganizationEvents.CHANGED);
        return store.save(organization);
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
        return moved;
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
        return store.save(organization);
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
}
