#!/usr/bin/env bash
# Mixed load on the packaged service: the workload of MixedLoadTest (WMS GetMap over Occitanie in
# EPSG:2154 and 3857 with random extents and sizes, WFS GetFeature in GeoJSON and GML with paging,
# BBOX and attribute filters, and scenario runs posted as a PLANNER and followed to their end),
# at a larger scale, against carence.jar started on a fresh embedded store (first start: Occitanie
# sample and default scenario). Prints requests, concurrency, throughput, p50/p95/p99 per
# operation, errors, and the service's heap: peak used (jstat, sampled every second) and retained
# after a full GC at the end (jcmd GC.run, then jstat).
#
#   bench/load-mixed.sh                      # 16 clients, 20,000 requests, 5 scenario runs
#   CLIENTS=32 REQUESTS=50000 RUNS=10 HEAP=2g bench/load-mixed.sh
# Needs: a built gis-service/app/target/carence.jar (mvn -B -q -DskipTests package), curl, and
# the JDK tools jstat and jcmd. Loopback only; the run's files stay in $WORK (printed).
set -euo pipefail

here=$(dirname "$(readlink -f "$0")"); repo=$(dirname "$here")
jar=${CARENCE_JAR:-$repo/gis-service/app/target/carence.jar}
clients=${CLIENTS:-16}
requests=${REQUESTS:-20000}
runs=${RUNS:-5}
heap=${HEAP:-1g}
seed=${SEED:-1}
port=${CARENCE_PORT:-18095}
die() { echo "load-mixed: $*" >&2; exit 1; }
[ -f "$jar" ] || die "no $jar: build it with 'mvn -B -q -DskipTests package'"
command -v jstat >/dev/null && command -v jcmd >/dev/null || die "jstat and jcmd (JDK) are needed"
WORK=$(mktemp -d /tmp/carence-load-mixed-XXXXXX)

pid=""; sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
}
trap cleanup EXIT

echo "== workload client (app test classes, reactor classpath)"
(cd "$repo" && mvn -B -q -pl gis-service/app -am test-compile dependency:build-classpath \
   -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null)
CP="$repo/gis-service/app/target/test-classes:$(cat "$WORK/cp.txt")"

# A PLANNER API token for this run only: the service keeps its SHA-256 digest.
token=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s=bench,PLANNER\n' "$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)" > "$WORK/tokens.properties"

echo "== Carence: -Xmx$heap, fresh H2GIS store in $WORK/data, port $port"
CARENCE_SECURITY_TOKENS_FILE="$WORK/tokens.properties" java -Xmx"$heap" -jar "$jar" --server.port="$port" \
  --carence.store.data-dir="$WORK/data" --carence.catalog.dir="$repo/geoserver-data" \
  --carence.styles.dir="$repo/sld-styles" > "$WORK/carence.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
# Readiness is OUT_OF_SERVICE until the first start (sample + default scenario) is done.
for _ in $(seq 1 900); do
  curl -sf -m 5 "$url/actuator/health/readiness" -o /dev/null && break
  kill -0 "$pid" 2>/dev/null || die "Carence exited, see $WORK/carence.log"
  sleep 1
done
curl -sf -m 5 "$url/actuator/health/readiness" -o /dev/null || die "not ready after 15 min, see $WORK/carence.log"

# Heap used = survivor + eden + old (KB) from jstat -gc; sampled every second.
jstat -gc "$pid" 1000 > "$WORK/jstat.txt" &
sampler=$!
used_mb() { awk 'NR > 1 && $1 ~ /^[0-9.]+$/ { u = ($3 + $4 + $6 + $8) / 1024; if (u > m) m = u; last = u } END { printf "%.0f %.0f", m, last }' "$1"; }

echo "== $clients clients, $requests requests, $runs scenario runs (seed $seed); $(nproc) cores, load avg $(cut -d' ' -f1 /proc/loadavg)"
status=0
CARENCE_BENCH_TOKEN="$token" java -Xmx1g -cp "$CP" fr.carence.reliability.MixedWorkload \
  "$port" "$clients" "$requests" "$runs" "$seed" "$WORK/report.txt" || status=$?
kill "$sampler" 2>/dev/null || true; sampler=""

jcmd "$pid" GC.run >/dev/null
sleep 1
jstat -gc "$pid" > "$WORK/jstat-after.txt"
read -r peak _ <<< "$(used_mb "$WORK/jstat.txt")"
read -r _ retained <<< "$(used_mb "$WORK/jstat-after.txt")"
rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
echo "service heap (-Xmx$heap): peak used $peak MB (jstat every 1 s), retained after full GC $retained MB; peak RSS $rss MB"
echo "files: $WORK (report.txt, carence.log, jstat.txt)"
exit "$status"
