package cn.city.party.study.material;

import cn.city.party.common.events.EventType;
import cn.city.party.study.support.Reach;

import java.math.BigDecimal;

/** Events about study materials, on topic {@code party.study.material}. */
public final class MaterialEvents {

    public static final String TOPIC = "party.study.material";
    /** 学习资料发布 */
    public static final EventType PUBLISHED = new EventType(TOPIC + ".published", 1, TOPIC);

    private MaterialEvents() {
    }

    /** {@code department} is null for city-wide materials. */
    public record PublishedData(String materialId, String department, String title, String category, boolean required,
                                BigDecimal creditHours) {

        static PublishedData of(Material m) {
            return new PublishedData(m.id(), Reach.eventDepartment(m.department()), m.title(), m.category().name(),
                    m.required(), m.creditHours());
        }
    }
}
