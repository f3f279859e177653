#!/usr/bin/env bash
# Side-by-side load test: Apertium APY and this service, the same Spanish sentences from
# tatoeba-eng-spa/dev.tsv, one sentence per request, at 1, 4, 16 and 64 concurrent clients.
#   bench/run.sh [DATASETS_DIR] [SECONDS_PER_LEVEL]
# Needs: apertium-apy and apertium-eng-spa (apt-get install apertium-apy apertium-eng-spa), the built jar.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}/translation/tatoeba-eng-spa/dev.tsv
SECONDS_PER_LEVEL=${2:-20}
APY_PORT=${APY_PORT:-2737}
PORT=${PORT:-18090}
JAR=target/seq2seq-service-0.1.0-SNAPSHOT.jar
MODES=${APERTIUM_MODES:-/usr/share/apertium/modes}
[[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

apertium-apy -p "$APY_PORT" "$MODES" > /tmp/bench-apy.log 2>&1 & pids+=($!)
OMP_NUM_THREADS=1 java -jar "$JAR" --server.port="$PORT" --seq2seq.models-dir="${MODELS_DIR:-models}" --seq2seq.language-profiles=models/langid.tsv > /tmp/bench-service.log 2>&1 & pids+=($!)
for i in $(seq 1 180); do
  curl -fsS "localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q UP \
    && curl -fsS "localhost:$APY_PORT/listPairs" >/dev/null 2>&1 && break
  sleep 1
  [[ $i == 180 ]] && { echo "service or APY not ready after 180 s" >&2; exit 1; }
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "sentences: $DATA (column 2, Spanish), $SECONDS_PER_LEVEL s per level"
java bench/LoadGenerator.java apy "http://localhost:$APY_PORT/translate" "$DATA" 2 "$SECONDS_PER_LEVEL" 1 4 16 64 | tee /tmp/bench-apy.txt
java bench/LoadGenerator.java service "http://localhost:$PORT/translate" "$DATA" 2 "$SECONDS_PER_LEVEL" 1 4 16 64 | tee /tmp/bench-service.txt
echo
echo "ratio service/APY (requests/s):"
paste <(tail -n +2 /tmp/bench-apy.txt) <(tail -n +2 /tmp/bench-service.txt) | awk '{printf "  %3d clients: %s (p50 %s ms vs %s ms)\n", $2, ($3 > 0 ? sprintf("%.2fx", $10/$3) : "n/a"), $11, $4}'
