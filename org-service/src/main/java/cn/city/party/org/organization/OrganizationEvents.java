package cn.city.party.org.organization;

import cn.city.party.common.events.EventType;

import java.util.List;

/** Events about Party organizations, on topic {@code party.org.organization}; schemas in platform-common's test-jar ({@code events/}). */
public final class OrganizationEvents {

    public static final String TOPIC = "party.org.organization";
    /** 组织成立 */
    public static final EventType CREATED = new EventType(TOPIC + ".created", 1, TOPIC);
    /** 组织更名或调整隶属 (renamed or moved) */
    public static final EventType CHANGED = new EventType(TOPIC + ".changed", 1, TOPIC);
    /** 组织撤销 */
    public static final EventType DISSOLVED = new EventType(TOPIC + ".dissolved", 1, TOPIC);

    private OrganizationEvents() {
    }

    /** The organization as it now is; consumers keep their own copy of the tree from these. */
    public record OrganizationData(String id, String department, String type, String name, String parentId,
                                   List<String> ancestors, String status) {

        static OrganizationData of(Organization o) {
            return new OrganizationData(o.id(), o.department(), o.type().name(), o.name(), o.parentId(),
                    o.ancestors(), o.status().name());
        }
    }
}
