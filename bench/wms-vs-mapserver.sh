#!/usr/bin/env bash
# WMS GetMap throughput and CPU cost: Carence vs MapServer on the national communes (34,868
# polygons), same population choropleth (bench/wms-population.sld = shared/peers/mapserver/communes.map
# classes), no image cache on either side.
#
#   bench/wms-vs-mapserver.sh                   # starts everything it needs (see below)
#   bench/wms-vs-mapserver.sh http://host:port  # uses a running Carence already prepared by this
#                                               # script's steps 1-2 (national communes + bench style)
#   WORKLOADS="tiles3857 tiles2154 france" DURATION=20 JFR=1 bench/wms-vs-mapserver.sh
#   PEER=0 bench/wms-vs-mapserver.sh            # Carence alone: no MapServer peer started or asked
#                                               # (before/after runs of one branch on a shared machine)
#
# Steps: (1) a bench catalogue = geoserver-data/ with bench_population as the default style of
# `communes`; (2) an H2GIS store with the national communes (bench/lib.sh national_store); (3)
# Carence on that store and catalogue, -Xmx2g, map cache of CACHE_MB (default 1024) MB so the
# generalised and projected copies of every workload fit (JFR=1: with a flight recording, profile settings, written to
# $BENCH_DIR/wms.jfr when Carence stops); (4) the MapServer peer (shared/peers/mapserver); (5) wrk at
# 1 and 8 connections on each workload, printed side by side with the CPU time each server used
# per request (user + system time of the Carence JVM, and of the mapserv FastCGI processes; nginx
# not counted; Carence's CPU only when this script started it). Workloads: tiles3857 = 256x256 Web
# Mercator tiles z6-12 (bench/wms-tiles-3857.lua), tiles2154 = 256x256 Lambert-93 boxes
# (shared/peers/mapserver/tiles.lua), france = mainland France at 1024x768 (bench/wms-france.lua);
# each with a fixed seed, so both servers get the same requests.
# Needs: Debian mapserver-bin cgi-mapserver nginx-light spawn-fcgi wrk gdal-bin curl; builds
# carence.jar if absent. On a shared machine only the CPU ms per request, and ratios within one
# run, mean something (bench/lib.sh says why).
set -euo pipefail
bench_name=wms-vs-mapserver
. "$(dirname "$(readlink -f "$0")")/lib.sh"
workloads=${WORKLOADS:-tiles3857 tiles2154 france}
carence_url=${1:-}
peer=${PEER:-1}
if [ "$peer" = 1 ]; then need_peer; else need wrk curl; fi

if [ -z "$carence_url" ]; then
  ensure_jar
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
  catalog_dir="$bench/catalog"; styles_dir="$bench/styles"
  # (2) Store, (3) Carence.
  national_store
  jfr=()
  [ "${JFR:-0}" = 1 ] && jfr=(-XX:StartFlightRecording=settings=profile,filename="$bench/wms.jfr",dumponexit=true)
  start_carence "$bench/carence.log" "/wms?SERVICE=WMS&REQUEST=GetCapabilities" -Xmx2g "${jfr[@]}" -- \
    --carence.wms.cache-megabytes="${CACHE_MB:-1024}"
  carence_url_pids=$carence_pid
else
  carence_url_pids=""
fi
curl -sf -m 10 "$carence_url/wms?SERVICE=WMS&REQUEST=GetCapabilities" | grep -q '<Name>carence:communes</Name>' \
  || die "$carence_url serves no carence:communes WMS layer"

# (4) MapServer peer on the same polygons (PEER=0: none).
[ "$peer" = 1 ] && start_peer

# Same picture? Keep one France map from each for a look.
france="SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&BBOX=99000,6046000,1243000,7111000&WIDTH=1024&HEIGHT=768&FORMAT=image/png"
curl -sf -m 120 "$carence_url/wms?$france" -o "$bench/france-carence.png"
[ "$peer" = 1 ] && curl -sf -m 120 "http://127.0.0.1:18091/mapserv?$france" -o "$bench/france-mapserver.png"
n=$(curl -sf "$carence_url/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes&RESULTTYPE=hits" \
  | grep -o 'numberMatched="[0-9]*"' || true)
if [ "$peer" = 1 ]; then
  echo "Carence $carence_url (communes $n), MapServer http://127.0.0.1:18091; ${duration}s per run; maps in $bench/france-*.png"
else
  echo "Carence $carence_url (communes $n), no peer (PEER=0); ${duration}s per run; map in $bench/france-carence.png"
fi
machine

# (5) Load: first one map per generalisation level the workloads use (Carence builds each
# generalised and projected copy once, on the first map that needs it: seconds of CPU that would
# otherwise land in whichever run first meets that level), then a warm-up per workload, then measure.
prime() { # base-url path
  local z lat lon x y n span size half=20037508.342789244
  for z in 6 7 8 9 10 11 12; do
    for lat in 42 51; do # the pixel's ground size varies with latitude: both ends of France
      n=$(( 1 << z )); lon=2.5
      x=$(awk -v lon=$lon -v n=$n 'BEGIN { printf "%d", (lon + 180) / 360 * n }')
      y=$(awk -v lat=$lat -v n=$n 'BEGIN { r = lat * 3.141592653589793 / 180; printf "%d", (1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * n }')
      span=$(awk -v h=$half -v n=$n 'BEGIN { printf "%.6f", 2 * h / n }')
      curl -sf -m 300 -o /dev/null "$1$2SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:3857&WIDTH=256&HEIGHT=256&FORMAT=image/png&BBOX=$(awk -v h=$half -v s="$span" -v x="$x" -v y="$y" 'BEGIN { printf "%.3f,%.3f,%.3f,%.3f", -h + x * s, h - (y + 1) * s, -h + (x + 1) * s, h - y * s }')" || true
    done
  done
  for size in 20000 50000 150000 400000; do
    curl -sf -m 300 -o /dev/null "$1$2SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:2154&WIDTH=256&HEIGHT=256&FORMAT=image/png&BBOX=600000,6500000,$((600000 + size)),$((6500000 + size))" || true
  done
}
prime "$carence_url" "/wms?"
[ "$peer" = 1 ] && prime http://127.0.0.1:18091 "/mapserv?"
lua_of() {
  case $1 in
    tiles3857) echo "$here/wms-tiles-3857.lua" ;; tiles2154) echo "$peer_dir/tiles.lua" ;;
    france) echo "$here/wms-france.lua" ;; *) die "unknown workload $1 (tiles3857, tiles2154, france)" ;;
  esac
}
label_of() {
  case $1 in tiles3857) echo "tiles 3857 256px" ;; tiles2154) echo "tiles 2154 256px" ;; france) echo "France 1024x768" ;; esac
}
export WMS_LAYER=communes
for w in $workloads; do
  export REQUESTS_LUA; REQUESTS_LUA=$(lua_of "$w")
  WMS_PATH="/wms?" wrk -t1 -c2 -d10s --timeout 60s -s "$here/wms-latency.lua" "$carence_url" >/dev/null
  [ "$peer" = 1 ] && WMS_PATH="/mapserv?" wrk -t1 -c2 -d10s --timeout 60s -s "$here/wms-latency.lua" http://127.0.0.1:18091 >/dev/null
done
printf '%-17s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s\n' workload conc "carence/s" p50_ms p95_ms cpu_ms \
  "mapsrv/s" p50_ms p95_ms cpu_ms "ratios carence/mapserver: req/s, cpu_ms"
for w in $workloads; do
  export REQUESTS_LUA; REQUESTS_LUA=$(lua_of "$w")
  for c in 1 8; do
    # shellcheck disable=SC2086 # pid lists
    a=$(WMS_PATH="/wms?" wrk_measure "$carence_url" "$c" $carence_url_pids)
    b=""
    # shellcheck disable=SC2086
    [ "$peer" = 1 ] && b=$(WMS_PATH="/mapserv?" wrk_measure http://127.0.0.1:18091 "$c" $mapserver_pids)
    ra=$(field rps "$a"); rb=$(field rps "$b"); ca=$(field cpu_ms "$a"); cb=$(field cpu_ms "$b")
    ratio=$(awk -v x="$ra" -v y="$rb" 'BEGIN { printf (y > 0 ? "%.2f" : "n/a"), (y > 0 ? x / y : 0) }')
    cratio=$(awk -v x="$ca" -v y="$cb" 'BEGIN { printf (x > 0 && y > 0 ? "%.2f" : "n/a"), (y > 0 ? x / y : 0) }')
    printf '%-17s %3s | %9s %8s %8s %7s | %9s %8s %8s %7s | %s, %s   (errors: %s / %s)\n' "$(label_of "$w")" "$c" "$ra" \
      "$(field p50_ms "$a")" "$(field p95_ms "$a")" "$ca" "$rb" "$(field p50_ms "$b")" \
      "$(field p95_ms "$b")" "$cb" "$ratio" "$cratio" "$(field errors "$a")" "$(field errors "$b")"
  done
done
echo "after: $(machine)"
