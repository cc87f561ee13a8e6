# What the bench scripts share; sourced, not run:
#
#   bench_name=wms-vs-mapserver; . "$(dirname "$(readlink -f "$0")")/lib.sh"
#
# Sets here (bench/), repo, shared (the shared/ folder with data/ and peers/; SHARED overrides),
# bench (BENCH_DIR, default ~/.cache/carence-bench: the national store, the peer's GeoPackage and
# the logs, kept between runs), jar (CARENCE_JAR, default the repository's carence.jar), duration
# (DURATION, seconds per wrk run, default 20) and communes_gz. Provides:
#   die MSG                    message on stderr, exit 1
#   need TOOL...               exit with the Debian packages to install when a tool is missing
#   ensure_jar                 builds carence.jar when absent (online Maven: works on a fresh machine)
#   national_store             H2GIS store in $bench/data with the national communes (once)
#   start_carence LOG PATH JAVA-OPTION... -- APP-ARGUMENT...
#                              starts the jar in its own session (see below) on the store $data_dir
#                              (default $bench/data) and the catalogue $catalog_dir / $styles_dir
#                              (default the repository's), port CARENCE_PORT (default 18093), without
#                              the sample and default scenario unless first_start=1; waits until
#                              PATH answers; sets carence_pid and carence_url
#   stop_carence
#   start_peer / stop_peer     the MapServer peer (shared/peers/mapserver) on 127.0.0.1:18091 over
#                              the same communes; sets mapserver_pids (its FastCGI processes)
#   machine                    one line: UTC date, load average, cores (print it before and after)
#   ticks PID...               CPU clock ticks (user + system) used so far by the processes
#   wrk_measure URL CONNECTIONS [PID...]
#                              wrk for $duration s through bench/wms-latency.lua (requests from
#                              $REQUESTS_LUA and its variables, exported by the caller); prints the
#                              RESULT fields plus cpu_ms=, the CPU milliseconds the PIDs used per request
#   field NAME RESULT          one field of such a line
# Cleanup on exit stops what was started here (by process id), then runs $on_exit if set.
#
# Why CPU per request: on a machine shared with other jobs the throughput follows their load,
# the CPU time a server spends per request much less. With the kernel's autogroup scheduling
# (sched_autogroup_enabled) a busy CPU is shared per session: each FastCGI mapserv runs in its own
# session, so Carence is started with setsid too (else it would share one slice with wrk).

here=$(dirname "$(readlink -f "${BASH_SOURCE[0]}")"); repo=$(dirname "$here")
shared=${SHARED:-$(cd "$repo" && while [ "$PWD" != / ] && [ ! -d shared/data ]; do cd ..; done; echo "$PWD/shared")}
peer_dir="$shared/peers/mapserver"
bench=${BENCH_DIR:-$HOME/.cache/carence-bench}
jar=${CARENCE_JAR:-$repo/gis-service/app/target/carence.jar}
duration=${DURATION:-20}
communes_gz="$shared/data/communes-geometry/communes-cog2026-dissolved.geojson.gz"
hz=$(getconf CLK_TCK)
carence_pid=""; carence_url=""; mapserver_pids=""; peer_started=""
mkdir -p "$bench"

die() { echo "${bench_name:-bench}: $*" >&2; exit 1; }

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null && continue
    case $tool in
      wrk|spawn-fcgi|curl) die "missing $tool (apt-get install -y $tool)" ;;
      nginx) die "missing nginx (apt-get install -y nginx-light)" ;;
      ogr2ogr) die "missing ogr2ogr (apt-get install -y gdal-bin)" ;;
      *) die "missing $tool" ;;
    esac
  done
}

need_peer() {
  need wrk curl ogr2ogr spawn-fcgi nginx
  [ -x /usr/lib/cgi-bin/mapserv ] || die "missing /usr/lib/cgi-bin/mapserv (apt-get install -y cgi-mapserver mapserver-bin)"
  [ -f "$communes_gz" ] || die "not found: $communes_gz (set SHARED=/path/to/shared)"
}

ensure_jar() {
  need java
  [ -f "$jar" ] && return 0
  [ -z "${CARENCE_JAR:-}" ] || die "no $CARENCE_JAR (CARENCE_JAR)"
  need mvn
  echo "building $jar (mvn -B -q -DskipTests package)" >&2
  (cd "$repo" && mvn -B -q -DskipTests package) || die "build failed"
}

national_store() {
  [ -f "$bench/data/.national-communes" ] && return 0
  [ -f "$communes_gz" ] || die "not found: $communes_gz (set SHARED=/path/to/shared)"
  rm -rf "$bench/data"; mkdir -p "$bench/data"
  local pop="$shared/data/communes-population"
  # The national COG reference first (the communes loader joins it), then the communes.
  java -Xmx4g -cp "$jar" -Dloader.main=fr.carence.loaders.cli.CarenceCli -Dlogback.configurationFile=carence-cli-logback.xml \
    org.springframework.boot.loader.launch.PropertiesLauncher load --data-dir "$bench/data" -q admin \
    "$pop/communes.json.gz" "$pop/epci.json.gz" "$pop/departements.json" "$pop/regions.json"
  java -Xmx4g -cp "$jar" -Dloader.main=fr.carence.loaders.cli.CarenceCli -Dlogback.configurationFile=carence-cli-logback.xml \
    org.springframework.boot.loader.launch.PropertiesLauncher load --data-dir "$bench/data" -q communes "$communes_gz"
  touch "$bench/data/.national-communes"
}

start_carence() { # log ready-path java-options... -- app-arguments...
  local log=$1 ready=$2 port=${CARENCE_PORT:-18093}; shift 2
  local jvm=()
  while [ $# -gt 0 ] && [ "$1" != -- ]; do jvm+=("$1"); shift; done
  [ $# -gt 0 ] && shift
  local startup=(--carence.startup.load-sample=false --carence.startup.default-scenario=false)
  [ "${first_start:-0}" = 1 ] && startup=()
  setsid java "${jvm[@]}" -jar "$jar" --server.port="$port" --carence.store.data-dir="${data_dir:-$bench/data}" \
    --carence.catalog.dir="${catalog_dir:-$repo/geoserver-data}" --carence.styles.dir="${styles_dir:-$repo/sld-styles}" \
    "${startup[@]}" "$@" > "$log" 2>&1 &
  carence_pid=$!
  carence_url="http://127.0.0.1:$port"
  local _
  for _ in $(seq 1 "${ready_seconds:-300}"); do
    # A long timeout: a slow first answer (e.g. capabilities computing extents under load) is
    # waited for, not asked again while the first one still holds a database connection.
    curl -sf -m 300 "$carence_url$ready" -o /dev/null && return 0
    kill -0 "$carence_pid" 2>/dev/null || die "Carence exited, see $log: $(tail -5 "$log")"
    sleep 1
  done
  die "Carence not ready after ${ready_seconds:-300} s, see $log"
}

stop_carence() {
  [ -n "$carence_pid" ] || return 0
  kill "$carence_pid" 2>/dev/null || true
  wait "$carence_pid" 2>/dev/null || true
  carence_pid=""
}

start_peer() {
  need_peer
  mkdir -p "$bench/peer"
  [ -f "$bench/peer/communes.gpkg" ] || ogr2ogr -f GPKG "$bench/peer/communes.gpkg" "/vsigzip/$communes_gz" \
    -nln communes -t_srs EPSG:2154 -nlt PROMOTE_TO_MULTI -lco SPATIAL_INDEX=YES
  PEER="$bench/peer" "$peer_dir/start.sh" >/dev/null
  peer_started=1
  mapserver_pids=$(tr '\n' ' ' < "$bench/peer/fcgi.pid")
}

stop_peer() {
  [ -n "$peer_started" ] || return 0
  PEER="$bench/peer" "$peer_dir/stop.sh" >/dev/null 2>&1 || true
  peer_started=""
}

bench_cleanup() { stop_carence; stop_peer; [ -z "${on_exit:-}" ] || eval "$on_exit"; }
trap bench_cleanup EXIT

machine() { echo "date $(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"; }

ticks() {
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat") )); done
  echo "$t"
}

wrk_measure() { # url connections [pids whose CPU time to count]
  local base=$1 c=$2 t=$(( $2 > 1 ? 2 : 1 )); shift 2
  local before result requests
  before=$(ticks "$@")
  result=$(wrk -t"$t" -c"$c" -d"${duration}s" --timeout 30s -s "$here/wms-latency.lua" "$base" \
    | grep '^RESULT' | sed 's/^RESULT //')
  requests=$(sed -n 's/.*requests=\([0-9]*\).*/\1/p' <<<"$result")
  if [ $# -gt 0 ] && [ "${requests:-0}" -gt 0 ]; then
    result="$result cpu_ms=$(awk -v d=$(( $(ticks "$@") - before )) -v n="$requests" -v hz="$hz" \
      'BEGIN { printf "%.2f", d * 1000 / hz / n }')"
  fi
  echo "$result"
}

field() { sed -n "s/.*$1=\([0-9.]*\).*/\1/p" <<<"$2"; }
