#!/usr/bin/env bash
# Robustness benchmark: the default scenario with 100 robustness draws, on Occitanie then France
# (real files of shared/data), 2 cores, 4 GB heap. Targets: Occitanie < 60 s, France < 5 min for
# the draws (step 6b-robustesse in the printed timings). Prints the load average first: on a
# shared machine the figures are pessimistic.
# Usage: bench/robustness.sh [draws]   (default 100)
set -euo pipefail
cd "$(dirname "$0")/.."
echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)  load average: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
CARENCE_BENCH_TIRAGES="${1:-100}" bench/analysis-national.sh 76 france
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
