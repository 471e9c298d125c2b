package cn.city.party.study.exam;

import cn.city.party.common.events.EventType;

import java.math.BigDecimal;

/** Exam results, on topic {@code party.study.exam}. */
public final class ExamEvents {

    public static final String TOPIC = "party.study.exam";
    /** 考试通过 */
    public static final EventType PASSED = new EventType(TOPIC + ".passed", 1, TOPIC);
    /** 考试未通过 */
    public static final EventType FAILED = new EventType(TOPIC + ".failed", 1, TOPIC);

    private ExamEvents() {
    }

    public record ResultData(String examId, String attemptId, String memberId, String department, String branchId,
                             BigDecimal score, BigDecimal passMark) {
    }
}
