package cn.city.party.activity.activity;

import java.time.Instant;

/** One member's attendance at a sitting; {@code selfCheckIn} when the member checked in personally. */
public record AttendanceEntry(String memberId, String name, Attendance attendance, String reason, String recordedBy,
                              Instant recordedAt, boolean selfCheckIn) {
}
