#!/usr/bin/env bash
# National benchmark of the analysis (steps 1-8) on the real files of shared/data.
# Usage: bench/analysis-national.sh [run ...]   runs: a région code (76), several (76,84), or "france"
# Default: 76 then france (Occitanie first also warms up the JIT). Limited to 2 cores, 4 GB heap.
set -euo pipefail
cd "$(dirname "$0")/.."
# One reactor build: sibling modules resolve to their target/ folders, never to stale jars in ~/.m2.
mvn -B -q -pl gis-service/analysis -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="gis-service/analysis/target/test-classes:gis-service/analysis/target/classes:$(cat gis-service/analysis/target/bench-classpath.txt)"
[ $# -gt 0 ] || set -- 76 france
# CARENCE_BENCH_TIRAGES=N adds N robustness draws to each run (bench/robustness.sh).
exec java -XX:ActiveProcessorCount=2 -Xmx4g -Dcarence.bench.tirages="${CARENCE_BENCH_TIRAGES:-0}" -cp "$CP" \
  fr.carence.analysis.bench.AnalysisBenchmark "$@"
