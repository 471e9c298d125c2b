package cn.city.party.study.material;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.EventFactory;
import cn.city.party.common.security.Caller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.study.StudyFiguresChanged;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.study.support.ContentVisibility;
import cn.city.party.study.support.Publisher;
import cn.city.party.study.support.Reach;
import cn.city.party.study.support.TitleSearch;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Service
public class MaterialService {

    static final String ENTITY = "entity.material";

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final ContentVisibility visibility;
    private final Publisher publisher;
    private final EventFactory events;
    private final Clock clock;
    private final ApplicationEventPublisher figures;
    private final ZoneId zone;

    public MaterialService(ScopedMongo store, MongoTemplate mongo, ContentVisibility visibility, Publisher publisher,
                           EventFactory events, Clock clock,
                           ApplicationEventPublisher figures, PlatformCalendar calendar) {
        this.store = store;
        this.mongo = mongo;
        this.visibility = visibility;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
        this.figures = figures;
        this.zone = calendar.zone();
    }

    public record Draft(String title, Material.Kind kind, String body, String url, Category category, boolean required,
                        BigDecimal creditHours, int estimatedMinutes) {
    }

    /** A new material as a draft, in the reach the caller may publish to. */
    public Material create(Caller caller, Reach requested, Draft draft) {
        Reach reach = publisher.resolve(caller, requested.department(), requested.branchId(), requested.audience());
        return store.insert(material(UUID.randomUUID().toString(), reach, draft, null));
    }

    /** A material created and published at once by the service itself (warning education, demo data). */
    public Material createPublished(String id, Reach reach, Draft draft, String source) {
        Material material = material(id, reach, draft, source);
        material.publish(clock.instant());
        material.raise(events.create(MaterialEvents.PUBLISHED, material.id(), Reach.eventDepartment(material.department()),
                MaterialEvents.PublishedData.of(material)));
        return saved(store.insert(material));
    }

    private Material material(String id, Reach reach, Draft d, String source) {
        return new Material(id, reach, d.title(), d.kind(), d.body(), d.url(), d.category(), d.required(),
                d.creditHours(), d.estimatedMinutes(), source, clock.instant());
    }

    public Material publish(Caller caller, String id) {
        Material material = managed(caller, id);
        material.publish(clock.instant());
        material.raise(events.create(MaterialEvents.PUBLISHED, material.id(), Reach.eventDepartment(material.department()),
                MaterialEvents.PublishedData.of(material)));
        return saved(store.save(material));
    }

    public Material withdraw(Caller caller, String id) {
        Material material = managed(caller, id);
        material.withdraw();
        return saved(store.save(material));
    }

    /** A material the caller may read (404 when it may not, as if it did not exist). */
    public Material get(Caller caller, String id) {
        return find(caller, id).orElseThrow(() -> Problems.notFound(ENTITY, id));
    }

    public Optional<Material> find(Caller caller, String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(new Criteria().andOperator(Criteria.where("_id").is(id),
                visibility.criteria(caller, Material.Status.PUBLISHED.name()))), Material.class));
    }

    /** Published material by id, whoever may see it; for assignments and progress, which check reach themselves. */
    public Optional<Material> published(String id) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(id)
                .and("status").is(Material.Status.PUBLISHED)), Material.class));
    }

    /** Search by part of the title and by category among what the caller may read, newest first. */
    public Page<Material> search(Caller caller, String title, Category category, int page, int size) {
        List<Criteria> all = new ArrayList<>();
        all.add(visibility.criteria(caller, Material.Status.PUBLISHED.name()));
        if (title != null && !title.isBlank()) {
            all.add(TitleSearch.contains("title", title));
        }
        if (category != null) {
            all.add(Criteria.where("category").is(category));
        }
        Query query = Query.query(new Criteria().andOperator(all));
        long total = mongo.count(query, Material.class);
        PageRequest pageable = PageRequest.of(page, size, Sort.by(Sort.Direction.DESC, "createdAt"));
        return new PageImpl<>(mongo.find(Query.of(query).with(pageable), Material.class), pageable, total);
    }

    /** The published required materials that reach {@code criteria} (built by the caller of this method). */
    public List<Material> publishedMatching(Criteria criteria) {
        return mongo.find(Query.query(new Criteria().andOperator(criteria,
                Criteria.where("status").is(Material.Status.PUBLISHED))), Material.class);
    }

    private Material managed(Caller caller, String id) {
        Material material = get(caller, id);
        publisher.requireManages(caller, material.department(), material.branchId());
        return material;
    }

    /**
     * A required material published or withdrawn changes the figures of every member it reaches (of its department,
     * or every department for the city's), so the scorecards follow it, not only the members' completions.
     */
    private Material saved(Material material) {
        if (material.required() && material.publishedAt() != null) {
            figures.publishEvent(StudyFiguresChanged.ofDepartment(material.department(),
                    material.publishedAt().atZone(zone).getYear()));
        }
        return material;
    }
}
