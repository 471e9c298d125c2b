package cn.city.party.study.points;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.study.StudyApiTest;
import cn.city.party.study.material.MaterialApiIT;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class PointsApiIT extends StudyApiTest {

    @Test
    void points_show_only_where_the_department_turned_the_leaderboard_on_and_stop_at_the_daily_cap() {
        int year = LocalDate.ofInstant(clock.instant(), ZoneId.of("Asia/Shanghai")).getYear();
        Api member = api().as("jiaoyu-member");
        assertThat(member.get("/api/study/points/mine?year=" + year).status()).as("off by default").isEqualTo(409);
        assertThat(api().as("jiaoyu-member").put("/api/study/points/leaderboard/settings", Map.of("enabled", true)).status())
                .isEqualTo(403);
        assertThat(api().as("caizheng-admin").put("/api/study/points/leaderboard/settings",
                Map.of("department", "jiaoyu", "enabled", true)).status()).isEqualTo(403);
        assertThat(api().as("jiaoyu-admin").put("/api/study/points/leaderboard/settings", Map.of("enabled", true)).status())
                .isEqualTo(200);

        Api admin = api().as("jiaoyu-admin");
        for (int i = 0; i < 6; i++) { // 6 × 2 points, capped at 10 a day
            Map<String, Object> shortRead = MaterialApiIT.material("选学-" + UUID.randomUUID(), "ALL", false, 0.5);
            shortRead.put("estimatedMinutes", 1);
            String id = MaterialApiIT.published(admin, shortRead);
            member.post("/api/study/progress/materials/" + id + "/start", "");
            clock.advance(java.time.Duration.ofSeconds(30)); // half the estimated minute, the least time that counts
            member.post("/api/study/progress/materials/" + id + "/time", Map.of("seconds", 30));
            assertThat(member.post("/api/study/progress/materials/" + id + "/complete", "").status()).isEqualTo(200);
        }

        assertThat(member.get("/api/study/points/mine?year=" + year).json().asLong()).isEqualTo(10);
        assertThat(admin.get("/api/study/points/leaderboard?year=" + year).json().get(0).path("memberId").asString())
                .isEqualTo(JIAOYU_MEMBER);
        assertThat(api().as("caizheng-admin").get("/api/study/points/leaderboard?year=" + year).status())
                .as("caizheng has not turned it on").isEqualTo(409);
        assertThat(api().as("caizheng-admin").get("/api/study/points/leaderboard?department=jiaoyu&year=" + year).status())
                .isEqualTo(403);
    }
}
