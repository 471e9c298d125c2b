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
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$KAFKA_ADMIN_PASSWORD";
ssl.truststore.type=PEM
ssl.truststore.location=$KAFKA_CA_FILE
EOF
kafka() { tool=$1; shift; "$BIN/$tool" --bootstrap-server "$KAFKA_BOOTSTRAP_SERVERS" --command-config "$CONFIG" "$@"; }
topic() { kafka kafka-topics.sh --create --if-not-exists --topic "$1" --partitions 6 --replication-factor "${KAFKA_REPLICATION_FACTOR:-1}"; }
user() { kafka kafka-configs.sh --alter --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[password=$2]"; }
allow() { principal=$1; shift; kafka kafka-acls.sh --add --allow-principal "User:$principal" "$@"; }
topic party.org.department
topic party.org.organization
topic party.org.committee
topic party.org.member
topic party.org.dues
topic party.activity.activity
topic party.activity.attendance
topic party.activity.compliance
topic party.activity.study-session
topic party.activity.assessment
topic party.activity.correction
topic party.study.material
topic party.study.assignment
topic party.study.progress
topic party.study.credits
topic party.study.exam
topic party.discipline.sanction
topic party.discipline.accountability
topic party.discipline.notice
user org-service "${KAFKA_PASSWORD_ORG:?}"
user activity-service "${KAFKA_PASSWORD_ACTIVITY:?}"
user study-service "${KAFKA_PASSWORD_STUDY:?}"
user discipline-service "${KAFKA_PASSWORD_DISCIPLINE:?}"
allow org-service --topic party.org.department --operation WRITE --operation CREATE --operation DESCRIBE --operation READ
allow org-service --topic party.org.organization --operation WRITE --operation CREATE --operation DESCRIBE --operation READ
allow org-service --topic party.org.committee --operation WRITE --operation CREATE --operation DESCRIBE --operation READ
allow org-service --topic party.org.member --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.org.dues --operation WRITE --operation CREATE --operation DESCRIBE --operation READ
allow org-service --group org-service --operation READ
allow org-service --topic party.discipline.sanction --operation READ --operation DESCRIBE
allow org-service --topic party.discipline.sanction.org-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --group org-service-committee-sanctions --operation READ
allow org-service --topic party.discipline.sanction.org-service-committee-sanctions.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --group org-service-scorecard --operation READ
allow org-service --topic party.activity.compliance --operation READ --operation DESCRIBE
allow org-service --topic party.activity.compliance.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.activity.activity --operation READ --operation DESCRIBE
allow org-service --topic party.activity.activity.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.study.credits --operation READ --operation DESCRIBE
allow org-service --topic party.study.credits.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.study.progress --operation READ --operation DESCRIBE
allow org-service --topic party.study.progress.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.discipline.sanction.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.discipline.accountability --operation READ --operation DESCRIBE
allow org-service --topic party.discipline.accountability.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.org.committee.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.org.dues.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.org.organization.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.org.department.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.activity.correction --operation READ --operation DESCRIBE
allow org-service --topic party.activity.correction.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow org-service --topic party.activity.assessment --operation READ --operation DESCRIBE
allow org-service --topic party.activity.assessment.org-service-scorecard.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.activity.activity --operation WRITE --operation CREATE --operation DESCRIBE --operation READ
allow activity-service --topic party.activity.attendance --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.activity.compliance --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.activity.study-session --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.activity.assessment --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.activity.correction --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --group activity-service --operation READ
allow activity-service --topic party.org.organization --operation READ --operation DESCRIBE
allow activity-service --topic party.org.organization.activity-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.org.member --operation READ --operation DESCRIBE
allow activity-service --topic party.org.member.activity-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.org.committee --operation READ --operation DESCRIBE
allow activity-service --topic party.org.committee.activity-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.discipline.sanction --operation READ --operation DESCRIBE
allow activity-service --topic party.discipline.sanction.activity-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow activity-service --topic party.activity.activity.activity-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.study.material --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.study.assignment --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.study.progress --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.study.credits --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.study.exam --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --group study-service --operation READ
allow study-service --topic party.org.member --operation READ --operation DESCRIBE
allow study-service --topic party.org.member.study-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.org.organization --operation READ --operation DESCRIBE
allow study-service --topic party.org.organization.study-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.org.committee --operation READ --operation DESCRIBE
allow study-service --topic party.org.committee.study-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.discipline.notice --operation READ --operation DESCRIBE
allow study-service --topic party.discipline.notice.study-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow study-service --topic party.activity.study-session --operation READ --operation DESCRIBE
allow study-service --topic party.activity.study-session.study-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow discipline-service --topic party.discipline.sanction --operation WRITE --operation CREATE --operation DESCRIBE
allow discipline-service --topic party.discipline.accountability --operation WRITE --operation CREATE --operation DESCRIBE
allow discipline-service --topic party.discipline.notice --operation WRITE --operation CREATE --operation DESCRIBE
allow discipline-service --group discipline-service --operation READ
allow discipline-service --topic party.org.member --operation READ --operation DESCRIBE
allow discipline-service --topic party.org.member.discipline-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
allow discipline-service --topic party.org.organization --operation READ --operation DESCRIBE
allow discipline-service --topic party.org.organization.discipline-service.dlt --operation WRITE --operation CREATE --operation DESCRIBE
