package cn.city.party.study.reminder;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.material.MaterialApiIT;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's own study reminders with real tokens: required study due within the configured days (7 by default) or
 * overdue, and an exam open now that the member has not passed; each once however often the job runs, and each
 * member sees only its own.
 */
@PlatformIntegrationTest
class MemberReminderApiIT extends StudyApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    private MemberReminderJob job;

    private String assigned(Api admin, String title, LocalDate dueOn) {
        String material = MaterialApiIT.published(admin, MaterialApiIT.material(title, "ALL", true, 1.0));
        Api.Response assignment = admin.post("/api/study/assignments", Map.of("materialId", material, "audience", "ALL",
                "dueOn", dueOn.toString()));
        assertThat(assignment.status()).as(assignment.toString()).isEqualTo(201);
        return material;
    }

    private static List<String> messages(Api.Response mine) {
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        return mine.json().valueStream().map(n -> n.path("message").asString()).toList();
    }

    @Test
    void aMemberIsRemindedOfStudyDueSoonOrOverdueAndOfAnOpenExamNotPassedOnceEach() {
        Api admin = api().as("caizheng-admin");
        LocalDate today = LocalDate.ofInstant(clock.instant(), SHANGHAI);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        assigned(admin, "即将到期" + suffix, today.plusDays(3));
        assigned(admin, "已经逾期" + suffix, today.minusDays(2));
        assigned(admin, "尚早" + suffix, today.plusDays(20));

        Api.Response question = admin.post("/api/study/questions", Map.of("type", "TRUE_FALSE", "category",
                "PARTY_HISTORY", "difficulty", "MEDIUM", "stem", "题干 " + suffix,
                "options", List.of(Map.of("id", "T", "text", "对"), Map.of("id", "F", "text", "错")), "correct", List.of("T")));
        assertThat(question.status()).as(question.toString()).isEqualTo(201);
        String questionId = question.json().path("id").asString();
        Instant now = clock.instant();
        Instant closesAt = now.plus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        Map<String, Object> exam = new HashMap<>(Map.of("title", "党章测试" + suffix, "mode", "FIXED",
                "questionIds", List.of(questionId), "timeLimitMinutes", 30, "passMark", 60, "attemptLimit", 2,
                "scoring", "ALL_OR_NOTHING", "audience", "ALL"));
        exam.put("opensAt", now.minusSeconds(60).toString());
        exam.put("closesAt", closesAt.toString());
        Api.Response created = admin.post("/api/study/exams", exam);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String examId = created.json().path("id").asString();
        // the secretary passes the exam before the job runs: no exam reminder for the secretary
        Api secretary = api().as("caizheng-secretary");
        String attemptId = secretary.post("/api/study/exams/" + examId + "/attempts", "").json().path("id").asString();
        Api.Response passed = secretary.post("/api/study/attempts/" + attemptId + "/submit",
                Map.of("answers", Map.of(questionId, List.of("T"))));
        assertThat(passed.json().path("passed").asBoolean()).as(passed.toString()).isTrue();

        // (the scheduled pass may have run first: the reminders below are there either way, once)
        job.runOnce(clock.instant());
        assertThat(job.runOnce(clock.instant())).as("each reminder exists once").isZero();

        String closes = closesAt.atZone(SHANGHAI).toLocalDateTime().toString().replace('T', ' ');
        String due = "必学内容“即将到期" + suffix + "”须在" + today.plusDays(3) + "前完成，还剩3天。";
        String overdue = "必学内容“已经逾期" + suffix + "”已于" + today.minusDays(2) + "到期，尚未完成。";
        String examOpen = "考试“党章测试" + suffix + "”正在进行，请在" + closes + "前参加。";
        List<String> member = messages(api().as("caizheng-member").get("/api/study/notifications/mine")).stream()
                .filter(m -> m.contains(suffix)).toList();
        assertThat(member).containsExactlyInAnyOrder(due, overdue, examOpen);
        List<String> secretaryOwn = messages(secretary.get("/api/study/notifications/mine")).stream()
                .filter(m -> m.contains(suffix)).toList();
        assertThat(secretaryOwn).containsExactlyInAnyOrder(due, overdue);
        JsonNode english = api().as("caizheng-member").inLanguage("en").get("/api/study/notifications/mine").json();
        assertThat(english.valueStream().map(n -> n.path("message").asString()).filter(m -> m.contains(suffix)).toList())
                .contains("Required study \"即将到期" + suffix + "\" is due on " + today.plusDays(3) + ", 3 days left.");

        // another department's member sees none of them; a department admin is no member with reminders of its own
        assertThat(messages(api().as("jiaoyu-member").get("/api/study/notifications/mine")).stream()
                .filter(m -> m.contains(suffix)).toList()).isEmpty();
        assertThat(admin.get("/api/study/notifications/mine").status()).isEqualTo(403);
    }
}
