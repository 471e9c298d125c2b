package cn.city.party.study.warning;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialEvents;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** discipline-service's typical-case notices, schema-valid by the consumer copy, through the real listener. */
@PlatformIntegrationTest
class WarningEducationContractIT extends StudyApiTest {

    private static Map<String, Object> notice(String id, String department, String audience) {
        Map<String, Object> data = new HashMap<>();
        data.put("noticeId", id);
        data.put("department", department);
        data.put("title", "典型案例通报 " + id);
        data.put("summary", "某单位干部违规收受礼金，受到党纪处分。");
        data.put("audience", audience);
        data.put("publishedAt", Instant.now().toString());
        return data;
    }

    @Test
    void a_notice_becomes_one_required_integrity_material_for_its_audience_even_when_delivered_twice() {
        String noticeId = UUID.randomUUID().toString();
        String materialId = WarningEducationListener.materialId(noticeId);
        try (EventCapture events = capture(MaterialEvents.TOPIC)) {
            String eventId = publish(WarningEducationListener.TOPIC, WarningEducationListener.PUBLISHED, noticeId,
                    "caizheng", notice(noticeId, "caizheng", "LEADING_CADRES"));
            publish(WarningEducationListener.TOPIC, WarningEducationListener.PUBLISHED, noticeId, "caizheng",
                    notice(noticeId, "caizheng", "LEADING_CADRES"), eventId); // redelivered
            events.await(MaterialEvents.PUBLISHED.type(), e -> e.path("subject").asString().equals(materialId),
                    Duration.ofSeconds(20));
            assertThat(events.all(MaterialEvents.PUBLISHED.type(), e -> e.path("subject").asString().equals(materialId),
                    Duration.ofSeconds(3))).hasSize(1);
        }
        Material material = mongo.findById(materialId, Material.class);
        assertThat(material.required()).isTrue();
        assertThat(material.category().label()).isEqualTo("廉政教育");
        assertThat(material.department()).isEqualTo("caizheng");
        assertThat(material.audience().name()).isEqualTo("LEADING_CADRES");
        assertThat(api().as("caizheng-member").get("/api/study/materials/" + materialId).status())
                .as("not a leading cadre").isEqualTo(404);
    }

    @Test
    void a_city_wide_notice_reaches_every_department() {
        String noticeId = UUID.randomUUID().toString();
        publish(WarningEducationListener.TOPIC, WarningEducationListener.PUBLISHED, noticeId, null, notice(noticeId, null, "ALL"));
        String materialId = WarningEducationListener.materialId(noticeId);
        await("the warning material", () -> mongo.findById(materialId, Material.class) != null);

        Api.Response seen = api().as("jiaoyu-member").get("/api/study/materials/" + materialId);
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().path("required").asBoolean()).isTrue();
        assertThat(api().as("caizheng-member").get("/api/study/materials/" + materialId).status()).isEqualTo(200);
    }
}
