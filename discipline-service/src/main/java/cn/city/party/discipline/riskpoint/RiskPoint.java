package cn.city.party.discipline.riskpoint;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * 廉政风险点 of a post in a department: what can go wrong, how likely/severe (level), the prevention measures, who
 * owns them, and when it is next re-assessed. The yearly re-assessment marks it confirmed (reviewed, unchanged) or
 * changed (new level or measures), keeping what it was.
 */
@Document("risk_points")
public class RiskPoint extends AuditedRecord {

    public enum Level { HIGH, MEDIUM, LOW }

    public enum Result { CONFIRMED, CHANGED }

    public record Review(LocalDate reviewedOn, Result result, Level previousLevel, String previousMeasures, String note,
                         String reviewerName, Instant at) {
    }

    @Id
    private String id;
    @Indexed
    private String department;
    private String post;
    private String description;
    private Level level;
    private String measures;
    private String owner;
    private LocalDate nextReviewOn;
    private LocalDate lastReviewedOn;
    private List<Review> reviews = new ArrayList<>();
    private Instant createdAt;
    @Version
    private Long version;

    protected RiskPoint() {
    }

    public RiskPoint(String id, String department, String post, String description, Level level, String measures,
                     String owner, LocalDate nextReviewOn, LocalDate today, int reviewMonths, Instant now) {
        requireReviewDate(nextReviewOn, today, reviewMonths);
        this.id = id;
        this.department = department;
        this.post = post;
        this.description = description;
        this.level = level;
        this.measures = measures;
        this.owner = owner;
        this.nextReviewOn = nextReviewOn;
        this.createdAt = now;
    }

    /**
     * 年度评估: CONFIRMED keeps level and measures; CHANGED needs a new level or new measures. The next review is due
     * within {@code reviewMonths} (by default a year after this one).
     */
    public void reassess(Result result, Level newLevel, String newMeasures, String note, LocalDate nextReview,
                         LocalDate today, int reviewMonths, Caller reviewer, Instant now) {
        LocalDate next = nextReview != null ? nextReview : today.plusMonths(reviewMonths);
        requireReviewDate(next, today, reviewMonths);
        boolean changes = (newLevel != null && newLevel != level) || (newMeasures != null && !newMeasures.equals(measures));
        if (result == Result.CHANGED && !changes) {
            throw Problems.rule("level", "riskPoint.changedWithoutChange");
        }
        if (result == Result.CONFIRMED && changes) {
            throw Problems.rule("result", "riskPoint.confirmedWithChange");
        }
        reviews.add(new Review(today, result, level, measures, note, reviewer.username(), now));
        if (result == Result.CHANGED) {
            level = newLevel != null ? newLevel : level;
            measures = newMeasures != null ? newMeasures : measures;
        }
        lastReviewedOn = today;
        nextReviewOn = next;
    }

    private static void requireReviewDate(LocalDate next, LocalDate today, int reviewMonths) {
        if (next.isBefore(today)) {
            throw Problems.rule("nextReviewOn", "riskPoint.reviewDateInPast");
        }
        LocalDate latest = today.plusMonths(reviewMonths);
        if (next.isAfter(latest)) {
            throw Problems.rule("nextReviewOn", "riskPoint.reviewTooLate", latest);
        }
    }

    public boolean reviewOverdue(LocalDate today) {
        return today.isAfter(nextReviewOn);
    }

    /** Re-assessed in calendar year {@code year}. */
    public boolean reviewedIn(int year) {
        return reviews.stream().anyMatch(r -> r.reviewedOn().getYear() == year);
    }

    @Override
    public String department() { return department; }
    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "riskPoint"; }
    public String post() { return post; }
    public String description() { return description; }
    public Level level() { return level; }
    public String measures() { return measures; }
    public String owner() { return owner; }
    public LocalDate nextReviewOn() { return nextReviewOn; }
    public LocalDate lastReviewedOn() { return lastReviewedOn; }
    public List<Review> reviews() { return List.copyOf(reviews); }
}
