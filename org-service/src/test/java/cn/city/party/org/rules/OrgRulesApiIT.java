package cn.city.party.org.rules;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The work committee's versioned rules of the org-service (docs/rules.md). The tests publish for past years only
 * (2018–2019), so the other tests of the shared application context keep the defaults of the current year.
 */
@PlatformIntegrationTest
class OrgRulesApiIT extends OrgApiTest {

    private static Map<String, Object> bracket(String upTo, String percent) {
        Map<String, Object> b = new HashMap<>();
        b.put("upTo", upTo == null ? null : new BigDecimal(upTo));
        b.put("percent", new BigDecimal(percent));
        return b;
    }

    private static Map<String, Object> dues(List<Map<String, Object>> employed) {
        return Map.of("employed", employed, "retired", List.of(bracket("5000", "0.5"), bracket(null, "1")),
                "fixedAmount", new BigDecimal("0.20"));
    }

    private Api.Response publish(String user, String kind, int year, Object values, String reason) {
        return api().as(user).post("/api/org/rules/" + kind + "/versions?year=" + year,
                Map.of("values", values, "reason", reason));
    }

    private JsonNode history(String kind, int year) {
        return api().as("work-committee").get("/api/org/rules/" + kind + "/history?year=" + year).json();
    }

    private BigDecimal declaredMonthly(String member, String from, String income) {
        Api.Response declared = api().as("caizheng-admin").put("/api/org/dues/" + member + "/base",
                Map.of("category", "EMPLOYED", "income", new BigDecimal(income), "effectiveFrom", from));
        assertThat(declared.status()).as(declared.toString()).isEqualTo(200);
        return declared.json().path("bases").get(0).path("monthly").decimalValue();
    }

    @Test
    void the_work_committee_publishes_version_two_of_the_dues_brackets_and_a_declaration_of_that_year_uses_it() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Instant before = Instant.now();

        Api.Response published = publish("work-committee", "dues", 2019,
                dues(List.of(bracket("8000", "0.5"), bracket(null, "1"))), "2019 年试行两档");

        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        assertThat(published.json().path("version").asInt()).isEqualTo(2);
        assertThat(published.json().path("author").asString()).isEqualTo("work-committee");
        assertThat(Instant.parse(published.json().path("inForceSince").asString())).isAfterOrEqualTo(before.minusSeconds(1));
        assertThat(declaredMonthly(admit("caizheng-admin", branch, "二〇一九"), "2019-03", "12000"))
                .as("1% of 12,000 by version 2 of 2019").isEqualByComparingTo("120.00");
        assertThat(declaredMonthly(admit("caizheng-admin", branch, "二〇一八"), "2018-03", "12000"))
                .as("2% by the defaults of 2018").isEqualByComparingTo("240.00");

        JsonNode history = history("dues", 2019);
        assertThat(history.valueStream().map(v -> v.path("version").asInt()).toList()).containsExactly(1, 2);
        assertThat(history.get(0).path("author").asString()).isEqualTo("system");
        assertThat(history.get(0).path("values").path("employed").size()).isEqualTo(4);
        assertThat(history.get(1).path("reason").asString()).isEqualTo("2019 年试行两档");
        assertThat(history.valueStream().map(v -> v.path("inForceSince").asString()).toList()).allMatch(s -> !s.isEmpty());
        assertThat(Instant.parse(history.get(1).path("inForceSince").asString()))
                .isAfterOrEqualTo(Instant.parse(history.get(0).path("inForceSince").asString()));

        JsonNode current = api().as("caizheng-admin").get("/api/org/rules/dues?year=2019").json();
        assertThat(current.path("version").asInt()).as("a department admin reads the version in force").isEqualTo(2);
    }

    @Test
    void only_the_work_committee_publishes() {
        Map<String, Object> values = Map.of("warningMonths", 2, "lapseReviewMonths", 4);

        assertThat(publish("caizheng-admin", "arrears", 2018, values, "部门想改").status()).isEqualTo(403);
        assertThat(publish("caizheng-secretary", "arrears", 2018, values, "支部想改").status()).isEqualTo(403);
        assertThat(publish("caizheng-member", "arrears", 2018, values, "党员想改").status()).isEqualTo(403);

        assertThat(history("arrears", 2018).valueStream().map(v -> v.path("version").asInt()).toList()).containsExactly(1);
    }

    @Test
    void a_bad_value_is_refused_naming_its_field_and_nothing_changes() {
        Api.Response descending = publish("work-committee", "dues", 2018,
                dues(List.of(bracket("5000", "0.5"), bracket("3000", "-1"), bracket(null, "2"))), "写错了");

        assertThat(descending.status()).isEqualTo(400);
        assertThat(fields(descending)).containsExactly("values.employed[1].percent", "values.employed[1].upTo");
        assertThat(descending.json().path("errors").get(1).path("reason").asString()).isEqualTo("上限应高于上一档（5000 元）");

        Map<String, Object> committee = new HashMap<>(Map.of("membersForCommittee", 7, "minSize", 3, "maxSize", 7,
                "reminderDays", 0, "branchTermYears", 3, "generalBranchTermYears", 3, "organCommitteeTermYears", 5,
                "organizationMemberServes", false));
        Api.Response noWindow = api().as("work-committee").inLanguage("en")
                .post("/api/org/rules/committee/versions?year=2018", Map.of("values", committee, "reason", "不提醒"));
        assertThat(noWindow.status()).isEqualTo(400);
        assertThat(fields(noWindow)).containsExactly("values.reminderDays");
        assertThat(noWindow.json().path("errors").get(0).path("reason").asString()).isEqualTo("must be between 1 and 365");

        Api.Response wrongType = publish("work-committee", "arrears", 2018,
                Map.of("warningMonths", "three", "lapseReviewMonths", 6), "格式");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(fields(wrongType)).containsExactly("values.warningMonths");

        assertThat(history("dues", 2018).valueStream().map(v -> v.path("version").asInt()).toList()).containsExactly(1);
        assertThat(history("committee", 2018).valueStream().map(v -> v.path("version").asInt()).toList()).containsExactly(1);
    }

    @Test
    void the_kinds_are_listed_with_their_chinese_labels_and_the_version_in_force() {
        JsonNode kinds = api().as("work-committee").get("/api/org/rules?year=2018").json();

        assertThat(kinds.valueStream().map(k -> k.path("kind").asString() + "=" + k.path("label").asString()).toList())
                .containsExactly("dues=党费标准", "arrears=欠缴党费", "committee=委员会与任期", "branchSize=支部规模",
                        "probation=预备期", "cadres=党务干部配备", "scoring=考核细则");
        assertThat(kinds.get(2).path("current").path("values").path("organCommitteeTermYears").asInt()).isEqualTo(5);
        assertThat(api().as("work-committee").get("/api/org/rules/nonsense?year=2018").status()).isEqualTo(404);
    }

    @Test
    void a_probation_published_for_a_year_sets_the_conversion_date_of_the_members_who_joined_in_it() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Api.Response refused = publish("work-committee", "probation", 2018, Map.of("years", 0, "maxExtensionMonths", 6), "错");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("values.years");

        assertThat(publish("work-committee", "probation", 2018, Map.of("years", 2, "maxExtensionMonths", 6), "2018 年预备期两年")
                .status()).isEqualTo(201);

        String in2018 = admit("caizheng-admin", admission(branch, "PROBATIONARY",
                profile("预备二〇一八", LocalDate.of(1990, 1, 1), LocalDate.of(2018, 5, 1))));
        String in2017 = admit("caizheng-admin", admission(branch, "PROBATIONARY",
                profile("预备二〇一七", LocalDate.of(1990, 1, 1), LocalDate.of(2017, 5, 1))));
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + in2018).json().path("probationEndsOn").asString())
                .as("two years by the version of 2018").isEqualTo("2020-05-01");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + in2017).json().path("probationEndsOn").asString())
                .as("one year by the defaults of 2017").isEqualTo("2018-05-01");
    }
}
