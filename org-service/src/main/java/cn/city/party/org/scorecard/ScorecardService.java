package cn.city.party.org.scorecard;

import cn.city.party.common.error.Problems;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.MemberRoster;
import cn.city.party.org.organization.BranchRolls;
import cn.city.party.org.organization.BranchSizeCheck;
import cn.city.party.org.organization.OrganizationService;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Scorecards, rankings and comparisons, computed on every read from the facts and the year's rules, so that a new
 * fact or a rule change shows at once. Department scope comes from {@link ScopedMongo}; a branch secretary sees its
 * own branch only.
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
    private final Map<Integer, FreshShare<List<DepartmentRank>>> cityRankings = new ConcurrentHashMap<>();

    ScorecardService(ScopedMongo store, MongoTemplate mongo, BranchScope branchScope, PlatformCalendar calendar,
                     MemberRoster roster, OrganizationService organizations, RuleBook book) {
        this.store = store;
        this.mongo = mongo;
        this.branchScope = branchScope;
        this.calendar = calendar;
        this.roster = roster;
        this.organizations = organizations;
        this.book = book;
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
        ScoringRules.OfYear rules = rules(year);
        return score(branch, collected, rolls(List.of(branchId), List.of(collected)).get(branchId), rules, assessment(year));
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
        ScoringRules.OfYear rules = rules(year);
        return rank(scorecards(Criteria.where("department").is(department), year, rules, assessment(rules.year())));
    }

    /** The work committee's ranking of every department: one evaluation of a year at a time ({@link FreshShare}). */
    List<DepartmentRank> cityRanking(int year) {
        return cityRankings.computeIfAbsent(year, y -> new FreshShare<>()).get(() -> evaluateCityRanking(year));
    }

    private List<DepartmentRank> evaluateCityRanking(int year) {
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
        Map<String, BigDecimal> business = mongo.find(org.springframework.data.mongodb.core.query.Query.query(
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
     * department at a time: a department's facts fit in memory, the whole city's (a year of sittings) do not.
     */
    private void eachDepartment(String department, int year, Consumer<List<Scorecard>> each) {
        List<String> departments = department != null ? List.of(department)
                : mongo.findDistinct(store.query(new Criteria().andOperator(Criteria.where("kind").is("BRANCH"),
                        Criteria.where("status").is("ACTIVE"))), "department", ScorecardUnit.class, String.class)
                .stream().filter(java.util.Objects::nonNull).sorted().toList();
        // the year's rules and closure are the same for every department: read once, not once a department
        ScoringRules.OfYear rules = rules(year);
        Scorecard.Assessment assessment = assessment(rules.year());
        departments.forEach(d -> each.accept(scorecards(Criteria.where("department").is(d), year, rules, assessment)));
    }

    /** The scorecards of every active branch matching {@code where}, within the caller's scope. */
    private List<Scorecard> scorecards(Criteria where, int year, ScoringRules.OfYear rules,
                                       Scorecard.Assessment assessment) {
        List<ScorecardUnit> branches = store.find(new Criteria().andOperator(where, Criteria.where("kind").is("BRANCH"),
                Criteria.where("status").is("ACTIVE")), ScorecardUnit.class);
        Map<String, List<ScorecardFact>> facts = store.find(new Criteria().andOperator(where, new Criteria().orOperator(
                        Criteria.where("year").is(year), Criteria.where("kind").is(ScorecardFact.Kind.TERM))), ScorecardFact.class)
                .stream().filter(f -> f.branchId() != null).collect(Collectors.groupingBy(ScorecardFact::branchId));
        Map<String, BranchFacts> collected = new LinkedHashMap<>();
        branches.forEach(b -> collected.put(b.id(), ScorecardFact.collect(facts.getOrDefault(b.id(), List.of()))));
        Map<String, ScoreCalculator.Roll> rolls = rolls(List.copyOf(collected.keySet()), collected.values());
        return branches.stream().map(b -> score(b, collected.get(b.id()), rolls.get(b.id()), rules, assessment)).toList();
    }

    /**
     * Each branch's members and size check, from this service's own roster, and which reported members it holds. Read
     * once for all the branches (a ranking asks for thousands): the roster, the size rules, and, in one query, only the
     * reported members on none of these rolls (moved or ended).
     */
    private Map<String, ScoreCalculator.Roll> rolls(List<String> branchIds, java.util.Collection<BranchFacts> facts) {
        Map<String, BranchRolls.BranchRoll> byBranch = roster.rollsByBranch(branchIds);
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

    private Scorecard score(ScorecardUnit branch, BranchFacts facts, ScoreCalculator.Roll roll, ScoringRules.OfYear rules,
                            Scorecard.Assessment assessment) {
        LocalDate today = calendar.today();
        LocalDate reference = rules.year() < today.getYear() ? LocalDate.of(rules.year(), 12, 31) : today;
        return ScoreCalculator.score(branch.id(), branch.name(), branch.department(), facts, roll, rules, reference)
                .withAssessment(assessment);
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
