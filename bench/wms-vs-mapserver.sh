#!/usr/bin/env bash
# WMS GetMap throughput: Carence vs MapServer on the national communes (34,868 polygons), same
# population choropleth (bench/wms-population.sld = shared/peers/mapserver/communes.map classes).
#
#   bench/wms-vs-mapserver.sh                # starts everything it needs (see below)
#   bench/wms-vs-mapserver.sh http://host:port  # uses a running Carence already prepared by this
#                                               # script's steps 1-2 (national communes + bench style)
#
# Steps: (1) a bench catalogue = geoserver-data/ with bench_population as the default style of
# `communes`; (2) an H2GIS store with the Occitanie sample (for admin data) then the national
# communes (loaders CLI inside carence.jar); (3) Carence on that store and catalogue; (4) the
# MapServer peer (shared/peers/mapserver); (5) wrk at 1 and 8 connections, random 256x256 tiles
# (shared tiles.lua, fixed seed) and the whole of France at 1024x768, printed side by side, with
# the CPU time each server used per request (user + system time of the Carence JVM, and of the
# mapserv FastCGI processes; nginx not counted): on a shared machine the throughput follows the
# other jobs' load, the CPU time per request much less. Carence's CPU is only known when this
# script started it. Under load, MapServer's two FastCGI processes (one session each) still get up
# to two scheduler slices against Carence's one: compare cpu_ms when the machine is busy.
# Needs: Debian mapserver-bin cgi-mapserver nginx-light spawn-fcgi wrk gdal-bin, curl, a built
# gis-service/app/target/carence.jar (mvn -B -q -DskipTests package). Absolute figures drift:
# only the ratio within one run means something.
set -euo pipefail

here=$(dirname "$(readlink -f "$0")"); repo=$(dirname "$here")
shared=${SHARED:-$(cd "$repo" && while [ "$PWD" != / ] && [ ! -d shared/data ]; do cd ..; done; echo "$PWD/shared")}
peer_dir="$shared/peers/mapserver"
bench=${BENCH_DIR:-$HOME/.cache/carence-bench}
jar=${CARENCE_JAR:-$repo/gis-service/app/target/carence.jar}
duration=${DURATION:-20}
port=${CARENCE_PORT:-18093}
communes_gz="$shared/data/communes-geometry/communes-cog2026-dissolved.geojson.gz"
carence_url=${1:-}

die() { echo "wms-vs-mapserver: $*" >&2; exit 1; }
for tool in wrk curl ogr2ogr spawn-fcgi nginx java; do
  command -v "$tool" >/dev/null || die "missing $tool (apt-get install -y mapserver-bin cgi-mapserver nginx-light spawn-fcgi wrk gdal-bin curl)"
done
[ -x /usr/lib/cgi-bin/mapserv ] || die "missing /usr/lib/cgi-bin/mapserv (apt-get install -y cgi-mapserver mapserver-bin)"
[ -f "$communes_gz" ] || die "not found: $communes_gz (set SHARED=/path/to/shared)"
mkdir -p "$bench"

started_pid=""
cleanup() {
  [ -n "$started_pid" ] && kill "$started_pid" 2>/dev/null || true
  PEER="$bench/peer" "$peer_dir/stop.sh" >/dev/null 2>&1 || true
}
trap cleanup EXIT

if [ -z "$carence_url" ]; then
  [ -f "$jar" ] || die "no $jar: build it with 'mvn -B -q -DskipTests package' (or set CARENCE_JAR)"
  # (1) Bench catalogue and styles.
  rm -rf "$bench/catalog" "$bench/styles"
  cp -rL "$repo/geoserver-data" "$bench/catalog"
  cp -r "$repo/sld-styles" "$bench/styles"
  cp "$here/wms-population.sld" "$bench/styles/bench_population.sld"
  cat > "$bench/catalog/styles/bench_population.xml" <<XML
<style><id>StyleInfoImpl-bench_population</id><name>bench_population</name><format>sld</format>
<languageVersion><version>1.0.0</version></languageVersion><filename>bench_population.sld</filename></style>
XML
  sed -i 's|<id>StyleInfoImpl-communes</id>|<id>StyleInfoImpl-bench_population</id>|' \
    "$bench/catalog/workspaces/carence/carence_store/communes/layer.xml"
  # (2) Store: the national COG reference (the communes loader joins it), then the communes.
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
  # (3) Carence, in its own session: with the kernel's autogroup scheduling (sched_autogroup_enabled)
  # a loaded machine shares the CPU per session, and the FastCGI mapserv processes each run in
  # their own session; left in this script's session, Carence would share one slice with wrk.
  setsid java -Xmx2g -jar "$jar" --server.port="$port" --carence.store.data-dir="$bench/data" \
    --carence.catalog.dir="$bench/catalog" --carence.styles.dir="$bench/styles" \
    --carence.startup.load-sample=false --carence.startup.default-scenario=false > "$bench/carence.log" 2>&1 &
  started_pid=$!
  carence_url="http://127.0.0.1:$port"
  for _ in $(seq 1 120); do
    curl -sf -m 5 "$carence_url/wms?SERVICE=WMS&REQUEST=GetCapabilities" -o /dev/null && break
    kill -0 "$started_pid" 2>/dev/null || die "Carence exited, see $bench/carence.log"
    sleep 1
  done
fi
curl -sf -m 10 "$carence_url/wms?SERVICE=WMS&REQUEST=GetCapabilities" | grep -q '<Name>carence:communes</Name>' \
  || die "$carence_url serves no carence:communes WMS layer"

# (4) MapServer peer on the same polygons.
mkdir -p "$bench/peer"
[ -f "$bench/peer/communes.gpkg" ] || ogr2ogr -f GPKG "$bench/peer/communes.gpkg" "/vsigzip/$communes_gz" \
  -nln communes -t_srs EPSG:2154 -nlt PROMOTE_TO_MULTI -lco SPATIAL_INDEX=YES
PEER="$bench/peer" "$peer_dir/start.sh" >/dev/null

# Same picture? Keep one France map from each for a look.
france="SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=99000,6046000,1243000,7111000&WIDTH=1024&HEIGHT=768&FORMAT=image/png"
curl -sf -m 60 "$carence_url/wms?$france" -o "$bench/france-carence.png"
curl -sf -m 60 "http://127.0.0.1:18091/mapserv?$france" -o "$bench/france-mapserver.png"
n=$(curl -sf "$carence_url/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes&RESULTTYPE=hits" \
  | grep -o 'numberMatched="[0-9]*"' || true)
echo "Carence $carence_url (communes $n), MapServer http://127.0.0.1:18091; ${duration}s per run; maps in $bench/france-*.png"

# (5) Load: warm up each server once, then measure.
ticks() { # CPU clock ticks (user + system) used so far by the given processes
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done
  echo "$t"
}
hz=$(getconf CLK_TCK)
run() { # server-path requests-lua connections [pids whose CPU time to count]
  local base=$1 path=$2 lua=$3 c=$4 t=$(( $4 > 1 ? 2 : 1 )); shift 4
  local before result requests
  before=$(ticks "$@")
  result=$(WMS_PATH="$path" WMS_LAYER=communes REQUESTS_LUA="$lua" wrk -t"$t" -c"$c" -d"${duration}s" --timeout 30s \
    -s "$here/wms-latency.lua" "$base" | grep '^RESULT' | sed 's/^RESULT //')
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  if [ $# -gt 0 ] && [ "${requests:-0}" -gt 0 ]; then
    result="$result cpu_ms=$(awk -v d=$(( $(ticks "$@") - before )) -v n="$requests" -v hz="$hz" 'BEGIN { printf "%.1f", d * 1000 / hz / n }')"
  fi
  echo "$result"
}
carence_pids=$started_pid
mapserver_pids=$(cat "$bench/peer/fcgi.pid" 2>/dev/null | tr '\n' ' ')
field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
for lua in "$peer_dir/tiles.lua" "$here/wms-france.lua"; do
  REQUESTS_LUA=$lua WMS_PATH="/wms?" WMS_LAYER=communes wrk -t1 -c2 -d5s -s "$here/wms-latency.lua" "$carence_url" >/dev/null
  REQUESTS_LUA=$lua WMS_PATH="/mapserv?" WMS_LAYER=communes wrk -t1 -c2 -d5s -s "$here/wms-latency.lua" http://127.0.0.1:18091 >/dev/null
done
printf '%-16s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s\n' workload conc "carence/s" p50_ms p95_ms cpu_ms \
  "mapsrv/s" p50_ms p95_ms cpu_ms "ratio (carence/mapserver)"
for lua in "$peer_dir/tiles.lua" "$here/wms-france.lua"; do
  name=$([ "$lua" = "$here/wms-france.lua" ] && echo "France 1024x768" || echo "tiles 256x256")
  for c in 1 8; do
    # shellcheck disable=SC2086 # pid lists
    a=$(run "$carence_url" "/wms?" "$lua" "$c" $carence_pids)
    # shellcheck disable=SC2086
    b=$(run http://127.0.0.1:18091 "/mapserv?" "$lua" "$c" $mapserver_pids)
    ra=$(field rps "$a"); rb=$(field rps "$b")
    ratio=$(awk -v x="$ra" -v y="$rb" 'BEGIN { printf (y > 0 ? "%.2f" : "n/a"), (y > 0 ? x / y : 0) }')
    printf '%-16s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s   (errors: %s / %s)\n' "$name" "$c" "$ra" \
      "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$(field cpu_ms "$a")" "$rb" "$(field p50_ms "$b")" \
      "$(field p95_ms "$b")" "$(field cpu_ms "$b")" "$ratio" "$(field errors "$a")" "$(field errors "$b")"
  done
done
