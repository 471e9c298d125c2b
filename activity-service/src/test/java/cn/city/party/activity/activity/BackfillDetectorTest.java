package cn.city.party.activity.activity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillDetectorTest {

    private final BackfillDetector detector = new BackfillDetector(5, Duration.ofHours(2));
    private final Instant yearEnd = Instant.parse("2026-12-20T02:00:00Z");

    private static Activity entered(String id, String by, Instant heldAt, Instant enteredAt) {
        Activity a = new Activity(id, "caizheng", "caizheng-branch-1", null, List.of(ActivityType.THEME_PARTY_DAY), id,
                heldAt, heldAt, by);
        a.hold(new HeldRecord(heldAt, "会议室", "书记", null, null, null, List.of(), "纪要", List.of()), "补录",
                new LateEntryRule(7), List.of(), enteredAt, by);
        return a;
    }

    @Test
    void many_past_month_records_typed_by_one_user_in_one_sitting_are_reported() {
        List<Activity> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(entered("r" + i, "secretary", Instant.parse("2026-0" + (3 + i) + "-15T02:00:00Z"),
                    yearEnd.plus(Duration.ofMinutes(10L * i))));
        }
        List<BackfillDetector.Backfill> found = detector.detect(records);
        assertThat(found).singleElement().satisfies(b -> {
            assertThat(b.enteredBy()).isEqualTo("secretary");
            assertThat(b.activityIds()).hasSize(6);
            assertThat(b.from()).isEqualTo(yearEnd);
        });
    }

    @Test
    void few_records_spread_over_days_or_by_different_users_are_not_a_bulk_backfill() {
        List<Activity> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(entered("spread" + i, "secretary", Instant.parse("2026-0" + (3 + i) + "-15T02:00:00Z"),
                    yearEnd.plus(Duration.ofHours(5L * i))));
            records.add(entered("user" + i, "user" + i, Instant.parse("2026-0" + (3 + i) + "-15T02:00:00Z"), yearEnd));
        }
        assertThat(detector.detect(records)).isEmpty();
    }

    @Test
    void records_of_the_current_month_typed_together_are_not_back_filled() {
        List<Activity> records = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            records.add(entered("same" + i, "secretary", Instant.parse("2026-12-0" + (1 + i) + "T02:00:00Z"),
                    yearEnd.plus(Duration.ofMinutes(i))));
        }
        assertThat(detector.detect(records)).isEmpty();
    }
}
