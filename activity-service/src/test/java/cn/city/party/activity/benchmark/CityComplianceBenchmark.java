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
 * ({@code ComplianceService.city}, with its kept tables) for a quarter and for the year: the first call, repeated calls
 * with nothing changed ({@code -Dbenchmark.repeats}, 50) and calls each right after a read-model write
 * ({@code -Dbenchmark.after-write}, 10), as p50/p95/p99.
 *
 * <p>Run: see docs/benchmarks.md, "City compliance query".
 */
public final class CityComplianceBenchmark {

    static final int BRANCHES = Integer.getInteger("benchmark.branches", 2_500);
    static final int DEPARTMENTS = 50;
    static final int MEMBERS = 12;
    static final int YEAR = 2026;
    static final int REPEATS = Integer.getInteger("benchmark.repeats", 50);
    static final int AFTER_WRITE = Integer.getInteger("benchmark.after-write", 10);

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
            long activities = 0;
            for (int b = 0; b < BRANCHES; b++) {
                List<Activity> year = yearOf(b);
                activities += year.size();
                store(city, b, year);
            }
            long built = System.nanoTime() - t0;
            System.out.printf("generated and folded %,d activities of %,d branches into the read model in %,d ms%n",
                    activities, BRANCHES, built / 1_000_000);

            for (String text : List.of(YEAR + "-Q2", String.valueOf(YEAR))) {
                Period period = Period.parse(text).orElseThrow();
                long evaluatedBefore = city.evaluations();
                long departmentsBefore = city.departmentEvaluations();
                long start = System.nanoTime();
                var view = city.query(period);
                System.out.printf("city %s: %d departments, %d branches, summary %s%n", text,
                        view.departments().size(), view.branches(), view.summary());
                System.out.printf("  first call (cold, the table evaluated): %.1f ms%n", millisSince(start));

                double[] kept = new double[REPEATS];
                for (int run = 0; run < kept.length; run++) {
                    start = System.nanoTime();
                    city.query(period);
                    kept[run] = millisSince(start);
                }
                double[] afterWrite = new double[AFTER_WRITE];
                for (int run = 0; run < afterWrite.length; run++) {
                    // a branch's year without its last sitting: a real change of the read model, counted as the
                    // projection counts it
                    List<Activity> year = yearOf(run);
                    store(city, run, year.subList(0, year.size() - 1));
                    start = System.nanoTime();
                    city.query(period);
                    afterWrite[run] = millisSince(start);
                }
                System.out.printf("  %d repeated calls (the table kept): %s%n", kept.length, percentiles(kept));
                System.out.printf("  %d calls, each right after a read-model write (the written department's table "
                        + "evaluated again): %s%n", afterWrite.length, percentiles(afterWrite));
                System.out.printf("  city tables composed: %d of %d calls; department tables evaluated: %d%n",
                        city.evaluations() - evaluatedBefore, 1 + kept.length + afterWrite.length,
                        city.departmentEvaluations() - departmentsBefore);
                start = System.nanoTime();
                int loaded = city.loadOnly(YEAR);
                System.out.printf("  reading the %d read-model documents alone: %.1f ms%n", loaded, millisSince(start));
            }
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    private static void store(CityReadModelAccess city, int b, List<Activity> year) {
        city.store("d" + (b % DEPARTMENTS), "b" + b, "第" + b + "支部", YEAR, year, groups(b), "b" + b + "-m0",
                List.of("b" + b + "-m0", "b" + b + "-m1", "b" + b + "-m2"), members(b));
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    /** p50, p95, p99 and the maximum, nearest-rank. */
    private static String percentiles(double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms", rank(sorted, 50), rank(sorted, 95),
                rank(sorted, 99), sorted[sorted.length - 1]);
    }

    private static double rank(double[] sorted, int percentile) {
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)];
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

    /**
     * About 120 sittings (about 300,000 for 2,500 branches): a realistic year, with gaps (~5% skipped) and late entries
     * (~10%); the same each time for a branch, so that a write can change one sitting of it.
     */
    private static List<Activity> yearOf(int b) {
        Random random = new Random(42L + b);
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
