package cn.city.party.study.progress;

import cn.city.party.common.tenancy.DepartmentOwned;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * 线下学习: a member's attendance at a 理论学习中心组 or branch study sitting or a 党课, as activity-service last
 * published it ({@code party.activity.study-session.attended.v1}); one per sitting and member. Only a sitting
 * attended earns credit hours; a correction to absent withdraws them.
 *
 * @param year the study year of the sitting (Asia/Shanghai)
 * @param at   time of the event that wrote it, and its id: a record is only replaced by a newer event
 */
@Document("offline_study")
public record OfflineStudy(@Id String id, String department, String branchId, @Indexed String memberId, String activityId,
                           String kind, String title, Instant heldAt, int year, Integer durationMinutes,
                           String attendance, boolean lateEntry, Instant at, String eventId) implements DepartmentOwned {

    public static String idOf(String activityId, String memberId) {
        return activityId + "|" + memberId;
    }

    public boolean attended() {
        return "PRESENT".equals(attendance);
    }

    public BigDecimal creditHours(StudyRules rules) {
        return attended() ? rules.offlineCreditHours(durationMinutes) : BigDecimal.ZERO;
    }

    /** Whether this record comes from a later event than {@code other} (event time, then id). */
    boolean newerThan(OfflineStudy other) {
        int order = at.compareTo(other.at());
        return order > 0 || order == 0 && eventId.compareTo(other.eventId()) > 0;
    }
}
