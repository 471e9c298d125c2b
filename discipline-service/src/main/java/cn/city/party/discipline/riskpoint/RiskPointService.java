package cn.city.party.discipline.riskpoint;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.discipline.DisciplineRules;
import cn.city.party.discipline.audit.AuditTrail;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** 廉政风险点 of posts: recorded and re-assessed on the review cycle of the rules; every change audited. */
@Service
public class RiskPointService {

    static final String ENTITY = "entity.riskPoint";

    private final ScopedMongo store;
    private final AuditTrail audit;
    private final DisciplineRules rules;
    private final Clock clock;
    private final PlatformCalendar calendar;

    public RiskPointService(ScopedMongo store, AuditTrail audit, DisciplineRules rules, Clock clock,
                            PlatformCalendar calendar) {
        this.store = store;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** {@code department} null: the caller's own. */
    public record NewRiskPoint(String department, String post, String description, RiskPoint.Level level,
                               String measures, String owner, LocalDate nextReviewOn) {
    }

    /** A re-assessment: confirmed as it is, or changed (level, measures, next review). */
    public record Review(RiskPoint.Result result, RiskPoint.Level level, String measures, String note,
                         LocalDate nextReviewOn) {
    }

    /** 年度评估进度: of a department's points, how many were re-assessed in the year and which are not yet. */
    public record Progress(int year, long total, long reviewed, List<RiskPoint> pending) {
    }

    public LocalDate today() {
        return calendar.today();
    }

    public RiskPoint create(NewRiskPoint request) {
        String department = request.department() != null ? request.department() : CurrentCaller.get().department();
        store.requireWritable(department);
        RiskPoint point = new RiskPoint(UUID.randomUUID().toString(), department, request.post(),
                request.description(), request.level(), request.measures(), request.owner(), request.nextReviewOn(),
                today(), rules.riskReviewMonths(), clock.instant());
        return audit.change(point, "riskPoint.created", point.level().name(), store::insert);
    }

    /** The points in scope (of one department when named), by department and post. */
    public List<RiskPoint> list(String department) {
        Criteria criteria = department == null ? new Criteria() : Criteria.where("department").is(department);
        return store.find(criteria, Sort.by("department", "post"), RiskPoint.class);
    }

    /** The points past their review date, the longest overdue first. */
    public List<RiskPoint> overdue() {
        return store.find(Criteria.where("nextReviewOn").lt(today()), Sort.by("nextReviewOn"), RiskPoint.class);
    }

    public Progress reassessment(int year, String department) {
        List<RiskPoint> all = list(department);
        List<RiskPoint> pending = all.stream().filter(r -> !r.reviewedIn(year)).toList();
        return new Progress(year, all.size(), all.size() - pending.size(), pending);
    }

    public RiskPoint reassess(String id, Review review) {
        RiskPoint point = store.getById(id, RiskPoint.class, ENTITY);
        point.reassess(review.result(), review.level(), review.measures(), review.note(), review.nextReviewOn(),
                today(), rules.riskReviewMonths(), CurrentCaller.get(), clock.instant());
        return audit.change(point, "riskPoint.reassessed", review.result().name(), store::save);
    }
}
