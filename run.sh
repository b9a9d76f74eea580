#!/usr/bin/env bash
# Build and run CQO Academy with the embedded store (data in ./data) and demo accounts; open the printed URL.
set -euo pipefail
cd "$(dirname "$0")"
. .ci/jdk.sh
cqo_select_jdk
./mvnw -B -q -DskipTests install
export CQO_DEMO="${CQO_DEMO:-true}"
JAR=backend/target/backend-0.1.0-SNAPSHOT.jar
JAVA="$JAVA_HOME/bin/java"
# Bounded memory for one county's platform on a small machine (CQO_JAVA_OPTS replaces it): the heap starts small and
# its young generation stays at 48 MB (the default, a third of the heap, is touched whole and stays resident: about
# 100 MB more idle RSS); a full collection gives back what the old generation no longer holds, at once (the idle-heap
# sweep runs one when the platform is idle); see docs/BENCHMARKS.md, "Start-up and idle memory".
read -r -a OPTS <<<"${CQO_JAVA_OPTS:--Xmx768m -Xms64m -Xmn48m -XX:+UseSerialGC -XX:MaxHeapFreeRatio=35 -XX:MinHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -Xss512k -XX:ReservedCodeCacheSize=96m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError}"
# Spring AOT: the application context starts from the bean definitions the build generated (process-aot) instead of
# scanning and evaluating the configuration classes at every start; CQO_SPRING_AOT=false starts without them.
if [ "${CQO_SPRING_AOT:-true}" = true ]; then
  OPTS+=(-Dspring.aot.enabled=true)
fi

# On JDK 25 and newer, an ahead-of-time cache of the loaded and linked classes about halves the start (a restart
# during an exam costs every candidate that time). It belongs to one build of the jar: made once per build from a
# training start that stops after the application context is ready, on a throwaway data directory, with the flags
# of the starts that use it (made again when they change: with Spring AOT a start loads other classes than without).
feature=$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
if [ "${feature%%.*}" -ge 25 ] && [ "${CQO_AOT_CACHE:-true}" = true ]; then
  APP=backend/target/run
  sum=$(sha256sum "$JAR" | cut -d' ' -f1)
  sum="$sum ${OPTS[*]}"
  if [ ! -f "$APP/cqo.aot" ] || [ "$(cat "$APP/jar.sha256" 2>/dev/null)" != "$sum" ]; then
    rm -rf "$APP"
    "$JAVA" -Djarmode=tools -jar "$JAR" extract --destination "$APP" >/dev/null
    echo "Preparing the JVM's start-up cache for this build (once, about a minute)…"
    training=$(mktemp -d)
    if CQO_DEMO=false CQO_DATA_DIR="$training" SERVER_PORT=0 "$JAVA" "${OPTS[@]}" -XX:AOTCacheOutput="$APP/cqo.aot" \
        -Dspring.context.exit=onRefresh --enable-native-access=ALL-UNNAMED -jar "$APP/$(basename "$JAR")" \
        >"$APP/aot-training.log" 2>&1; then
      echo "$sum" >"$APP/jar.sha256"
    else
      echo "The start-up cache could not be made (see $APP/aot-training.log); starting without it."
      rm -f "$APP/cqo.aot"
    fi
    rm -rf "$training"
  fi
  if [ -f "$APP/cqo.aot" ]; then
    exec "$JAVA" "${OPTS[@]}" -XX:AOTCache="$APP/cqo.aot" --enable-native-access=ALL-UNNAMED \
      -jar "$APP/$(basename "$JAR")" "$@"
  fi
fi
exec "$JAVA" "${OPTS[@]}" --enable-native-access=ALL-UNNAMED -jar "$JAR" "$@"
