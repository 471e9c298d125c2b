package cn.city.party.discipline.supervision;

import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One integrity talk (廉政谈话), follow-up visit (巡查回访) or issue of supervision cards (廉政监督卡), and whom it
 * covered: members for talks and cards, branches for visits.
 */
@Document("supervision_records")
@CompoundIndex(name = "department_kind_year", def = "{'department': 1, 'kind': 1, 'year': 1}")
public class SupervisionRecord extends AuditedRecord {

    @Id
    private String id;
    private String department;
    private Kind kind;
    private LocalDate heldOn;
    private int year;
    private List<String> coveredIds;
    private String note;
    private String recordedBy;
    private Instant createdAt;

    protected SupervisionRecord() {
    }

    public SupervisionRecord(String id, String department, Kind kind, LocalDate heldOn, int year, List<String> coveredIds,
                             String note, String recordedBy, Instant createdAt) {
        this.id = id;
        this.department = department;
        this.kind = kind;
        this.heldOn = heldOn;
        this.year = year;
        this.coveredIds = List.copyOf(coveredIds);
        this.note = note;
        this.recordedBy = recordedBy;
        this.createdAt = createdAt;
    }

    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "supervision"; }
    @Override
    public String department() { return department; }
    public Kind kind() { return kind; }
    public LocalDate heldOn() { return heldOn; }
    public int year() { return year; }
    public List<String> coveredIds() { return coveredIds; }
    public String note() { return note; }
    public String recordedBy() { return recordedBy; }
    public Instant createdAt() { return createdAt; }

    public enum Kind {
        /** 廉政谈话: every member at least once a year */
        INTEGRITY_TALK(Population.MEMBERS),
        /** 巡查回访: every branch at least once a year */
        FOLLOW_UP_VISIT(Population.BRANCHES),
        /** 廉政监督卡: every member holds one each year */
        SUPERVISION_CARD(Population.MEMBERS);

        private final Population population;

        Kind(Population population) {
            this.population = population;
        }

        public Population population() {
            return population;
        }
    }

    /** Against whom coverage is measured. */
    public enum Population { MEMBERS, BRANCHES }
}
