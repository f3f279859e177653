#!/usr/bin/env bash
# The cost of API keys: es->en /translate throughput and latency at 1 and 16 clients with
# seq2seq.auth.mode=off, then with mode optional and every request carrying a valid key (its
# limit far above the load). Issue target: optional with a key within 5% of off at 16 clients.
#   bench/auth-overhead.sh [DATASETS_DIR] [SECONDS_PER_LEVEL]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}/translation/tatoeba-eng-spa/dev.tsv
SECONDS_PER_LEVEL=${2:-30}
PORT=${PORT:-18096}
STORE=$(mktemp -d)/keys.json
source bench/service.sh
[[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
KEY=$(java -jar "$JAR" keys add --name bench --requests-per-minute 1000000 --seq2seq.auth.store="$STORE" | tail -1)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
for mode in off optional; do
  start_service "$PORT" "/tmp/bench-auth-$mode.log" --seq2seq.auth.mode=$mode --seq2seq.auth.store="$STORE"
  echo "mode $mode$([[ $mode == off ]] || echo ', every request with a key'):"
  API_KEY=$([[ $mode == off ]] || echo "$KEY") java bench/LoadGenerator.java service "http://localhost:$PORT/translate" "$DATA" 2 "$SECONDS_PER_LEVEL" 1 16
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
done
