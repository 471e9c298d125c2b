package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.BranchAccess;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterOrganization;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live compliance. A branch is evaluated from its activities now, with the records behind every number; departments
 * and the city are evaluated from the {@link BranchCompliance} read model (one document per branch and year).
 */
@Service
public class ComplianceService {

    private final ComplianceProjection projection;
    private final RuleSetService rules;
    private final Roster roster;
    private final BranchAccess access;
    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final CityTables cityTables;

    public ComplianceService(ComplianceProjection projection, RuleSetService rules, Roster roster, BranchAccess access,
                             ScopedMongo store, MongoTemplate mongo, Clock clock, CityTables cityTables) {
        this.projection = projection;
        this.rules = rules;
        this.roster = roster;
        this.access = access;
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
        this.cityTables = cityTables;
    }

    /** A rule's result with the activities that count for it in the periods judged. */
    public record RuleView(ActivityType type, String typeLabel, int minCount, String period, RuleScope scope,
                           RuleCondition condition, RuleStatus status, List<ComplianceEvaluator.PartResult> parts,
                           List<String> activityIds) {
    }

    /** A rule's result in a branch without the records behind it: a cell of the department's matrix. */
    public record RuleLine(ActivityType type, String typeLabel, int minCount, String period, RuleScope scope,
                           RuleCondition condition, RuleStatus status, List<ComplianceEvaluator.PartResult> parts) {
        static RuleLine of(ComplianceEvaluator.RuleResult r) {
            return new RuleLine(r.rule().type(), r.rule().type().label(), r.rule().minCount(),
                    r.rule().effectivePeriod().name(), r.rule().scope(), r.rule().condition(), r.status(), r.parts());
        }
    }

    /** The records behind the quality indicators. */
    public record QualityRecords(List<String> lateEntries, List<String> multiPurpose, List<String> withoutMinutes) {
    }

    public record BranchView(String department, String branchId, String branchName, String period, int ruleSetVersion,
                             List<RuleView> rules, Map<RuleStatus, Long> summary, ComplianceEvaluator.Quality quality,
                             QualityRecords qualityRecords, Instant evaluatedAt) {
    }

    public BranchView branch(String branchId, Period period) {
        RosterOrganization branch = readableBranch(branchId);
        Instant now = clock.instant();
        List<Activity> activities = projection.activities(branchId, Period.year(period.year()));
        RuleSet set = rules.effective(branch.department(), period.year());
        Figures figures = projection.figures(branchId, period.year(), activities, set);
        ComplianceEvaluator.Evaluation evaluation = ComplianceEvaluator.evaluate(set, figures, period, now);
        List<RuleView> views = new ArrayList<>();
        for (ComplianceEvaluator.RuleResult r : evaluation.rules()) {
            List<Period> judged = period.split(r.rule().effectivePeriod());
            Instant from = judged.get(0).start();
            Instant to = judged.get(judged.size() - 1).end();
            List<String> ids = activities.stream().filter(Activity::happened)
                    .filter(a -> a.types().contains(r.rule().type()))
                    .filter(a -> !a.occursAt().isBefore(from) && a.occursAt().isBefore(to))
                    .map(Activity::id).sorted().toList();
            RuleLine line = RuleLine.of(r);
            views.add(new RuleView(line.type(), line.typeLabel(), line.minCount(), line.period(), line.scope(),
                    line.condition(), line.status(), line.parts(), ids));
        }
        List<Activity> inPeriod = activities.stream().filter(Activity::happened)
                .filter(a -> period.contains(a.occursAt())).toList();
        QualityRecords records = new QualityRecords(
                inPeriod.stream().filter(Activity::lateEntry).map(Activity::id).sorted().toList(),
                inPeriod.stream().filter(Activity::multiPurpose).map(Activity::id).sorted().toList(),
                inPeriod.stream().filter(a -> !a.held().hasMinutes()).map(Activity::id).sorted().toList());
        return new BranchView(branch.department(), branchId, branch.name(), period.toString(), set.version(), views,
                summary(evaluation), evaluation.quality(), records, now);
    }

    /**
     * The branch's periods of a year as judged and announced ({@code compliance.evaluated.v2}): the frozen ones are
     * final, whatever was recorded after they froze.
     */
    public List<ComplianceEvents.PeriodData> periods(String branchId, int year) {
        readableBranch(branchId);
        return Optional.ofNullable(mongo.findById(BranchCompliance.idOf(branchId, year), BranchCompliance.class))
                .map(BranchCompliance::periods).orElse(List.of());
    }

    private RosterOrganization readableBranch(String branchId) {
        RosterOrganization branch = roster.organization(branchId)
                .filter(o -> RosterOrganization.BRANCH.equals(o.type()) && store.scope().permits(o.department()))
                .orElseThrow(() -> Problems.notFound("entity.branch", branchId));
        if (!CurrentCaller.get().hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            access.requireReadable(branchId, "entity.branch", branchId);
        }
        return branch;
    }

    /** One branch's line in a department table, with each rule's result (the matrix: branches × rules). */
    public record BranchLine(String branchId, String branchName, Map<RuleStatus, Long> summary,
                             ComplianceEvaluator.Quality quality, List<RuleLine> rules) {
    }

    public record DepartmentView(String department, String period, List<BranchLine> branches,
                                 Map<RuleStatus, Long> summary, ComplianceEvaluator.Quality quality) {
    }

    public record DepartmentLine(String department, int branches, Map<RuleStatus, Long> summary,
                                 ComplianceEvaluator.Quality quality) {
        public DepartmentLine {
            summary = java.util.Collections.unmodifiableMap(summary); // part of a kept table, shared by every caller
        }
    }

    /** The whole city; {@code evaluatedAt}: when the table was evaluated (it is kept while still current). */
    public record CityView(String period, List<DepartmentLine> departments, Map<RuleStatus, Long> summary,
                           ComplianceEvaluator.Quality quality, long branches, Instant evaluatedAt) {
        public CityView {
            // kept and shared by every caller while current: nobody may change it
            departments = List.copyOf(departments);
            summary = java.util.Collections.unmodifiableMap(summary);
        }
    }

    public DepartmentView department(String department, Period period) {
        store.requireWritable(department); // in scope: its own admin or the work committee
        List<BranchCompliance> docs = figuresOf(Criteria.where("year").is(period.year()).and("department").is(department));
        Evaluated evaluated = evaluate(docs, period);
        List<BranchLine> lines = new ArrayList<>();
        for (BranchCompliance doc : docs) {
            ComplianceEvaluator.Evaluation e = evaluated.byBranch().get(doc.branchId());
            lines.add(new BranchLine(doc.branchId(), doc.branchName(), summary(e), e.quality(),
                    e.rules().stream().map(RuleLine::of).toList()));
        }
        lines.sort(java.util.Comparator.comparing(BranchLine::branchId));
        return new DepartmentView(department, period.toString(), lines, evaluated.summary(),
                ComplianceEvaluator.quality(evaluated.total(), period));
    }

    /**
     * The whole city (the work committee's view): the table kept for the period while it is current, each department's
     * table evaluated again only when its own inputs changed ({@link CityTables}).
     */
    public CityView city(Period period) {
        return cityTables.city(period, this::evaluateDepartment, tables -> composeCity(period, tables));
    }

    /**
     * Evaluates the city tables the work committee's dashboard opens (this quarter, half and year, and each month of the
     * year so far) where they are not current, for no caller: after a start and right after midnight, when every
     * department's key has changed (a new day), so that the first caller does not wait for the whole city. During the
     * day a write changes one department's key, which the next caller evaluates alone.
     */
    @Scheduled(initialDelayString = "${activity.compliance.warm-up.after-start:20s}")
    @Scheduled(cron = "${activity.compliance.warm-up.cron:30 0 0 * * *}", zone = "Asia/Shanghai")
    void warmUp() {
        Instant now = clock.instant();
        Period year = Period.containing(PeriodKind.YEAR, now);
        List<Period> opened = new ArrayList<>(List.of(Period.containing(PeriodKind.QUARTER, now),
                Period.containing(PeriodKind.HALF_YEAR, now), year));
        year.split(PeriodKind.MONTH).stream().filter(m -> m.hasStarted(now)).forEach(opened::add);
        opened.forEach(this::city);
    }

    private CityTables.DepartmentTable evaluateDepartment(Period period, String department) {
        List<BranchCompliance> branches = figuresOf(Criteria.where("year").is(period.year()).and("department").is(department));
        Evaluated e = evaluate(branches, period);
        return new CityTables.DepartmentTable(new DepartmentLine(department, branches.size(), e.summary(),
                ComplianceEvaluator.quality(e.total(), period)), e.total());
    }

    private CityView composeCity(Period period, List<CityTables.DepartmentTable> tables) {
        List<DepartmentLine> lines = new ArrayList<>();
        Map<RuleStatus, Long> citySummary = emptySummary();
        FiguresSum city = new FiguresSum();
        long branches = 0;
        // a department counted but without a document of the year (a write that did not land) has no line
        for (CityTables.DepartmentTable table : tables.stream().filter(t -> t.line().branches() > 0).toList()) {
            lines.add(table.line());
            table.line().summary().forEach((k, v) -> citySummary.merge(k, v, Long::sum));
            city.add(table.total());
            branches += table.line().branches();
        }
        return new CityView(period.toString(), lines, citySummary, ComplianceEvaluator.quality(city.figures(), period),
                branches, clock.instant());
    }

    /** The read-model documents with their figures only (not their outbox or the results last announced). */
    private List<BranchCompliance> figuresOf(Criteria criteria) {
        Query query = Query.query(criteria);
        query.fields().include("department", "branchId", "branchName", "year", "figures");
        return mongo.find(query, BranchCompliance.class);
    }

    private record Evaluated(Map<String, ComplianceEvaluator.Evaluation> byBranch, Map<RuleStatus, Long> summary,
                             Figures total) {
    }

    private Evaluated evaluate(List<BranchCompliance> docs, Period period) {
        Instant now = clock.instant();
        Map<String, RuleSet> sets = new HashMap<>();
        Map<String, ComplianceEvaluator.Evaluation> byBranch = new HashMap<>();
        Map<RuleStatus, Long> summary = emptySummary();
        FiguresSum total = new FiguresSum();
        for (BranchCompliance doc : docs) {
            RuleSet set = sets.computeIfAbsent(doc.department(), d -> rules.effective(d, period.year()));
            ComplianceEvaluator.Evaluation e = ComplianceEvaluator.evaluate(set, doc.figures(), period, now);
            byBranch.put(doc.branchId(), e);
            summary(e).forEach((k, v) -> summary.merge(k, v, Long::sum));
            total.add(doc.figures());
        }
        return new Evaluated(byBranch, summary, total.figures());
    }

    private static Map<RuleStatus, Long> summary(ComplianceEvaluator.Evaluation e) {
        Map<RuleStatus, Long> summary = emptySummary();
        e.rules().forEach(r -> summary.merge(r.status(), 1L, Long::sum));
        return summary;
    }

    private static Map<RuleStatus, Long> emptySummary() {
        Map<RuleStatus, Long> summary = new java.util.EnumMap<>(RuleStatus.class);
        for (RuleStatus s : RuleStatus.values()) {
            summary.put(s, 0L);
        }
        return summary;
    }
}
