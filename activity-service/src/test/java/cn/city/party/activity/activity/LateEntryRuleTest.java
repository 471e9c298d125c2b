package cn.city.party.activity.activity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LateEntryRuleTest {

    private final Instant meeting = Instant.parse("2026-03-10T02:00:00Z");
    private final LateEntryRule sevenDays = new LateEntryRule(7);

    @Test
    void a_record_entered_within_seven_days_of_the_meeting_is_on_time() {
        assertThat(sevenDays.isLate(meeting, meeting.plus(Duration.ofHours(2)))).isFalse();
        assertThat(sevenDays.isLate(meeting, meeting.plus(Duration.ofDays(7)))).as("exactly 7 days").isFalse();
    }

    @Test
    void a_record_entered_more_than_seven_days_after_the_meeting_is_a_late_entry() {
        assertThat(sevenDays.isLate(meeting, meeting.plus(Duration.ofDays(7)).plusSeconds(1))).isTrue();
        assertThat(sevenDays.isLate(meeting, meeting.plus(Duration.ofDays(60)))).isTrue();
    }

    @Test
    void the_limit_is_a_setting() {
        assertThat(new LateEntryRule(3).isLate(meeting, meeting.plus(Duration.ofDays(4)))).isTrue();
        assertThat(new LateEntryRule(30).isLate(meeting, meeting.plus(Duration.ofDays(29)))).isFalse();
        assertThatThrownBy(() -> new LateEntryRule(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
