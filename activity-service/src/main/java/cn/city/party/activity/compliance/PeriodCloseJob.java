package cn.city.party.activity.compliance;

import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.roster.RosterOrganization;
import cn.city.party.common.time.PlatformCalendar;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Judges every branch's periods by the calendar, not only when an activity or roster event happens to arrive: a
 * branch that records nothing has its month missed when the month closes, and frozen after the late-entry days.
 * The previous year is judged as long as one of its periods is not frozen yet (or it was never judged). Safe with several instances: a
 * refresh recomputes and saves with optimistic locking.
 */
@Component
public class PeriodCloseJob {

    private final Roster roster;
    private final ComplianceProjection projection;
    private final MongoTemplate mongo;
    private final PlatformCalendar calendar;

    public PeriodCloseJob(Roster roster, ComplianceProjection projection, MongoTemplate mongo, PlatformCalendar calendar) {
        this.roster = roster;
        this.projection = projection;
        this.mongo = mongo;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${activity.compliance.evaluate-cron:0 5 * * * *}", zone = "Asia/Shanghai")
    void scheduled() {
        run();
    }

    /** One pass as of the clock's now (also the on-demand trigger); returns the number of branches judged. */
    public int run() {
        int year = calendar.today().getYear();
        int branches = 0;
        for (RosterOrganization branch : roster.branches()) {
            boolean previousOpen = Optional.ofNullable(mongo.findById(BranchCompliance.idOf(branch.id(), year - 1),
                    BranchCompliance.class)).map(BranchCompliance::open).orElse(true);
            if (previousOpen) {
                projection.refresh(branch.id(), year - 1);
            }
            projection.refresh(branch.id(), year);
            branches++;
        }
        return branches;
    }
}
