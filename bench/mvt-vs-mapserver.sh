#!/usr/bin/env bash
# Mapbox Vector Tiles of the national communes (34,868 polygons): Carence's OGC API Tiles vs
# MapServer 8's own MVT output (mode=tile, map.imagetype=mvt) on the same random tiles (zoom 6–12
# over mainland France, bench/mvt-tiles.lua, fixed seed), then Carence's tile cache alone.
#
#   bench/mvt-vs-mapserver.sh            # DURATION=20 (s per run) JFR=1 (flight recordings of steps 3 and 4:
#                                        # $BENCH_DIR/mvt.jfr, mvt-cached.jfr)
#   PEER=0 bench/mvt-vs-mapserver.sh     # Carence alone (no MapServer peer: on a shared machine, or
#                                        # while someone else measures on the peer's port 18091)
#
# Steps: (1) an H2GIS store with the national communes (bench/lib.sh national_store, shared with
# the other bench scripts through $BENCH_DIR/data); (2) the MapServer peer (shared/peers/mapserver);
# (3) Carence WITHOUT tile cache (carence.tiles.cache-megabytes=0; the feature cache with its
# pre-generalised and pre-projected geometries stays on, 1 GB so the national communes fit), wrk
# at 1 and 8 connections on both servers, with the CPU time each used per tile (Carence JVM;
# mapserv FastCGI processes); (4) Carence restarted WITH its tile cache, 8 connections cycling over
# 100 tiles each requested once before with curl (every tile answered once, each bounded in time):
# tiles/s served from memory.
# Needs: Debian mapserver-bin cgi-mapserver nginx-light spawn-fcgi wrk gdal-bin curl; builds
# carence.jar if absent. On a shared machine only the CPU ms per tile, and ratios within one run,
# mean something (bench/lib.sh says why).
set -euo pipefail
bench_name=mvt-vs-mapserver
. "$(dirname "$(readlink -f "$0")")/lib.sh"
export CARENCE_PORT=${CARENCE_PORT:-18094}
peer=${PEER:-1}
if [ "$peer" = 1 ]; then need_peer; else need wrk curl; fi
ensure_jar
national_store
[ "$peer" = 1 ] && start_peer

start_tiles() { # tile-cache megabytes [java options]
  local mb=$1; shift
  start_carence "$bench/carence-mvt.log" /ogc/tileMatrixSets -Xmx2g "$@" -- \
    --carence.tiles.cache-megabytes="$mb" --carence.wms.cache-megabytes=1024
  # The first tile loads and indexes the layer: not part of the measure.
  curl -sf -m 300 "$carence_url/ogc/collections/communes/tiles/WebMercatorQuad/6/22/32" -o /dev/null \
    || die "no communes tile from Carence, see $bench/carence-mvt.log"
}

machine; echo "${duration}s per run"
# Same tile from both, for a look (GDAL: ogrinfo -ro -so FILE -oo X=130 -oo Y=92 -oo Z=8).
jfr=()
[ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=settings=profile,filename="$bench/mvt.jfr",dumponexit=true)
start_tiles 0 "${jfr[@]}"
curl -sf "$carence_url/ogc/collections/communes/tiles/WebMercatorQuad/8/92/130" -o "$bench/millau-carence.mvt"
if [ "$peer" = 1 ]; then
  curl -sf "http://127.0.0.1:18091/mapserv?mode=tile&tilemode=gmap&tile=130+92+8&layers=communes&map.imagetype=mvt" \
    -o "$bench/millau-mapserver.mvt"
  echo "z8 tile over Millau: Carence $(stat -c %s "$bench/millau-carence.mvt") B, MapServer $(stat -c %s "$bench/millau-mapserver.mvt") B"
else
  echo "z8 tile over Millau: Carence $(stat -c %s "$bench/millau-carence.mvt") B"
fi

# (3) Uncached: first one tile per zoom at both ends of France (Carence builds each generalised and
# projected copy on the first tile that needs it: seconds of CPU that would otherwise land in the
# measured window), then a warm-up of both, then measure.
prime() { # url-of-tile with Z X Y placeholders
  local z lat n x y
  for z in 6 7 8 9 10 11 12; do
    for lat in 42 51; do
      n=$(( 1 << z ))
      x=$(awk -v n=$n 'BEGIN { printf "%d", (2.5 + 180) / 360 * n }')
      y=$(awk -v lat=$lat -v n=$n 'BEGIN { r = lat * 3.141592653589793 / 180; printf "%d", (1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * n }')
      curl -sf -m 300 -o /dev/null "$(sed "s/{z}/$z/; s/{x}/$x/; s/{y}/$y/" <<<"$1")" || true
    done
  done
}
prime "$carence_url/ogc/collections/communes/tiles/WebMercatorQuad/{z}/{y}/{x}"
[ "$peer" = 1 ] && prime "http://127.0.0.1:18091/mapserv?mode=tile&tilemode=gmap&tile={x}+{y}+{z}&layers=communes&map.imagetype=mvt"
export REQUESTS_LUA="$here/mvt-tiles.lua"
MVT_SERVER=carence wrk -t1 -c2 -d10s --timeout 60s -s "$here/wms-latency.lua" "$carence_url" >/dev/null
[ "$peer" = 1 ] && MVT_SERVER=mapserver wrk -t1 -c2 -d10s --timeout 60s -s "$here/wms-latency.lua" http://127.0.0.1:18091 >/dev/null
printf '%-20s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s\n' workload conc "carence/s" p50_ms p95_ms cpu_ms \
  "mapsrv/s" p50_ms p95_ms cpu_ms "ratios carence/mapserver: req/s, cpu_ms"
for c in 1 8; do
  a=$(MVT_SERVER=carence MVT_DISTINCT=0 wrk_measure "$carence_url" "$c" "$carence_pid")
  if [ "$peer" != 1 ]; then
    printf '%-20s %3s | %9s %8s %8s %7s | (no peer: PEER=0)   (errors: %s)\n' "MVT z6-12 uncached" "$c" \
      "$(field rps "$a")" "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$(field cpu_ms "$a")" "$(field errors "$a")"
    continue
  fi
  # shellcheck disable=SC2086 # pid list
  b=$(MVT_SERVER=mapserver MVT_DISTINCT=0 wrk_measure http://127.0.0.1:18091 "$c" $mapserver_pids)
  ra=$(field rps "$a"); rb=$(field rps "$b"); ca=$(field cpu_ms "$a"); cb=$(field cpu_ms "$b")
  ratio=$(awk -v x="$ra" -v y="$rb" 'BEGIN { printf (y > 0 ? "%.2f" : "n/a"), (y > 0 ? x / y : 0) }')
  cratio=$(awk -v x="$ca" -v y="$cb" 'BEGIN { printf (x > 0 && y > 0 ? "%.2f" : "n/a"), (y > 0 ? x / y : 0) }')
  printf '%-20s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s, %s   (errors: %s / %s)\n' "MVT z6-12 uncached" "$c" "$ra" \
    "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$ca" "$rb" "$(field p50_ms "$b")" \
    "$(field p95_ms "$b")" "$cb" "$ratio" "$cratio" "$(field errors "$a")" "$(field errors "$b")"
done
stop_carence

# (4) Tile cache: each of 100 tiles requested once, then 8 clients cycling over them.
jfr=()
[ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=settings=profile,filename="$bench/mvt-cached.jfr",dumponexit=true)
start_tiles 256 "${jfr[@]}"
# The 100 tiles' paths from the same Lua script (one second of wrk writes them), then one curl each
# (Debian's wrk 4.1 ignores wrk.thread:stop(), so wrk cannot stop after one pass): every tile is
# encoded once, each request bounded, the whole priming bounded to PRIME_SECONDS (default 600).
MVT_SERVER=carence MVT_DISTINCT=100 MVT_LIST="$bench/mvt-cached-tiles.txt" wrk -t1 -c1 -d1s --timeout 60s \
  -s "$here/mvt-tiles.lua" "$carence_url" >/dev/null
primed=0; failed=0; deadline=$(( $(date +%s) + ${PRIME_SECONDS:-600} ))
while read -r p; do
  [ "$(date +%s)" -lt "$deadline" ] || die "tile-cache priming not finished after ${PRIME_SECONDS:-600} s ($primed tiles)"
  if curl -sf -m 120 -o /dev/null "$carence_url$p"; then primed=$(( primed + 1 )); else failed=$(( failed + 1 )); fi
done < "$bench/mvt-cached-tiles.txt"
echo "tile cache primed: $primed tiles answered, $failed failed"
# Then a warm-up from memory: the restarted JVM is still compiling the request path (JFR showed its
# JIT threads taking most of the CPU of a cold measure).
MVT_SERVER=carence MVT_DISTINCT=100 wrk -t2 -c8 -d"${CACHE_WARMUP:-20}s" --timeout 30s -s "$here/wms-latency.lua" \
  "$carence_url" >/dev/null
a=$(MVT_SERVER=carence MVT_DISTINCT=100 wrk_measure "$carence_url" 8 "$carence_pid")
printf '%-20s %3s | %9s %8s %8s %7s | (goal >= 2000/s)   (errors: %s)\n' "MVT from tile cache" 8 "$(field rps "$a")" \
  "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$(field cpu_ms "$a")" "$(field errors "$a")"
echo "after: $(machine)"
