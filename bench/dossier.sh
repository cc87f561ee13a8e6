#!/usr/bin/env bash
# Time of a dossier de carence PDF (GET /api/scenarios/defaut/zones/{zone}/dossier.pdf) on the
# committed Occitanie sample: starts Carence on a fresh H2GIS store (first start loads the sample
# and computes the default scenario), then asks for the dossier of the first-ranked zone and of the
# largest zone, RUNS times each (default 5), anonymously and as a funder, and prints every time and
# the best. Target: under 2 s.
#
#   bench/dossier.sh
# Needs: curl, python3; builds carence.jar if absent (bench/lib.sh).
set -euo pipefail
bench_name=dossier
. "$(dirname "$(readlink -f "$0")")/lib.sh"
export CARENCE_PORT=${CARENCE_PORT:-18095}
runs=${RUNS:-5}
ensure_jar
work=$(mktemp -d)
on_exit='rm -rf "$work"'

# A funder's API token, for the dossier with candidate sites (accounts live in files: docs/security.md).
token="bench-dossier-$(date +%s%N)"
digest=$(printf '%s' "$token" | sha256sum | cut -d' ' -f1)
printf '%s=bench-financeur,FUNDER\n' "$digest" > "$work/jetons.properties"
# First start: the sample is loaded and the default scenario computed before the dossier exists.
data_dir="$work/data" first_start=1 ready_seconds=900 start_carence "$work/carence.log" /actuator/health/liveness -XX:ActiveProcessorCount=2 -Xmx1g -- \
  --carence.security.tokens-file="$work/jetons.properties"
url=$carence_url
for _ in $(seq 1 900); do
  curl -sf -m 5 "$url/api/scenarios/defaut" 2>/dev/null | grep -q '"statut":"termine"' && break
  kill -0 "$carence_pid" 2>/dev/null || die "Carence exited, see its log above: $(tail -5 "$work/carence.log")"
  sleep 1
done
machine
curl -sf "$url/api/scenarios/defaut/zones" -o /dev/null || die "no zone list"
# The first-ranked zone and the zone with the most communes (the longest commune table).
read -r first largest < <(curl -sf "$url/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=carence:zones_carence&OUTPUTFORMAT=application/json&PROPERTYNAME=id,rang,nb_communes" \
  | /usr/bin/python3 -c '
import json, sys
z = [f["properties"] for f in json.load(sys.stdin)["features"]]
one = min(z, key=lambda p: p["rang"]); big = max(z, key=lambda p: (p["nb_communes"], -p["rang"]))
print(one["id"].split(":", 1)[1], big["id"].split(":", 1)[1])')

measure() { # label zone [authorization]
  local best=999 t times=""
  for _ in $(seq 1 "$runs"); do
    t=$(curl -sf -m 60 -o "$work/d.pdf" -w '%{time_total}' ${3:+-H "Authorization: Bearer $3"} \
      "$url/api/scenarios/defaut/zones/$2/dossier.pdf") || die "$1: request failed"
    head -c 5 "$work/d.pdf" | grep -q '%PDF-' || die "$1: not a PDF"
    times="$times $t"; best=$(awk -v a="$t" -v b="$best" 'BEGIN { print (a < b ? a : b) }')
  done
  printf '%-40s best %6.3f s   (runs:%s; %s bytes)\n' "$1" "$best" "$times" "$(stat -c %s "$work/d.pdf")"
}
echo "Dossier de carence PDF on the Occitanie sample ($runs runs each, JVM limited to 2 cores; the first run includes warm-up)"
measure "zone $first, anonymous" "$first"
measure "zone $first, funder" "$first" "$token"
measure "zone $largest (most communes), funder" "$largest" "$token"
