#!/usr/bin/env bash
# WFS GetFeature of all national communes (34,868 multipolygons) as GeoJSON: Carence vs the
# MapServer peer, same polygons. Carence runs with a small heap (-Xmx$HEAP, default 256m) and GC
# logging, so the printed peak heap shows the response is streamed, not built in memory.
#
#   bench/wfs-geojson.sh        # prepares an H2GIS store with the national communes (cached in
#                               # $BENCH_DIR, default ~/.cache/carence-bench-wfs), starts Carence
#                               # and the MapServer peer, and prints the figures
# Needs: a built gis-service/app/target/carence.jar, curl, gdal-bin (ogr2ogr) and the MapServer
# peer's packages (mapserver-bin cgi-mapserver nginx-light spawn-fcgi).
set -euo pipefail

here=$(dirname "$(readlink -f "$0")"); repo=$(dirname "$here")
shared=${SHARED:-$(cd "$repo" && while [ "$PWD" != / ] && [ ! -d shared/data ]; do cd ..; done; echo "$PWD/shared")}
bench=${BENCH_DIR:-$HOME/.cache/carence-bench-wfs}
jar=${CARENCE_JAR:-$repo/gis-service/app/target/carence.jar}
heap=${HEAP:-256m}
port=${CARENCE_PORT:-18094}
runs=${RUNS:-3}
communes_gz="$shared/data/communes-geometry/communes-cog2026-dissolved.geojson.gz"
die() { echo "wfs-geojson: $*" >&2; exit 1; }
[ -f "$jar" ] || die "no $jar: build it with 'mvn -B -q -DskipTests package'"
[ -f "$communes_gz" ] || die "not found: $communes_gz (set SHARED=/path/to/shared)"
mkdir -p "$bench"

pid=""
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null || true; PEER="$bench/peer" "$shared/peers/mapserver/stop.sh" >/dev/null 2>&1 || true; }
trap cleanup EXIT

if [ ! -f "$bench/data/.national-communes" ]; then
  rm -rf "$bench/data"; pop="$shared/data/communes-population"
  "$repo/bin/carence" load --data-dir "$bench/data" -q admin "$pop/communes.json.gz" "$pop/epci.json.gz" "$pop/departements.json" "$pop/regions.json"
  "$repo/bin/carence" load --data-dir "$bench/data" -q communes "$communes_gz"
  touch "$bench/data/.national-communes"
fi

java -Xmx"$heap" -Xlog:gc:file="$bench/gc.log" -jar "$jar" --server.port="$port" --carence.store.data-dir="$bench/data" \
  --carence.catalog.dir="$repo/geoserver-data" --carence.styles.dir="$repo/sld-styles" \
  --carence.startup.load-sample=false --carence.startup.default-scenario=false \
  --carence.ogc.max-features=40000 > "$bench/carence.log" 2>&1 &
pid=$!
url="http://127.0.0.1:$port"
for _ in $(seq 1 120); do curl -sf -m 5 "$url/wfs?SERVICE=WFS&REQUEST=GetCapabilities" -o /dev/null && break; kill -0 "$pid" || die "Carence exited, see $bench/carence.log"; sleep 1; done

mkdir -p "$bench/peer"
[ -f "$bench/peer/communes.gpkg" ] || ogr2ogr -f GPKG "$bench/peer/communes.gpkg" "/vsigzip/$communes_gz" \
  -nln communes -t_srs EPSG:2154 -nlt PROMOTE_TO_MULTI -lco SPATIAL_INDEX=YES
PEER="$bench/peer" "$shared/peers/mapserver/start.sh" >/dev/null

# CountDefault raised above the national size (max-features above), so one response carries
# every commune, as MapServer's does.
carence_req="$url/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:communes&OUTPUTFORMAT=application/json"
mapserver_req="http://127.0.0.1:18091/mapserv?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=communes&OUTPUTFORMAT=geojson"
measure() { # name url
  local best=999999 line
  for _ in $(seq 1 "$runs"); do
    line=$(curl -sf -m 300 -o "$bench/out.json" -w '%{time_total} %{size_download}' "$2") || die "$1 request failed: $2"
    t=${line% *}; best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b ? a : b) }')
  done
  n=$(grep -o '"type" *: *"Feature"' "$bench/out.json" | wc -l)
  printf '%-10s %8s features  best of %s: %6.2f s  %9.0f features/s  %6.1f MB\n' "$1" "$n" "$runs" "$best" \
    "$(awk -v n="$n" -v t="$best" 'BEGIN { print n / t }')" "$(awk -v s="${line#* }" 'BEGIN { print s / 1e6 }')"
}
measure carence "$carence_req"
measure mapserver "$mapserver_req"
peak=$(grep -o '[0-9]*M->[0-9]*M' "$bench/gc.log" | sed 's/M->.*//' | sort -n | tail -1)
echo "Carence heap: -Xmx$heap, peak heap before a GC ${peak:-?} MB (from $bench/gc.log)"
