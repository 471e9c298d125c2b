package cn.city.party.discipline.rectification;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** 巡察整改: deadline, evidence, reviewer sign-off before 销号, escalation, reopening. */
class RectificationItemTest {

    static final Caller INSPECTOR = new Caller("i-1", "caizheng-inspector", "caizheng", Set.of(Role.INSPECTOR), false);
    static final Caller DEPT_ADMIN = new Caller("a-1", "caizheng-admin", "caizheng", Set.of(Role.DEPT_ADMIN), false);
    static final LocalDate FOUND = LocalDate.of(2026, 3, 1);
    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    private static RectificationItem item() {
        return new RectificationItem("r-1", "caizheng", RectificationItem.Source.PATROL_INSPECTION, "公务接待超标准",
                FOUND, "修订接待制度", "办公室主任", LocalDate.of(2026, 5, 31), INSPECTOR, T0);
    }

    @Test
    void the_deadline_may_not_be_before_the_problem_was_found() {
        DomainProblem problem = catchThrowableOfType(DomainProblem.class, () -> new RectificationItem("r", "caizheng",
                RectificationItem.Source.INSPECTION, "p", FOUND, "m", "o", FOUND.minusDays(1), INSPECTOR, T0));
        assertThat(problem.violations().get(0).field()).isEqualTo("deadline");
        new RectificationItem("r", "caizheng", RectificationItem.Source.INSPECTION, "p", FOUND, "m", "o", FOUND, INSPECTOR, T0);
    }

    @Test
    void close_out_needs_evidence_and_a_reviewer_who_did_not_submit_it_all() {
        RectificationItem item = item();
        assertThat(catchThrowableOfType(DomainProblem.class, () -> item.closeOut("已核查", INSPECTOR, T0.plusSeconds(5)))
                .code()).isEqualTo("rectification.evidenceRequired");
        assertThat(item.status()).isEqualTo(RectificationItem.Status.OPEN);

        RectificationItem own = item();
        own.addEvidence("自己上传的材料", INSPECTOR, T0.plusSeconds(1));
        assertThat(catchThrowableOfType(DomainProblem.class, () -> own.closeOut("已核查", INSPECTOR, T0.plusSeconds(5)))
                .code()).isEqualTo("rectification.reviewerIsSubmitter");

        item.addEvidence("新修订的接待管理办法", DEPT_ADMIN, T0.plusSeconds(1));
        item.closeOut("现场核查接待台账，已整改到位", INSPECTOR, T0.plusSeconds(5));
        assertThat(item.status()).isEqualTo(RectificationItem.Status.CLOSED);
        assertThat(item.signOff().reviewerName()).isEqualTo("caizheng-inspector");
        assertThat(catchThrowableOfType(DomainProblem.class, () -> item.addEvidence("晚到的材料", DEPT_ADMIN, T0.plusSeconds(9)))
                .code()).isEqualTo("rectification.notOpen");
    }

    @Test
    void overdue_items_escalate_to_the_department_then_to_the_work_committee() {
        RectificationItem item = item();
        assertThat(item.escalation(LocalDate.of(2026, 5, 31), 30)).isEqualTo(RectificationItem.Escalation.NONE);
        assertThat(item.escalation(LocalDate.of(2026, 6, 1), 30)).isEqualTo(RectificationItem.Escalation.DEPARTMENT);
        assertThat(item.daysOverdue(LocalDate.of(2026, 6, 30))).isEqualTo(30);
        assertThat(item.escalation(LocalDate.of(2026, 6, 30), 30)).isEqualTo(RectificationItem.Escalation.DEPARTMENT);
        assertThat(item.escalation(LocalDate.of(2026, 7, 1), 30)).isEqualTo(RectificationItem.Escalation.WORK_COMMITTEE);
    }

    @Test
    void a_recurrence_reopens_a_closed_item_and_old_evidence_no_longer_counts() {
        RectificationItem item = item();
        assertThat(catchThrowableOfType(DomainProblem.class, () -> item.reopen("反弹", LocalDate.of(2026, 9, 30),
                LocalDate.of(2026, 6, 1), INSPECTOR, T0.plusSeconds(2))).code()).isEqualTo("rectification.notClosed");
        item.addEvidence("材料", DEPT_ADMIN, T0.plusSeconds(1));
        item.closeOut("核查", INSPECTOR, T0.plusSeconds(2));

        assertThat(catchThrowableOfType(DomainProblem.class, () -> item.reopen("反弹", LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 6, 1), INSPECTOR, T0.plusSeconds(3))).violations().get(0).field()).isEqualTo("deadline");
        item.reopen("回访发现问题反弹", LocalDate.of(2026, 9, 30), LocalDate.of(2026, 6, 1), INSPECTOR, T0.plusSeconds(3));
        assertThat(item.status()).isEqualTo(RectificationItem.Status.OPEN);
        assertThat(item.reopenCount()).isEqualTo(1);
        assertThat(item.deadline()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(catchThrowableOfType(DomainProblem.class, () -> item.closeOut("核查", INSPECTOR, T0.plusSeconds(4)))
                .code()).isEqualTo("rectification.evidenceRequired");
        assertThat(item.history()).extracting(RectificationItem.HistoryEntry::kind)
                .containsExactly("CREATED", "EVIDENCE", "CLOSED_OUT", "REOPENED");
    }
}
