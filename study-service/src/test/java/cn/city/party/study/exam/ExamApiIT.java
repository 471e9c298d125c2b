package cn.city.party.study.exam;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
public class ExamApiIT extends StudyApiTest {

    private static final Set<String> KEY_FIELDS = Set.of("correct", "right", "answerKey");

    /** Three questions of one fresh category-free tag: single (A), multiple (A,C), true/false (T). */
    private List<String> bank(Api organizer) {
        List<String> ids = new ArrayList<>();
        ids.add(question(organizer, "SINGLE", List.of("A", "B", "C"), List.of("A")));
        ids.add(question(organizer, "MULTIPLE", List.of("A", "B", "C", "D"), List.of("A", "C")));
        ids.add(question(organizer, "TRUE_FALSE", List.of("T", "F"), List.of("T")));
        return ids;
    }

    private String question(Api organizer, String type, List<String> options, List<String> correct) {
        Api.Response created = organizer.post("/api/study/questions", Map.of("type", type, "category", "PARTY_HISTORY",
                "difficulty", "MEDIUM", "stem", "题干 " + UUID.randomUUID(),
                "options", options.stream().map(o -> Map.of("id", o, "text", "选项" + o)).toList(), "correct", correct));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private String exam(Api organizer, List<String> questionIds, int attemptLimit, Duration openFor, String scoring) {
        Instant now = clock.instant();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "党史知识测试 " + UUID.randomUUID());
        body.put("mode", "FIXED");
        body.put("questionIds", questionIds);
        body.put("timeLimitMinutes", 30);
        body.put("passMark", 60);
        body.put("attemptLimit", attemptLimit);
        body.put("scoring", scoring);
        body.put("opensAt", now.minusSeconds(60).toString());
        body.put("closesAt", now.plus(openFor).toString());
        body.put("audience", "ALL");
        Api.Response created = organizer.post("/api/study/exams", body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private static void assertNoAnswerKey(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 299);
        assertNoAnswerKey(response.json());
    }

    private static void assertNoAnswerKey(JsonNode node) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                assertThat(KEY_FIELDS.contains(field.getKey()) && !field.getValue().isNull())
                        .as("answer key field " + field.getKey() + " in " + node).isFalse();
                assertNoAnswerKey(field.getValue());
            });
        } else if (node.isArray()) {
            node.forEach(ExamApiIT::assertNoAnswerKey);
        }
    }

    private static String questionOf(JsonNode attempt, String type) {
        return attempt.path("questions").valueStream().filter(q -> q.path("type").asString().equals(type))
                .findFirst().orElseThrow().path("questionId").asString();
    }

    @Test
    void a_member_takes_an_exam_without_ever_seeing_the_key_before_submitting_and_sees_it_after_it_closes() {
        Api admin = api().as("caizheng-admin");
        List<String> questions = bank(admin);
        String examId = exam(admin, questions, 2, Duration.ofHours(3), "ALL_OR_NOTHING");
        Api member = api().as("caizheng-member");

        assertNoAnswerKey(member.get("/api/study/exams/" + examId));
        Api.Response started = member.post("/api/study/exams/" + examId + "/attempts", "");
        assertThat(started.status()).isEqualTo(201);
        assertNoAnswerKey(started);
        JsonNode attempt = started.json();
        String attemptId = attempt.path("id").asString();
        assertThat(attempt.path("questions").size()).isEqualTo(3);

        assertNoAnswerKey(member.put("/api/study/attempts/" + attemptId + "/answers/" + questionOf(attempt, "SINGLE"),
                Map.of("optionIds", List.of("A"))));
        assertNoAnswerKey(member.get("/api/study/attempts/" + attemptId));
        assertNoAnswerKey(member.get("/api/study/attempts/" + attemptId + "/result"));
        assertNoAnswerKey(member.get("/api/study/exams/" + examId + "/attempts/mine"));

        Api.Response submitted;
        try (EventCapture events = capture(ExamEvents.TOPIC)) {
            submitted = member.post("/api/study/attempts/" + attemptId + "/submit", Map.of("answers", Map.of(
                    questionOf(attempt, "MULTIPLE"), List.of("A", "C"), questionOf(attempt, "TRUE_FALSE"), List.of("F"))));
            JsonNode event = events.await(ExamEvents.PASSED.type(), e -> e.path("subject").asString().equals(attemptId),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, ExamEvents.PASSED.schemaResource());
            assertThat(event.path("data").path("memberId").asString()).isEqualTo(CAIZHENG_MEMBER);
        }
        assertNoAnswerKey(submitted);
        assertThat(submitted.json().path("score").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(submitted.json().path("passed").asBoolean()).isTrue();
        assertThat(submitted.json().path("answersShown").asBoolean()).as("the exam is still open").isFalse();

        clock.advance(Duration.ofHours(4));
        JsonNode closed = member.get("/api/study/attempts/" + attemptId + "/result").json();
        assertThat(closed.path("answersShown").asBoolean()).isTrue();
        JsonNode multiple = closed.path("questions").valueStream()
                .filter(q -> q.path("questionId").asString().equals(questionOf(attempt, "MULTIPLE"))).findFirst().orElseThrow();
        assertThat(multiple.path("correct").valueStream().map(JsonNode::asString).toList()).containsExactlyInAnyOrder("A", "C");
        assertThat(multiple.path("right").asBoolean()).isTrue();
    }

    @Test
    void refusals_leave_the_attempt_as_it_was() {
        Api admin = api().as("caizheng-admin");
        String examId = exam(admin, bank(admin), 1, Duration.ofHours(3), "PARTIAL");
        Api member = api().as("caizheng-member");
        JsonNode attempt = member.post("/api/study/exams/" + examId + "/attempts", "").json();
        String attemptId = attempt.path("id").asString();
        String single = questionOf(attempt, "SINGLE");

        Api.Response notAnOption = member.put("/api/study/attempts/" + attemptId + "/answers/" + single,
                Map.of("optionIds", List.of("Z")));
        assertThat(notAnOption.status()).isEqualTo(400);
        assertThat(notAnOption.json().path("errors").get(0).path("field").asString()).isEqualTo("optionIds");

        Api secretary = api().as("caizheng-secretary");
        assertThat(secretary.put("/api/study/attempts/" + attemptId + "/answers/" + single,
                Map.of("optionIds", List.of("A"))).status()).as("someone else's attempt").isEqualTo(403);
        assertThat(secretary.post("/api/study/attempts/" + attemptId + "/submit", Map.of()).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-member").post("/api/study/attempts/" + attemptId + "/submit", Map.of()).status())
                .as("another department's attempt does not exist for it").isEqualTo(404);

        assertThat(member.post("/api/study/exams/" + examId + "/attempts", "").status())
                .as("a second attempt over the limit of one").isEqualTo(409);
        assertThat(member.get("/api/study/exams/" + examId + "/attempts/mine").json().size()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(31));
        Api.Response late = member.put("/api/study/attempts/" + attemptId + "/answers/" + single, Map.of("optionIds", List.of("A")));
        assertThat(late.status()).isEqualTo(409);
        assertThat(member.post("/api/study/attempts/" + attemptId + "/submit",
                Map.of("answers", Map.of(single, List.of("A")))).status()).isEqualTo(409);

        JsonNode stored = member.get("/api/study/attempts/" + attemptId).json();
        assertThat(stored.path("answers").size()).as("no refused answer was stored").isZero();
        assertThat(stored.path("status").asString()).isEqualTo("IN_PROGRESS");
        try (EventCapture events = capture(ExamEvents.TOPIC)) {
            Api.Response graded = member.post("/api/study/attempts/" + attemptId + "/submit", Map.of());
            assertThat(graded.json().path("score").decimalValue()).as("what was saved in time, i.e. nothing")
                    .isEqualByComparingTo("0");
            JsonNode failed = events.await(ExamEvents.FAILED.type(), e -> e.path("subject").asString().equals(attemptId),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(failed, ExamEvents.FAILED.schemaResource());
        }
    }

    @Test
    void organizers_see_pass_rate_and_most_missed_questions_of_their_scope_only() {
        Api admin = api().as("caizheng-admin");
        List<String> questions = bank(admin);
        String examId = exam(admin, questions, 1, Duration.ofHours(3), "ALL_OR_NOTHING");

        for (String user : List.of("caizheng-member", "caizheng-secretary")) {
            Api taker = api().as(user);
            JsonNode attempt = taker.post("/api/study/exams/" + examId + "/attempts", "").json();
            Map<String, List<String>> answers = new HashMap<>();
            answers.put(questionOf(attempt, "SINGLE"), List.of("A"));
            answers.put(questionOf(attempt, "MULTIPLE"), List.of("A")); // everyone misses this one
            answers.put(questionOf(attempt, "TRUE_FALSE"), List.of(user.equals("caizheng-member") ? "T" : "F"));
            taker.post("/api/study/attempts/" + attempt.path("id").asString() + "/submit", Map.of("answers", answers));
        }

        JsonNode results = admin.get("/api/study/exams/" + examId + "/results").json();
        assertThat(results.path("members").asLong()).isEqualTo(2);
        assertThat(results.path("membersPassed").asLong()).isEqualTo(1);
        assertThat(results.path("passRate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(results.path("mostMissed").get(0).path("questionId").asString()).isEqualTo(questions.get(1));
        assertThat(results.path("mostMissed").get(0).path("missed").asLong()).isEqualTo(2);

        assertThat(api().as("caizheng-member").get("/api/study/exams/" + examId + "/results").status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").get("/api/study/exams/" + examId + "/results").status()).isEqualTo(404);
        assertThat(api().as("jiaoyu-member").post("/api/study/exams/" + examId + "/attempts", "").status()).isEqualTo(404);
        assertThat(api().as("caizheng-member").get("/api/study/questions").status()).as("the bank holds the keys").isEqualTo(403);
        assertThat(admin.get("/api/study/questions").json().valueStream().map(q -> q.path("id").asString()).toList())
                .containsAll(questions);
        assertThat(api().as("jiaoyu-admin").get("/api/study/questions").json().valueStream()
                .map(q -> q.path("id").asString()).toList()).doesNotContainAnyElementsOf(questions);
        assertThat(api().as("caizheng-member").get("/api/study/exams").json().valueStream()
                .map(e -> e.path("id").asString()).toList()).contains(examId);
        assertThat(api().as("jiaoyu-member").get("/api/study/exams").json().valueStream()
                .map(e -> e.path("id").asString()).toList()).doesNotContain(examId);
    }

    private Map<String, JsonNode> bankAs(String user) {
        Api.Response bank = api().as(user).get("/api/study/questions");
        assertThat(bank.status()).as(bank.toString()).isEqualTo(200);
        Map<String, JsonNode> byId = new HashMap<>();
        bank.json().forEach(q -> byId.put(q.path("id").asString(), q));
        return byId;
    }

    private static List<String> key(JsonNode question) {
        return question.path("correct").valueStream().map(JsonNode::asString).sorted().toList();
    }

    @Test
    void answer_keys_reach_only_the_keepers_of_a_bank_never_a_secretary_who_sits_its_exams() {
        Api admin = api().as("caizheng-admin");
        List<String> questions = bank(admin);
        exam(admin, questions, 1, Duration.ofHours(3), "ALL_OR_NOTHING");
        String cityQuestion = question(api().as("work-committee"), "SINGLE", List.of("A", "B"), List.of("B"));

        Api.Response secretary = api().as("caizheng-secretary").get("/api/study/questions");
        assertThat(secretary.json().valueStream().map(q -> q.path("id").asString()).toList())
                .as("the bank to build papers from").containsAll(questions).contains(cityQuestion);
        assertNoAnswerKey(secretary);

        Map<String, JsonNode> asAdmin = bankAs("caizheng-admin");
        assertThat(key(asAdmin.get(questions.get(1)))).containsExactly("A", "C");
        assertThat(key(asAdmin.get(questions.get(2)))).containsExactly("T");
        assertThat(asAdmin.get(cityQuestion).path("correct").isNull()).as("the city bank is not its own").isTrue();

        Map<String, JsonNode> asCommittee = bankAs("work-committee");
        assertThat(key(asCommittee.get(cityQuestion))).containsExactly("B");
        assertThat(asCommittee.get(questions.get(0)).path("correct").isNull()).isTrue();
    }

    @Test
    void a_random_paper_draws_distinct_questions_by_category_and_a_bank_too_small_is_refused() {
        Api committee = api().as("work-committee");
        for (int i = 0; i < 4; i++) {
            committee.post("/api/study/questions", Map.of("type", "TRUE_FALSE", "category", "INTEGRITY", "difficulty", "EASY",
                    "stem", "廉政判断题 " + i, "options", List.of(Map.of("id", "T", "text", "对"), Map.of("id", "F", "text", "错")),
                    "correct", List.of("T")));
        }
        Instant now = clock.instant();
        Map<String, Object> body = new HashMap<>(Map.of("title", "全市廉政知识测试", "mode", "RANDOM",
                "draws", List.of(Map.of("category", "INTEGRITY", "count", 3)), "seed", 7, "timeLimitMinutes", 20,
                "passMark", 60, "attemptLimit", 1, "scoring", "ALL_OR_NOTHING", "audience", "ALL"));
        body.put("opensAt", now.minusSeconds(60).toString());
        body.put("closesAt", now.plus(Duration.ofHours(2)).toString());
        String examId = committee.post("/api/study/exams", body).json().path("id").asString();

        JsonNode paper = api().as("jiaoyu-member").post("/api/study/exams/" + examId + "/attempts", "").json();
        List<String> drawn = paper.path("questions").valueStream().map(q -> q.path("questionId").asString()).toList();
        assertThat(drawn).hasSize(3).doesNotHaveDuplicates();

        body.put("draws", List.of(Map.of("category", "INTEGRITY", "count", 100)));
        Api.Response tooMany = committee.post("/api/study/exams", body);
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().path("errors").get(0).path("field").asString()).isEqualTo("draws");
    }
}
