package cn.city.party.discipline.sanction;

import cn.city.party.common.discipline.InfluenceWindow;
import cn.city.party.common.error.Problems;
import cn.city.party.discipline.audit.AuditedRecord;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 党纪处分 or 诫勉 of one member, with its influence period; corrections keep what was there before. */
@Document("sanctions")
public class Sanction extends AuditedRecord {

    public enum Status { ACTIVE, REVOKED }

    /** A correction or revocation: what it was before, who changed it, why. */
    public record Change(String kind, SanctionType previousType, LocalDate previousDecidedOn, String reason,
                         String actorName, Instant at) {
    }

    @Id
    private String id;
    @Indexed
    private String department;
    @Indexed
    private String memberId;
    private String branchId;
    private SanctionType type;
    private Integer probationMonths;
    /** The lead whose decision this sanction carries out, if it came from one. */
    private String leadId;
    private LocalDate decidedOn;
    private LocalDate influenceFrom;
    private LocalDate influenceUntil;
    private Status status = Status.ACTIVE;
    private LocalDate revokedOn;
    private List<Change> changes = new ArrayList<>();
    private String recordedBy;
    private Instant createdAt;
    @Version
    private Long version;

    protected Sanction() {
    }

    public Sanction(String id, String department, String memberId, String branchId, SanctionType type,
                    Integer probationMonths, LocalDate decidedOn, InfluencePeriods.Period period, String leadId,
                    String recordedBy, Instant now) {
        this.id = id;
        this.department = department;
        this.memberId = memberId;
        this.branchId = branchId;
        this.leadId = leadId;
        this.recordedBy = recordedBy;
        this.createdAt = now;
        apply(type, probationMonths, decidedOn, period);
    }

    private void apply(SanctionType type, Integer probationMonths, LocalDate decidedOn, InfluencePeriods.Period period) {
        this.type = type;
        this.probationMonths = probationMonths;
        this.decidedOn = decidedOn;
        this.influenceFrom = period.from();
        this.influenceUntil = period.until();
    }

    public void correct(SanctionType type, Integer probationMonths, LocalDate decidedOn, InfluencePeriods.Period period,
                        String reason, String actorName, Instant now) {
        requireActive();
        changes.add(new Change("CORRECTED", this.type, this.decidedOn, reason, actorName, now));
        apply(type, probationMonths, decidedOn, period);
    }

    public void revoke(LocalDate revokedOn, String reason, String actorName, Instant now) {
        requireActive();
        if (revokedOn.isBefore(decidedOn)) {
            throw Problems.rule("revokedOn", "sanction.revokedBeforeDecision", decidedOn);
        }
        changes.add(new Change("REVOKED", type, decidedOn, reason, actorName, now));
        this.status = Status.REVOKED;
        this.revokedOn = revokedOn;
    }

    private void requireActive() {
        if (status != Status.ACTIVE) {
            throw Problems.conflict("sanction.revoked");
        }
    }

    /** Inside its influence period on {@code day}, as the platform defines it once (revoked: outside from then on). */
    public boolean inForce(LocalDate day) {
        return new InfluenceWindow(influenceFrom, influenceUntil, revokedOn).covers(day);
    }

    @Override
    public String department() { return department; }
    @Override
    public String id() { return id; }
    @Override
    public String auditTargetType() { return "sanction"; }
    public String memberId() { return memberId; }
    public String branchId() { return branchId; }
    public SanctionType type() { return type; }
    public Integer probationMonths() { return probationMonths; }
    public String leadId() { return leadId; }
    public LocalDate decidedOn() { return decidedOn; }
    public LocalDate influenceFrom() { return influenceFrom; }
    public LocalDate influenceUntil() { return influenceUntil; }
    public Status status() { return status; }
    public LocalDate revokedOn() { return revokedOn; }
    public List<Change> changes() { return List.copyOf(changes); }
}
