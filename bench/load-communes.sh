#!/usr/bin/env bash
# Benchmark: loads the national reference (admin) and the national commune polygons (2018 ADMIN
# EXPRESS simplified, 35,357 features -> 34,868 current communes) through the CLI into a fresh
# embedded H2GIS store, then into PostGIS when available. Prints wall time, rows/s and peak memory
# (max RSS from /usr/bin/time -v; the heap is capped with -Xmx, see HEAP).
#
# Usage: bench/load-communes.sh [SHARED_DATA_DIR]
#   PostGIS: set CARENCE_JDBC_URL (+ CARENCE_DB_USER, CARENCE_DB_PASSWORD), or have the Debian
#   package postgresql-15-postgis-3: a throwaway cluster is started on a free port and removed.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
DATA=${1:-}
if [[ -z "$DATA" ]]; then
  d=$ROOT
  while [[ "$d" != "/" && ! -d "$d/shared/data" ]]; do d=$(dirname "$d"); done
  DATA=$d/shared/data
fi
[[ -d "$DATA/communes-population" ]] || { echo "shared data not found (pass SHARED_DATA_DIR)" >&2; exit 2; }
HEAP=${HEAP:-2g}
WORK=$(mktemp -d /tmp/carence-bench-XXXXXX)
chmod 755 "$WORK" # the postgres user must reach its cluster directory
trap 'cleanup' EXIT
PG_STARTED=""
cleanup() {
  if [[ -n "$PG_STARTED" ]]; then
    su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/pg_ctl -D $WORK/pg/data -m fast stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$WORK"
}

echo "== build (reactor, no tests)"
(cd "$ROOT" && mvn -B -q -pl loaders -am package -DskipTests \
   dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=runtime >/dev/null)
# This worktree's own module classes first; test-only jars (store test-jar, logback) left out.
CP="$ROOT/loaders/target/classes:$ROOT/gis-service/store/target/classes:$(tr ':' '\n' < "$WORK/cp.txt" \
    | grep -vE 'carence-store|logback|-tests\.jar' | paste -sd: -)"

run() { # label, rows, cli args...
  local label=$1 rows=$2; shift 2
  /usr/bin/time -v -o "$WORK/time.txt" java -Xmx"$HEAP" -cp "$CP" fr.carence.loaders.cli.CarenceCli "$@" > "$WORK/out.txt"
  local wall rss secs cpu
  wall=$(grep "Elapsed (wall clock)" "$WORK/time.txt" | awk '{print $NF}')
  cpu=$(awk -F': ' '/User time|System time/ {t += $2} END {print t}' "$WORK/time.txt")
  rss=$(grep "Maximum resident set size" "$WORK/time.txt" | awk '{print $NF}')
  secs=$(echo "$wall" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
  printf "%-20s wall %6.1f s  CPU %6.1f s  %7.0f rows/s (wall)  max RSS %5.0f MB  load avg %s\n" "$label" "$secs" "$cpu" \
    "$(echo "$rows / $secs" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$(cut -d' ' -f1 /proc/loadavg)"
  grep -E "couche|réparées" "$WORK/out.txt" | sed 's/^/    /'
}

bench_store() { # label, store args...
  local POP=$DATA/communes-population label=$1
  shift
  run "admin ($label)" 37590 load --quiet "$@" admin "$POP/communes.json.gz" "$POP/epci.json.gz" "$POP/departements.json" "$POP/regions.json"
  run "communes ($label)" 35357 load --quiet "$@" communes "$DATA/communes-geometry/communes-2018-admin-express-simplifie.geojson.gz"
}

echo "== H2GIS (embedded, fresh data dir), -Xmx$HEAP, $(nproc) cores"
bench_store h2gis --store h2gis --data-dir "$WORK/h2"

if [[ -z "${CARENCE_JDBC_URL:-}" && -x /usr/lib/postgresql/15/bin/initdb && $(id -u) == 0 ]]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$WORK/pg" && chown postgres:postgres "$WORK/pg"
  su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/initdb -D $WORK/pg/data -U postgres -A trust -E UTF8 --locale=C.UTF-8" >/dev/null
  su postgres -s /bin/bash -c "/usr/lib/postgresql/15/bin/pg_ctl -D $WORK/pg/data -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1' -l $WORK/pg/pg.log -w start" >/dev/null
  PG_STARTED=1
  psql -q -h 127.0.0.1 -p "$PORT" -U postgres -c "CREATE DATABASE gis" && psql -q -h 127.0.0.1 -p "$PORT" -U postgres -d gis -c "CREATE EXTENSION postgis"
  export CARENCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PORT/gis" CARENCE_DB_USER=postgres CARENCE_DB_PASSWORD=""
fi
if [[ -n "${CARENCE_JDBC_URL:-}" ]]; then
  echo "== PostGIS (${CARENCE_JDBC_URL%%\?*})"
  bench_store postgis --store postgis
else
  echo "== PostGIS: skipped (no CARENCE_JDBC_URL and no local Debian PostgreSQL 15)"
fi
