package cn.city.party.discipline.notice;

import cn.city.party.common.events.EventType;
import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/** 典型案例通报: an anonymized summary, city-wide ({@code department} null) or for one department. */
@Document("notices")
public class Notice extends AuditedRecord {

    public static final String TOPIC = "party.discipline.notice";
    public static final EventType PUBLISHED = new EventType(TOPIC + ".published", 1, TOPIC);

    public enum Audience { ALL, DEPARTMENT, LEADING_CADRES, NEW_MEMBERS }

    public record PublishedData(String noticeId, String department, String title, String summary, String audience,
                                Instant publishedAt) {
    }

    @Id
    private String id;
    private String department;
    private String title;
    private String summary;
    private Audience audience;
    private Instant publishedAt;
    private String publishedBy;

    protected Notice() {
    }

    public Notice(String id, String department, String title, String summary, Audience audience, Instant publishedAt,
                  String publishedBy) {
        this.id = id;
        this.department = department;
        this.title = title;
        this.summary = summary;
        this.audience = audience;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public PublishedData data() {
        return new PublishedData(id, department, title, summary, audience.name(), publishedAt);
    }

    @Override
    public String department() { return department; }
    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "notice"; }
    public String title() { return title; }
    public String summary() { return summary; }
    public Audience audience() { return audience; }
    public Instant publishedAt() { return publishedAt; }
}
