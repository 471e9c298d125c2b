package cn.city.party.activity.assessment;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * 年度考核关账: the work committee closed a year's assessment. From then the year's records are read-only; a
 * correction needs the department admin's approval with a reason. City-wide: it belongs to no department.
 */
@Document("assessment_years")
public class AssessmentYear extends AggregateRoot {

    @Id
    private String id;
    private int year;
    private String closedBy;
    private Instant closedAt;

    protected AssessmentYear() {
    }

    AssessmentYear(int year, String closedBy, Instant closedAt) {
        this.id = String.valueOf(year);
        this.year = year;
        this.closedBy = closedBy;
        this.closedAt = closedAt;
    }

    @Override
    public String department() { return null; }
    public int year() { return year; }
    public String closedBy() { return closedBy; }
    public Instant closedAt() { return closedAt; }
}
