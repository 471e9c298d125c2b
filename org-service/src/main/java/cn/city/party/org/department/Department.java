package cn.city.party.org.department;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;

/**
 * A department of the city (部门/单位, e.g. 市财政局): the tenant. Its code is its id and the value of every record's
 * {@code department} field and of the token's {@code department} claim.
 */
@Document("departments")
public class Department extends AggregateRoot {

    @Id
    private String code;
    /** Always equal to the code: the field every scoped query filters on. */
    private String department;
    private String name;
    /** 在编人数: the basis of the 2% target for full-time Party-affairs cadres. */
    private int staffHeadcount;
    private Instant registeredAt;
    @Version
    private Long version;

    protected Department() {
    }

    public Department(String code, String name, int staffHeadcount, Instant registeredAt) {
        this.code = code;
        this.department = code;
        this.name = name;
        this.staffHeadcount = staffHeadcount;
        this.registeredAt = registeredAt;
    }

    @Override
    public String department() {
        return department;
    }

    public void change(String name, int staffHeadcount) {
        this.name = name;
        this.staffHeadcount = staffHeadcount;
    }

    public String code() { return code; }
    public String name() { return name; }
    public int staffHeadcount() { return staffHeadcount; }
    public Instant registeredAt() { return registeredAt; }
}
