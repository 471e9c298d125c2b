package cn.city.party.activity.reminder;

import cn.city.party.activity.compliance.BranchCompliance;
import cn.city.party.activity.compliance.ComplianceRules;
import cn.city.party.activity.compliance.RuleSetService;
import cn.city.party.activity.period.Period;
import cn.city.party.activity.period.PeriodKind;
import cn.city.party.activity.roster.Roster;
import cn.city.party.activity.support.ActivityServiceIT;
import cn.city.party.common.rules.RuleBook;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class ReminderJobIT extends ActivityServiceIT {

    @Autowired
    ReminderJob job;

    @Value("${spring.mongodb.uri}")
    String mongoUri;

    @Value("${spring.mongodb.database}")
    String database;

    @Test
    void two_instances_running_the_job_at_once_create_each_reminder_once_and_secretaries_see_their_own() throws Exception {
        demoRoster();
        String late = api().as("caizheng-secretary").post("/api/activities/records", record(
                List.of("THEME_PARTY_DAY"), "提醒用补录", held(Instant.now().minus(Duration.ofDays(9)), "纪要"),
                "外出")).json().path("id").asString();
        int year = Instant.now().atZone(Period.ZONE).getYear();
        await("the branch's figures are in the read model", () ->
                mongo.findById(BranchCompliance.idOf(BRANCH, year), BranchCompliance.class) != null);
        // the last day of this month, 10:00 in Shanghai: monthly rules not met are at risk
        Instant lastDay = Period.containing(PeriodKind.MONTH, Instant.now()).lastDay().atTime(10, 0)
                .atZone(Period.ZONE).toInstant();

        String sitting = api().as("caizheng-secretary").post("/api/activities", java.util.Map.of("types",
                List.of("THEME_PARTY_DAY"), "title", "提醒用主题党日", "plannedAt", lastDay.plus(Duration.ofDays(1)).toString()))
                .json().path("id").asString();

        try (MongoClient otherClient = MongoClients.create(mongoUri)) {
            MongoTemplate otherStore = new MongoTemplate(otherClient, database);
            ReminderJob otherInstance = new ReminderJob(otherStore, new Roster(otherStore),
                    new RuleSetService(new RuleBook(otherStore, Clock.systemUTC(), JsonMapper.builder().build(),
                            List.of(ComplianceRules.kind(7))), ComplianceRules.kind(7), Clock.systemUTC()),
                    Clock.systemUTC(), Duration.ofDays(3));
            long before = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Reminder.class);

            int created = 0;
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 3; round++) {
                    CountDownLatch start = new CountDownLatch(1);
                    Callable<Integer> a = () -> { start.await(); return job.runOnce(lastDay); };
                    Callable<Integer> b = () -> { start.await(); return otherInstance.runOnce(lastDay); };
                    Future<Integer> fa = pool.submit(a);
                    Future<Integer> fb = pool.submit(b);
                    start.countDown();
                    int thisRound = fa.get() + fb.get();
                    if (round > 0) {
                        assertThat(thisRound).as("later rounds find every reminder already there").isZero();
                    }
                    created += thisRound;
                }
            } finally {
                pool.shutdownNow();
            }
            long after = mongo.count(new org.springframework.data.mongodb.core.query.Query(), Reminder.class);
            assertThat(created).isPositive();
            assertThat(after - before).as("each reminder created exactly once").isEqualTo(created);
        }

        JsonNode mine = api().as("caizheng-secretary").get("/api/activities/notifications").json();
        assertThat(mine.valueStream().map(n -> n.path("kind").asString())).contains(Reminder.PERIOD_CLOSING, Reminder.LATE_ENTRY);
        assertThat(mine.valueStream().filter(n -> late.equals(n.path("activityId").asString())).count()).isEqualTo(1);
        // the month's rules on its last day; the year's within its 60-day window; the quarter's (21 days) only from
        // the quarter's last three weeks
        assertThat(mine.valueStream().filter(n -> n.path("kind").asString().equals(Reminder.PERIOD_CLOSING))
                .map(n -> n.path("message").asString())).anySatisfy(m -> assertThat(m).contains("还剩1天"))
                .allSatisfy(m -> assertThat(m).containsAnyOf("还剩1天", "还剩" + Period.containing(PeriodKind.YEAR, lastDay)
                        .daysLeft(lastDay) + "天", "还剩" + Period.containing(PeriodKind.QUARTER, lastDay).daysLeft(lastDay) + "天"));
        assertThat(api().as("caizheng-member").get("/api/activities/notifications").json().valueStream()
                .map(n -> n.path("kind").asString())).as("members get only their own sittings").containsOnly(Reminder.SITTING);
        assertThat(api().as("caizheng-member").get("/api/activities/notifications").json().valueStream()
                .filter(n -> sitting.equals(n.path("activityId").asString())).map(n -> n.path("message").asString()))
                .singleElement().satisfies(m -> assertThat(m).startsWith("请按时参加“提醒用主题党日”"));
        assertThat(api().as("jiaoyu-secretary").get("/api/activities/notifications").json().toString()).doesNotContain(BRANCH);
    }
}
