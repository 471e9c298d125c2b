package cn.city.party.study.demo;

import cn.city.party.common.security.CurrentCaller;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.study.exam.Exam;
import cn.city.party.study.exam.Question;
import cn.city.party.study.exam.Scoring;
import cn.city.party.study.material.Category;
import cn.city.party.study.material.Material;
import cn.city.party.study.material.MaterialService;
import cn.city.party.study.plan.StudyPlan;
import cn.city.party.study.progress.Progress;
import cn.city.party.study.progress.StudyRules;
import cn.city.party.study.support.Audience;
import cn.city.party.study.support.Reach;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Demo data of the local platform, with the fixed ids of docs/events.md: materials (city-wide and per demo
 * department), a weekly plan of each department's first branch, some progress of the demo member, and one exam per
 * department. Does nothing when its data exists.
 */
@Component
@ConditionalOnProperty(name = "platform.demo-data.enabled", havingValue = "true")
public class DemoDataSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final List<String> DEPARTMENTS = List.of("caizheng", "jiaoyu");

    private final MaterialService materials;
    private final ScopedMongo store;
    private final StudyRules rules;
    private final Clock clock;
    private final ZoneId zone;

    public DemoDataSeeder(MaterialService materials, ScopedMongo store, StudyRules rules, Clock clock,
                          PlatformCalendar calendar) {
        this.materials = materials;
        this.store = store;
        this.rules = rules;
        this.clock = clock;
        this.zone = calendar.zone();
    }

    @Override
    public void run(ApplicationArguments args) {
        CurrentCaller.runAsSystem("demo-data", () -> {
            if (store.findById("demo-city-constitution", Material.class).isPresent()) {
                return null;
            }
            try {
                seed();
                log.info("demo study data seeded");
            } catch (DuplicateKeyException e) {
                // a second instance starting at the same moment seeded it first (platform.sh --instances)
                log.info("demo study data seeded by another instance");
            }
            return null;
        });
    }

    private void seed() {
        Instant now = clock.instant();
        int year = LocalDate.ofInstant(now, zone).getYear();
        materials.createPublished("demo-city-constitution", new Reach(Reach.CITY, null, Audience.ALL),
                text("中国共产党章程（学习篇）", Category.PARTY_CONSTITUTION, true, "2"), null);
        materials.createPublished("demo-city-new-members", new Reach(Reach.CITY, null, Audience.NEW_MEMBERS),
                text("新党员入党教育读本", Category.PARTY_CONSTITUTION, true, "4"), null);
        materials.createPublished("demo-city-cadres", new Reach(Reach.CITY, null, Audience.LEADING_CADRES),
                text("领导干部廉洁自律准则", Category.INTEGRITY, true, "2"), null);
        for (String department : DEPARTMENTS) {
            materials.createPublished("demo-" + department + "-history", new Reach(department, null, Audience.ALL),
                    new MaterialService.Draft("党史专题视频：伟大建党精神", Material.Kind.VIDEO_LINK, null,
                            "https://video.example.cn/party-history/1", Category.PARTY_HISTORY, true,
                            new BigDecimal("1.5"), 60), null);
            materials.createPublished("demo-" + department + "-business", new Reach(department, null, Audience.ALL),
                    text("本部门业务知识手册", Category.PROFESSIONAL, false, "1"), null);

            StudyPlan plan = new StudyPlan("demo-" + department + "-plan", department, department + "-branch-1", year,
                    StudyPlan.Kind.BRANCH_WEEKLY, year + " 年第一党支部周学计划", now);
            plan.addSession("demo-" + department + "-session-1", LocalDate.of(year, 3, 6), "学习党章",
                    List.of("demo-city-constitution"));
            plan.addSession("demo-" + department + "-session-2", LocalDate.of(year, 7, 1), "党史专题",
                    List.of("demo-" + department + "-history"));
            store.insert(plan);

            Progress done = new Progress(department, department + "-branch-1", department + "-m02",
                    "demo-city-constitution", now.minus(Duration.ofHours(2)));
            done.report(3000, 30, rules, now.minus(Duration.ofHours(1)));
            done.complete(new BigDecimal("2"), true, year, now.minus(Duration.ofHours(1)));
            store.insert(done);

            List<String> questionIds = new ArrayList<>();
            questionIds.add(store.insert(new Question("demo-" + department + "-q1", department, Question.Type.SINGLE,
                    Category.PARTY_HISTORY, Question.Difficulty.EASY, "中国共产党成立于哪一年？",
                    List.of(new Question.Option("A", "1919 年"), new Question.Option("B", "1921 年"),
                            new Question.Option("C", "1949 年")), Set.of("B"), now)).id());
            questionIds.add(store.insert(new Question("demo-" + department + "-q2", department, Question.Type.MULTIPLE,
                    Category.PARTY_CONSTITUTION, Question.Difficulty.MEDIUM, "党的组织生活制度包括哪些？",
                    List.of(new Question.Option("A", "三会一课"), new Question.Option("B", "组织生活会"),
                            new Question.Option("C", "民主评议党员"), new Question.Option("D", "年终聚餐")),
                    Set.of("A", "B", "C"), now)).id());
            questionIds.add(store.insert(new Question("demo-" + department + "-q3", department, Question.Type.TRUE_FALSE,
                    Category.PARTY_CONSTITUTION, Question.Difficulty.EASY, "预备党员的预备期为一年。",
                    List.of(new Question.Option("T", "正确"), new Question.Option("F", "错误")), Set.of("T"), now)).id());
            store.insert(new Exam("demo-" + department + "-exam", new Reach(department, null, Audience.ALL),
                    "党史党章知识测试", Exam.Mode.FIXED, questionIds, List.of(), 2026, 30, new BigDecimal("60"), 2,
                    Scoring.PARTIAL, now, now.plus(Duration.ofDays(30)), now));
        }
    }

    private static MaterialService.Draft text(String title, Category category, boolean required, String hours) {
        return new MaterialService.Draft(title, Material.Kind.TEXT, title + "（学习正文）", null, category, required,
                new BigDecimal(hours), 45);
    }
}
