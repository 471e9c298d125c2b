package cn.city.party.org.organization;

import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 支部规模 on the department's tree: the organization list and a subtree show each branch's counts and flags. */
@PlatformIntegrationTest
class BranchSizeApiIT extends OrgApiTest {

    @Test
    void a_branch_below_three_full_members_is_flagged_on_the_tree_until_it_has_three() {
        String branch = newBranch("caizheng-admin", "caizheng");
        admit("caizheng-admin", branch, "甲");
        admit("caizheng-admin", admission(branch, "PROBATIONARY",
                profile("乙", LocalDate.of(1995, 1, 1), today().minusMonths(2))));

        JsonNode size = sizeOf(branch, api().as("caizheng-admin").get("/api/org/organizations?department=caizheng").json());
        assertThat(size.path("fullMembers").asLong()).isEqualTo(1);
        assertThat(size.path("members").asLong()).isEqualTo(2);
        assertThat(flags(size)).containsExactly("TOO_FEW_FULL_MEMBERS");
        assertThat(size.path("flags").get(0).path("label").asString()).isEqualTo("正式党员不足");

        admit("caizheng-admin", branch, "丙");
        admit("caizheng-admin", branch, "丁");
        JsonNode after = sizeOf(branch, api().as("caizheng-admin").get("/api/org/organizations/caizheng-committee/subtree").json());
        assertThat(after.path("fullMembers").asLong()).isEqualTo(3);
        assertThat(after.path("members").asLong()).isEqualTo(4);
        assertThat(flags(after)).isEmpty();

        JsonNode committee = api().as("caizheng-admin").get("/api/org/organizations/caizheng-committee").json();
        assertThat(committee.path("size").isNull()).isTrue();
    }

    private static JsonNode sizeOf(String branch, JsonNode tree) {
        return tree.valueStream().filter(o -> o.path("id").asString().equals(branch)).findFirst().orElseThrow()
                .path("size");
    }

    private static List<String> flags(JsonNode size) {
        return size.path("flags").valueStream().map(f -> f.path("flag").asString()).toList();
    }
}
