#!/usr/bin/env bash
# Feature output speed on the national communes (34,868 multipolygons), Carence vs the MapServer
# peer on the same polygons, Carence with a small heap (-Xmx$HEAP, default 256m) and GC logging:
#  - WFS GetFeature of all communes as GeoJSON (goal: under 2 s at -Xmx256m): best of RUNS (default
#    3) wall-clock times, and the CPU time the Carence JVM used per response; the printed peak heap
#    shows the response is streamed, not built in memory;
#  - OGC API Features items?limit=1000 (goal: p50 under 50 ms): wrk, 1 connection, DURATION s
#    (default 20), p50/p95 and CPU ms per response of each server (MapServer's OGC API
#    /mapserv/peer/ogcapi/collections/communes/items?f=json&limit=1000).
#
#   bench/wfs-geojson.sh
#   PEER=0 JFR=1 WORKLOADS=items CARENCE_PORT=18202 BENCH_DIR=/tmp/b bench/wfs-geojson.sh
# PEER=0 leaves the MapServer peer out (Carence alone: its port 18091 may be another job's);
# WORKLOADS picks "wfs", "items" or both (default "wfs items"); JFR=1 records a flight recording
# (profile settings) of the measured requests to $BENCH_DIR/wfs-geojson.jfr, written when Carence
# stops (read it with bench/jfr-top.sh FILE 20 http-nio).
# Needs: curl, wrk, and unless PEER=0 gdal-bin (ogr2ogr) and the MapServer peer's packages
# (mapserver-bin cgi-mapserver nginx-light spawn-fcgi); builds carence.jar if absent. On a shared
# machine the wall-clock figures follow the other jobs' load: read the CPU figures (bench/lib.sh).
set -euo pipefail
bench_name=wfs-geojson
. "$(dirname "$(readlink -f "$0")")/lib.sh"
heap=${HEAP:-256m}
runs=${RUNS:-3}
peer=${PEER:-1}
workloads=${WORKLOADS:-wfs items}
export CARENCE_PORT=${CARENCE_PORT:-18096}
if [ "$peer" = 1 ]; then need_peer; else need wrk curl; fi
ensure_jar
national_store
# CountDefault raised above the national size, so one response carries every commune, as MapServer's
# does. The slow-client guards (write rate, duration, query timeout) are lifted: on a loaded machine
# the first rows of a national query can take longer than they allow, and the figure wanted here
# is the cost of the response, not the guard.
jfr=()
[ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=settings=profile,filename="$bench/wfs-geojson.jfr",dumponexit=true)
start_carence "$bench/carence-wfs.log" /actuator/health/liveness -Xmx"$heap" "${jfr[@]}" \
  -Xlog:gc:file="$bench/gc-wfs.log" -- --carence.ogc.max-features=40000 \
  --carence.ogc.streaming.min-bytes-per-second=0 --carence.ogc.streaming.max-duration=30m --carence.ogc.request-timeout=30m
[ "$peer" = 1 ] && start_peer
machine

carence_req="$carence_url/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes&OUTPUTFORMAT=application/json"
mapserver_req="http://127.0.0.1:18091/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=communes&OUTPUTFORMAT=geojson"
measure() { # name url pid...
  local name=$1 url=$2 best=999999 line t before cpu; shift 2
  before=$(ticks "$@")
  for _ in $(seq 1 "$runs"); do
    line=$(curl -sf -m 300 -o "$bench/out.json" -w '%{time_total} %{size_download}' "$url") || die "$name request failed: $url"
    t=${line% *}; best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b ? a : b) }')
  done
  cpu=$(awk -v d=$(( $(ticks "$@") - before )) -v n="$runs" -v hz="$hz" 'BEGIN { printf "%.0f", d * 1000 / hz / n }')
  n=$(grep -o '"type" *: *"Feature"' "$bench/out.json" | wc -l)
  printf '%-10s %8s features  best of %s: %6.2f s  %9.0f features/s  %6.1f MB  CPU %6s ms per response\n' "$name" "$n" \
    "$runs" "$best" "$(awk -v n="$n" -v t="$best" 'BEGIN { print n / t }')" "$(awk -v s="${line#* }" 'BEGIN { print s / 1e6 }')" "$cpu"
}
if [[ " $workloads " == *" wfs "* ]]; then
echo "WFS GetFeature, all communes, GeoJSON (WGS 84)"
curl -sf -m 300 -o /dev/null "$carence_req" || die "Carence request failed: $carence_req" # warm-up
measure carence "$carence_req" "$carence_pid"
# shellcheck disable=SC2086 # pid list
[ "$peer" = 1 ] && measure mapserver "$mapserver_req" $mapserver_pids
peak=$(grep -o '[0-9]*M->[0-9]*M' "$bench/gc-wfs.log" | sed 's/M->.*//' | sort -n | tail -1)
echo "Carence heap: -Xmx$heap, peak heap before a GC ${peak:-?} MB (from $bench/gc-wfs.log)"
echo "after WFS: $(machine)"
fi

[[ " $workloads " == *" items "* ]] || exit 0
echo "OGC API Features items?limit=1000 (1 connection, ${duration}s)"
export REQUESTS_LUA="$here/one-path.lua"
carence_items="/ogc/collections/communes/items?limit=1000"
mapserver_items="/mapserv/peer/ogcapi/collections/communes/items?f=json&limit=1000"
n=$(curl -sf -m 60 "$carence_url$carence_items" | grep -o '"type" *: *"Feature"' | wc -l)
BENCH_PATH=$carence_items wrk -t1 -c1 -d5s -s "$here/wms-latency.lua" "$carence_url" >/dev/null
a=$(BENCH_PATH=$carence_items wrk_measure "$carence_url" 1 "$carence_pid")
printf '%-10s %5s features  p50 %7s ms  p95 %7s ms  %6s req/s  CPU %6s ms per response  (goal p50 < 50 ms; errors %s)\n' \
  carence "$n" "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$(field rps "$a")" "$(field cpu_ms "$a")" "$(field errors "$a")"
if [ "$peer" = 1 ]; then
m=$(curl -sf -m 60 "http://127.0.0.1:18091$mapserver_items" | grep -o '"type" *: *"Feature"' | wc -l)
# shellcheck disable=SC2086
b=$(BENCH_PATH=$mapserver_items wrk_measure http://127.0.0.1:18091 1 $mapserver_pids)
printf '%-10s %5s features  p50 %7s ms  p95 %7s ms  %6s req/s  CPU %6s ms per response  (errors %s)\n' \
  mapserver "$m" "$(field p50_ms "$b")" "$(field p95_ms "$b")" "$(field rps "$b")" "$(field cpu_ms "$b")" "$(field errors "$b")"
fi
echo "after: $(machine)"
