#!/usr/bin/env bash
# Measure a restart as run.sh starts the platform: time from launching java to /actuator/health/readiness and to
# /actuator/health/content, then the resident memory after 30 s idle. Run ./run.sh once first (it builds, extracts the
# jar to backend/target/run and makes the start-up cache); stop it; then:
#   deploy/measure-startup.sh DATA_DIR [extra JVM flags...]     e.g. -XX:AOTCache=backend/target/run/cqo.aot
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
cqo_select_jdk >/dev/null
data=$1
shift
port=${PORT:-18093}
log=$(mktemp)
read -r -a opts <<<"${CQO_JAVA_OPTS:--Xmx768m -XX:+UseSerialGC -Xss512k -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError}"
wait_for() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port$1")" = 200 ]; do sleep 0.05; done
}
start=$(date +%s.%N)
CQO_DEMO=${CQO_DEMO:-true} CQO_DATA_DIR="$data" SERVER_PORT=$port "$JAVA_HOME/bin/java" "${opts[@]}" "$@" \
  --enable-native-access=ALL-UNNAMED -jar backend/target/run/backend-0.1.0-SNAPSHOT.jar >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
wait_for /actuator/health/readiness
ready=$(date +%s.%N)
wait_for /actuator/health/content
content=$(date +%s.%N)
sleep 30
rss=$(ps -o rss= -p "$pid")
echo "ready $(echo "$ready - $start" | bc) s, content loaded $(echo "$content - $start" | bc) s, RSS after 30 s idle $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)"
grep -o 'Started CqoAcademyApplication in [0-9.]* seconds' "$log" || true
