#!/usr/bin/env bash
# Measure a restart as run.sh starts the platform: time from launching java to /actuator/health/readiness and to
# /actuator/health/content (and the process's CPU time by then: on a shared machine the wall time follows the load, the
# CPU time much less), then the resident memory after 30 s idle. Run ./run.sh once first (it builds, extracts the
# jar to backend/target/run and makes the start-up cache); stop it; then (with run.sh's flags, Spring AOT included):
#   deploy/measure-startup.sh DATA_DIR [extra JVM flags...]     e.g. -XX:AOTCache=backend/target/run/cqo.aot
# A data directory copied just before: run sync first, or writing the copy back to disk slows the start by 0.6-0.9 s
# (docs/BENCHMARKS.md, ninth session).
# IDLE_SERIES=90 also samples the resident memory every 5 s for 90 s from "content loaded" (instead of waiting 30 s),
# with the CPU time used meanwhile (docs/BENCHMARKS.md, thirteenth session).
# JAR=path measures another extracted jar (default: the one run.sh extracted). With BREAKDOWN=FILE it also starts
# the JVM with native memory tracking and, after the idle time, writes where the resident memory goes into FILE:
# the JVM's native memory summary, the heap before and after a full GC with a class histogram, the threads by name,
# and the largest mappings (pmap).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
cqo_select_jdk >/dev/null
data=$1
shift
port=${PORT:-18093}
log=$(mktemp)
read -r -a opts <<<"${CQO_JAVA_OPTS:--Xmx768m -Xms64m -Xmn48m -XX:+UseSerialGC -XX:MaxHeapFreeRatio=35 -XX:MinHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -Xss512k -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError}"
# Spring AOT as run.sh starts it; CQO_SPRING_AOT=false for a jar built without it (JAR=… of an older build)
if [ "${CQO_SPRING_AOT:-true}" = true ]; then
  opts+=(-Dspring.aot.enabled=true)
fi
wait_for() {
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$port$1")" = 200 ]; do sleep 0.05; done
}
if [ -n "${BREAKDOWN:-}" ]; then
  opts+=(-XX:NativeMemoryTracking=summary)
fi
start=$(date +%s.%N)
CQO_DEMO=${CQO_DEMO:-true} CQO_DATA_DIR="$data" SERVER_PORT=$port "$JAVA_HOME/bin/java" "${opts[@]}" "$@" \
  --enable-native-access=ALL-UNNAMED -jar "${JAR:-backend/target/run/backend-0.1.0-SNAPSHOT.jar}" >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$pid/stat"
}
wait_for /actuator/health/readiness
ready=$(date +%s.%N)
ready_cpu=$(cpu_seconds)
if [ -n "${BREAKDOWN:-}" ]; then
  # CPU seconds by thread (name without its number) until ready: main, JIT compilers, GC, event loops (compiler
  # threads that already ended are not counted: the total is the process's CPU time above)
  for t in /proc/$pid/task/*; do
    echo "$(sed 's/[-#]*[0-9]*$//; s/ /_/g' "$t/comm") $(sed 's/.*) //' "$t/stat" | awk '{ print $12 + $13 }')"
  done | awk -v hz="$(getconf CLK_TCK)" '{ cpu[$1] += $2 } END { for (n in cpu) printf "%6.2f s %s\n", cpu[n] / hz, n }' |
    sort -rn >"$BREAKDOWN.ready-cpu"
fi
wait_for /actuator/health/content
content=$(date +%s.%N)
content_cpu=$(cpu_seconds)
if [ -n "${IDLE_SERIES:-}" ]; then
  # RSS every 5 s for IDLE_SERIES seconds from "content loaded", and the process's CPU time meanwhile
  series_cpu=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  series=""
  for _ in $(seq 5 5 "$IDLE_SERIES"); do
    sleep 5
    series="$series $(($(ps -o rss= -p "$pid") / 1024))"
  done
  echo "RSS every 5 s for $IDLE_SERIES s from content loaded (MB):$series; CPU meanwhile $(awk -v hz="$(getconf CLK_TCK)" -v from="$series_cpu" '{ printf "%.2f", ($14 + $15 - from) / hz }' "/proc/$pid/stat") s"
else
  sleep 30
fi
rss=$(ps -o rss= -p "$pid")
echo "ready $(echo "$ready - $start" | bc) s (CPU $ready_cpu s), content loaded $(echo "$content - $start" | bc) s (CPU $content_cpu s), RSS after ${IDLE_SERIES:-30} s idle $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)"
echo "log: $log"
grep -o 'Started CqoAcademyApplication in [0-9.]* seconds' "$log" || true
grep -o '[0-9]* start-up tasks done before readiness in [0-9]* ms' "$log" || true
if [ -n "${BREAKDOWN:-}" ]; then
  {
    echo "RSS $((rss / 1024)) MB; $(grep -E '^(RssAnon|RssFile|RssShmem|Threads)' /proc/$pid/status | tr -s ' \t' ' ' | paste -sd';')"
    "$JAVA_HOME/bin/jcmd" "$pid" VM.native_memory summary
    "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info
    "$JAVA_HOME/bin/jcmd" "$pid" GC.run >/dev/null
    echo "after a full GC:"
    "$JAVA_HOME/bin/jcmd" "$pid" GC.heap_info
    "$JAVA_HOME/bin/jcmd" "$pid" GC.class_histogram | head -30
    echo "threads by name:"
    ls /proc/$pid/task | while read -r t; do cat /proc/$pid/task/$t/comm; done | sed 's/[-#]*[0-9]*$//' | sort | uniq -c | sort -rn
    echo "largest mappings (KB resident):"
    pmap -x "$pid" | sort -k3 -n -r | head -15
  } >"$BREAKDOWN" 2>&1
  echo "breakdown in $BREAKDOWN, CPU by thread until ready in $BREAKDOWN.ready-cpu"
fi
