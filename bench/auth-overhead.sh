#!/usr/bin/env bash
# The cost of API keys: es->en /translate throughput and latency at 1 and 16 clients with
# seq2seq.auth.mode=off, then with mode optional and every request carrying a valid key (its
# limit far above the load). Issue target: optional with a key within 5% of off at 16 clients.
# Both services run side by side for the whole script. The load levels measure one mode after the
# other, so drift of a shared host between them counts as a difference; the last line pair is
# therefore one client whose requests alternate between the two services, sentence by sentence
# (bench/PairedLatency.java): the median of those per-sentence differences is the one-client cost.
# The 16-client number is then measured in ROUNDS (default 4) rounds of A B B A (A = off,
# B = optional with a key; one warm-up pass of each first, not counted), so that a host drifting
# during the run weighs on both modes alike; the last line is the mean of the rounds' ratios.
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
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_service "$PORT" /tmp/bench-auth-off.log --seq2seq.auth.mode=off
start_service "$((PORT + 1))" /tmp/bench-auth-optional.log --seq2seq.auth.mode=optional --seq2seq.auth.store="$STORE"
for mode in off optional; do
  port=$([[ $mode == off ]] && echo "$PORT" || echo "$((PORT + 1))")
  echo "mode $mode$([[ $mode == off ]] || echo ', every request with a key'):"
  API_KEY=$([[ $mode == off ]] || echo "$KEY") java bench/LoadGenerator.java service "http://localhost:$port/translate" "$DATA" 2 "$SECONDS_PER_LEVEL" 1 16
done
echo "one client, alternating: A = mode off, B = mode optional with the key:"
API_KEY=$KEY java bench/PairedLatency.java "http://localhost:$PORT/translate" "http://localhost:$((PORT + 1))/translate" "$DATA" 2 "$SECONDS_PER_LEVEL"
load16() {   # load16 MODE SECONDS -> requests/s at 16 clients
  local port=$([[ $1 == off ]] && echo "$PORT" || echo "$((PORT + 1))")
  API_KEY=$([[ $1 == off ]] || echo "$KEY") java bench/LoadGenerator.java service "http://localhost:$port/translate" "$DATA" 2 "$2" 16 | awk 'NR == 2 {print $3}'
}
echo "16 clients, ${ROUNDS:=4} rounds of off, optional, optional, off (${SECONDS_PER_LEVEL} s each, after a warm-up of each):"
load16 off 10 > /dev/null; load16 optional 10 > /dev/null
ratios=()
for round in $(seq 1 "$ROUNDS"); do
  a1=$(load16 off "$SECONDS_PER_LEVEL"); b1=$(load16 optional "$SECONDS_PER_LEVEL")
  b2=$(load16 optional "$SECONDS_PER_LEVEL"); a2=$(load16 off "$SECONDS_PER_LEVEL")
  ratio=$(awk -v a="$a1" -v b="$b1" -v c="$b2" -v d="$a2" 'BEGIN {printf "%.4f", (b + c) / (a + d)}')
  ratios+=("$ratio")
  echo "round $round: off $a1, optional $b1, optional $b2, off $a2 req/s; optional/off $ratio"
done
printf '%s\n' "${ratios[@]}" | awk '{s += $1; q += $1 * $1; n++} END {m = s / n; sd = sqrt((q - n * m * m) / (n - 1)); printf "optional with a key vs off at 16 clients: %+.1f%% (mean of %d rounds; standard error %.1f points)\n", (m - 1) * 100, n, sd / sqrt(n) * 100}'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
