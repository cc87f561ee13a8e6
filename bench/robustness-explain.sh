#!/usr/bin/env bash
# Why the sensible carence communes of the Occitanie default run are sensible (docs/analysis.md,
# "Robustness of the Occitanie run"): the default scenario with its 100 draws, then each uncertain
# parameter alone at both ends of its drawn range. Prints, per sensible/probable commune, its base
# margins and the ends that take it out of carence. Reads the real files of shared/data.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o -pl gis-service/analysis -am test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="gis-service/analysis/target/test-classes:gis-service/analysis/target/classes:$(cat gis-service/analysis/target/bench-classpath.txt)"
exec java -XX:ActiveProcessorCount=2 -Xmx4g -cp "$CP" fr.carence.analysis.bench.RobustnessExplanation
