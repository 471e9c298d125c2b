package cn.city.party.study.points;

import cn.city.party.common.error.Problems;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.time.PlatformCalendar;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/**
 * 积分 (optional): points per study action with a daily cap per member, shown only in departments that turn the
 * leaderboard on. Points are never read by credit hours, completion rates or assessments (anti-formalism rules:
 * no forced quotas, app activity is no assessment input).
 */
@Service
public class Points {

    public enum Action { MATERIAL_COMPLETED, EXAM_PASSED }

    /** One member's points of one day (Asia/Shanghai). */
    @Document("points_days")
    public record Day(@Id String id, String department, String memberId, LocalDate date, int total) {
    }

    /** Whether a department shows points and its leaderboard; off unless its admin turns it on. */
    @Document("leaderboard_settings")
    public record Switch(@Id String department, boolean enabled) {
    }

    private final MongoTemplate mongo;
    private final PointsSettings settings;
    private final PlatformCalendar calendar;

    public Points(MongoTemplate mongo, PointsSettings settings, PlatformCalendar calendar) {
        this.mongo = mongo;
        this.settings = settings;
        this.calendar = calendar;
    }

    /** The points of one action, never taking the member's day over the cap. */
    public void award(String memberId, String department, Action action) {
        int points = settings.perAction().getOrDefault(action, 0);
        if (points <= 0) {
            return;
        }
        LocalDate today = calendar.today();
        String id = memberId + "|" + today;
        Update add = new Update().inc("total", points).setOnInsert("department", department)
                .setOnInsert("memberId", memberId).setOnInsert("date", today);
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(id).and("total").lte(settings.dailyCap() - points)), add, Day.class);
        } catch (DuplicateKeyException nearTheCap) {
            // the day exists and this action would pass the cap: fill up to the cap, no further
            mongo.updateFirst(Query.query(Criteria.where("_id").is(id).and("total").lt(settings.dailyCap())),
                    new Update().set("total", settings.dailyCap()), Day.class);
        }
    }

    public record Standing(String memberId, long points) {
    }

    public void setLeaderboard(Caller caller, String department, boolean enabled) {
        String target = department == null ? caller.department() : department;
        if (!caller.has(Role.WORK_COMMITTEE_ADMIN) && !target.equals(caller.department())) {
            throw Problems.forbidden("department.outOfScope", target);
        }
        mongo.save(new Switch(target, enabled));
    }

    /** A department's leaderboard of the year; refused where the department has not turned it on. */
    public List<Standing> leaderboard(Caller caller, String department, int year) {
        String target = requireShown(caller, department);
        Aggregation aggregation = Aggregation.newAggregation(
                Aggregation.match(Criteria.where("department").is(target)
                        .and("date").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31))),
                Aggregation.group("memberId").sum("total").as("points"),
                Aggregation.project("points").and("_id").as("memberId"),
                Aggregation.sort(Sort.by(Sort.Direction.DESC, "points").and(Sort.by("memberId"))),
                Aggregation.limit(100));
        return mongo.aggregate(aggregation, Day.class, Standing.class).getMappedResults();
    }

    public long pointsOf(Caller caller, String memberId, int year) {
        requireShown(caller, caller.department());
        return mongo.find(Query.query(Criteria.where("memberId").is(memberId)
                        .and("date").gte(LocalDate.of(year, 1, 1)).lte(LocalDate.of(year, 12, 31))), Day.class)
                .stream().mapToLong(Day::total).sum();
    }

    private String requireShown(Caller caller, String department) {
        String target = department == null ? caller.department() : department;
        if (!caller.has(Role.WORK_COMMITTEE_ADMIN) && !target.equals(caller.department())) {
            throw Problems.forbidden("department.outOfScope", target);
        }
        Switch setting = mongo.findById(target, Switch.class);
        if (setting == null || !setting.enabled()) {
            throw Problems.conflict("points.leaderboardOff", target);
        }
        return target;
    }
}
