package cn.city.party.discipline.accountability;

import cn.city.party.common.events.EventType;
import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/** 问责 of a Party organization (《中国共产党问责条例》: 检查、通报、改组). The reasons stay here; the event says only what. */
@Document("accountability")
public class Accountability extends AuditedRecord {

    public static final String TOPIC = "party.discipline.accountability";
    public static final EventType RECORDED = new EventType(TOPIC + ".recorded", 1, TOPIC);

    public enum Kind {
        /** 责令作出书面检查 */
        WRITTEN_EXAMINATION,
        /** 通报批评 */
        CIRCULATED_CRITICISM,
        /** 改组 */
        REORGANIZATION
    }

    public record RecordedData(String accountabilityId, String department, String organizationId, LocalDate decidedOn,
                               String kind) {
    }

    @Id
    private String id;
    @Indexed
    private String department;
    private String organizationId;
    private Kind kind;
    private LocalDate decidedOn;
    private String reason;
    private String recordedBy;
    private Instant createdAt;

    protected Accountability() {
    }

    public Accountability(String id, String department, String organizationId, Kind kind, LocalDate decidedOn,
                          String reason, String recordedBy, Instant now) {
        this.id = id;
        this.department = department;
        this.organizationId = organizationId;
        this.kind = kind;
        this.decidedOn = decidedOn;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.createdAt = now;
    }

    public RecordedData data() {
        return new RecordedData(id, department, organizationId, decidedOn, kind.name());
    }

    @Override
    public String department() { return department; }
    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "accountability"; }
    public String organizationId() { return organizationId; }
    public Kind kind() { return kind; }
    public LocalDate decidedOn() { return decidedOn; }
    public String reason() { return reason; }
    public String recordedBy() { return recordedBy; }
}
