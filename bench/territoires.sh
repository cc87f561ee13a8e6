#!/usr/bin/env bash
# Territory search index (GET /api/territoires?q=, docs/web-map.md) on the national store: the
# index's build time (wall and CPU of the service), the heap it keeps (used heap after a full GC,
# before and after the build) and the search latency (p50, p95 over RUNS searches of common names
# and codes, one client; and the service's CPU time per search, steadier than latency on a busy
# machine). The service is started with the build at start switched off so the
# first search builds it and the build is measured alone; searches answered 503 while it builds
# are retried.
#
#   BENCH_DIR=... CARENCE_PORT=... bench/territoires.sh
# Needs: curl, jcmd (JDK); the national store of bench/lib.sh (built once if absent).
set -euo pipefail
bench_name=territoires
. "$(dirname "$(readlink -f "$0")")/lib.sh"
need curl jcmd
export CARENCE_PORT=${CARENCE_PORT:-18207}
runs=${RUNS:-200}
ensure_jar
national_store
start_carence "$bench/territoires.log" /actuator/health/liveness -XX:ActiveProcessorCount=2 -Xmx1g -- \
  --carence.territoires.build-at-start=false
url=$carence_url

# Used heap in KiB after a full collection (G1's "used" figure).
heap_kib() {
  jcmd "$carence_pid" GC.run > /dev/null
  jcmd "$carence_pid" GC.heap_info | sed -n 's/.*heap *total [0-9]*K, used \([0-9]*\)K.*/\1/p' | head -1
}

machine
before=$(heap_kib)
cpu0=$(ticks "$carence_pid")
t0=$(date +%s%N)
for _ in $(seq 1 600); do
  code=$(curl -s -m 300 -o /dev/null -w '%{http_code}' "$url/api/territoires?q=rodez")
  [ "$code" = 200 ] && break
  [ "$code" = 503 ] || die "first search answered $code"
  sleep 0.2
done
[ "$code" = 200 ] || die "index not ready after 600 tries"
t1=$(date +%s%N)
cpu1=$(ticks "$carence_pid")
after=$(heap_kib)
count=$(curl -sf "$url/api/territoires?q=saint&limite=50" | grep -o '"type"' | wc -l)
[ "$count" -eq 50 ] || die "a search for « saint » gave $count territories, 50 expected"
printf 'index build (first search): %d ms wall, %d ms CPU; heap used after GC %d MiB before, %d MiB after (index about %d MiB)\n' \
  $(( (t1 - t0) / 1000000 )) $(( (cpu1 - cpu0) * 1000 / hz )) $(( before / 1024 )) $(( after / 1024 )) $(( (after - before) / 1024 ))

queries=(rodez saint paris lyon aveyron bretagne marseille "mont de" "val d oise" 75056 12202 toulouse metropole "cc du" ile
  montagne "saint etienne" corse 2a004 guadeloupe)
times=()
cpu2=$(ticks "$carence_pid")
for i in $(seq 1 "$runs"); do
  q=${queries[$(( i % ${#queries[@]} ))]}
  times+=("$(curl -sf -m 30 -o /dev/null -w '%{time_total}' -G "$url/api/territoires" --data-urlencode "q=$q")")
done
cpu3=$(ticks "$carence_pid")
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$runs" -v cpu="$(( (cpu3 - cpu2) * 1000 / hz ))" '{ t[NR] = $1 * 1000 } END {
  printf "search latency over %d searches (%d names and codes, one client): p50 %.1f ms, p95 %.1f ms, max %.1f ms; service CPU %.1f ms per search\n",
    n, 20, t[int((n + 1) / 2)], t[int(n * 0.95)], t[n], cpu / n }'
machine
