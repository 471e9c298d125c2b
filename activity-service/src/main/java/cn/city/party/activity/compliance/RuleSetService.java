package cn.city.party.activity.compliance;

import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.security.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule sets in force: a department's latest override for the year, else the city's latest for the year, else
 * the defaults of 《支部工作条例》 (version 0). The work committee publishes the city's; a department admin its own
 * department's override.
 */
@Service
public class RuleSetService {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final int defaultLateEntryDays;

    public RuleSetService(MongoTemplate mongo, Clock clock,
                          @Value("${activity.rules.late-entry-days:7}") int defaultLateEntryDays) {
        this.mongo = mongo;
        this.clock = clock;
        this.defaultLateEntryDays = defaultLateEntryDays;
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
        Optional<RuleSet> own = department == null ? Optional.empty() : latest(department, year);
        return own.or(() -> latest(RuleSet.CITY, year)).orElseGet(() -> new RuleSet(RuleSet.idOf(RuleSet.CITY, year, 0),
                RuleSet.CITY, year, 0, defaultLateEntryDays, null, null, null, defaultRules(), null, null, null));
    }

    public LateEntryRule lateEntryRule(String department, int year) {
        return new LateEntryRule(effective(department, year).lateEntryDays());
    }

    /** Every published version for {@code owner} and {@code year}, newest first. */
    public List<RuleSet> history(String owner, int year) {
        return mongo.find(Query.query(Criteria.where("owner").is(owner).and("year").is(year))
                .with(Sort.by(Sort.Direction.DESC, "version")), RuleSet.class);
    }

    /**
     * Publishes a new version. The city's: work committee only. A department's: its own admin or the work committee,
     * and only stricter than the city's rule by rule ({@link OverrideStrictness}); a laxer one only by the work
     * committee with a reason, recorded on the version. Two publications racing for the same version number: the
     * second gets a 409 and publishes nothing.
     */
    public RuleSet publish(String owner, int year, Parameters parameters, List<Rule> rules, String laxerReason) {
        Caller caller = CurrentCaller.get();
        boolean committee = caller.has(Role.WORK_COMMITTEE_ADMIN);
        boolean ownDepartment = caller.has(Role.DEPT_ADMIN) && owner.equals(caller.department());
        if (!(committee || (!RuleSet.CITY.equals(owner) && ownDepartment))) {
            throw Problems.forbidden("rules.notYours", owner);
        }
        validate(year, rules);
        RuleSet base = RuleSet.CITY.equals(owner) ? effective(null, year) : effective(owner, year);
        int version = latest(owner, year).map(RuleSet::version).orElse(0) + 1;
        RuleSet set = new RuleSet(RuleSet.idOf(owner, year, version), owner, year, version,
                Optional.ofNullable(parameters.lateEntryDays()).orElse(base.lateEntryDays()),
                Optional.ofNullable(parameters.warningDays()).orElse(base.warningDays()),
                Optional.ofNullable(parameters.lateEntryWeight()).orElse(base.lateEntryWeight()),
                Optional.ofNullable(parameters.multiPurposeWeight()).orElse(base.multiPurposeWeight()),
                rules, caller.username(), clock.instant(), null);
        if (!RuleSet.CITY.equals(owner)) {
            set = approved(set, OverrideStrictness.laxities(set, effective(null, year)), committee, caller, laxerReason);
        }
        try {
            return mongo.insert(set);
        } catch (DuplicateKeyException raced) {
            throw Problems.conflict("concurrentChange");
        }
    }

    private RuleSet approved(RuleSet set, List<String> laxities, boolean committee, Caller caller, String reason) {
        if (laxities.isEmpty()) {
            return set;
        }
        if (!committee) {
            throw new DomainProblem(HttpStatus.UNPROCESSABLE_CONTENT, "rules.laxerThanCity",
                    new Object[]{String.join(", ", laxities)},
                    laxities.stream().map(f -> new DomainProblem.Violation(f, "rules.laxerField")).toList());
        }
        if (reason == null || reason.isBlank()) {
            throw Problems.rule("laxerApprovalReason", "rules.laxerReasonRequired", String.join(", ", laxities));
        }
        return new RuleSet(set.id(), set.owner(), set.year(), set.version(), set.lateEntryDays(), set.warningDays(),
                set.lateEntryWeight(), set.multiPurposeWeight(), set.rules(), set.publishedBy(), set.publishedAt(),
                new RuleSet.LaxerApproval(caller.username(), set.publishedAt(), reason.strip(), laxities));
    }

    private Optional<RuleSet> latest(String owner, int year) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("owner").is(owner).and("year").is(year))
                .with(Sort.by(Sort.Direction.DESC, "version")).limit(1), RuleSet.class));
    }

    /** Field errors for rules that cannot be judged: a scope or condition that does not fit the activity type. */
    static void validate(int year, List<Rule> rules) {
        List<DomainProblem.Violation> violations = new ArrayList<>();
        if (year < 2000 || year > 2100) {
            violations.add(new DomainProblem.Violation("year", "rules.yearOutOfRange"));
        }
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
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
    }
}
