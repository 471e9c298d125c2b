package cn.city.party.common.security;

import cn.city.party.common.tenancy.DepartmentScope;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTokenConverterTest {

    private static Jwt token(String subject, String azp) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject(subject).claim("azp", azp)
                .claim("department", "caizheng").claim("roles", List.of("DEPT_ADMIN"))
                .issuedAt(Instant.parse("2026-11-30T08:00:00Z")).expiresAt(Instant.parse("2026-11-30T08:05:00Z")).build();
    }

    private static Caller caller(Jwt jwt) {
        return ((CallerAuthentication) new CallerTokenConverter().convert(jwt)).caller();
    }

    @Test
    void a_token_is_never_a_system_caller_whatever_its_subject_says() {
        Caller caller = caller(token("system:outbox", "party-cli"));

        assertThat(caller.isSystem()).isFalse();
        assertThat(caller.client()).isEqualTo("party-cli");
        assertThat(DepartmentScope.of(caller)).isEqualTo(DepartmentScope.of("caizheng"));
    }

    @Test
    void jobs_and_consumers_are_system_callers_by_their_client() {
        Caller job = Caller.system("outbox");

        assertThat(job.isSystem()).isTrue();
        assertThat(job.client()).isEqualTo(Caller.SYSTEM_CLIENT);
        assertThat(DepartmentScope.of(job).isAll()).isTrue();
    }

    @Test
    void no_service_may_accept_tokens_that_name_the_system_client() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PlatformSecurityProperties("http://kc/realms/city",
                        null, null, null, null, List.of("gateway", Caller.SYSTEM_CLIENT)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Caller.SYSTEM_CLIENT);
    }
}
