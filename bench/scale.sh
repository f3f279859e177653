#!/usr/bin/env bash
# Scale-out with Redis, all in one run on this machine: a local redis-server, then
#   1. one replica, seq2seq.store=memory (the baseline)
#   2. the same replica with seq2seq.store=redis
#   3. two replicas with seq2seq.store=redis, the clients' requests going to them in turn
# each measured with es->en /translate and en /chat ("samples": 1, a new conversation per request)
# at 16 clients, and GET /chat/{id} (one conversation read, no model: what the store costs alone)
# at 16 clients in 1 and 2; every /translate carries a rate-limited key (one bucket per request).
# With redis, the time Redis adds is read from the replica's own timers (seq2seq.store.redis, p50
# and p99 per operation, over the last run). Then the round trips per chat turn and per rate-limited
# request, as Redis sees them (MONITOR, commands run inside Lua scripts left out), one request at a time.
#   bench/scale.sh [DATASETS_DIR] [SECONDS_PER_LEVEL]
set -euo pipefail
cd "$(dirname "$0")/.."
DATASETS=${1:-../shared/datasets}
SENTENCES=$DATASETS/translation/tatoeba-eng-spa/dev.tsv
MESSAGES=$DATASETS/chat/chatterbot-en/train.tsv
SECONDS_PER_LEVEL=${2:-20}
CLIENTS=${CLIENTS:-16}
PORT_A=${PORT_A:-18101}
PORT_B=${PORT_B:-18102}
REDIS_PORT=${REDIS_PORT:-16391}
WORK=$(mktemp -d)
source bench/service.sh
[[ -f $JAR ]] || ./mvnw -B -q package -DskipTests
command -v redis-server >/dev/null || { echo "needs redis-server (apt-get install redis-server)" >&2; exit 1; }
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize no > "$WORK/redis.log" 2>&1 &
bench_pids+=($!)
for _ in $(seq 1 50); do redis-cli -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG && break; sleep 0.1; done
rcli() { redis-cli -p "$REDIS_PORT" "$@"; }
KEY=$(java -jar "$JAR" keys add --name bench --requests-per-minute 1000000 --seq2seq.auth.store="$WORK/keys.json" | tail -1)
COMMON=(--seq2seq.auth.mode=optional --seq2seq.auth.store="$WORK/keys.json" --spring.data.redis.port="$REDIS_PORT")

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "redis: $(redis-server --version | cut -d' ' -f3), local socket; $CLIENTS clients, $SECONDS_PER_LEVEL s per measurement"
new_conversation() {
  curl -fsS -H 'Content-Type: application/json' -d '{"message": "hello", "language": "en", "samples": 1}' "$1/chat" \
    | sed -E 's/.*"conversationId":"([^"]+)".*/\1/'
}
redis_times() {   # the replica's Redis timers: operation p50 p99 (ms)
  curl -fsS "$1/actuator/prometheus" | grep '^seq2seq_store_redis_seconds{' | grep -E 'quantile="0.(5|99)"' \
    | sed -E 's/.*operation="([^"]+)",quantile="([0-9.]+)".* ([0-9.eE+-]+)$/\1 \2 \3/' \
    | awk '{ms[$1] = ms[$1] sprintf(" p%s %.2f ms", ($2 == "0.5" ? "50" : "99"), $3 * 1000)} END {for (o in ms) print "   redis " o ":" ms[o]}' | sort
}
measure() {   # label, translate URLs, chat URLs, conversation URLs (empty: skip)
  echo "== $1"
  API_KEY=$KEY java bench/LoadGenerator.java service "$2" "$SENTENCES" 2 "$SECONDS_PER_LEVEL" "$CLIENTS" | sed 's/^service /translate/'
  [[ $1 != *redis* ]] || redis_times "${2%%/translate*}" | grep limit || true
  CHAT_LANGUAGE=en CHAT_SAMPLES=1 java bench/LoadGenerator.java chat "$3" "$MESSAGES" 1 "$SECONDS_PER_LEVEL" "$CLIENTS" | tail -1
  [[ $1 != *redis* ]] || redis_times "${3%%/chat*}" | grep conversation || true
  if [[ -n $4 ]]; then
    java bench/LoadGenerator.java get "$4" "$SENTENCES" 1 "$SECONDS_PER_LEVEL" "$CLIENTS" | tail -1 | sed 's/^get     /read    /'
  fi
}
A=http://localhost:$PORT_A
B=http://localhost:$PORT_B

if [[ ${ROUND_TRIPS_ONLY:-} != 1 ]]; then
  start_service "$PORT_A" "$WORK/a-memory.log" "${COMMON[@]}" --seq2seq.store=memory
  measure "1 replica, store memory" "$A/translate" "$A/chat" "$A/chat/$(new_conversation "$A")"
  kill "$SERVICE_PID"; wait "$SERVICE_PID" 2>/dev/null || true
fi

start_service "$PORT_A" "$WORK/a-redis.log" "${COMMON[@]}" --seq2seq.store=redis
[[ ${ROUND_TRIPS_ONLY:-} == 1 ]] || measure "1 replica, store redis" "$A/translate" "$A/chat" "$A/chat/$(new_conversation "$A")"

start_service "$PORT_B" "$WORK/b-redis.log" "${COMMON[@]}" --seq2seq.store=redis
[[ ${ROUND_TRIPS_ONLY:-} == 1 ]] || measure "2 replicas, store redis (requests to A and B in turn)" "$A/translate,$B/translate" "$A/chat,$B/chat" ""

echo "== round trips to Redis, one request at a time (MONITOR; commands inside Lua scripts left out)"
monitored() {   # name command...: runs the command with MONITOR on; prints the client commands Redis received, by name
  local log=$WORK/monitor-$1.log
  shift
  redis-cli -p "$REDIS_PORT" monitor > "$log" & local monitor=$!
  sleep 0.5
  "$@"
  sleep 0.5
  kill "$monitor"; wait "$monitor" 2>/dev/null || true
  LC_ALL=C grep -a -E '^[0-9.]+ \[[0-9]+ [0-9.]+:[0-9]+\] ' "$log" | awk '{print toupper($4)}' | tr -d '"' | sort | uniq -c \
    | awk '{printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2}'
}
total() { sed -E 's/([0-9]+) [A-Z]+/\1/g; s/, /+/g' <<<"$1" | bc; }
turns=10
id=""
first_turn() { id=$(new_conversation "$A"); echo "$id" > "$WORK/id"; }
next_turns() {
  local id; id=$(cat "$WORK/id")
  for i in $(seq 2 $turns); do
    base=$([[ $((i % 2)) == 0 ]] && echo "$B" || echo "$A")
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -d "{\"message\": \"turn $i\", \"conversationId\": \"$id\", \"samples\": 1}" "$base/chat"
  done
}
limited() {
  for i in $(seq 1 10); do
    curl -fsS -o /dev/null -H 'Content-Type: application/json' -H "X-API-Key: $KEY" -d '{"q": "Hola.", "source": "es", "target": "en"}' "$A/translate"
  done
}
m=$(monitored first first_turn); echo "new conversation, first turn (no key): $(total "$m") round trips ($m)"
m=$(monitored next next_turns); echo "each further turn (no key), replicas alternating: $(echo "scale=1; $(total "$m") / ($turns - 1)" | bc) round trips ($m over $((turns - 1)) turns)"
m=$(monitored limited limited); echo "translate with a rate-limited key: $(echo "scale=1; $(total "$m") / 10" | bc) round trips per request ($m over 10 requests)"
