#!/usr/bin/env bash
# Top frames of a Java Flight Recording: the share of execution samples (jdk.ExecutionSample) whose
# innermost frame is each method, then the share of samples in which a method appears anywhere in
# the stack (inclusive), the N largest of each (default 15).
#
#   bench/jfr-top.sh $HOME/.cache/carence-bench/wms.jfr [N] [THREAD-NAME-SUBSTRING] [INCLUSIVE-REGEX] [SKIP-REGEX]
#
# Samples with a frame matching SKIP-REGEX are left out, e.g. the one-off builds of the map cache
# ('CachedLayer.build|CachedLayer.projection|LayerFeatureCache.load') to see the steady per-request cost.
# The inclusive list keeps the frames matching INCLUSIVE-REGEX (default: Carence, JTS, proj4j,
# Java2D/Marlin, zip, H2, Jackson), so the framework frames every request passes through do not fill it.
# Made by bench/wms-vs-mapserver.sh JFR=1 and bench/mvt-vs-mapserver.sh JFR=1; the thread filter
# (e.g. http-nio) keeps the request threads only. Needs the JDK's jfr tool.
set -euo pipefail
file=${1:?usage: jfr-top.sh FILE.jfr [N] [THREAD] [REGEX]}; n=${2:-15}; thread=${3:-}
keep=${4:-'fr\.carence|locationtech|marlin|java2d|java\.util\.zip|org\.h2|jackson'}
skip=${5:-}
command -v jfr >/dev/null || { echo "jfr-top: missing jfr (a JDK 17)" >&2; exit 1; }
jfr print --events jdk.ExecutionSample --stack-depth 64 "$file" | awk -v n="$n" -v want="$thread" -v keep="$keep" -v skip="$skip" '
  function flush() {
    skipped = 0
    if (skip != "") for (i = 1; i <= depth; i++) if (frames[i] ~ skip) { skipped = 1; break }
    if (inev && !skipped && (want == "" || index(th, want) > 0) && depth > 0) {
      total++; self[first]++
      delete seen
      for (i = 1; i <= depth; i++) if (!(frames[i] in seen)) { seen[frames[i]] = 1; incl[frames[i]]++ }
    }
    inev = 0; depth = 0; th = ""
  }
  /^jdk.ExecutionSample/ { flush(); inev = 1; next }
  /sampledThread = / { th = $0; next }
  /line:/ { f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f); frames[++depth] = f; if (depth == 1) first = f; next }
  END {
    flush()
    printf "%d samples%s\n", total, (want == "" ? "" : " in threads matching " want)
    printf "-- self (innermost frame)\n"
    for (k in self) printf "%6.1f%%  %s\n", 100 * self[k] / total, k | "sort -rn | head -" n
    close("sort -rn | head -" n)
    printf "-- inclusive (anywhere in the stack)\n"
    for (k in incl) if (k ~ keep) printf "%6.1f%%  %s\n", 100 * incl[k] / total, k | "sort -rn | head -" n
    close("sort -rn | head -" n)
  }'
