package cn.city.party.org.organization;

import cn.city.party.common.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A Party organization inside one department. {@code ancestors} holds the ids from the root down to the parent, so
 * a subtree is one indexed query and a move can be checked against cycles without walking the tree.
 */
@Document("organizations")
@CompoundIndex(name = "department_ancestors", def = "{'department': 1, 'ancestors': 1}")
public class Organization extends AggregateRoot {

    public enum Status { ACTIVE, DISSOLVED }

    @Id
    private String id;
    private String department;
    private OrganizationType type;
    private String name;
    /** 组织编码: the department's own code, given by the tree import (null for organizations created one at a time). */
    private String code;
    /** 成立日期 as the department's records say, when it gave one; {@code createdAt} is when the platform learnt of it. */
    private LocalDate foundedOn;
    private String parentId;
    private List<String> ancestors = new ArrayList<>();
    private Status status = Status.ACTIVE;
    private Instant createdAt;
    private Instant dissolvedAt;
    @Version
    private Long version;

    protected Organization() {
    }

    public Organization(String id, String department, OrganizationType type, String name, String code, LocalDate foundedOn,
                        Organization parent, Instant now) {
        this.id = id;
        this.department = department;
        this.type = type;
        this.name = name;
        this.code = code;
        this.foundedOn = foundedOn;
        this.createdAt = now;
        placeUnder(parent);
    }

    private void placeUnder(Organization parent) {
        if (parent == null) {
            this.parentId = null;
            this.ancestors = new ArrayList<>();
        } else {
            this.parentId = parent.id;
            this.ancestors = new ArrayList<>(parent.ancestors);
            this.ancestors.add(parent.id);
        }
    }

    public void rename(String name) {
        this.name = name;
    }

    /** Re-parents this organization; the caller re-computes its descendants' ancestor paths. */
    public void moveUnder(Organization parent) {
        placeUnder(parent);
    }

    /** Re-bases the path of a descendant after one of its ancestors moved. */
    void rebase(List<String> oldPrefix, List<String> newPrefix) {
        List<String> rest = ancestors.subList(oldPrefix.size(), ancestors.size());
        List<String> path = new ArrayList<>(newPrefix);
        path.addAll(rest);
        this.ancestors = path;
    }

    public void dissolve(Instant now) {
        this.status = Status.DISSOLVED;
        this.dissolvedAt = now;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    @Override
    public String department() { return department; }
    public String id() { return id; }
    public OrganizationType type() { return type; }
    public String name() { return name; }
    public String code() { return code; }
    public LocalDate foundedOn() { return foundedOn; }
    public String parentId() { return parentId; }
    public List<String> ancestors() { return List.copyOf(ancestors); }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant dissolvedAt() { return dissolvedAt; }
}
