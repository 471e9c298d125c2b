package cn.city.party.common.rules;

import cn.city.party.common.error.DomainProblem;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rule book against the MongoDB wire-protocol substitute: versions of a year, each in force from its time. */
class RuleBookTest {

    record Window(int days, BigDecimal share) {
    }

    static final RuleKind<Window> WINDOW = new RuleKind<>("window", Window.class, new Window(90, new BigDecimal("0.5")),
            w -> {
                RuleChecks checks = new RuleChecks().between("days", w.days(), 1, 365);
                checks.amount("share", w.share(), BigDecimal.ONE, 2);
                return checks.violations();
            });

    private static final MongoServer SERVER = new MongoServer(new MemoryBackend());
    private static final MongoClient CLIENT = MongoClients.create("mongodb://127.0.0.1:" + SERVER.bind().getPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant DEC_1 = Instant.parse("2026-12-01T02:00:00Z");

    private final MongoTemplate mongo = new MongoTemplate(CLIENT, "rules-" + System.nanoTime());

    private RuleBook at(Instant now) {
        return new RuleBook(mongo, Clock.fixed(now, ZoneOffset.UTC), JSON, List.of(WINDOW));
    }

    private static JsonNode values(Object v) {
        return JSON.valueToTree(v);
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        SERVER.shutdownNow();
    }

    @Test
    void until_the_work_committee_publishes_the_configured_defaults_are_version_one_of_the_year() {
        RuleBook book = at(DEC_1);

        assertThat(book.of(WINDOW, 2027)).isEqualTo(new Window(90, new BigDecimal("0.5")));
        List<RuleVersion> history = book.history(WINDOW, 2027);
        assertThat(history).extracting(RuleVersion::version, RuleVersion::author, RuleVersion::inForceSince)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "system", DEC_1));
    }

    @Test
    void a_new_version_applies_from_its_in_force_time_and_the_history_keeps_both() {
        at(DEC_1).publish(WINDOW, 2027, values(Map.of("days", 60, "share", 0.75)), "缩短期限",
                Instant.parse("2027-01-01T00:00:00Z"), "work-committee");

        assertThat(at(DEC_1).of(WINDOW, 2027).days()).as("before its in-force time").isEqualTo(90);
        assertThat(at(Instant.parse("2027-01-01T00:00:00Z")).of(WINDOW, 2027))
                .isEqualTo(new Window(60, new BigDecimal("0.75")));
        assertThat(at(DEC_1).of(WINDOW, 2026).days()).as("another year").isEqualTo(90);
        assertThat(at(DEC_1).history(WINDOW, 2027)).extracting(RuleVersion::version, RuleVersion::reason, RuleVersion::author)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "默认值（服务配置）", "system"),
                        org.assertj.core.groups.Tuple.tuple(2, "缩短期限", "work-committee"));
    }

    @Test
    void a_bad_value_is_refused_naming_its_field_and_nothing_is_published() {
        RuleBook book = at(DEC_1);

        assertThatThrownBy(() -> book.publish(WINDOW, 2027, values(Map.of("days", 0, "share", -1)), "试", null, "wc"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.violations())
                        .extracting(DomainProblem.Violation::field).containsExactly("values.days", "values.share"));
        assertThatThrownBy(() -> book.publish(WINDOW, 2027, values(Map.of("days", "ninety", "share", 1)), " ", null, "wc"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.violations())
                        .extracting(DomainProblem.Violation::field).containsExactly("reason", "values.days"));
        assertThatThrownBy(() -> book.publish(WINDOW, 2027, values(Map.of("days", 30, "share", 1)), "补",
                DEC_1.minusSeconds(1), "wc"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.violations())
                        .extracting(DomainProblem.Violation::field).containsExactly("inForceSince"));

        assertThat(book.history(WINDOW, 2027)).extracting(RuleVersion::version).containsExactly(1);
    }

    @Test
    void a_version_cannot_take_effect_before_the_latest_one() {
        RuleBook book = at(DEC_1);
        book.publish(WINDOW, 2027, values(Map.of("days", 60, "share", 1)), "一月起", Instant.parse("2027-01-01T00:00:00Z"), "wc");

        assertThatThrownBy(() -> book.publish(WINDOW, 2027, values(Map.of("days", 30, "share", 1)), "立即", null, "wc"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.violations())
                        .extracting(DomainProblem.Violation::field).containsExactly("inForceSince"));
    }

    @Test
    void a_department_keeps_its_own_versions_beside_the_citys_and_the_citys_apply_until_it_has_one() {
        RuleBook book = at(DEC_1);
        assertThat(book.own(WINDOW, "caizheng", 2027)).as("no version of its own yet").isEmpty();

        RuleVersion own = book.publish(WINDOW, "caizheng", 2027, new Window(30, BigDecimal.ONE), "部门从严", null, "caizheng-admin");

        assertThat(own.id()).isEqualTo("window:caizheng:2027:v1");
        assertThat(own.version()).as("a department's versions are numbered on their own, without defaults").isEqualTo(1);
        assertThat(book.own(WINDOW, "caizheng", 2027)).contains(own);
        assertThat(book.own(WINDOW, "jiaoyu", 2027)).isEmpty();
        assertThat(book.history(WINDOW, 2027)).extracting(RuleVersion::version, RuleVersion::owner)
                .as("the city's history holds the city's versions only")
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, null));
        assertThatThrownBy(() -> book.publish(WINDOW, "caizheng", 2027, new Window(0, BigDecimal.ONE), "错", null, "x"))
                .isInstanceOfSatisfying(DomainProblem.class, p -> assertThat(p.violations())
                        .extracting(DomainProblem.Violation::field).as("named as in the service's own request")
                        .containsExactly("days"));
    }

    @Test
    void a_kind_numbered_from_zero_keeps_its_defaults_as_version_zero_and_publishes_version_one_next() {
        RuleKind<Window> fromZero = new RuleKind<>("window0", Window.class, new Window(90, BigDecimal.ONE),
                WINDOW.check(), 0);
        RuleBook book = new RuleBook(mongo, Clock.fixed(DEC_1, ZoneOffset.UTC), JSON, List.of(fromZero));

        assertThat(book.current(fromZero, 2027).version()).isZero();
        RuleVersion first = book.publish(fromZero, null, 2027, new Window(60, BigDecimal.ONE), "首次设定", null, "wc");

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.publishedAt()).isEqualTo(DEC_1);
        assertThat(book.history(fromZero, 2027)).extracting(RuleVersion::version).containsExactly(0, 1);
    }

    @Test
    void a_version_kept_before_the_rule_book_is_adopted_once_with_its_number_time_and_author() {
        RuleBook book = at(DEC_1);
        Instant published = Instant.parse("2026-03-01T08:00:00Z");

        assertThat(book.adopt(WINDOW, null, 2026, 1, published, "wc", "迁移", new Window(60, BigDecimal.ONE))).isTrue();
        assertThat(book.adopt(WINDOW, null, 2026, 1, published, "wc", "迁移", new Window(30, BigDecimal.ONE)))
                .as("a second start adopts nothing").isFalse();

        assertThat(book.current(WINDOW, 2026)).extracting(RuleVersion::version, RuleVersion::inForceSince,
                RuleVersion::author, RuleVersion::values).containsExactly(1, published, "wc", new Window(60, BigDecimal.ONE));
    }
}
