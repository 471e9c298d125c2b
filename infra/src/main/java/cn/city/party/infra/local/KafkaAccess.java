package cn.city.party.infra.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Who may do what on the platform's Kafka (docs/events.md, "Trust"): one principal per service, named like the
 * service. A service alone writes the topics it owns ({@code party.<service>.<aggregate>}); in each of its consumer
 * groups it reads only the topics that group consumes and writes their dead letters ({@code <topic>.<group>.dlt}).
 * Nothing else is allowed: the broker's authorizer denies what no ACL grants. The local runner creates these ACLs
 * itself; Compose and Kubernetes run {@link #INIT_SCRIPT}, generated from this class ({@link #initScript()}) and
 * checked by DeploymentFilesTest.
 */
public final class KafkaAccess {

    /** The principal of the platform's own administration (the runner, the init job): a super user. */
    public static final String ADMIN = "admin";
    public static final String MECHANISM = "SCRAM-SHA-512";
    /** Where Compose and Kubernetes find the script that creates the users and ACLs. */
    public static final String INIT_SCRIPT = "infra/k8s/base/kafka/kafka-access.sh";
    /**
     * Partitions of every platform topic: as many consumers of one group as this can share a topic, so a service can
     * run up to six instances that all consume (and the dead-letter topics, created on first use, get as many).
     */
    public static final int PARTITIONS = 6;

    /** One consumer group of a service and the topics it reads. */
    public record Consumer(String group, List<String> topics) {
    }

    /** One grant: {@code principal} may {@code operation} on the {@code TOPIC} or {@code GROUP} named {@code name}. */
    public record Grant(String principal, String resourceType, String name, String operation) {
    }

    private static final Map<PlatformService, List<String>> OWNED = new LinkedHashMap<>();
    private static final Map<PlatformService, List<Consumer>> CONSUMED = new LinkedHashMap<>();

    static {
        OWNED.put(PlatformService.ORG, List.of("party.org.department", "party.org.organization", "party.org.committee",
                "party.org.member", "party.org.dues"));
        OWNED.put(PlatformService.ACTIVITY, List.of("party.activity.activity", "party.activity.attendance",
                "party.activity.compliance", "party.activity.study-session", "party.activity.assessment",
                "party.activity.correction"));
        OWNED.put(PlatformService.STUDY, List.of("party.study.material", "party.study.assignment", "party.study.progress",
                "party.study.credits", "party.study.exam"));
        OWNED.put(PlatformService.DISCIPLINE, List.of("party.discipline.sanction", "party.discipline.accountability",
                "party.discipline.notice"));

        CONSUMED.put(PlatformService.ORG, List.of(
                new Consumer("org-service", List.of("party.discipline.sanction")),
                // PostRemovalListener: 撤销党内职务 vacates posts (and the roles that follow them)
                new Consumer("org-service-committee-sanctions", List.of("party.discipline.sanction")),
                new Consumer("org-service-scorecard", List.of("party.activity.compliance", "party.activity.activity",
                        "party.study.credits", "party.study.progress", "party.discipline.sanction",
                        "party.discipline.accountability", "party.org.committee", "party.org.dues",
                        "party.org.organization", "party.org.department", "party.activity.correction",
                        "party.activity.assessment"))));
        CONSUMED.put(PlatformService.ACTIVITY, List.of(new Consumer("activity-service", List.of(
                "party.org.organization", "party.org.member", "party.org.committee", "party.discipline.sanction",
                "party.activity.activity"))));
        CONSUMED.put(PlatformService.STUDY, List.of(new Consumer("study-service", List.of(
                "party.org.member", "party.org.organization", "party.org.committee", "party.discipline.notice",
                "party.activity.study-session"))));
        CONSUMED.put(PlatformService.DISCIPLINE, List.of(new Consumer("discipline-service", List.of(
                "party.org.member", "party.org.organization"))));
    }

    private KafkaAccess() {
    }

    /** The principal a service authenticates as: its module name. */
    public static String principal(PlatformService service) {
        return service.module();
    }

    /** Every topic of the platform, by owner. */
    public static Map<PlatformService, List<String>> ownedTopics() {
        return OWNED;
    }

    public static List<Consumer> consumers(PlatformService service) {
        return CONSUMED.get(service);
    }

    /** Every ACL the platform needs, and no other. */
    public static List<Grant> grants() {
        List<Grant> grants = new ArrayList<>();
        for (PlatformService service : PlatformService.values()) {
            String user = principal(service);
            for (String topic : OWNED.get(service)) {
                for (String operation : List.of("WRITE", "CREATE", "DESCRIBE")) {
                    grants.add(new Grant(user, "TOPIC", topic, operation));
                }
            }
            for (Consumer consumer : CONSUMED.get(service)) {
                grants.add(new Grant(user, "GROUP", consumer.group(), "READ"));
                for (String topic : consumer.topics()) {
                    grants.add(new Grant(user, "TOPIC", topic, "READ"));
                    grants.add(new Grant(user, "TOPIC", topic, "DESCRIBE"));
                    String deadLetters = topic + "." + consumer.group() + ".dlt";
                    for (String operation : List.of("WRITE", "CREATE", "DESCRIBE")) {
                        grants.add(new Grant(user, "TOPIC", deadLetters, operation));
                    }
                }
            }
        }
        return grants.stream().distinct().toList();
    }

    /**
     * The script Compose and Kubernetes run (as {@link #ADMIN}, after the broker is up) to create the topics, each
     * service's SCRAM user from its Secret and the ACLs of {@link #grants()}. It is idempotent.
     */
    public static String initScript() {
        StringBuilder s = new StringBuilder("""
                #!/bin/sh
                # Generated from infra/src/main/java/cn/city/party/infra/local/KafkaAccess.java (DeploymentFilesTest checks
                # that it is current). Run as the broker's super user once the broker is up: creates the platform's topics,
                # the SCRAM user of each service and the ACLs that let a service write only its own topics and read, in its
                # consumer groups, only what it consumes. Every password comes from the environment (a Secret).
                set -eu
                : "${KAFKA_BOOTSTRAP_SERVERS:?}" "${KAFKA_ADMIN_PASSWORD:?}" "${KAFKA_CA_FILE:?}"
                BIN=/opt/kafka/bin
                CONFIG=$(mktemp)
                trap 'rm -f "$CONFIG"' EXIT
                cat > "$CONFIG" <<EOF
                security.protocol=SASL_SSL
                sasl.mechanism=%1$s
                sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="%2$s" password="$KAFKA_ADMIN_PASSWORD";
                ssl.truststore.type=PEM
                ssl.truststore.location=$KAFKA_CA_FILE
                EOF
                kafka() { tool=$1; shift; "$BIN/$tool" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$CONFIG" "$@"; }
                topic() { kafka kafka-topics.sh --create --if-not-exists --topic "$1" --partitions %3$d --replication-factor "${KAFKA_REPLICATION_FACTOR:-1}"; }
                user() { kafka kafka-configs.sh --alter --entity-type users --entity-name "$1" --add-config "%1$s=[password=$2]"; }
                allow() { principal=$1; shift; kafka kafka-acls.sh --add --allow-principal "User:$principal" "$@"; }
                """.formatted(MECHANISM, ADMIN, PARTITIONS));
        OWNED.values().forEach(topics -> topics.forEach(t -> s.append("topic ").append(t).append('\n')));
        for (PlatformService service : PlatformService.values()) {
            s.append("user ").append(principal(service)).append(" \"${").append(passwordVariable(service)).append(":?}\"\n");
        }
        Map<String, List<Grant>> byResource = grants().stream().collect(Collectors.groupingBy(
                g -> g.principal() + " --" + g.resourceType().toLowerCase(java.util.Locale.ROOT) + " " + g.name(),
                LinkedHashMap::new, Collectors.toList()));
        byResource.forEach((resource, grants) -> {
            s.append("allow ").append(resource);
            grants.forEach(g -> s.append(" --operation ").append(g.operation()));
            s.append('\n');
        });
        return s.toString();
    }

    /** The environment variable the init script reads a service's Kafka password from. */
    public static String passwordVariable(PlatformService service) {
        return "KAFKA_PASSWORD_" + service.name();
    }

    /** Prints {@link #initScript()}: {@code java -cp … KafkaAccess > infra/k8s/base/kafka/kafka-access.sh}. */
    public static void main(String[] args) {
        System.out.print(initScript());
    }
}
