package cn.city.party.study.plan;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.study.StudyFiguresChanged;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialService;
import cn.city.party.study.roster.Roster;
import cn.city.party.study.roster.RosterOrganization;
import cn.city.party.study.support.Publisher;
import cn.city.party.study.support.Reach;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Service
public class PlanService {

    static final String PLAN = "entity.plan";

    private final ScopedMongo store;
    private final Roster roster;
    private final Publisher publisher;
    private final MaterialService materials;
    private final EventFactory events;
    private final ApplicationEventPublisher figures;
    private final Clock clock;

    public PlanService(ScopedMongo store, Roster roster, Publisher publisher, MaterialService materials,
                       EventFactory events, Clock clock, ApplicationEventPublisher figures) {
        this.store = store;
        this.roster = roster;
        this.publisher = publisher;
        this.materials = materials;
        this.events = events;
        this.figures = figures;
        this.clock = clock;
    }

    /** A plan of one organization; its department is the organization's, and the caller must manage it. */
    public StudyPlan create(Caller caller, String organizationId, int year, StudyPlan.Kind kind, String title) {
        RosterOrganization organization = roster.organization(organizationId)
                .orElseThrow(() -> Problems.invalid("organizationId", "plan.unknownOrganization", organizationId));
        requireManagesOrganization(caller, organization);
        return store.insert(new StudyPlan(UUID.randomUUID().toString(), organization.department(), organizationId, year,
                kind, title, clock.instant()));
    }

    public StudyPlan addSession(Caller caller, String planId, LocalDate date, String topic, List<String> materialIds) {
        StudyPlan plan = get(planId);
        requireManagesOrganization(caller, roster.organization(plan.organizationId()).orElseThrow());
        for (String materialId : materialIds) {
            if (materials.find(caller, materialId).filter(Material::published).isEmpty()) {
                throw Problems.invalid("materialIds", "plan.unknownMaterial", materialId);
            }
        }
        plan.addSession(UUID.randomUUID().toString(), date, topic, materialIds);
        return store.save(plan);
    }

    public StudyPlan get(String id) {
        return store.getById(id, StudyPlan.class, PLAN);
    }

    public List<StudyPlan> list(int year, String organizationId) {
        Criteria criteria = Criteria.where("year").is(year);
        if (organizationId != null) {
            criteria = criteria.and("organizationId").is(organizationId);
        }
        return store.find(criteria, Sort.by("department", "organizationId"), StudyPlan.class);
    }

    /**
     * Assigns a published required material to an audience of one department (or one branch of it) with a due
     * date, and announces it.
     */
    public Assignment assign(Caller caller, String materialId, Reach requested, LocalDate dueOn, String planId) {
        Reach reach = publisher.resolve(caller, requested.department(), requested.branchId(), requested.audience());
        if (Reach.cityWide(reach.department())) {
            throw Problems.invalid("department", "audience.departmentNeeded");
        }
        Material material = materials.find(caller, materialId).filter(Material::published)
                .orElseThrow(() -> Problems.invalid("materialId", "plan.unknownMaterial", materialId));
        if (!material.required()) {
            throw Problems.rule("materialId", "material.notRequired", material.title());
        }
        if (!Reach.cityWide(material.department()) && !material.department().equals(reach.department())) {
            throw Problems.invalid("materialId", "plan.unknownMaterial", materialId);
        }
        if (planId != null) {
            get(planId);
        }
        Assignment assignment = new Assignment(UUID.randomUUID().toString(), reach, materialId, planId, dueOn, clock.instant());
        assignment.raise(events.create(AssignmentEvents.CREATED, assignment.id(), assignment.department(),
                AssignmentEvents.CreatedData.of(assignment)));
        Assignment saved = store.insert(assignment);
        // every member it reaches has one more requirement: their figures change now, not when they study
        figures.publishEvent(StudyFiguresChanged.ofDepartment(saved.department(), dueOn.getYear()));
        return saved;
    }

    public List<Assignment> assignments(String materialId) {
        Criteria criteria = materialId == null ? new Criteria() : Criteria.where("materialId").is(materialId);
        return store.find(criteria, Sort.by(Sort.Direction.DESC, "createdAt"), Assignment.class);
    }

    private void requireManagesOrganization(Caller caller, RosterOrganization organization) {
        if (!publisher.manages(caller, organization.department(), organization.id())) {
            throw Problems.forbidden("publish.notYourScope");
        }
    }

}
