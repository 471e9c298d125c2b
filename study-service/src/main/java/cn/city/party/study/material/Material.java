package cn.city.party.study.material;

import cn.city.party.common.error.Problems;
import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 学习资料: a text kept here, or a link to a document or a video; with a category, the audience it is meant for,
 * whether it is required study, and the credit hours (学时) completing it earns.
 */
@Document("materials")
@CompoundIndex(name = "department_status_category", def = "{'department': 1, 'status': 1, 'category': 1}")
public class Material extends AggregateRoot {

    public enum Kind { TEXT, DOCUMENT_LINK, VIDEO_LINK }

    public enum Status { DRAFT, PUBLISHED, WITHDRAWN }

    @Id
    private String id;
    private String department;
    private String branchId;
    private Audience audience;
    private String title;
    private Kind kind;
    private String body;
    private String url;
    private Category category;
    private boolean required;
    private BigDecimal creditHours;
    private int estimatedMinutes;
    private Status status = Status.DRAFT;
    private String source;
    private Instant createdAt;
    private Instant publishedAt;
    @Version
    private Long version;

    protected Material() {
    }

    public Material(String id, Reach reach, String title, Kind kind, String body, String url, Category category,
                    boolean required, BigDecimal creditHours, int estimatedMinutes, String source, Instant now) {
        if (creditHours.signum() < 0) {
            throw Problems.invalid("creditHours", "material.negativeHours");
        }
        if (kind == Kind.TEXT ? body == null || body.isBlank() : url == null || url.isBlank()) {
            throw Problems.invalid(kind == Kind.TEXT ? "body" : "url", "material.contentMissing");
        }
        this.id = id;
        this.department = reach.department();
        this.branchId = reach.branchId();
        this.audience = reach.audience();
        this.title = title;
        this.kind = kind;
        this.body = kind == Kind.TEXT ? body : null;
        this.url = kind == Kind.TEXT ? null : url;
        this.category = category;
        this.required = required;
        this.creditHours = creditHours;
        this.estimatedMinutes = estimatedMinutes;
        this.source = source;
        this.createdAt = now;
    }

    public void publish(Instant now) {
        if (status == Status.PUBLISHED) {
            throw Problems.conflict("material.alreadyPublished", title);
        }
        status = Status.PUBLISHED;
        publishedAt = now;
    }

    public void withdraw() {
        if (status != Status.PUBLISHED) {
            throw Problems.conflict("material.notPublished", title);
        }
        status = Status.WITHDRAWN;
    }

    public Reach reach() {
        return new Reach(department, branchId, audience);
    }

    public boolean published() {
        return status == Status.PUBLISHED;
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String branchId() { return branchId; }
    public Audience audience() { return audience; }
    public String title() { return title; }
    public Kind kind() { return kind; }
    public String body() { return body; }
    public String url() { return url; }
    public Category category() { return category; }
    public boolean required() { return required; }
    public BigDecimal creditHours() { return creditHours; }
    public int estimatedMinutes() { return estimatedMinutes; }
    public Status status() { return status; }
    public String source() { return source; }
    public Instant createdAt() { return createdAt; }
    public Instant publishedAt() { return publishedAt; }
}
