#!/usr/bin/env bash
# National benchmark of the analysis (steps 1-8) on the real files of shared/data.
# Usage: bench/analysis-national.sh [run ...]   runs: a région code (76), several (76,84), or "france"
# Default: 76 then france (Occitanie first also warms up the JIT). Limited to 2 cores, 4 GB heap.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl gis-service/analysis -am test-compile
CP_FILE=$(mktemp)
trap 'rm -f "$CP_FILE"' EXIT
mvn -B -q -o -pl gis-service/analysis dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="gis-service/analysis/target/test-classes:gis-service/analysis/target/classes:gis-service/store/target/classes:$(cat "$CP_FILE")"
exec java -XX:ActiveProcessorCount=2 -Xmx4g -cp "$CP" fr.carence.analysis.bench.AnalysisBenchmark "${@:-76 france}"
