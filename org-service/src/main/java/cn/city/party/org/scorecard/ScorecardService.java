package cn.city.party.org.scorecard;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.org.OrgCalendar;
import cn.city.party.org.member.BranchScope;
import org.springframework.dao.OptimisticLockingFailureException;
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
    private final OrgCalendar calendar;

    ScorecardService(ScopedMongo store, MongoTemplate mongo, BranchScope branchScope, OrgCalendar calendar) {
        this.store = store;
        this.mongo = mongo;
        this.branchScope = branchScope;
        this.calendar = calendar;
    }

    /** A place in a ranking; equal totals share a place. */
    record Ranked(int rank, Scorecard scorecard) {
    }

    record DepartmentRank(int rank, String department, String name, int branches, BigDecimal averageTotal,
                          Map<Integer, Long> branchesByStars) {
    }

    record ItemChange(ScoreItem item, BigDecimal points, BigDecimal previousPoints, BigDecimal change) {
    }

    record Comparison(String branchId, int year, int previousYear, BigDecimal total, BigDecimal previousTotal,
                      BigDecimal change, int stars, int previousStars, List<ItemChange> items) {
    }

    ScoringRules rules(int year) {
        ScoringRuleSet set = mongo.findById(year, ScoringRuleSet.class);
        return set == null ? ScoringRules.cityDefault(year) : set.current();
    }

    ScoringRules setRules(int year, ScoringRules proposed) {
        var violations = proposed.violations();
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        ScoringRuleSet set = mongo.findById(year, ScoringRuleSet.class);
        if (set == null) {
            set = new ScoringRuleSet(year);
        }
        ScoringRules next = set.set(proposed, calendar.now(), CurrentCaller.get().username());
        try {
            mongo.save(set);
        } catch (OptimisticLockingFailureException | org.springframework.dao.DuplicateKeyException concurrent) {
            throw Problems.conflict("scorecard.rulesChangedMeanwhile", year);
        }
        return next;
    }

    Scorecard branch(String branchId, int year) {
        ScorecardUnit branch = visibleBranch(branchId);
        List<ScorecardFact> facts = store.find(Criteria.where("branchId").is(branchId).orOperator(
                Criteria.where("year").is(year), Criteria.where("kind").is(ScorecardFact.Kind.TERM)), ScorecardFact.class);
        return score(branch, ScorecardFact.collect(facts), rules(year));
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
        return rank(scorecards(Criteria.where("department").is(department), year));
    }

    List<DepartmentRank> cityRanking(int year) {
        Map<String, List<Scorecard>> byDepartment = scorecards(Criteria.where("department").ne(null), year).stream()
                .collect(Collectors.groupingBy(Scorecard::department, LinkedHashMap::new, Collectors.toList()));
        Map<String, String> names = store.find(Criteria.where("kind").is(ScorecardUnit.DEPARTMENT), ScorecardUnit.class)
                .stream().collect(Collectors.toMap(ScorecardUnit::department, ScorecardUnit::name, (a, b) -> a));
        List<DepartmentRank> unranked = new ArrayList<>();
        byDepartment.forEach((department, cards) -> {
            BigDecimal sum = cards.stream().map(Scorecard::total).reduce(BigDecimal.ZERO, BigDecimal::add);
            Map<Integer, Long> stars = cards.stream().collect(Collectors.groupingBy(Scorecard::stars,
                    java.util.TreeMap::new, Collectors.counting()));
            unranked.add(new DepartmentRank(0, department, names.getOrDefault(department, department), cards.size(),
                    sum.divide(BigDecimal.valueOf(cards.size()), 2, RoundingMode.HALF_UP), stars));
        });
        unranked.sort(Comparator.comparing(DepartmentRank::averageTotal).reversed().thenComparing(DepartmentRank::department));
        List<DepartmentRank> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            DepartmentRank d = unranked.get(i);
            int rank = i > 0 && d.averageTotal().compareTo(unranked.get(i - 1).averageTotal()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new DepartmentRank(rank, d.department(), d.name(), d.branches(), d.averageTotal(), d.branchesByStars()));
        }
        return ranked;
    }

    /** The scorecards of every active branch matching {@code where}, within the caller's scope. */
    private List<Scorecard> scorecards(Criteria where, int year) {
        ScoringRules rules = rules(year);
        List<ScorecardUnit> branches = store.find(new Criteria().andOperator(where, Criteria.where("kind").is("BRANCH"),
                Criteria.where("status").is("ACTIVE")), ScorecardUnit.class);
        Map<String, List<ScorecardFact>> facts = store.find(new Criteria().andOperator(where, new Criteria().orOperator(
                        Criteria.where("year").is(year), Criteria.where("kind").is(ScorecardFact.Kind.TERM))), ScorecardFact.class)
                .stream().filter(f -> f.branchId() != null).collect(Collectors.groupingBy(ScorecardFact::branchId));
        return branches.stream().map(b -> score(b, ScorecardFact.collect(facts.getOrDefault(b.id(), List.of())), rules)).toList();
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

    private Scorecard score(ScorecardUnit branch, BranchFacts facts, ScoringRules rules) {
        LocalDate today = calendar.today();
        LocalDate reference = rules.year() < today.getYear() ? LocalDate.of(rules.year(), 12, 31) : today;
        return ScoreCalculator.score(branch.id(), branch.name(), branch.department(), facts, rules, reference);
    }

    /** The branch, if the caller may see it: in its department scope and, for a secretary, its own branch. */
    private ScorecardUnit visibleBranch(String branchId) {
        ScorecardUnit branch = store.findById(branchId, ScorecardUnit.class)
                .filter(b -> "BRANCH".equals(b.kind()))
                .orElseThrow(() -> Problems.notFound(ENTITY_BRANCH, branchId));
        var caller = CurrentCaller.get();
        if (!caller.hasAny(Role.WORK_COMMITTEE_ADMIN, Role.DEPT_ADMIN)) {
            branchScope.restrictedBranch().filter(own -> !own.equals(branchId)).ifPresent(own -> {
                throw Problems.notFound(ENTITY_BRANCH, branchId);
            });
        }
        return branch;
    }
}
