package cn.city.party.study.progress;

import cn.city.party.common.events.EventType;

import java.math.BigDecimal;
import java.time.Instant;

/** Study completed and credit hours updated, on topics {@code party.study.progress} and {@code party.study.credits}. */
public final class ProgressEvents {

    public static final String PROGRESS_TOPIC = "party.study.progress";
    public static final String CREDITS_TOPIC = "party.study.credits";
    /** 学完一份资料 */
    public static final EventType COMPLETED = new EventType(PROGRESS_TOPIC + ".completed", 1, PROGRESS_TOPIC);
    /** 年度学时更新 */
    public static final EventType CREDITS_UPDATED = new EventType(CREDITS_TOPIC + ".updated", 1, CREDITS_TOPIC);

    private ProgressEvents() {
    }

    public record CompletedData(String memberId, String department, String branchId, String materialId, boolean required,
                                Instant completedAt, BigDecimal creditHours) {
    }

    public record CreditsData(String memberId, String department, String branchId, int year, BigDecimal creditHours,
                              int target, int requiredCompleted, int requiredTotal) {

        static CreditsData of(CreditLedger.Summary s) {
            return new CreditsData(s.memberId(), s.department(), s.branchId(), s.year(), s.creditHours(), s.target(),
                    s.requiredCompleted(), s.requiredTotal());
        }
    }
}
