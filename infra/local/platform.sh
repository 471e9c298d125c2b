#!/usr/bin/env bash
# 机关党建平台 on one machine, no Docker.
#   infra/local/platform.sh start   build what changed, start Kafka (KRaft), the MongoDB substitute, Keycloak, the four
#                                   services and the gateway as separate processes, wait until all are ready
#   infra/local/platform.sh stop    stop exactly the processes that start recorded (by PID and start time)
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
    exec "${launcher[@]}" start
    ;;
  stop)
    exec "${launcher[@]}" stop
    ;;
  *)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
