package cn.city.party.study.progress;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The study settings: how much reported study time is plausible for a material and what offline study counts; the
 * credit-hour targets and the new-member window here are only version 1 of each year's {@link StudyTargets}, which
 * the work committee versions (docs/rules.md).
 *
 * @param creditTarget        学时 per year of a member (32)
 * @param creditTargetLeading 学时 per year of a leading cadre or branch secretary (56)
 * @param plausibleTimeFactor the most study time counted for a material, as a multiple of its estimated minutes
 * @param newMemberStudyDays  days after admission within which a new member studies the required new-member materials
 * @param completionTimeShare a material counts as studied only after at least this share of its estimated minutes
 *                            was spent on it (0.5)
 * @param minutesPerCreditHour minutes of an offline sitting that earn one 学时 (60)
 * @param offlineDefaultMinutes an offline sitting recorded without its duration counts this long (60)
 * @param offlineMaxMinutes   an offline sitting counts at most this long (240)
 */
@ConfigurationProperties("study.rules")
public record StudyRules(int creditTarget, int creditTargetLeading, int plausibleTimeFactor, int newMemberStudyDays,
                         double completionTimeShare, int minutesPerCreditHour, int offlineDefaultMinutes,
                         int offlineMaxMinutes) {

    public StudyRules {
        creditTarget = creditTarget <= 0 ? 32 : creditTarget;
        creditTargetLeading = creditTargetLeading <= 0 ? 56 : creditTargetLeading;
        plausibleTimeFactor = plausibleTimeFactor <= 0 ? 2 : plausibleTimeFactor;
        newMemberStudyDays = newMemberStudyDays <= 0 ? 90 : newMemberStudyDays;
        completionTimeShare = completionTimeShare <= 0 || completionTimeShare > 1 ? 0.5 : completionTimeShare;
        minutesPerCreditHour = minutesPerCreditHour <= 0 ? 60 : minutesPerCreditHour;
        offlineDefaultMinutes = offlineDefaultMinutes <= 0 ? 60 : offlineDefaultMinutes;
        offlineMaxMinutes = offlineMaxMinutes <= 0 ? 240 : offlineMaxMinutes;
    }

    /** The study time a material needs before it can be completed: its share of the estimated minutes, in seconds. */
    public long secondsNeeded(int estimatedMinutes) {
        return (long) Math.ceil(estimatedMinutes * 60 * completionTimeShare);
    }

    /** 学时 of an offline sitting attended (理论学习中心组, 支部学习, 党课): its duration, capped, in credit hours. */
    public BigDecimal offlineCreditHours(Integer durationMinutes) {
        int minutes = Math.min(durationMinutes == null ? offlineDefaultMinutes : durationMinutes, offlineMaxMinutes);
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(minutesPerCreditHour), 2, RoundingMode.HALF_UP);
    }

    /**
     * The study time counted after a report of {@code reportedSeconds}: never more than the time that really passed
     * since the previous report, and never more in total than the plausible time for the material.
     */
    public long countedSeconds(long soFar, long reportedSeconds, long elapsedSinceLastReport, int estimatedMinutes) {
        long plausibleTotal = (long) estimatedMinutes * 60 * plausibleTimeFactor;
        long thisReport = Math.max(0, Math.min(reportedSeconds, elapsedSinceLastReport));
        return Math.min(plausibleTotal, soFar + thisReport);
    }
}
