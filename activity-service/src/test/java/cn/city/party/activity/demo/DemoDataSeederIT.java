package cn.city.party.activity.demo;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.outbox.EventFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo seeder (on only in the local platform) run against the test store with a fixed clock, twice. */
class DemoDataSeederIT extends ActivityServiceIT {

    @Autowired
    EventFactory events;

    @Test
    void it_writes_months_of_records_with_late_entries_for_the_demo_branches_once() {
        // mid-2024: far from the periods the other tests use
        Clock clock = Clock.fixed(Instant.parse("2024-06-25T04:00:00Z"), ZoneOffset.UTC);
        DemoDataSeeder seeder = new DemoDataSeeder(mongo, events, clock, 7);
        Query demo = Query.query(Criteria.where("_id").regex("^demo-"));

        seeder.run(null);
        List<Activity> seeded = mongo.find(demo, Activity.class);
        assertThat(seeded).isNotEmpty();
        assertThat(seeded).extracting(Activity::branchId).contains("caizheng-branch-1", "caizheng-branch-2",
                "jiaoyu-branch-1", "jiaoyu-branch-2");
        assertThat(seeded).filteredOn(Activity::lateEntry).isNotEmpty()
                .allSatisfy(a -> assertThat(a.lateReason()).isNotBlank());
        assertThat(seeded).filteredOn(Activity::multiPurpose).isNotEmpty();
        assertThat(seeded).allSatisfy(a -> assertThat(a.attendance()).isNotEmpty());

        seeder.run(null);
        assertThat(mongo.count(demo, Activity.class)).as("idempotent").isEqualTo(seeded.size());
    }
}
