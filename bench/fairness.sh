#!/usr/bin/env bash
# Fairness: one client sending the heaviest allowed es->en requests back to back (50 texts, beam 8,
# 5 alternatives) while another sends one Tatoeba sentence at a time; the light client's p99 with
# the heavy one against its p99 alone (issue target: at most 2x).
#   bench/fairness.sh [DATASETS_DIR] [SECONDS_PER_PHASE]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}/translation/tatoeba-eng-spa/dev.tsv
SECONDS_PER_PHASE=${2:-30}
PORT=${PORT:-18093}
source bench/service.sh
start_service "$PORT" /tmp/bench-fairness.log
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
java bench/Fairness.java "http://localhost:$PORT/translate" "$DATA" 2 "$SECONDS_PER_PHASE"
