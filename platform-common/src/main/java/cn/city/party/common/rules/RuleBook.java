package cn.city.party.common.rules;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.ProblemResponses;
import cn.city.party.common.error.Problems;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The versioned rules of a service, one mechanism for every kind: each (kind, year) has versions 1, 2, … that the
 * work committee publishes, each in force from its {@code inForceSince}. The first is the service's configured
 * default, written on first use, so the configuration seeds the rules but is no longer their live source. A kind
 * that departments may make stricter also keeps each department's own versions (owner = the department).
 */
public class RuleBook implements RulesInForce {

    public static final String SYSTEM = "system";
    /** The reason recorded when a service's own endpoint publishes a version without one (they did not ask for one). */
    public static final String NO_REASON = "（未填写说明）";

    private final MongoTemplate mongo;
    private final Clock clock;
    private final JsonMapper json;
    private final Map<String, RuleKind<?>> kinds = new LinkedHashMap<>();

    public RuleBook(MongoTemplate mongo, Clock clock, JsonMapper json, List<RuleKind<?>> kinds) {
        this.mongo = mongo;
        this.clock = clock;
        this.json = json;
        kinds.forEach(k -> this.kinds.put(k.name(), k));
    }

    @Override
    public <T> T of(RuleKind<T> kind, int year) {
        return kind.type().cast(current(kind, year).values());
    }

    public List<RuleKind<?>> kinds() {
        return List.copyOf(kinds.values());
    }

    public RuleKind<?> kind(String name) {
        RuleKind<?> kind = kinds.get(name);
        if (kind == null) {
            throw Problems.notFound("entity.ruleKind", name);
        }
        return kind;
    }

    /** The version of {@code kind} in force now for {@code year}. */
    public RuleVersion current(RuleKind<?> kind, int year) {
        return RuleVersion.inForceAt(history(kind, year), clock.instant());
    }

    /** A department's own version of {@code kind} in force now for {@code year}, if it has one (else the city's applies). */
    public Optional<RuleVersion> own(RuleKind<?> kind, String owner, int year) {
        Instant now = clock.instant();
        List<RuleVersion> versions = find(kind, owner, year);
        return versions.stream().filter(v -> !v.inForceSince().isAfter(now)).reduce((earlier, later) -> later);
    }

    /** Every version of {@code kind} for {@code year}, oldest first (the first the defaults). */
    public List<RuleVersion> history(RuleKind<?> kind, int year) {
        List<RuleVersion> versions = find(kind, null, year);
        if (!versions.isEmpty()) {
            return versions;
        }
        try {
            Instant now = clock.instant();
            int first = kind.defaultsVersion();
            mongo.insert(new RuleVersion(RuleVersion.idOf(kind.name(), null, year, first), kind.name(), null, year,
                    first, now, now, SYSTEM, "默认值（服务配置）", kind.defaults()));
        } catch (DuplicateKeyException seededMeanwhile) {
            // another request recorded the same defaults first
        }
        return find(kind, null, year);
    }

    /** Every version of {@code kind} for {@code year}: the city's ({@code owner} null) or a department's own, oldest first. */
    public List<RuleVersion> history(RuleKind<?> kind, String owner, int year) {
        return owner == null ? history(kind, year) : find(kind, owner, year);
    }

    /**
     * Publishes the next version of the city's {@code kind} for {@code year} from the values of a request. Nothing is
     * written unless every field passes: the values parse and satisfy the kind's check, a reason is given, and the
     * in-force time (default: now) is neither in the past (what was evaluated keeps its rules) nor before the latest
     * version's.
     */
    public RuleVersion publish(RuleKind<?> kind, int year, JsonNode values, String reason, Instant inForceSince,
                               String author) {
        List<DomainProblem.Violation> unreadable = new ArrayList<>();
        Object parsed = parse(kind, values, unreadable);
        return publish(kind, null, year, parsed, "values.", unreadable, reason, inForceSince, author);
    }

    /**
     * Publishes the next version of {@code kind} for {@code year}, of the city ({@code owner} null) or of a department,
     * from values a service has put together itself (e.g. a compliance override merged with the rules it replaces).
     * The same checks apply; a refused value is named by its own field (the values are the request).
     */
    public <T> RuleVersion publish(RuleKind<T> kind, String owner, int year, T values, String reason,
                                   Instant inForceSince, String author) {
        return publish(kind, owner, year, values, "", List.of(), reason, inForceSince, author);
    }

    private RuleVersion publish(RuleKind<?> kind, String owner, int year, Object parsed, String prefix,
                                List<DomainProblem.Violation> unreadable, String reason, Instant inForceSince,
                                String author) {
        List<DomainProblem.Violation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(new DomainProblem.Violation("year", "rules.between", 2000, 2100));
        }
        if (reason == null || reason.isBlank()) {
            violations.add(new DomainProblem.Violation("reason", "rules.required"));
        }
        violations.addAll(unreadable);
        if (parsed != null) {
            kind.violations(parsed).forEach(v -> violations.add(
                    new DomainProblem.Violation(prefix + v.field(), v.code(), v.args())));
        }
        List<RuleVersion> versions = violations.isEmpty() ? history(kind, owner, year) : List.of();
        Instant now = clock.instant(); // after the defaults were recorded, so "now" is never before the first version
        Instant since = inForceSince == null ? now : inForceSince;
        RuleVersion latest = versions.isEmpty() ? null : versions.get(versions.size() - 1);
        if (since.isBefore(now)) {
            violations.add(new DomainProblem.Violation("inForceSince", "rules.inForceSinceInPast"));
        } else if (latest != null && since.isBefore(latest.inForceSince())) {
            violations.add(new DomainProblem.Violation("inForceSince", "rules.inForceSinceBeforeLatest",
                    latest.version(), latest.inForceSince().toString()));
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        int version = latest == null ? 1 : latest.version() + 1;
        try {
            return mongo.insert(new RuleVersion(RuleVersion.idOf(kind.name(), owner, year, version), kind.name(), owner,
                    year, version, since, now, author, reason.strip(), parsed));
        } catch (DuplicateKeyException raced) {
            throw Problems.conflict("concurrentChange");
        }
    }

    /**
     * Records a version a service kept in its own store before its kind joined the rule book, with its number, time
     * and author, unless it is recorded already (so a migration may run at every start).
     *
     * @return whether it was recorded now
     */
    public boolean adopt(RuleKind<?> kind, String owner, int year, int version, Instant publishedAt, String author,
                         String reason, Object values) {
        try {
            mongo.insert(new RuleVersion(RuleVersion.idOf(kind.name(), owner, year, version), kind.name(), owner, year,
                    version, publishedAt, publishedAt, author, reason, kind.type().cast(values)));
            return true;
        } catch (DuplicateKeyException adoptedBefore) {
            return false;
        }
    }

    private Object parse(RuleKind<?> kind, JsonNode values, List<DomainProblem.Violation> violations) {
        if (values == null || !values.isObject()) {
            violations.add(new DomainProblem.Violation("values", "rules.required"));
            return null;
        }
        try {
            return json.treeToValue(values, kind.type());
        } catch (DatabindException wrong) {
            String path = ProblemResponses.fieldPath(wrong);
            violations.add(new DomainProblem.Violation(path.isEmpty() ? "values" : "values." + path, "rules.wrongType"));
            return null;
        }
    }

    /** {@code owner} null: the city's versions (also those stored before versions had owners). */
    private List<RuleVersion> find(RuleKind<?> kind, String owner, int year) {
        return mongo.find(Query.query(Criteria.where("kind").is(kind.name()).and("owner").is(owner).and("year").is(year))
                .with(Sort.by("version")), RuleVersion.class);
    }
}
