package cn.city.party.activity.compliance;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Read model: one branch's figures for one year, kept up to date from activity and roster events, so that
 * department and city compliance is evaluated from 1 document per branch instead of every activity. It also raises
 * {@code compliance.evaluated} when the branch's result for the year or one of its quarters changes.
 */
@Document("branch_compliance")
@CompoundIndex(name = "year_department", def = "{'year': 1, 'department': 1}")
public class BranchCompliance extends AggregateRoot {

    @Id
    private String id;
    private String department;
    private String branchId;
    private String branchName;
    private int year;
    private Figures figures;
    /** What the last {@code compliance.evaluated} event said per period, so an unchanged result is not announced again. */
    private Map<String, ComplianceEvents.EvaluatedData> lastEvaluated = new HashMap<>();
    /** Each period's result as last announced in {@code compliance.evaluated.v2}, by period kind and key; final once frozen. */
    private Map<String, ComplianceEvents.PeriodData> periods = new HashMap<>();
    private Instant updatedAt;
    @Version
    private Long version;

    protected BranchCompliance() {
    }

    public BranchCompliance(String department, String branchId, int year) {
        this.id = idOf(branchId, year);
        this.department = department;
        this.branchId = branchId;
        this.year = year;
    }

    public static String idOf(String branchId, int year) {
        return branchId + ":" + year;
    }

    /** Takes new figures; returns whether anything changed. */
    boolean update(String branchName, Figures figures, Instant now) {
        if (figures.equals(this.figures) && branchName.equals(this.branchName)) {
            return false;
        }
        this.branchName = branchName;
        this.figures = figures;
        this.updatedAt = now;
        return true;
    }

    /** Records an evaluation of one period; returns whether it differs from the last one announced for it. */
    boolean evaluated(ComplianceEvents.EvaluatedData data) {
        if (data.equals(lastEvaluated.get(data.period()))) {
            return false;
        }
        lastEvaluated.put(data.period(), data);
        return true;
    }

    /**
     * Takes a period's new result; returns whether it is to be announced: not when the period is frozen already or
     * the result is the same as announced.
     */
    boolean periodEvaluated(ComplianceEvents.PeriodData data) {
        String key = data.periodKind() + ":" + data.period();
        ComplianceEvents.PeriodData last = periods.get(key);
        if (last != null && (last.frozen() || data.sameResultAs(last))) {
            return false;
        }
        periods.put(key, data);
        return true;
    }

    /** The periods' results as announced, in calendar order. */
    public java.util.List<ComplianceEvents.PeriodData> periods() {
        return periods == null ? java.util.List.of() : periods.values().stream()
                .sorted(java.util.Comparator.comparing(ComplianceEvents.PeriodData::periodStart)
                        .thenComparing(d -> d.periodKind().months())).toList();
    }

    /** Whether a period of the year is still to be frozen. */
    public boolean open() {
        return periods == null || periods.isEmpty() || periods.values().stream().anyMatch(p -> !p.frozen());
    }

    @Override
    public String department() { return department; }
    public String id() { return id; }
    public String branchId() { return branchId; }
    public String branchName() { return branchName; }
    public int year() { return year; }
    public Figures figures() { return figures; }
    public Instant updatedAt() { return updatedAt; }
}
