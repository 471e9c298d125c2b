package cn.city.party.study.plan;

import cn.city.party.common.outbox.AggregateRoot;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;

/** 布置必学任务: a required material for an audience of a department (or one branch), due on a date. */
@Document("assignments")
public class Assignment extends AggregateRoot {

    @Id
    private String id;
    private String department;
    private String branchId;
    private Audience audience;
    private String materialId;
    private String planId;
    private LocalDate dueOn;
    private Instant createdAt;

    protected Assignment() {
    }

    public Assignment(String id, Reach reach, String materialId, String planId, LocalDate dueOn, Instant now) {
        this.id = id;
        this.department = reach.department();
        this.branchId = reach.branchId();
        this.audience = reach.audience();
        this.materialId = materialId;
        this.planId = planId;
        this.dueOn = dueOn;
        this.createdAt = now;
    }

    public Reach reach() {
        return new Reach(department, branchId, audience);
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String branchId() { return branchId; }
    public Audience audience() { return audience; }
    public String materialId() { return materialId; }
    public String planId() { return planId; }
    public LocalDate dueOn() { return dueOn; }
    public Instant createdAt() { return createdAt; }
}
