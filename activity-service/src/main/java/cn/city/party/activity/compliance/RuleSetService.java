package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleKind;
import cn.city.party.common.rules.RuleVersion;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule sets in force, kept in the rule book as kind {@code compliance} (docs/rules.md): a department's override
 * in force for the year, else the city's version in force for the year, version 0 of which holds the defaults of
 * 《支部工作条例》. The work committee publishes the city's; a department admin its own department's override.
 */
@Service
public class RuleSetService {

    private final RuleBook book;
    private final RuleKind<ComplianceRules> kind;
    private final Clock clock;

    public RuleSetService(RuleBook book, RuleKind<ComplianceRules> kind, Clock clock) {
        this.book = book;
        this.kind = kind;
        this.clock = clock;
    }

    /** The parameters of a publication; a null one is taken from the rule set the publication replaces or overrides. */
    public record Parameters(Integer lateEntryDays, Map<PeriodKind, Integer> warningDays, Double lateEntryWeight,
                             Double multiPurposeWeight) {
    }

    /** The minimums of domain.md §2. */
    public static List<Rule> defaultRules() {
        return List.of(
                new Rule(ActivityType.BRANCH_GENERAL_MEETING, 1, PeriodKind.QUARTER, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.BRANCH_COMMITTEE_MEETING, 1, PeriodKind.MONTH, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.PARTY_GROUP_MEETING, 1, PeriodKind.MONTH, RuleScope.PARTY_GROUP, RuleCondition.NONE),
                new Rule(ActivityType.PARTY_LECTURE, 1, PeriodKind.QUARTER, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.PARTY_LECTURE, 1, PeriodKind.YEAR, RuleScope.BRANCH, RuleCondition.SECRETARY_LECTURES),
                new Rule(ActivityType.THEME_PARTY_DAY, 1, PeriodKind.MONTH, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.ORGANIZATIONAL_LIFE_MEETING, 1, PeriodKind.YEAR, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.DEMOCRATIC_APPRAISAL, 1, PeriodKind.YEAR, RuleScope.BRANCH, RuleCondition.NONE),
                new Rule(ActivityType.HEART_TO_HEART_TALK, 1, PeriodKind.YEAR, RuleScope.MEMBER_PAIR, RuleCondition.NONE));
    }

    /** The rule set in force for {@code department} (null: the city's) in {@code year}. */
    public RuleSet effective(String department, int year) {
        Optional<RuleVersion> own = department == null ? Optional.empty() : book.own(kind, department, year);
        return RuleSet.of(own.orElseGet(() -> book.current(kind, year)));
    }

    public LateEntryRule lateEntryRule(String department, int year) {
        return new LateEntryRule(effective(department, year).lateEntryDays());
    }

    /** Every version published for {@code owner} and {@code year} (not the defaults), newest first. */
    public List<RuleSet> history(String owner, int year) {
        return book.history(kind, RuleSet.CITY.equals(owner) ? null : owner, year).stream()
                .filter(v -> !RuleBook.SYSTEM.equals(v.author())).map(RuleSet::of)
                .sorted(Comparator.comparingInt(RuleSet::version).reversed()).toList();
    }

    /**
     * Publishes a new version. The city's: work committee only. A department's: its own admin or the work committee,
     * and only stricter than the city's rule by rule ({@link OverrideStrictness}); a laxer one only by the work
     * committee with a reason, recorded on the version. Two publications racing for the same version number: the
     * second gets a 409 and publishes nothing.
     */
    public RuleSet publish(String owner, int year, Parameters parameters, List<Rule> rules, String reason,
                           String laxerReason) {
        Caller caller = CurrentCaller.get();
        boolean committee = caller.has(Role.WORK_COMMITTEE_ADMIN);
        boolean ownDepartment = caller.has(Role.DEPT_ADMIN) && owner.equals(caller.department());
        if (!(committee || (!RuleSet.CITY.equals(owner) && ownDepartment))) {
            throw Problems.forbidden("rules.notYours", owner);
        }
        validate(year, rules);
        boolean city = RuleSet.CITY.equals(owner);
        RuleSet base = city ? effective(null, year) : effective(owner, year);
        RuleSet set = new RuleSet(null, owner, year, 0,
                Optional.ofNullable(parameters.lateEntryDays()).orElse(base.lateEntryDays()),
                Optional.ofNullable(parameters.warningDays()).orElse(base.warningDays()),
                Optional.ofNullable(parameters.lateEntryWeight()).orElse(base.lateEntryWeight()),
                Optional.ofNullable(parameters.multiPurposeWeight()).orElse(base.multiPurposeWeight()),
                rules, caller.username(), null, null);
        RuleSet.LaxerApproval approval = city ? null
                : approval(OverrideStrictness.laxities(set, effective(null, year)), committee, caller, laxerReason);
        String why = reason != null && !reason.isBlank() ? reason : approval != null ? approval.reason() : RuleBook.NO_REASON;
        return RuleSet.of(book.publish(kind, city ? null : owner, year, set.values(approval), why, null,
                caller.username()));
    }

    /** The work committee's approval of the ways an override is laxer than the city's; null when it is not laxer. */
    private RuleSet.LaxerApproval approval(List<String> laxities, boolean committee, Caller caller, String reason) {
        if (laxities.isEmpty()) {
            return null;
        }
        if (!committee) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rules.laxerThanCity",
                    new Object[]{String.join(", ", laxities)},
                    laxities.stream().map(f -> new DomainProblem.Violation(f, "rules.laxerField")).toList());
        }
        if (reason == null || reason.isBlank()) {
            throw Problems.rule("laxerApprovalReason", "rules.laxerReasonRequired", String.join(", ", laxities));
        }
        return new RuleSet.LaxerApproval(caller.username(), clock.instant(), reason.strip(), laxities);
    }

    /** Field errors for rules that cannot be judged: a scope or condition that does not fit the activity type. */
    static void validate(int year, List<Rule> rules) {
        List<DomainProblem.Violation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(new DomainProblem.Violation("year", "rules.yearOutOfRange"));
        }
        violations.addAll(ruleViolations(rules));
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
    }

    /** Rules whose scope or condition does not fit their activity type, each named by its field. */
    static List<DomainProblem.Violation> ruleViolations(List<Rule> rules) {
        List<DomainProblem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.scope() == RuleScope.MEMBER_PAIR && rule.type() != ActivityType.HEART_TO_HEART_TALK) {
                violations.add(new DomainProblem.Violation("rules[" + i + "].scope", "rules.pairsOnlyForTalks"));
            }
            if (rule.scope() == RuleScope.PARTY_GROUP && rule.type() != ActivityType.PARTY_GROUP_MEETING) {
                violations.add(new DomainProblem.Violation("rules[" + i + "].scope", "rules.groupsOnlyForGroupMeetings"));
            }
            if (rule.condition() == RuleCondition.SECRETARY_LECTURES && rule.type() != ActivityType.PARTY_LECTURE) {
                violations.add(new DomainProblem.Violation("rules[" + i + "].condition", "rules.secretaryOnlyForLectures"));
            }
        }
        return violations;
    }
}
