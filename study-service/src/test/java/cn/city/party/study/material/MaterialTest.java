package cn.city.party.study.material;

import cn.city.party.common.error.DomainProblem;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaterialTest {

    private static final Reach REACH = new Reach("caizheng", null, Audience.ALL);

    @Test
    void credit_hours_cannot_be_negative() {
        assertThatThrownBy(() -> new Material("m", REACH, "党章", Material.Kind.TEXT, "正文", null, Category.PARTY_CONSTITUTION,
                true, new BigDecimal("-1"), 30, null, Instant.EPOCH))
                .isInstanceOf(DomainProblem.class)
                .satisfies(e -> assertThat(((DomainProblem) e).violations()).extracting(DomainProblem.Violation::field)
                        .containsExactly("creditHours"));
    }

    @Test
    void a_link_material_needs_its_link_and_publishing_is_once_then_withdrawable() {
        assertThatThrownBy(() -> new Material("m", REACH, "党史视频", Material.Kind.VIDEO_LINK, "x", null,
                Category.PARTY_HISTORY, false, BigDecimal.ONE, 30, null, Instant.EPOCH)).isInstanceOf(DomainProblem.class);
        Material m = new Material("m", REACH, "党史视频", Material.Kind.VIDEO_LINK, null, "https://v.example/1",
                Category.PARTY_HISTORY, false, BigDecimal.ONE, 30, null, Instant.EPOCH);
        assertThatThrownBy(m::withdraw).isInstanceOf(DomainProblem.class);
        m.publish(Instant.EPOCH);
        assertThatThrownBy(() -> m.publish(Instant.EPOCH)).isInstanceOf(DomainProblem.class);
        m.withdraw();
        assertThat(m.status()).isEqualTo(Material.Status.WITHDRAWN);
    }
}
