#!/bin/bash
# Heap dump of every object (unreachable ones included) right after the K-th young
# collection that follows an exam day's synchronised start, for docs/tools/SurvivorHolders.java.
#
#   docs/tools/dump-after-burst.sh GC_LOG K DUMP_FILE &
#   ./mvnw -B verify -pl backend -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
#       -Dit.test=ExamDayBenchmark -Dcandidates=2000 -DexamSeconds=90 -DwarmupSeconds=60 \
#       "-Dcqo.jvmOptions=-Xlog:gc,gc+heap=info:file=GC_LOG"
#
# The start is the first young collection, 150 s or more into the log, that leaves the
# survivor space at least 55 MB full (the benchmark's 1 GB heap has two of 64 MB). The dump
# pauses the server for a second or two: that run's latency figures do not count.
log=$1; after=$2; out=$3
jcmd=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/jcmd
while [ ! -f "$log" ]; do sleep 0.5; done
burst=""
while true; do
  young=$(grep -c "Pause Young" "$log")
  if [ -z "$burst" ]; then
    if grep "gc,heap.*From: " "$log" | awk '{
        t = $1; gsub(/[\[\]s]/, "", t)
        match($0, /From: [0-9]+K\([0-9]+K\)->[0-9]+K/); f = substr($0, RSTART, RLENGTH); sub(/.*->/, "", f)
        if (t + 0 > 150 && f + 0 >= 55 * 1024) { print; exit }
      }' | grep -q .; then
      burst=$young
      echo "start burst at young collection $young, $(date -u +%T)"
    fi
  elif [ "$young" -ge $((burst + after)) ]; then
    pid=$(pgrep -f "academy.cqo.CqoAcademyApplication" | head -1)
    echo "dumping $pid after young collection $young, $(date -u +%T)"
    "$jcmd" "$pid" GC.heap_dump -all=true "$out"
    exit 0
  fi
  sleep 0.05
done
