package cn.city.party.org.demo;

import cn.city.party.common.test.EventCapture;
import cn.city.party.common.contracts.EventContracts;
import cn.city.party.common.test.PlatformIntegrationTest;
import cn.city.party.org.OrgApiTest;
import cn.city.party.org.department.DepartmentEvents;
import cn.city.party.org.member.MemberEvents;
import cn.city.party.org.organization.OrganizationEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformIntegrationTest
class DemoDataIT extends OrgApiTest {

    @Autowired
    DemoDataSeeder seeder;

    @Test
    void the_demo_departments_trees_and_members_exist_with_the_fixed_ids_and_the_demo_users_are_linked() {
        assertThat(api().as("caizheng-secretary").get("/api/org/members/me").json().path("id").asString()).isEqualTo("caizheng-m01");
        assertThat(api().as("jiaoyu-member").get("/api/org/members/me").json().path("id").asString()).isEqualTo("jiaoyu-m02");
        assertThat(api().as("jiaoyu-secretary").get("/api/org/members/me").json().path("branchId").asString()).isEqualTo("jiaoyu-branch-1");

        List<String> organizations = api().as("work-committee").get("/api/org/organizations").json().valueStream()
                .map(o -> o.path("id").asString()).toList();
        assertThat(organizations).contains("gongwei-committee", "caizheng-committee", "caizheng-branch-1", "caizheng-group-1",
                "caizheng-branch-2", "jiaoyu-committee", "jiaoyu-branch-1", "jiaoyu-branch-2");
        assertThat(api().as("caizheng-admin").get("/api/org/members/caizheng-m16").json().path("branchId").asString())
                .isEqualTo("caizheng-branch-2");
        assertThat(api().as("jiaoyu-admin").get("/api/org/members?branchId=jiaoyu-branch-1&size=100").json()
                .path("content").valueStream().filter(m -> m.path("id").asString().startsWith("jiaoyu-m")).count()).isEqualTo(8);
    }

    @Test
    void events_are_raised_for_the_demo_data_so_other_services_build_their_rosters_and_seeding_again_changes_nothing() {
        try (EventCapture events = capture(MemberEvents.TOPIC, OrganizationEvents.TOPIC, DepartmentEvents.TOPIC)) {
            JsonNode secretary = events.await(MemberEvents.ADMITTED.type(), e -> e.path("subject").asString().equals("caizheng-m01"),
                    Duration.ofSeconds(30));
            EventContracts.assertValid(secretary, MemberEvents.ADMITTED.schemaResource());
            assertThat(secretary.path("data").path("accountSubject").asString()).isEqualTo("00000000-0000-4000-8000-000000000004");
            JsonNode group = events.await(OrganizationEvents.CREATED.type(), e -> e.path("subject").asString().equals("caizheng-group-1"),
                    Duration.ofSeconds(30));
            assertThat(group.path("data").path("parentId").asString()).isEqualTo("caizheng-branch-1");
            events.await(DepartmentEvents.REGISTERED.type(), e -> e.path("subject").asString().equals("gongwei"), Duration.ofSeconds(30));

            // counted before and after, by event id: another test context of this module (same broker, its own
            // database) seeds the demo data too, and the relay delivers at least once
            Predicate<JsonNode> lastMember = e -> e.path("subject").asString().equals("jiaoyu-m16");
            events.await(MemberEvents.ADMITTED.type(), lastMember, Duration.ofSeconds(30));
            Set<String> before = ids(events.all(MemberEvents.ADMITTED.type(), lastMember, Duration.ofSeconds(2)));

            seeder.run(null);

            assertThat(ids(events.all(MemberEvents.ADMITTED.type(), lastMember, Duration.ofSeconds(3))))
                    .as("the second seeding published no new event").isEqualTo(before);
        }
    }

    private static Set<String> ids(List<JsonNode> events) {
        return events.stream().map(e -> e.path("id").asString()).collect(Collectors.toSet());
    }
}
