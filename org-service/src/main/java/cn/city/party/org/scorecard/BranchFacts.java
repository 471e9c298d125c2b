package cn.city.party.org.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the platform's events say about one branch in one year, each fact entered once in the module that owns it.
 * Terms are not tied to a year: the calculator picks the one covering the reference date.
 */
public record BranchFacts(List<Compliance> compliance, List<Activity> activities, List<Credits> credits,
                          List<Completion> completions, List<Sanction> sanctions, List<Accountability> accountabilities,
                          List<Term> terms, List<Arrears> arrears, List<Correction> corrections) {

    public BranchFacts {
        compliance = List.copyOf(compliance);
        activities = List.copyOf(activities);
        credits = List.copyOf(credits);
        completions = List.copyOf(completions);
        sanctions = List.copyOf(sanctions);
        accountabilities = List.copyOf(accountabilities);
        terms = List.copyOf(terms);
        arrears = List.copyOf(arrears);
        corrections = List.copyOf(corrections);
    }

    public static BranchFacts none() {
        return new BranchFacts(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of());
    }

    /**
     * activity-service's latest evaluation of one period (month, quarter, half or year: {@code
     * party.activity.compliance.evaluated.v2}), rule by rule; each rule appears only in the periods of its own kind.
     */
    public record Compliance(String period, String periodKind, LocalDate periodStart, LocalDate periodEnd,
                             String status, boolean frozen, List<RuleResult> rules, int sittings,
                             Double attendanceRate, List<String> activityIds) {
        public Compliance {
            rules = rules == null ? List.of() : List.copyOf(rules);
            activityIds = activityIds == null ? List.of() : List.copyOf(activityIds);
        }
    }

    /**
     * One rule in one period: {@code score} = weighted sittings ÷ the minimum (0–1), {@code weight} = the period's
     * share of the rule's year (1/12, 1/4, 1/2, 1).
     */
    public record RuleResult(String ruleId, String type, String status, int required, double met, double score,
                             double weight) {
    }

    /** A sitting of the branch as activity-service last published it. */
    public record Activity(String activityId, String title, String status, boolean lateEntry, Instant heldAt) {
        public boolean cancelled() {
            return "CANCELLED".equals(status);
        }
    }

    /** A member's study of the year (study-service's latest figures). */
    public record Credits(String memberId, int requiredCompleted, int requiredTotal, double creditHours, double target) {
        public boolean requiredDone() {
            return requiredCompleted >= requiredTotal;
        }
    }

    /** One material a member completed. */
    public record Completion(String memberId, String materialId, boolean required, Instant completedAt) {
    }

    /** A sanction of a member of the branch; {@code revokedOn} set when discipline-service revoked it. */
    public record Sanction(String sanctionId, String memberId, String type, int form, LocalDate decidedOn, LocalDate revokedOn) {
        public boolean revoked() {
            return revokedOn != null;
        }
    }

    /** An accountability decision against the branch (问责). */
    public record Accountability(String accountabilityId, String kind, LocalDate decidedOn) {
    }

    /**
     * An elected committee term and the posts filled in it; {@code secretaryVacantSince} is the day the platform
     * first saw it without a secretary (null while it has one).
     */
    public record Term(LocalDate termStart, LocalDate termEnd, List<String> posts, LocalDate secretaryVacantSince) {
        public Term {
            posts = posts == null ? List.of() : List.copyOf(posts);
        }

        public boolean hasSecretary() {
            return posts.contains("SECRETARY");
        }

        public boolean covers(LocalDate day) {
            return !day.isBefore(termStart) && !day.isAfter(termEnd);
        }
    }

    /** A member of the branch flagged in dues arrears during the year. */
    public record Arrears(String memberId, int unpaidMonths, String level) {
    }

    /**
     * A record of a closed year corrected with the department admin's approval ({@code
     * party.activity.correction.approved.v1}): which record, why, who asked and who approved, when.
     */
    public record Correction(String correctionId, String activityId, String reason, String requestedBy,
                             Instant requestedAt, String approvedBy, Instant approvedAt) {
    }
}
