#!/usr/bin/env bash
# Two Carence instances on one PostGIS database behind nginx, one of them killed (kill -9) in the
# middle of a scenario run and of a mixed load (docs/deployment.md, "Banc").
#
# 1. a throwaway PostgreSQL 15 + PostGIS cluster (own directory, free loopback port);
# 2. instance A (first start: Occitanie sample and default scenario), nginx in front of it alone:
#    GetMap + GetFeature for $SOLO s -> throughput of one instance;
# 3. instance B, nginx in front of both: the same load -> throughput of two instances;
# 4. $DURATION s (>= 60) of the same load plus 6 web map sessions and 2 logged-in planners running
#    scenarios one after the other; past half of it, the instance computing a run is kill -9'd.
#    Every accepted run must end (termine/echec) on the survivor; sessions and finished runs are
#    checked again. Prints requests, errors (those in flight at the kill apart), runs started and
#    finished, sessions still valid, then `lost=N` (runs + sessions + committed writes lost).
#
#   bench/two-instances.sh                    # SOLO=30 DURATION=90 CLIENTS=6 HEAP=768m
# Needs (Debian): openjdk-17-jdk-headless, maven (only if the jar is not built yet: it runs
# `mvn -B -q -DskipTests package`), postgresql-15-postgis-3, nginx-light, curl, python3 (standard
# library only). Installs nothing. Loopback only; run files stay in $WORK (printed).
set -euo pipefail

here=$(dirname "$(readlink -f "$0")"); repo=$(dirname "$here")
jar=${CARENCE_JAR:-$repo/gis-service/app/target/carence.jar}
solo=${SOLO:-30}
duration=${DURATION:-90}
clients=${CLIENTS:-6}
heap=${HEAP:-768m}
lease=${LEASE:-10s}
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PY=/usr/bin/python3
die() { echo "two-instances: $*" >&2; exit 1; }
[ "$duration" -ge 60 ] || die "DURATION must be >= 60 s"
for tool in java curl nginx psql; do command -v "$tool" >/dev/null || die "$tool is missing (see the header)"; done
[ -x "$PY" ] || die "$PY is missing (apt-get install python3)"
[ -x "$PG_BIN/initdb" ] || die "$PG_BIN/initdb is missing (apt-get install postgresql-15-postgis-3)"
ls /usr/share/postgresql/15/extension/postgis.control >/dev/null 2>&1 || die "PostGIS is missing (apt-get install postgresql-15-postgis-3)"
if [ ! -f "$jar" ]; then
  echo "== building $jar"
  (cd "$repo" && mvn -B -q -DskipTests package)
fi
WORK=$(mktemp -d /tmp/carence-two-instances-XXXXXX)
chmod 755 "$WORK"
free_port() { "$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

pids=(); pg_started=""; nginx_started=""
as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$nginx_started" ] && nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
  [ -n "$pg_started" ] && as_pg "$PG_BIN/pg_ctl -D $WORK/pg/data -m fast stop" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== PostgreSQL 15 + PostGIS: throwaway cluster in $WORK/pg"
pgport=$(free_port)
mkdir -p "$WORK/pg"
[ "$(id -u)" = 0 ] && chown postgres:postgres "$WORK/pg"
as_pg "$PG_BIN/initdb -D $WORK/pg/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" > "$WORK/initdb.log"
as_pg "$PG_BIN/pg_ctl -D $WORK/pg/data -o '-p $pgport -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=100' -l $WORK/pg/pg.log -w start" >/dev/null
pg_started=1
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -c "CREATE DATABASE gis"
psql -q -h 127.0.0.1 -p "$pgport" -U postgres -d gis -c "CREATE EXTENSION postgis"

echo "== account 'banc' (PLANNER) for this run only"
password=$(head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s\n%s\n' "$password" "$password" | java -Dloader.main=fr.carence.loaders.cli.CarenceCli \
  -Dlogback.configurationFile=carence-cli-logback.xml -cp "$jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher compte --login banc --roles PLANNER > "$WORK/users.properties"
grep -q '^banc=' "$WORK/users.properties" || die "account not written, see $WORK/users.properties"

declare -A port pid
start_instance() {
  local name=$1
  port[$name]=$(free_port)
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && exec java -Xmx"$heap" -jar "$jar" --server.port="${port[$name]}" \
    --carence.store.kind=postgis --carence.store.jdbc-url="jdbc:postgresql://127.0.0.1:$pgport/gis" \
    --carence.store.user=postgres --carence.cluster.instance-id="$name" --carence.cluster.lease="$lease" \
    --carence.security.users-file="$WORK/users.properties" --server.forward-headers-strategy=native \
    --carence.catalog.dir="$repo/geoserver-data" --carence.styles.dir="$repo/sld-styles" > "$WORK/$name.log" 2>&1) &
  pid[$name]=$!
  pids+=("${pid[$name]}")
}
await_ready() {
  local name=$1
  for _ in $(seq 1 900); do
    curl -sf -m 5 "http://127.0.0.1:${port[$name]}/actuator/health/readiness" -o /dev/null && return 0
    kill -0 "${pid[$name]}" 2>/dev/null || die "instance $name exited, see $WORK/$name.log"
    sleep 1
  done
  die "instance $name not ready after 15 min, see $WORK/$name.log"
}

ngport=$(free_port)
mkdir -p "$WORK/nginx/temp"
chmod 777 "$WORK/nginx/temp"
cat > "$WORK/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log $WORK/nginx/access.log;
    client_body_temp_path $WORK/nginx/temp/body;
    proxy_temp_path $WORK/nginx/temp/proxy;
    fastcgi_temp_path $WORK/nginx/temp/fastcgi;
    uwsgi_temp_path $WORK/nginx/temp/uwsgi;
    scgi_temp_path $WORK/nginx/temp/scgi;
    include $WORK/nginx/carence.conf;
}
CONF
# The committed configuration, with this run's ports; B's line left out while B is not started.
configure_nginx() {
  sed -e "s/listen 80;/listen 127.0.0.1:$ngport;/" -e "s/127.0.0.1:8081/127.0.0.1:${port[a]}/" \
      -e "s/127.0.0.1:8082/127.0.0.1:${port[b]:-0}/" "$repo/docs/deployment/nginx-carence.conf" > "$WORK/nginx/carence.conf"
  [ -n "${port[b]:-}" ] || sed -i '/127.0.0.1:0 /d' "$WORK/nginx/carence.conf"
  nginx -t -q -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" || die "nginx configuration refused"
  if [ -z "$nginx_started" ]; then nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf"; nginx_started=1
  else nginx -p "$WORK/nginx" -c "$WORK/nginx/nginx.conf" -s reload; sleep 2; fi
}
url="http://127.0.0.1:$ngport"
field() { "$PY" -c "import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])" "$1" "$2"; }

# Starts one more instance, puts nginx in front of all started ones, measures GetMap + GetFeature.
add_instance_and_measure() {
  local name=$1 why=$2 t
  echo "== instance $name ($why)"
  t=$(date +%s); start_instance "$name"; await_ready "$name"
  echo "   ready in $(( $(date +%s) - t )) s"
  configure_nginx
  echo "== ${!port[*]} through nginx: $solo s, $clients clients (GetMap 60 %, GetFeature 40 %)"
  measured=$("$PY" "$here/two-instances-load.py" throughput "$url" "$solo" "$clients")
  echo "   $measured"
}
add_instance_and_measure a "first start on the empty database: sample, default scenario"; one=$measured
add_instance_and_measure b "database already loaded"; two=$measured

echo "== two instances, $duration s of load + sessions + scenario runs, kill -9 of the instance computing a run after $((duration / 2)) s"
result=$("$PY" "$here/two-instances-load.py" failover "$url" "$duration" "$clients" "$pgport" \
  "a=${pid[a]},b=${pid[b]}" banc "$password")
echo "   $result"

echo
echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ) load_average=\"$(cut -d' ' -f1-3 /proc/loadavg)\" cores=$(nproc)"
echo "throughput one_instance=$(field "$one" per_second)/s two_instances=$(field "$two" per_second)/s (GetMap+GetFeature, $clients clients, $solo s each)"
echo "requests=$(field "$result" requests) errors=$(field "$result" errors) in_flight_at_kill=$(field "$result" errors_in_flight_at_kill) other_errors=$(field "$result" errors_other)"
echo "killed=$(field "$result" killed)"
echo "runs_started=$(field "$result" runs_started) runs_finished=$(field "$result" runs_finished) termine=$(field "$result" runs_termine) echec=$(field "$result" runs_echec)"
echo "sessions=$(field "$result" sessions_opened) still_valid=$(field "$result" sessions_valid)"
echo "lost=$(field "$result" lost)"
