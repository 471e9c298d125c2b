package cn.city.party.activity.benchmark;

import cn.city.party.activity.activity.Activity;
import cn.city.party.activity.activity.ActivityType;
import cn.city.party.activity.activity.Attendance;
import cn.city.party.activity.activity.AttendanceEntry;
import cn.city.party.activity.activity.HeldRecord;
import cn.city.party.activity.activity.LateEntryRule;
import cn.city.party.activity.compliance.CityReadModelAccess;
import cn.city.party.activity.period.Period;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The city-wide compliance query with 2,500 branches and one year of activities (~300,000 records).
 *
 * <p>It generates a year of sittings per branch (monthly 支委会, 主题党日 and 党小组会 for two groups, quarterly 党课 and
 * 支部党员大会, yearly 组织生活会/民主评议/谈心谈话, some missing and some late), folds each branch's year into the read
 * model exactly as the projection does ({@code Figures.of}), stores the 2,500 read-model documents in the MongoDB
 * wire-protocol server (or {@code -Dbenchmark.mongo=mongodb://…}), and times the real city query code path
 * ({@code ComplianceService.city}) for a quarter and for the year.
 *
 * <p>Run: {@code ./mvnw -B -o -q -pl activity-service test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=cn.city.party.activity.benchmark.CityComplianceBenchmark}
 */
public final class CityComplianceBenchmark {

    static final int BRANCHES = Integer.getInteger("benchmark.branches", 2_500);
    static final int DEPARTMENTS = 50;
    static final int MEMBERS = 12;
    static final int YEAR = 2026;

    public static void main(String[] args) {
        MongoServer server = null;
        String uri = System.getProperty("benchmark.mongo");
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            InetSocketAddress address = server.bind();
            uri = "mongodb://127.0.0.1:" + address.getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "activity-benchmark");
            mongo.getDb().drop();
            Clock clock = Clock.fixed(Instant.parse(YEAR + "-12-31T04:00:00Z"), ZoneOffset.UTC);
            CityReadModelAccess city = new CityReadModelAccess(mongo, clock);

            long t0 = System.nanoTime();
            Random random = new Random(42);
            long activities = 0;
            for (int b = 0; b < BRANCHES; b++) {
                List<Activity> year = yearOf(b, random);
                activities += year.size();
                city.store("d" + (b % DEPARTMENTS), "b" + b, "第" + b + "支部", YEAR, year, groups(b), "b" + b + "-m0",
                        List.of("b" + b + "-m0", "b" + b + "-m1", "b" + b + "-m2"), members(b));
            }
            long built = System.nanoTime() - t0;
            System.out.printf("generated and folded %,d activities of %,d branches into the read model in %,d ms%n",
                    activities, BRANCHES, built / 1_000_000);

            for (String period : List.of(YEAR + "-Q2", String.valueOf(YEAR))) {
                long[] ms = new long[7];
                for (int run = 0; run < ms.length; run++) {
                    long start = System.nanoTime();
                    var view = city.query(Period.parse(period).orElseThrow());
                    ms[run] = (System.nanoTime() - start) / 1_000_000;
                    if (run == 0) {
                        System.out.printf("city %s: %d departments, %d branches, summary %s%n", period,
                                view.departments().size(), view.branches(), view.summary());
                    }
                }
                long loadStart = System.nanoTime();
                int loaded = city.loadOnly(YEAR);
                System.out.printf("  of which reading the %d read-model documents alone: %d ms%n", loaded,
                        (System.nanoTime() - loadStart) / 1_000_000);
                long[] warm = Arrays.copyOfRange(ms, 2, ms.length);
                Arrays.sort(warm);
                System.out.printf("city query %s: first %d ms, warm median %d ms, warm max %d ms (runs: %s)%n", period,
                        ms[0], warm[warm.length / 2], warm[warm.length - 1], Arrays.toString(ms));
            }
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static List<String> groups(int b) {
        return List.of("b" + b + "-g1", "b" + b + "-g2");
    }

    private static List<String> members(int b) {
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < MEMBERS; m++) {
            ids.add("b" + b + "-m" + m);
        }
        return ids;
    }

    /** About 120 sittings (about 300,000 for 2,500 branches): a realistic year, with gaps (~5% skipped) and late entries (~10%). */
    private static List<Activity> yearOf(int b, Random random) {
        List<Activity> list = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            add(list, b, random, month, 5, null, ActivityType.BRANCH_COMMITTEE_MEETING);
            add(list, b, random, month, 12, null, ActivityType.THEME_PARTY_DAY);
            add(list, b, random, month, 15, "b" + b + "-g1", ActivityType.PARTY_GROUP_MEETING);
            add(list, b, random, month, 16, "b" + b + "-g2", ActivityType.PARTY_GROUP_MEETING);
            for (int talk = 0; talk < 6; talk++) {
                add(list, b, random, month, 20 + talk, null, ActivityType.HEART_TO_HEART_TALK);
            }
            if (month % 3 == 0) {
                add(list, b, random, month, 25, null, ActivityType.PARTY_LECTURE, ActivityType.THEME_PARTY_DAY);
                add(list, b, random, month, 26, null, ActivityType.BRANCH_GENERAL_MEETING);
            }
        }
        add(list, b, random, 12, 28, null, ActivityType.ORGANIZATIONAL_LIFE_MEETING, ActivityType.DEMOCRATIC_APPRAISAL);
        return list;
    }

    private static void add(List<Activity> list, int b, Random random, int month, int day, String group, ActivityType... types) {
        if (random.nextInt(100) < 5) {
            return;
        }
        Instant heldAt = LocalDateTime.of(YEAR, month, day, 15, 0).atZone(Period.ZONE).toInstant();
        Duration delay = random.nextInt(100) < 10 ? Duration.ofDays(15) : Duration.ofHours(6);
        String id = "b" + b + "-" + list.size();
        Activity a = new Activity(id, "d" + (b % DEPARTMENTS), "b" + b, group, List.of(types), id, heldAt, heldAt, "s");
        a.hold(new HeldRecord(heldAt, "会议室", "书记", "b" + b + "-m" + random.nextInt(3), "书记", "b" + b + "-m0",
                List.of("议题"), random.nextInt(100) < 90 ? "纪要" : null, List.of()), "补录", new LateEntryRule(7),
                members(b),
                heldAt.plus(delay), "s");
        for (int m = 0; m < MEMBERS; m++) {
            int roll = random.nextInt(100);
            Attendance at = roll < 85 ? Attendance.PRESENT : roll < 95 ? Attendance.EXCUSED : Attendance.ABSENT;
            a.recordAttendance(new AttendanceEntry("b" + b + "-m" + m, null, at, at == Attendance.ABSENT ? "x" : null,
                    "s", heldAt, false));
        }
        list.add(a);
    }
}
