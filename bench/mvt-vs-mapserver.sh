#!/usr/bin/env bash
# Mapbox Vector Tiles of the national communes (34,868 polygons): Carence's OGC API Tiles vs
# MapServer 8's own MVT output (mode=tile, map.imagetype=mvt) on the same random tiles (zoom 6–12
# over mainland France, bench/mvt-tiles.lua, fixed seed), then Carence's tile cache alone.
#
#   bench/mvt-vs-mapserver.sh
#
# Steps: (1) an H2GIS store with the national communes (loaders CLI inside carence.jar; shared with
# bench/wms-vs-mapserver.sh through $BENCH_DIR/data); (2) the MapServer peer (shared/peers/mapserver);
# (3) Carence WITHOUT tile cache (carence.tiles.cache-megabytes=0; the feature cache with its
# pre-generalised geometries stays on, 1 GB so the national communes fit), wrk at 1 and 8
# connections on both servers, with the CPU time each used per tile (Carence JVM; mapserv FastCGI
# processes); (4) Carence restarted WITH its tile cache, 8 connections cycling over 100 tiles
# each requested once before (priming waits until all 100 are answered): tiles/s served from memory.
# Needs: Debian mapserver-bin cgi-mapserver nginx-light spawn-fcgi wrk gdal-bin, curl, a built
# gis-service/app/target/carence.jar. Absolute figures drift: only ratios within one run mean something.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")"); repo=$(dirname "$here")
shared=${SHARED:-$(cd "$repo" && while [ "$PWD" != / ] && [ ! -d shared/data ]; do cd ..; done; echo "$PWD/shared")}
peer_dir="$shared/peers/mapserver"
bench=${BENCH_DIR:-$HOME/.cache/carence-bench}
jar=${CARENCE_JAR:-$repo/gis-service/app/target/carence.jar}
duration=${DURATION:-20}
port=${CARENCE_PORT:-18094}
communes_gz="$shared/data/communes-geometry/communes-cog2026-dissolved.geojson.gz"

die() { echo "mvt-vs-mapserver: $*" >&2; exit 1; }
for tool in wrk curl ogr2ogr spawn-fcgi nginx java; do
  command -v "$tool" >/dev/null || die "missing $tool (apt-get install -y mapserver-bin cgi-mapserver nginx-light spawn-fcgi wrk gdal-bin curl)"
done
[ -f "$jar" ] || die "no $jar: build it with 'mvn -B -q -DskipTests package' (or set CARENCE_JAR)"
[ -f "$communes_gz" ] || die "not found: $communes_gz (set SHARED=/path/to/shared)"
mkdir -p "$bench"

carence_pid=""
cleanup() {
  [ -n "$carence_pid" ] && kill "$carence_pid" 2>/dev/null || true
  PEER="$bench/peer" "$peer_dir/stop.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# (1) Store: the national COG reference (the communes loader joins it), then the communes.
if [ ! -f "$bench/data/.national-communes" ]; then
  rm -rf "$bench/data"; mkdir -p "$bench/data"
  cli() { java -cp "$jar" -Dloader.main=fr.carence.loaders.cli.CarenceCli \
            org.springframework.boot.loader.launch.PropertiesLauncher "$@"; }
  pop="$shared/data/communes-population"
  cli load --data-dir "$bench/data" -q admin "$pop/communes.json.gz" "$pop/epci.json.gz" \
    "$pop/departements.json" "$pop/regions.json"
  cli load --data-dir "$bench/data" -q communes "$communes_gz"
  touch "$bench/data/.national-communes"
fi

# (2) MapServer peer on the same polygons.
mkdir -p "$bench/peer"
[ -f "$bench/peer/communes.gpkg" ] || ogr2ogr -f GPKG "$bench/peer/communes.gpkg" "/vsigzip/$communes_gz" \
  -nln communes -t_srs EPSG:2154 -nlt PROMOTE_TO_MULTI -lco SPATIAL_INDEX=YES
PEER="$bench/peer" "$peer_dir/start.sh" >/dev/null
mapserver_pids=$(cat "$bench/peer/fcgi.pid" 2>/dev/null | tr '\n' ' ')

start_carence() { # tile-cache megabytes
  # Own session, as bench/wms-vs-mapserver.sh explains (autogroup scheduling).
  setsid java -Xmx2g -jar "$jar" --server.port="$port" --carence.store.data-dir="$bench/data" \
    --carence.tiles.cache-megabytes="$1" --carence.wms.cache-megabytes=1024 \
    --carence.startup.load-sample=false --carence.startup.default-scenario=false > "$bench/carence-mvt.log" 2>&1 &
  carence_pid=$!
  for _ in $(seq 1 180); do
    curl -sf -m 5 "http://127.0.0.1:$port/ogc/tileMatrixSets" -o /dev/null && break
    kill -0 "$carence_pid" 2>/dev/null || die "Carence exited, see $bench/carence-mvt.log"
    sleep 1
  done
  # The first tile loads and indexes the layer: not part of the measure.
  curl -sf -m 300 "http://127.0.0.1:$port/ogc/collections/communes/tiles/WebMercatorQuad/6/22/32" -o /dev/null \
    || die "no communes tile from Carence, see $bench/carence-mvt.log"
}
stop_carence() { kill "$carence_pid"; wait "$carence_pid" 2>/dev/null || true; carence_pid=""; }

ticks() { # CPU clock ticks (user + system) used so far by the given processes
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done
  echo "$t"
}
hz=$(getconf CLK_TCK)
run() { # base-url server connections distinct [pids whose CPU time to count]
  local base=$1 server=$2 c=$3 distinct=$4 t=$(( $3 > 1 ? 2 : 1 )); shift 4
  local before result requests
  before=$(ticks "$@")
  result=$(MVT_SERVER="$server" MVT_DISTINCT="$distinct" REQUESTS_LUA="$here/mvt-tiles.lua" wrk -t"$t" -c"$c" \
    -d"${duration}s" --timeout 30s -s "$here/wms-latency.lua" "$base" | grep '^RESULT' | sed 's/^RESULT //')
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  if [ $# -gt 0 ] && [ "${requests:-0}" -gt 0 ]; then
    result="$result cpu_ms=$(awk -v d=$(( $(ticks "$@") - before )) -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.2f", d * 1000 / hz / n }')"
  fi
  echo "$result"
}
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }

echo "date $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; ${duration}s per run"
# Same tile from both, for a look (GDAL: ogrinfo -ro -so FILE -oo X=130 -oo Y=92 -oo Z=8).
start_carence 0
curl -sf "http://127.0.0.1:$port/ogc/collections/communes/tiles/WebMercatorQuad/8/92/130" -o "$bench/millau-carence.mvt"
curl -sf "http://127.0.0.1:18091/mapserv?mode=tile&tilemode=gmap&tile=130+92+8&layers=communes&map.imagetype=mvt" \
  -o "$bench/millau-mapserver.mvt"
echo "z8 tile over Millau: Carence $(stat -c %s "$bench/millau-carence.mvt") B, MapServer $(stat -c %s "$bench/millau-mapserver.mvt") B"

# (3) Uncached: warm up both once, then measure.
MVT_SERVER=carence wrk -t1 -c2 -d5s -s "$here/mvt-tiles.lua" "http://127.0.0.1:$port" >/dev/null
MVT_SERVER=mapserver wrk -t1 -c2 -d5s -s "$here/mvt-tiles.lua" http://127.0.0.1:18091 >/dev/null
printf '%-20s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s\n' workload conc "carence/s" p50_ms p95_ms cpu_ms \
  "mapsrv/s" p50_ms p95_ms cpu_ms "ratio (carence/mapserver)"
for c in 1 8; do
  a=$(run "http://127.0.0.1:$port" carence "$c" 0 "$carence_pid")
  # shellcheck disable=SC2086 # pid list
  b=$(run http://127.0.0.1:18091 mapserver "$c" 0 $mapserver_pids)
  ra=$(field rps "$a"); rb=$(field rps "$b")
  ratio=$(awk -v x="$ra" -v y="$rb" 'BEGIN { printf (y > 0 ? "%.2f" : "n/a"), (y > 0 ? x / y : 0) }')
  printf '%-20s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s   (errors: %s / %s)\n' "MVT z6-12 uncached" "$c" "$ra" \
    "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$(field cpu_ms "$a")" "$rb" "$(field p50_ms "$b")" \
    "$(field p95_ms "$b")" "$(field cpu_ms "$b")" "$ratio" "$(field errors "$a")" "$(field errors "$b")"
done
stop_carence

# (4) Tile cache: each of 100 tiles requested once (until all answered), then 8 clients cycling over them.
start_carence 256
MVT_SERVER=carence MVT_DISTINCT=100 MVT_PRIME=1 wrk -t1 -c1 -d900s --timeout 60s -s "$here/mvt-tiles.lua" \
  "http://127.0.0.1:$port" >/dev/null
a=$(run "http://127.0.0.1:$port" carence 8 100 "$carence_pid")
printf '%-20s %3s | %9s %8s %8s %7s | (goal >= 2000/s)   (errors: %s)\n' "MVT from tile cache" 8 "$(field rps "$a")" \
  "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$(field cpu_ms "$a")" "$(field errors "$a")"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
