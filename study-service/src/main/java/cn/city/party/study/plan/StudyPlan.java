package cn.city.party.study.plan;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 学习计划 of one organization for one year: its sessions, each with a topic and the materials studied. */
@Document("plans")
@CompoundIndex(name = "department_year", def = "{'department': 1, 'year': 1}")
public class StudyPlan implements DepartmentOwned {

    public enum Kind {
        /** 理论学习中心组学习 */
        CENTRAL_GROUP,
        /** 支部周学 */
        BRANCH_WEEKLY
    }

    public record Session(String id, LocalDate date, String topic, List<String> materialIds) {
    }

    @Id
    private String id;
    private String department;
    private String organizationId;
    private int year;
    private Kind kind;
    private String title;
    private List<Session> sessions = new ArrayList<>();
    private Instant createdAt;
    @Version
    private Long version;

    protected StudyPlan() {
    }

    public StudyPlan(String id, String department, String organizationId, int year, Kind kind, String title, Instant now) {
        this.id = id;
        this.department = department;
        this.organizationId = organizationId;
        this.year = year;
        this.kind = kind;
        this.title = title;
        this.createdAt = now;
    }

    public Session addSession(String sessionId, LocalDate date, String topic, List<String> materialIds) {
        if (date.getYear() != year) {
            throw cn.city.party.common.error.Problems.invalid("date", "plan.sessionOutsideYear", year);
        }
        Session session = new Session(sessionId, date, topic, List.copyOf(materialIds));
        sessions.add(session);
        sessions.sort(java.util.Comparator.comparing(Session::date));
        return session;
    }

    public String id() { return id; }
    @Override
    public String department() { return department; }
    public String organizationId() { return organizationId; }
    public int year() { return year; }
    public Kind kind() { return kind; }
    public String title() { return title; }
    public List<Session> sessions() { return List.copyOf(sessions); }
    public Instant createdAt() { return createdAt; }
}
