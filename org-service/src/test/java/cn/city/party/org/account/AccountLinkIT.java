package cn.city.party.org.account;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member is linked only to a Keycloak account of its own department (or one provisioned for it): the department
 * comes from Keycloak, never from the request, and a refusal tells nothing about other departments.
 */
@PlatformIntegrationTest
class AccountLinkIT extends OrgApiTest {

    /** Keycloak ids of the local realm's demo users. */
    private static final String JIAOYU_MEMBER = "00000000-0000-4000-8000-000000000009";
    private static final String CITY_INSPECTOR = "00000000-0000-4000-8000-000000000002";

    @Test
    void a_department_admin_cannot_link_an_account_of_another_department_or_an_unknown_one() {
        String branch = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", branch, "关联者");

        for (String subject : new String[]{JIAOYU_MEMBER, CITY_INSPECTOR, "no-such-account"}) {
            Api.Response refused = api().as("caizheng-admin").put("/api/org/members/" + member + "/account",
                    Map.of("accountSubject", subject));
            assertThat(refused.status()).as(subject).isEqualTo(422);
            assertThat(refused.json().path("code").asString()).isEqualTo("member.accountDepartment");
        }
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("accountSubject").isNull()).isTrue();
    }

    @Test
    void admitting_a_member_with_another_departments_account_is_refused_the_same_way() {
        String branch = newBranch("caizheng-admin", "caizheng");
        Map<String, Object> admission = new java.util.HashMap<>(admission(branch, "FULL",
                profile("带账号入册", java.time.LocalDate.of(1988, 3, 3), java.time.LocalDate.of(2012, 7, 1))));
        admission.put("accountSubject", JIAOYU_MEMBER);

        Api.Response refused = api().as("caizheng-admin").post("/api/org/members", admission);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("accountSubject");
        assertThat(refused.json().path("code").asString()).isEqualTo("member.accountDepartment");
    }
}
