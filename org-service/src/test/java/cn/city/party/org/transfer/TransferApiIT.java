package cn.city.party.org.transfer;

import cn.city.party.common.test.Api;
import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import cn.city.party.org.member.MemberEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class TransferApiIT extends OrgApiTest {

    private Api.Response start(String user, String memberId, String toBranch) {
        return api().as(user).post("/api/org/transfers", Map.of("memberId", memberId, "toBranchId", toBranch, "reason", "工作调动"));
    }

    @Test
    void a_member_moves_to_a_branch_of_another_department_once_the_receiving_side_accepts() {
        String from = newBranch("caizheng-admin", "caizheng");
        String to = newBranch("jiaoyu-admin", "jiaoyu");
        String member = admit("caizheng-admin", from, "调动者");

        Api.Response started = start("caizheng-admin", member, to);
        assertThat(started.status()).isEqualTo(201);
        String id = started.json().path("id").asString();
        assertThat(started.json().path("status").asString()).isEqualTo("PENDING");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("pendingTransferId").asString()).isEqualTo(id);

        List<String> incoming = api().as("jiaoyu-admin").get("/api/org/transfers?direction=INCOMING&status=PENDING").json()
                .valueStream().map(t -> t.path("id").asString()).toList();
        assertThat(incoming).contains(id);
        assertThat(api().as("jiaoyu-admin").get("/api/org/transfers?direction=OUTGOING").json().valueStream()
                .map(t -> t.path("id").asString()).toList()).doesNotContain(id);
        assertThat(api().as("jiaoyu-admin").get("/api/org/members/" + member).status())
                .as("the receiving side sees the transfer, not the profile").isEqualTo(404);
        assertThat(api().as("caizheng-admin").post("/api/org/transfers/" + id + "/accept", Map.of()).status()).isEqualTo(403);

        try (EventCapture events = capture(MemberEvents.TOPIC)) {
            Api.Response accepted = api().as("jiaoyu-admin").post("/api/org/transfers/" + id + "/accept", Map.of("note", "同意接收"));
            assertThat(accepted.status()).isEqualTo(200);
            assertThat(accepted.json().path("status").asString()).isEqualTo("ACCEPTED");

            JsonNode event = events.await(MemberEvents.TRANSFERRED.type(), e -> e.path("subject").asString().equals(member),
                    Duration.ofSeconds(20));
            EventContracts.assertValid(event, MemberEvents.TRANSFERRED.schemaResource());
            assertThat(event.path("department").asString()).isEqualTo("jiaoyu");
            assertThat(event.path("data").path("branchId").asString()).isEqualTo(to);
            assertThat(event.path("data").path("fromDepartment").asString()).isEqualTo("caizheng");
            assertThat(event.path("data").path("fromBranchId").asString()).isEqualTo(from);
        }
        JsonNode moved = api().as("jiaoyu-admin").get("/api/org/members/" + member).json();
        assertThat(moved.path("branchId").asString()).isEqualTo(to);
        assertThat(moved.path("pendingTransferId").isNull()).isTrue();
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).status()).isEqualTo(404);
        assertThat(api().as("caizheng-admin").get("/api/org/transfers/" + id).json().path("status").asString())
                .as("the sending side still sees how it ended").isEqualTo("ACCEPTED");
        assertThat(api().as("jiaoyu-admin").post("/api/org/transfers/" + id + "/reject", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void a_rejected_or_cancelled_transfer_leaves_the_member_where_it_was_and_frees_it_for_another() {
        String from = newBranch("caizheng-admin", "caizheng");
        String to = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", from, "留任者");

        String first = start("caizheng-admin", member, to).json().path("id").asString();
        assertThat(api().as("caizheng-admin").post("/api/org/transfers/" + first + "/reject", Map.of("note", "编制已满")).json()
                .path("status").asString()).isEqualTo("REJECTED");
        JsonNode stayed = api().as("caizheng-admin").get("/api/org/members/" + member).json();
        assertThat(stayed.path("branchId").asString()).isEqualTo(from);
        assertThat(stayed.path("pendingTransferId").isNull()).isTrue();

        String second = start("caizheng-admin", member, to).json().path("id").asString();
        assertThat(api().as("caizheng-admin").post("/api/org/transfers/" + second + "/cancel", Map.of()).json()
                .path("status").asString()).isEqualTo("CANCELLED");
        assertThat(start("caizheng-admin", member, to).status()).isEqualTo(201);
    }

    @Test
    void concurrent_transfers_of_one_member_are_refused_all_but_one() {
        String from = newBranch("caizheng-admin", "caizheng");
        String to = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", from, "抢转者");
        api().as("caizheng-admin"); // fetch the token once before racing

        List<Integer> statuses = IntStream.range(0, 6)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> start("caizheng-admin", member, to).status()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(5);
        assertThat(api().as("caizheng-admin").get("/api/org/transfers?direction=OUTGOING&status=PENDING").json().valueStream()
                .filter(t -> t.path("memberId").asString().equals(member)).count()).isEqualTo(1);
    }

    @Test
    void a_transfer_to_a_dissolved_branch_is_refused_and_changes_nothing() {
        String from = newBranch("caizheng-admin", "caizheng");
        String dissolved = newBranch("jiaoyu-admin", "jiaoyu");
        assertThat(api().as("jiaoyu-admin").delete("/api/org/organizations/" + dissolved).status()).isEqualTo(200);
        String member = admit("caizheng-admin", from, "无处去");

        Api.Response refused = start("caizheng-admin", member, dissolved);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(fields(refused)).containsExactly("toBranchId");
        assertThat(fields(start("caizheng-admin", member, "caizheng-committee"))).as("not a branch").containsExactly("toBranchId");
        assertThat(api().as("caizheng-admin").get("/api/org/members/" + member).json().path("pendingTransferId").isNull()).isTrue();
    }

    @Test
    void other_departments_and_lower_roles_are_refused() {
        String from = newBranch("caizheng-admin", "caizheng");
        String to = newBranch("caizheng-admin", "caizheng");
        String member = admit("caizheng-admin", from, "本部门内");

        assertThat(start("jiaoyu-admin", member, to).status()).isEqualTo(404);
        assertThat(start("caizheng-member", member, to).status()).isEqualTo(403);
        assertThat(start("work-committee", member, to).status()).isEqualTo(403);
        assertThat(start("caizheng-secretary", member, to).status()).as("not the secretary's branch").isEqualTo(404);

        String id = start("caizheng-admin", member, to).json().path("id").asString();
        assertThat(api().as("jiaoyu-admin").get("/api/org/transfers/" + id).status()).as("not a party to it").isEqualTo(404);
        assertThat(api().as("jiaoyu-admin").post("/api/org/transfers/" + id + "/accept", Map.of()).status()).isEqualTo(404);
        assertThat(api().as("caizheng-member").get("/api/org/transfers").status()).isEqualTo(403);
        assertThat(api().as("work-committee").get("/api/org/transfers/" + id).status()).isEqualTo(200);
        assertThat(api().as("caizheng-admin").get("/api/org/transfers/" + id).json().path("status").asString()).isEqualTo("PENDING");
    }
}
