#!/usr/bin/env bash
# 机关党建平台 on one machine, no Docker.
#   infra/local/platform.sh start   build what changed, start Kafka (KRaft), the MongoDB substitute, Keycloak, the four
#                                   services and the gateway as separate processes, wait until all are ready
#   infra/local/platform.sh start --instances activity-service=2
#                                   several instances of a service (ports 8082, 9082, ...; also PLATFORM_INSTANCES),
#                                   the gateway balances across them
#   infra/local/platform.sh stop    stop exactly the processes that start recorded (by PID and start time)
#   infra/local/platform.sh city [--scale 0.1] [--seed 2026] [--months 12]
#                                   on the running platform, build the generated city (50 departments, 2,500 branches,
#                                   30,000 members and their year at scale 1.0; --months 0: no sittings or
#                                   payments) through its APIs; it stays in
#                                   .platform/data, so later starts are on that city (docs/operations.md)
#   infra/local/platform.sh load [--seconds 300] [--rate 20] [--kill activity-service] [--exam-burst 0]
#                                   a weekday's mix of work on the generated city, with percentiles and every error
# Data lives in .platform/data and survives stop/start; logs are in .platform/logs.
# MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS and KEYCLOAK_URL point the services at external servers instead.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
launcher=(java -Dplatform.root="$root" -cp "infra/target/classes:infra/target/lib/*" cn.city.party.infra.local.LocalPlatform)
stamp=.platform/build.stamp

needs_build() {
  [ -f "$stamp" ] || return 0
  for module in org-service activity-service study-service discipline-service gateway; do
    ls "$module"/target/*-exec.jar >/dev/null 2>&1 || return 0
  done
  [ -n "$(find . -path ./.platform -prune -o -path '*/target' -prune -o \
        \( -name '*.java' -o -name pom.xml -o -path '*/src/main/resources/*' -o -name city-realm.json \) \
        -newer "$stamp" -print -quit)" ]
}

case "${1:-start}" in
  start)
    mkdir -p .platform
    if needs_build; then
      echo "building (first time, or sources changed) ..."
      ./mvnw -B -q -DskipTests package
      touch "$stamp"
    fi
    shift || true
    exec "${launcher[@]}" start "$@"
    ;;
  stop)
    exec "${launcher[@]}" stop
    ;;
  city|load)
    program=$([ "$1" = city ] && echo CityGenerator || echo WeekdayLoad)
    shift
    # -am: e2e-tests names the services (so a parallel build tests them first), which only the reactor resolves;
    # their classes are up to date after start's build, and npm is not needed for a class path
    ./mvnw -B -q -pl e2e-tests -am -Dexec.skip test-compile dependency:build-classpath \
        -Dmdep.outputFile=target/program-classpath.txt -Dmdep.includeScope=test -DexcludeTypes=pom
    # the demo departments are there on the local runner, so the city is added beside them (--add); the load kills
    # instances recorded in the runner's PID file
    extra=$([ "$program" = CityGenerator ] && echo --add || echo --pids .platform/platform.pids)
    exec java -cp "e2e-tests/target/test-classes:$(cat e2e-tests/target/program-classpath.txt)" \
        "cn.city.party.e2e.city.$program" --cast .platform/city/cast.tsv $extra "$@"
    ;;
  *)
    echo "usage: $0 start [--instances service=N,...]|stop|city [--scale F] [--seed N] [--months M]|load [--seconds S] [--rate R] [--kill service] [--exam-burst N]" >&2
    exit 2
    ;;
esac
