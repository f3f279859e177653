#!/usr/bin/env bash
# Side-by-side load test: Apertium APY and this service, the same Spanish sentences from
# tatoeba-eng-spa/dev.tsv, one sentence per request, at 1, 4, 16 and 64 concurrent clients.
#   bench/run.sh [DATASETS_DIR] [SECONDS_PER_LEVEL]     (SERVICE_ARGS="--seq2seq.batching.workers=1" passes settings)
# Needs: apertium-apy and apertium-eng-spa (apt-get install apertium-apy apertium-eng-spa), the built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}/translation/tatoeba-eng-spa/dev.tsv
SECONDS_PER_LEVEL=${2:-20}
APY_PORT=${APY_PORT:-2737}
PORT=${PORT:-18090}
MODES=${APERTIUM_MODES:-/usr/share/apertium/modes}
source bench/service.sh
apertium-apy -p "$APY_PORT" "$MODES" > /tmp/bench-apy.log 2>&1 & bench_pids+=($!)
start_service "$PORT" /tmp/bench-service.log --seq2seq.models-dir="${MODELS_DIR:-models}" --seq2seq.language-profiles=models/langid.tsv ${SERVICE_ARGS:-}
for i in $(seq 1 180); do
  curl -fsS "localhost:$APY_PORT/listPairs" >/dev/null 2>&1 && break
  sleep 1
  [[ $i == 180 ]] && { echo "APY not ready after 180 s" >&2; exit 1; }
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "sentences: $DATA (column 2, Spanish), $SECONDS_PER_LEVEL s per level"
java bench/LoadGenerator.java apy "http://localhost:$APY_PORT/translate" "$DATA" 2 "$SECONDS_PER_LEVEL" 1 4 16 64 | tee /tmp/bench-apy.txt
java bench/LoadGenerator.java service "http://localhost:$PORT/translate" "$DATA" 2 "$SECONDS_PER_LEVEL" 1 4 16 64 | tee /tmp/bench-service.txt
echo
echo "ratio service/APY (requests/s):"
paste <(tail -n +2 /tmp/bench-apy.txt) <(tail -n +2 /tmp/bench-service.txt) | awk '{printf "  %3d clients: %s (p50 %s ms vs %s ms)\n", $2, ($3 > 0 ? sprintf("%.2fx", $10/$3) : "n/a"), $11, $4}'
