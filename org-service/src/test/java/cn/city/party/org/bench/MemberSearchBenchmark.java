package cn.city.party.org.bench;

import cn.city.party.common.rules.RulesInForce;
import cn.city.party.common.security.Caller;
import cn.city.party.common.security.Role;
import cn.city.party.common.tenancy.ScopedMongo;
import cn.city.party.common.time.PlatformCalendar;
import cn.city.party.org.OrgRuleKinds;
import cn.city.party.org.TestRules;
import cn.city.party.org.member.BranchScope;
import cn.city.party.org.member.Contact;
import cn.city.party.org.member.Gender;
import cn.city.party.org.member.Member;
import cn.city.party.org.member.MemberProfile;
import cn.city.party.org.member.MemberRules;
import cn.city.party.org.member.MemberService;
import cn.city.party.org.member.MemberStatus;
import cn.city.party.org.member.NationalId;
import cn.city.party.org.member.PartyAffairsCadre;
import cn.city.party.org.organization.OrganizationScope;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How long a paged member search takes in the city's shape: 30,000 members in 50 departments of 50 branches, searched
 * by the admin of one department. Not a test: run it with the command in {@link #COMMAND} (from the repository root);
 * its arguments give another store, member count, department count and branches per department (issue 3 measured
 * {@code - 50000 1 100}: every member in one department).
 * Without a URI it starts the in-memory MongoDB substitute (mongo-java-server). The searches go through
 * {@link MemberService#search} as a department admin, with exactly the criteria, sort and paging the API uses; the
 * indexes are the ones the {@link Member} class declares, created the way the service creates them. It prints its
 * results as the Markdown section of docs/benchmarks.md.
 */
public final class MemberSearchBenchmark {

    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明"};
    private static final String COMMAND = """
            ./mvnw -B -o -q -pl org-service test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
            java -Xmx1g -cp "org-service/target/test-classes:org-service/target/classes:$(cat org-service/target/bench.classpath)" \\
                cn.city.party.org.bench.MemberSearchBenchmark [URI|- [MEMBERS [DEPARTMENTS [BRANCHES_PER_DEPARTMENT]]]]""";
    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    private MemberSearchBenchmark() {
    }

    public static void main(String[] args) {
        String uri = args.length > 0 && !args[0].isBlank() && !args[0].equals("-") ? args[0] : null;
        int members = args.length > 1 ? Integer.parseInt(args[1]) : 30_000;
        int departments = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int branches = args.length > 3 ? Integer.parseInt(args[3]) : 50;
        MongoServer server = null;
        if (uri == null) {
            server = new MongoServer(new MemoryBackend());
            uri = "mongodb://127.0.0.1:" + server.bind().getPort();
        }
        try (MongoClient client = MongoClients.create(uri)) {
            MongoTemplate mongo = new MongoTemplate(client, "org-benchmark-" + System.nanoTime());
            createIndexes(mongo);
            long loadStart = System.nanoTime();
            load(mongo, members, departments, branches);
            double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

            ScopedMongo store = new ScopedMongo(mongo);
            PlatformCalendar calendar = new PlatformCalendar(Clock.systemUTC(), ZoneId.of("Asia/Shanghai"));
            // search needs only the store and the scope; admission collaborators are not involved
            MemberService service = new MemberService(store, null, new BranchScope(store, new OrganizationScope(store)),
                    new MemberRules(RulesInForce.DEFAULTS, OrgRuleKinds.probation(TestRules.defaults())), null, calendar, null,
                    null);

            // the admin of a department in the middle searches its own department, as the scope narrows every query
            String department = department(departments / 2);
            Caller admin = new Caller("bench-admin", "bench-admin", department, Set.of(Role.DEPT_ADMIN), false);
            MemberService.MemberFilter joined = filter(null, null, LocalDate.of(2000, 1, 1), LocalDate.of(2010, 12, 31));
            int joinedPage = Math.min(49, Math.max(0, as(admin, () -> service.search(joined,
                    page(0, "joinedOn", Sort.Direction.DESC)).getTotalPages()) - 1));
            List<String> lines = new ArrayList<>();
            lines.add(measure(admin, "branch + status, page 1 of 20, sorted by name", () -> service.search(
                    filter(branch(department, 7), MemberStatus.FULL, null, null), page(0, "name", Sort.Direction.ASC))));
            lines.add(measure(admin, "name prefix \"王\", page 1 of 20, sorted by name", () -> service.search(
                    new MemberService.MemberFilter(null, "王", null, null, null, null), page(0, "name", Sort.Direction.ASC))));
            lines.add(measure(admin, "joined 2000–2010, page " + (joinedPage + 1) + " of 20 (50, or the last), newest first",
                    () -> service.search(joined, page(joinedPage, "joinedOn", Sort.Direction.DESC))));
            lines.add(measure(admin, "whole department, page 1 of 20, sorted by name", () -> service.search(
                    filter(null, null, null, null), page(0, "name", Sort.Direction.ASC))));
            lines.add(measure(admin, "whole department, the count alone (the `totalElements` of page 1)",
                    () -> store.count(new Criteria(), Member.class)));

            String report = report(server != null, members, departments, branches, department, loadSeconds,
                    indexes(mongo), lines);
            // the section of docs/benchmarks.md, in Markdown
            System.out.println(report);
        } finally {
            if (server != null) {
                server.shutdownNow();
            }
        }
    }

    /** The criteria of the API without a department: the admin's scope gives it. */
    private static MemberService.MemberFilter filter(String branch, MemberStatus status, LocalDate from, LocalDate to) {
        return new MemberService.MemberFilter(null, null, branch, status, from, to);
    }

    private static String department(int d) {
        return "bench-d%02d".formatted(d);
    }

    private static String branch(String department, int b) {
        return department + "-b%03d".formatted(b);
    }

    private static PageRequest page(int page, String sort, Sort.Direction direction) {
        return PageRequest.of(page, 20, Sort.by(direction, sort).and(Sort.by("_id")));
    }

    private static void createIndexes(MongoTemplate mongo) {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        resolver.resolveIndexFor(Member.class).forEach(index -> mongo.indexOps(Member.class).createIndex(index));
    }

    /** The indexes {@link Member} declares (the substitute accepts only the unique ones and ignores the others). */
    private static List<String> indexes(MongoTemplate mongo) {
        var resolver = new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
        List<String> names = new ArrayList<>();
        resolver.resolveIndexFor(Member.class).forEach(i -> names.add(String.valueOf(i.getIndexOptions().get("name"))
                + " " + i.getIndexKeys().toJson()));
        return names.stream().sorted().toList();
    }

    /** Member i is in department i % departments, and in branch (i / departments) % branches of it. */
    private static void load(MongoTemplate mongo, int count, int departments, int branches) {
        Random random = new Random(42);
        List<Member> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDate birth = LocalDate.of(1950 + random.nextInt(50), 1 + random.nextInt(12), 1 + random.nextInt(28));
            LocalDate joined = birth.plusYears(18 + random.nextInt(20)).plusDays(random.nextInt(365));
            String id = NationalId.withCheckCharacter("%06d".formatted(110000 + i / 1000)
                    + birth.toString().replace("-", "") + "%03d".formatted(i % 1000));
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + GIVEN[random.nextInt(GIVEN.length)];
            MemberStatus status = random.nextInt(20) == 0 ? MemberStatus.PROBATIONARY : MemberStatus.FULL;
            MemberProfile profile = new MemberProfile(name, random.nextBoolean() ? Gender.MALE : Gender.FEMALE, "汉族",
                    birth, id, "大学本科", "科员", joined, false, PartyAffairsCadre.NONE);
            String department = department(i % departments);
            batch.add(new Member("bench-m" + i, department, branch(department, i / departments % branches), null,
                    profile, status, joined.plusYears(1), Contact.NONE, Instant.now()));
            if (batch.size() == 1000) {
                mongo.insert(batch, Member.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Member.class);
        }
    }

    private static <T> T as(Caller caller, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken(caller, ""));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** p50, p95 and p99 of the measured runs, nearest rank. */
    private static String measure(Caller caller, String what, Supplier<?> search) {
        return as(caller, () -> {
            for (int i = 0; i < WARMUP; i++) {
                search.get();
            }
            double[] millis = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                search.get();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            Arrays.sort(millis);
            return String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f |", what, percentile(millis, 50),
                    percentile(millis, 95), percentile(millis, 99));
        });
    }

    private static double percentile(double[] sorted, int p) {
        return sorted[(int) Math.ceil(sorted.length * p / 100.0) - 1];
    }

    private static String report(boolean substitute, int members, int departments, int branches, String department,
                                 double loadSeconds, List<String> indexes, List<String> lines) {
        StringBuilder md = new StringBuilder();
        md.append("## Member search\n\n");
        md.append("Issue 16 item 5: ").append(members).append(" members in ").append(departments)
                .append(departments == 1 ? " department" : " departments").append(" of ").append(branches)
                .append(" branches; the admin of `").append(department).append("` searches its own department.\n\n");
        md.append("Measured by `cn.city.party.org.bench.MemberSearchBenchmark` (a main class under src/test/java, not a test), ")
                .append("through `MemberService.search` with the API's criteria, sort and paging (20 per page, with ")
                .append("`totalElements`) as a department admin. ").append(WARMUP).append(" warm-up runs, then ").append(RUNS)
                .append(" measured runs per search.\n\n");
        md.append("Reproduce (from the repository root):\n\n```\n").append(COMMAND).append("\n```\n\n")
                .append("Without a URI (or with `-`) the benchmark starts the in-memory substitute; give a URI to ")
                .append("measure against a real MongoDB. The defaults are the city's shape, `- 30000 50 50`; issue 3's ")
                .append("shape was `- 50000 1 100`.\n\n");
        md.append("- store: ").append(substitute ? "in-memory MongoDB substitute (mongo-java-server 1.47, in the benchmark's JVM)"
                : "MongoDB at the given URI").append("\n");
        md.append("- machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append("\n");
        md.append("- loading ").append(members).append(" members: ").append(String.format(Locale.ROOT, "%.1f s", loadSeconds)).append("\n");
        md.append("- indexes on `members`: ").append(String.join(", ", indexes.stream().map(i -> "`" + i + "`").toList())).append("\n\n");
        md.append("| search | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|\n");
        lines.forEach(l -> md.append(l).append("\n"));
        md.append("\nThe substitute evaluates queries by scanning (it keeps unique indexes for constraints, it has no ")
                .append("query planner), so its figures are an upper bound; on MongoDB the named compound indexes serve ")
                .append("the branch/status/name, name-prefix, joinedOn and whole-department searches, each led by `department`.\n");
        return md.toString();
    }
}
