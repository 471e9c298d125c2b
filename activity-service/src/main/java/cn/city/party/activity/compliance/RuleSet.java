package cn.city.party.activity.compliance;

import cn.city.party.activity.period.PeriodKind;
import cn.city.party.common.rules.RuleBook;
import cn.city.party.common.rules.RuleVersion;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One version of the compliance rules for a year as the compliance endpoints and the evaluation read it: the city
 * default ({@code owner = "city"}, edited by the work committee) or a department's override ({@code owner} =
 * department code). It is a view of a {@link RuleVersion} of kind {@code compliance} ({@link ComplianceRules}):
 * versions are never changed, and the one in force is the rule book's.
 *
 * @param lateEntryDays      a record first entered more than this many days after its sitting is late
 * @param warningDays        per period kind: not met with this many days left or fewer is at risk (and reminded of)
 * @param lateEntryWeight    what a late record counts for compliance (default one half)
 * @param multiPurposeWeight what a 一会多用 sitting counts for each type but its first (default one half)
 * @param laxerApproval      the work committee's approval when this override is laxer than the city's, else null
 */
public record RuleSet(String id, String owner, int year, int version, int lateEntryDays,
                      Map<PeriodKind, Integer> warningDays, Double lateEntryWeight, Double multiPurposeWeight,
                      List<Rule> rules, String publishedBy, Instant publishedAt, LaxerApproval laxerApproval) {

    public static final String CITY = "city";
    public static final double DEFAULT_LATE_ENTRY_WEIGHT = 0.5;
    public static final double DEFAULT_MULTI_PURPOSE_WEIGHT = 0.5;
    /** 《条例》 periods grow, so does the time to act: month 7 days, quarter 21, half year 30, year 60. */
    public static final Weights DEFAULT_WEIGHTS = new Weights(DEFAULT_LATE_ENTRY_WEIGHT, DEFAULT_MULTI_PURPOSE_WEIGHT);
    public static final Map<PeriodKind, Integer> DEFAULT_WARNING_DAYS = Map.of(PeriodKind.MONTH, 7,
            PeriodKind.QUARTER, 21, PeriodKind.HALF_YEAR, 30, PeriodKind.YEAR, 60);

    /** Who let a department lower the city's bar, when and why, and which rules are laxer. */
    public record LaxerApproval(String approvedBy, Instant approvedAt, String reason, List<String> laxerRules) {
    }

    public RuleSet {
        Map<PeriodKind, Integer> windows = new EnumMap<>(DEFAULT_WARNING_DAYS);
        if (warningDays != null) {
            windows.putAll(warningDays);
        }
        warningDays = Map.copyOf(windows);
        lateEntryWeight = lateEntryWeight == null ? DEFAULT_LATE_ENTRY_WEIGHT : lateEntryWeight;
        multiPurposeWeight = multiPurposeWeight == null ? DEFAULT_MULTI_PURPOSE_WEIGHT : multiPurposeWeight;
        rules = List.copyOf(rules);
    }

    /** The compliance endpoints' view of a version (the defaults, recorded by the system, name no publisher). */
    public static RuleSet of(RuleVersion version) {
        ComplianceRules r = (ComplianceRules) version.values();
        boolean defaults = RuleBook.SYSTEM.equals(version.author());
        return new RuleSet(version.id(), version.owner() == null ? CITY : version.owner(), version.year(),
                version.version(), r.lateEntryDays(), r.warningDays(), r.lateEntryWeight(), r.multiPurposeWeight(),
                r.rules(), defaults ? null : version.author(), defaults ? null : version.publishedAt(), r.laxerApproval());
    }

    /** The values of this version as the rule book keeps them. */
    ComplianceRules values(LaxerApproval approval) {
        return new ComplianceRules(lateEntryDays, warningDays, lateEntryWeight, multiPurposeWeight, rules, approval);
    }

    public int warningDays(PeriodKind kind) {
        return warningDays.get(kind);
    }

    public Weights weights() {
        return new Weights(lateEntryWeight, multiPurposeWeight);
    }

    /** What a sitting counts for compliance: late records and the extra types of a 一会多用 sitting count less. */
    public record Weights(double lateEntry, double multiPurpose) {

        /** The weight of {@code sitting} for its {@code typeIndex}-th type (0 = its first type). */
        public double of(boolean late, int typeIndex) {
            return (late ? lateEntry : 1.0) * (typeIndex == 0 ? 1.0 : multiPurpose);
        }
    }
}
