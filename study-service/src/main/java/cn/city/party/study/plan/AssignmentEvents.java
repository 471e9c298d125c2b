package cn.city.party.study.plan;

import cn.city.party.common.events.EventType;

import java.time.LocalDate;

/** Assignments of required study, on topic {@code party.study.assignment}. */
public final class AssignmentEvents {

    public static final String TOPIC = "party.study.assignment";
    /** 布置学习任务 */
    public static final EventType CREATED = new EventType(TOPIC + ".created", 1, TOPIC);

    private AssignmentEvents() {
    }

    public record CreatedData(String assignmentId, String department, String materialId, String audience, LocalDate dueOn) {

        static CreatedData of(Assignment a) {
            return new CreatedData(a.id(), a.department(), a.materialId(), a.audience().name(), a.dueOn());
        }
    }
}
