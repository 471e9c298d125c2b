package cn.city.party.org.dues;

import cn.city.party.common.reminder.MemberReminder;
import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's own dues reminders with real tokens: this month's dues unpaid in the month's last 5 days (the default
 * of {@code org.reminders.dues-last-days}), and arrears of earlier months; once each, and each member reads only its
 * own.
 */
@PlatformIntegrationTest
class DuesReminderApiIT extends OrgApiTest {

    @Autowired
    private DuesReminderJob job;

    @Autowired
    private MongoTemplate mongo;

    private void declare(String member, YearMonth from) {
        Api.Response declared = api().as("jiaoyu-admin").put("/api/org/dues/" + member + "/base",
                Map.of("category", "EMPLOYED", "income", new BigDecimal("4000"), "effectiveFrom", from.toString()));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
    }

    private void pay(String member, YearMonth month) {
        assertThat(api().as("jiaoyu-admin").post("/api/org/dues/" + member + "/payments", Map.of("month", month.toString()))
                .status()).isEqualTo(200);
    }

    private List<String> kindsOf(String member) {
        return mongo.find(Query.query(Criteria.where("memberId").is(member)), MemberReminder.class).stream()
                .map(MemberReminder::kind).sorted().toList();
    }

    @Test
    void aMemberIsRemindedOfThisMonthsDuesInItsLastDaysAndOfArrearsOnceEach() {
        YearMonth month = YearMonth.from(today());
        String branch = newBranch("jiaoyu-admin", "jiaoyu");
        String paidUp = admit("jiaoyu-admin", branch, "按时缴纳");
        declare(paidUp, month.minusMonths(1));
        pay(paidUp, month.minusMonths(1));
        pay(paidUp, month);
        String onlyThisMonth = admit("jiaoyu-admin", branch, "本月未缴");
        declare(onlyThisMonth, month);
        // jiaoyu-member (jiaoyu-m02): 40.00 a month from three months ago, nothing paid
        declare("jiaoyu-m02", month.minusMonths(3));

        LocalDate tenth = month.atDay(10);
        job.runOnce(tenth);
        assertThat(kindsOf(onlyThisMonth)).as("not yet the month's last days").isEmpty();
        assertThat(kindsOf("jiaoyu-m02")).containsExactly(DuesReminderJob.DUES_ARREARS);

        LocalDate fifthLast = month.atEndOfMonth().minusDays(4);
        assertThat(job.runOnce(fifthLast.minusDays(1))).as("the day before the last five days").isZero();
        job.runOnce(fifthLast);
        assertThat(job.runOnce(month.atEndOfMonth())).as("each reminder exists once").isZero();
        assertThat(kindsOf(paidUp)).isEmpty();
        assertThat(kindsOf(onlyThisMonth)).containsExactly(DuesReminderJob.DUES_DUE);
        assertThat(kindsOf("jiaoyu-m02")).containsExactly(DuesReminderJob.DUES_ARREARS, DuesReminderJob.DUES_DUE);

        Api.Response mine = api().as("jiaoyu-member").get("/api/org/notifications/mine");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().valueStream().map(n -> n.path("message").asString()).toList()).containsExactlyInAnyOrder(
                "本月（" + month + "）党费40.00元尚未缴纳，请于" + month.atEndOfMonth() + "前缴纳。",
                "您已连续3个月未缴纳党费（截至" + month.minusMonths(1) + "），请尽快补缴。");
        assertThat(api().as("jiaoyu-member").inLanguage("en").get("/api/org/notifications/mine").json().valueStream()
                .map(n -> n.path("message").asString()).toList())
                .contains("This month's dues (" + month + ") of 40.00 yuan are unpaid; please pay by " + month.atEndOfMonth() + ".");
        // another member reads its own only; an admin, no member, has no reminders of its own here
        assertThat(api().as("jiaoyu-secretary").get("/api/org/notifications/mine").json().valueStream()
                .map(n -> n.path("message").asString()).toList()).doesNotContain(
                "您已连续3个月未缴纳党费（截至" + month.minusMonths(1) + "），请尽快补缴。");
        assertThat(api().as("jiaoyu-admin").get("/api/org/notifications/mine").status()).isEqualTo(403);
    }
}
