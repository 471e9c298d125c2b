package cn.city.party.org.scorecard;

import cn.city.party.common.error.Problems;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRules;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.MemberRoster;
import cn.city.party.org.organization.BranchRolls;
import cn.city.party.org.organization.BranchSizeCheck;
import cn.city.party.org.organization.OrganizationService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Scorecards, rankings and comparisons, computed from the facts and the year's rules, so that a new fact or a rule
 * change shows at once: a branch's on every read, a department's kept until something it is scored from changes
 * ({@link DepartmentTables}). Department scope comes from {@link ScopedMongo}, checked per caller before a kept table
 * is asked for; a branch secretary sees its own branch only.
 */
@Service
class ScorecardService {

    static final String ENTITY_BRANCH = "entity.scorecardBranch";

    private final ScopedMongo store;
    private final MongoTemplate mongo;
    private final BranchScope branchScope;
    private final PlatformCalendar calendar;
    private final MemberRoster roster;
    private final OrganizationService organizations;
    private final RuleBook book;
    private final RuleKind<OrgRules.BranchSize> branchSize;
    private final DepartmentTables tables;

    ScorecardService(ScopedMongo store, MongoTemplate mongo, BranchScope branchScope, PlatformCalendar calendar,
                     MemberRoster roster, OrganizationService organizations, RuleBook book,
                     RuleKind<OrgRules.BranchSize> branchSize, DepartmentTables tables) {
        this.store = store;
        this.mongo = mongo;
        this.branchScope = branchScope;
        this.calendar = calendar;
        this.roster = roster;
        this.organizations = organizations;
        this.book = book;
        this.branchSize = branchSize;
        this.tables = tables;
    }

    /** A place in a ranking; equal totals share a place. */
    record Ranked(int rank, Scorecard scorecard) {
    }

    /**
     * A department's place in the city: by its branches' mean total (党建), and by the business score the work
     * committee recorded (业务, null until recorded), with the difference of the two places (双百分考核).
     */
    record DepartmentRank(int rank, String department, String name, int branches, BigDecimal averageTotal,
                          Map<Integer, Long> branchesByStars, BigDecimal businessScore, Integer businessRank,
                          Integer rankDifference) {
    }

    record ItemChange(ScoreItem item, BigDecimal points, BigDecimal previousPoints, BigDecimal change) {
    }

    record Comparison(String branchId, int year, int previousYear, BigDecimal total, BigDecimal previousTotal,
                      BigDecimal change, int stars, int previousStars, List<ItemChange> items) {
    }

    /** The year's rules in force, from the rule book (kind {@code scoring}). */
    ScoringRules.OfYear rules(int year) {
        return ScoringRules.OfYear.of(book.current(ScoringRules.RULE_KIND, year));
    }

    /** A new version of the year's rules, in force at once; two settings racing for the same version: the second gets 409. */
    ScoringRules.OfYear setRules(int year, ScoringRules proposed, String reason) {
        return ScoringRules.OfYear.of(book.publish(ScoringRules.RULE_KIND, null, year, proposed,
                reason == null || reason.isBlank() ? RuleBook.NO_REASON : reason, null, CurrentCaller.get().username()));
    }

    Scorecard branch(String branchId, int year) {
        ScorecardUnit branch = visibleBranch(branchId);
        List<ScorecardFact> facts = store.find(Criteria.where("branchId").is(branchId).orOperator(
                Criteria.where("year").is(year), Criteria.where("kind").is(ScorecardFact.Kind.TERM)), ScorecardFact.class);
        BranchFacts collected = ScorecardFact.collect(facts);
        return score(branch, collected, rolls(List.of(branchId), List.of(collected)).get(branchId),
                basis(year));
    }

    /** 软弱涣散: the branches flagged in the year, of one department or (work committee) of every department. */
    List<Scorecard> weakBranches(String department, int year) {
        if (department != null && !store.scope().permits(department)) {
            throw Problems.forbidden("department.outOfScope", department);
        }
        List<Scorecard> weak = new ArrayList<>();
        eachDepartment(department, year, cards -> cards.stream().filter(Scorecard::weak).forEach(weak::add));
        return weak.stream().sorted(Comparator.comparing(Scorecard::department).thenComparing(Scorecard::branchId))
                .toList();
    }

    /** 双百分考核: the work committee records a department's business score of the year (0–100, two decimals). */
    BusinessScore setBusinessScore(int year, String department, BigDecimal score) {
        if (score == null) {
            throw Problems.invalid("score", "scorecard.pointsRequired");
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0 || score.stripTrailingZeros().scale() > 2) {
            throw Problems.invalid("score", "scorecard.businessScoreRange", 0, 100);
        }
        if (!store.exists(Criteria.where("_id").is(ScorecardUnit.DEPARTMENT + ":" + department), ScorecardUnit.class)) {
            throw Problems.notFound("entity.department", department);
        }
        return mongo.save(new BusinessScore(BusinessScore.id(year, department), department, year,
                score.setScale(2, RoundingMode.HALF_UP), calendar.now(), CurrentCaller.get().username()));
    }

    Comparison comparison(String branchId, int year) {
        Scorecard now = branch(branchId, year);
        Scorecard before = branch(branchId, year - 1);
        List<ItemChange> items = now.items().stream().map(i -> {
            BigDecimal previous = before.item(i.item()).points();
            return new ItemChange(i.item(), i.points(), previous, i.points().subtract(previous));
        }).toList();
        return new Comparison(branchId, year, year - 1, now.total(), before.total(), now.total().subtract(before.total()),
                now.stars(), before.stars(), items);
    }

    List<Ranked> departmentRanking(String department, int year) {
        store.requireInScope(department);
        List<Ranked> ranking = new ArrayList<>();
        eachDepartment(department, year, cards -> ranking.addAll(rank(cards)));
        return ranking;
    }

    /** The work committee's ranking of every department, from each department's kept scorecards. */
    List<DepartmentRank> cityRanking(int year) {
        record Tally(int branches, BigDecimal averageTotal, Map<Integer, Long> branchesByStars) {
        }
        Map<String, Tally> tallies = new LinkedHashMap<>();
        eachDepartment(null, year, cards -> {
            if (!cards.isEmpty()) {
                tallies.put(cards.get(0).department(), new Tally(cards.size(), cards.stream().map(Scorecard::total)
                        .reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(cards.size()), 2,
                                RoundingMode.HALF_UP),
                        cards.stream().collect(Collectors.groupingBy(Scorecard::stars, java.util.TreeMap::new,
                                Collectors.counting()))));
            }
        });
        Map<String, String> names = store.find(Criteria.where("kind").is(ScorecardUnit.DEPARTMENT), ScorecardUnit.class)
                .stream().collect(Collectors.toMap(ScorecardUnit::department, ScorecardUnit::name, (a, b) -> a));
        Map<String, BigDecimal> averages = new LinkedHashMap<>();
        tallies.forEach((department, tally) -> averages.put(department, tally.averageTotal()));
        Map<String, BigDecimal> business = mongo.find(Query.query(
                        Criteria.where("year").is(year).and("department").in(averages.keySet())), BusinessScore.class)
                .stream().collect(Collectors.toMap(BusinessScore::department, BusinessScore::score));
        Map<String, Integer> partyRanks = DoubleHundred.ranks(averages);
        Map<String, Integer> businessRanks = DoubleHundred.ranks(business);
        return tallies.entrySet().stream().map(e -> {
            String department = e.getKey();
            int rank = partyRanks.get(department);
            Integer businessRank = businessRanks.get(department);
            return new DepartmentRank(rank, department, names.getOrDefault(department, department),
                    e.getValue().branches(), e.getValue().averageTotal(), e.getValue().branchesByStars(),
                    business.get(department), businessRank, DoubleHundred.rankDifference(rank, businessRank));
        }).sorted(Comparator.comparing(DepartmentRank::rank).thenComparing(DepartmentRank::department)).toList();
    }

    /**
     * The scorecards of {@code department}'s active branches, or (null) of every department in the caller's scope, one
     * department at a time: a department's facts fit in memory, the whole city's (a year of sittings) do not. The
     * caller's scope decides which departments; each one's scorecards are its kept ones while still current.
     */
    private void eachDepartment(String department, int year, Consumer<List<Scorecard>> each) {
        List<String> departments = department != null ? List.of(department) : departments(store.query(activeBranches()));
        // the same for every department: read once, and before evaluating (DepartmentTables#each)
        DepartmentTables.Basis basis = basis(year);
        tables.each(departments, basis, (d, counts, previous) -> scorecards(d, counts, previous, basis), each);
    }

    /**
     * Evaluates every department's scorecards of this year where the kept ones are not current, for no caller: after a
     * start and right after midnight, when every department's key has changed (a new day), so that the first caller
     * of the city ranking does not wait for the whole city. During the day a write changes one branch's count, which
     * the next caller scores again alone.
     */
    @Scheduled(initialDelayString = "${org.scorecard.warm-up.after-start:20s}")
    @Scheduled(cron = "${org.scorecard.warm-up.cron:30 0 0 * * *}", zone = "Asia/Shanghai")
    void warmUp() {
        DepartmentTables.Basis basis = basis(calendar.today().getYear());
        tables.each(departments(Query.query(activeBranches())), basis,
                (d, counts, previous) -> scorecards(d, counts, previous, basis), cards -> {
                });
    }

    private static Criteria activeBranches() {
        return new Criteria().andOperator(Criteria.where("kind").is("BRANCH"), Criteria.where("status").is("ACTIVE"));
    }

    private List<String> departments(Query branches) {
        return mongo.findDistinct(branches, "department", ScorecardUnit.class, String.class).stream()
                .filter(java.util.Objects::nonNull).sorted().toList();
    }

    /**
     * The scorecards of every active branch of {@code department}: the ones kept in {@code previous} whose branch's
     * count did not move, the others scored again. Read with the department named rather than in the caller's scope,
     * as they are kept for every caller of the department.
     */
    private DepartmentTables.Cards scorecards(String department, DepartmentChanges.Counts counts,
                                              DepartmentTables.Cards previous, DepartmentTables.Basis basis) {
        List<ScorecardUnit> branches = mongo.find(Query.query(new Criteria().andOperator(
                Criteria.where("department").is(department), Criteria.where("kind").is("BRANCH"),
                Criteria.where("status").is("ACTIVE"))), ScorecardUnit.class);
        Map<String, Scorecard> kept = new java.util.HashMap<>();
        if (previous != null) {
            branches.forEach(b -> previous.current(b.id(), counts, basis).ifPresent(card -> kept.put(b.id(), card)));
        }
        List<ScorecardUnit> again = branches.stream().filter(b -> !kept.containsKey(b.id())).toList();
        if (!again.isEmpty()) {
            List<String> ids = again.stream().map(ScorecardUnit::id).toList();
            // by branch (the branch index answers it), not by department: a few branches changed, not fifty
            Map<String, List<ScorecardFact>> facts = mongo.find(Query.query(new Criteria().andOperator(
                            Criteria.where("branchId").in(ids), new Criteria().orOperator(
                                    Criteria.where("year").is(basis.year()),
                                    Criteria.where("kind").is(ScorecardFact.Kind.TERM)))), ScorecardFact.class)
                    .stream().filter(f -> department.equals(f.department()))
                    .collect(Collectors.groupingBy(ScorecardFact::branchId));
            Map<String, BranchFacts> collected = new LinkedHashMap<>();
            again.forEach(b -> collected.put(b.id(), ScorecardFact.collect(facts.getOrDefault(b.id(), List.of()))));
            Map<String, ScoreCalculator.Roll> rolls = rolls(ids, collected.values());
            again.forEach(b -> kept.put(b.id(), score(b, collected.get(b.id()), rolls.get(b.id()), basis)));
            tables.branchesScored(department, again.size());
        }
        return new DepartmentTables.Cards(counts, basis, branches.stream().map(b -> kept.get(b.id())).toList());
    }

    /**
     * Each branch's members and size check, from this service's own roster, and which reported members it holds. Read
     * once for all the branches (a ranking asks for thousands): the roster, the size rules, and, in one query, only the
     * reported members on none of these rolls (moved or ended).
     */
    private Map<String, ScoreCalculator.Roll> rolls(List<String> branchIds, java.util.Collection<BranchFacts> facts) {
        Map<String, BranchRolls.BranchRoll> byBranch = roster.rollsOf(branchIds);
        java.util.Set<String> onRolls = byBranch.values().stream().flatMap(r -> r.members().stream()).collect(Collectors.toSet());
        java.util.Set<String> reported = facts.stream().flatMap(f -> f.credits().stream())
                .map(BranchFacts.Credits::memberId).collect(Collectors.toSet());
        java.util.Set<String> held = java.util.stream.Stream.concat(reported.stream().filter(onRolls::contains),
                roster.existing(reported.stream().filter(id -> !onRolls.contains(id)).toList()).stream())
                .collect(Collectors.toUnmodifiableSet());
        var sizeCheck = organizations.sizeCheck();
        Map<String, ScoreCalculator.Roll> rolls = new java.util.HashMap<>();
        byBranch.forEach((id, roll) -> rolls.put(id, new ScoreCalculator.Roll(roll.members(), held,
                sizeCheck.apply(roll).flags().contains(BranchSizeCheck.Flag.TOO_FEW_FULL_MEMBERS))));
        return rolls;
    }

    private static List<Ranked> rank(List<Scorecard> cards) {
        List<Scorecard> sorted = cards.stream().sorted(Comparator.comparing(Scorecard::total).reversed()
                .thenComparing(Scorecard::branchId)).toList();
        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tie = i > 0 && sorted.get(i).total().compareTo(sorted.get(i - 1).total()) == 0;
            ranked.add(new Ranked(tie ? ranked.get(i - 1).rank() : i + 1, sorted.get(i)));
        }
        return ranked;
    }

    private static Scorecard score(ScorecardUnit branch, BranchFacts facts, ScoreCalculator.Roll roll,
                                   DepartmentTables.Basis basis) {
        LocalDate today = basis.today();
        LocalDate reference = basis.year() < today.getYear() ? LocalDate.of(basis.year(), 12, 31) : today;
        return ScoreCalculator.score(branch.id(), branch.name(), branch.department(), facts, roll, basis.rules(),
                reference).withAssessment(basis.assessment());
    }

    /**
     * What every branch's scorecard of the year is scored from besides its own facts and roll, read once for a
     * ranking: the year's rules and closure, today, and the version of the branch-size rules
     * {@link OrganizationService#sizeCheck} applies (this year's in force).
     */
    private DepartmentTables.Basis basis(int year) {
        LocalDate today = calendar.today();
        return new DepartmentTables.Basis(rules(year), book.current(branchSize, today.getYear()).id(), assessment(year),
                today);
    }

    /** Whether the year's assessment is closed (the same for every branch of a ranking: read once). */
    private Scorecard.Assessment assessment(int year) {
        AssessmentClosure closure = mongo.findById(year, AssessmentClosure.class);
        return closure == null ? Scorecard.Assessment.OPEN : new Scorecard.Assessment(true, closure.closedAt(), closure.closedBy());
    }

    /** The branch, if the caller may see it: in its department scope and, for a secretary, its own branch. */
    private ScorecardUnit visibleBranch(String branchId) {
        ScorecardUnit branch = store.findById(branchId, ScorecardUnit.class)
                .filter(b -> "BRANCH".equals(b.kind()))
                .orElseThrow(() -> Problems.notFound(ENTITY_BRANCH, branchId));
        var caller = CurrentCaller.get();
        if (!caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            branchScope.restrictedBranches().filter(own -> !own.contains(branchId)).ifPresent(own -> {
                throw Problems.notFound(ENTITY_BRANCH, branchId);
            });
        }
        return branch;
    }
}
