package cn.city.party.org.department;

import cn.city.party.common.events.EventType;

/** Events about departments, on topic {@code party.org.department}; schemas in platform-common's test-jar ({@code events/}). */
public final class DepartmentEvents {

    public static final String TOPIC = "party.org.department";
    /** 部门注册: a department joined the platform. */
    public static final EventType REGISTERED = new EventType(TOPIC + ".registered", 1, TOPIC);
    /** 部门信息变更: its name or staff headcount changed. */
    public static final EventType CHANGED = new EventType(TOPIC + ".changed", 1, TOPIC);

    private DepartmentEvents() {
    }

    /** The data of both events: the department as it now is. */
    public record DepartmentData(String code, String name, int staffHeadcount) {

        static DepartmentData of(Department d) {
            return new DepartmentData(d.code(), d.name(), d.staffHeadcount());
        }
    }
}
