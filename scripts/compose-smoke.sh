#!/usr/bin/env bash
# Builds the jar and the image, starts the service with docker-compose, waits until it is ready,
# checks /translate and /chat through the published port (also with the generated TypeScript
# client), and always tears down. Then the same service with API keys required
# (SEQ2SEQ_AUTH_MODE=required, the key store on the compose file's keys volume): without a key 401
# problem+json with WWW-Authenticate; a key made with the keys command inside the container gets
# 200 (as a bearer token and as X-API-Key, and through the TypeScript client); once the key is
# removed, 403 within the service's reload time. Then docker-compose.scale.yml (Redis, two
# replicas, nginx): a conversation whose turns are answered by both replicas, and Redis stopped and
# started again (chat 503 problem+json while it is away, translation goes on, chat works again after).
#   BASE_IMAGE=local/jre17:bookworm scripts/compose-smoke.sh
#   SMOKE=single|keys|scale scripts/compose-smoke.sh      # one of the three only
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
export PORT
PROJECT=seq2seq-smoke
SMOKE=${SMOKE:-all}
compose() { docker-compose -p "$PROJECT" "$@"; }
scale() { docker-compose -f docker-compose.scale.yml -p seq2seq-scale-smoke "$@"; }
runs() { [[ $SMOKE == all || $SMOKE == "$1" ]]; }
cleanup() {
  if runs single || runs keys; then compose logs --tail 40 >&2 || true; compose down -v --remove-orphans >/dev/null 2>&1 || true; fi
  if runs scale; then scale logs --tail 20 >&2 || true; scale down -v --remove-orphans >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

[[ ${SKIP_PACKAGE:-} == 1 ]] || ./mvnw -B -q package -DskipTests   # never smoke-test a stale jar

wait_ready() {   # the one container's readiness on the published port, up to 180 s
  local up i
  up=$(date +%s)
  for i in $(seq 1 180); do
    if curl -fsS --max-time 60 "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
    sleep 1
  done
  curl -fsS --max-time 60 "http://localhost:$PORT/actuator/health/readiness" | grep -q '"UP"' || { echo "not ready after 180 s" >&2; exit 1; }
  echo "ready $(( $(date +%s) - up )) s after up"
}

single_container() {
start=$(date +%s)
compose up -d --build
built=$(date +%s)
echo "image built and container started in $((built - start)) s"
wait_ready
docker image ls seq2seq-service:latest --format 'image size: {{.Size}}'

translation=$(curl -fsS --max-time 60 -H 'Content-Type: application/json' \
  -d '{"q": "Hola, ¿cómo estás?", "source": "es", "target": "en"}' "http://localhost:$PORT/translate")
echo "translate: $translation"
grep -q '"translatedText":"[^"]' <<<"$translation"
reply=$(curl -fsS --max-time 60 -H 'Content-Type: application/json' -d '{"message": "Hello, how are you?", "language": "en"}' \
  "http://localhost:$PORT/chat")
echo "chat: $reply"
grep -q '"reply":"' <<<"$reply"
problem=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code} %{content_type}' -H 'Content-Type: application/json' -d '{}' \
  "http://localhost:$PORT/translate")
echo "bad request: $problem"
[[ $problem == "400 application/problem+json"* ]]
# the TypeScript client generated from the same contract, against the container
clients/typescript/build.sh
node clients/typescript/dist/smoke.js "http://localhost:$PORT"
echo "compose smoke test passed (one container)"
compose down -v --remove-orphans >/dev/null 2>&1
}

now_ms() { date +%s%3N; }
# status, content type and WWW-Authenticate of a POST /translate with the given extra curl arguments
translate_status() {
  curl -sS --max-time 60 -o /dev/null -D "$HEADERS" -w '%{http_code} %{content_type}' -H 'Content-Type: application/json' \
    -d '{"q": "Hola.", "source": "es", "target": "en"}' "$@" "http://localhost:$PORT/translate"
}
challenge() { tr -d '\r' < "$HEADERS" | sed -n 's/^[Ww][Ww][Ww]-[Aa]uthenticate: //p'; }
keys_cli() {   # the keys command inside the running container, on the store the service reads
  compose exec -T seq2seq java org.springframework.boot.loader.launch.JarLauncher keys "$@" --seq2seq.auth.store=/data/keys.json \
    2> >(grep -v '^Picked up JAVA_TOOL_OPTIONS' >&2) | tr -d '\r'
}

keys_required() {
HEADERS=$(mktemp)
SEQ2SEQ_AUTH_MODE=required compose up -d --build
echo "seq2seq.auth.mode=required, key store /data/keys.json on the keys volume"
wait_ready
anonymous=$(translate_status)
echo "without a key: $anonymous, WWW-Authenticate: $(challenge)"
[[ $anonymous == "401 application/problem+json"* && $(challenge) == Bearer* ]]
chat_anonymous=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code} %{content_type}' -H 'Content-Type: application/json' \
  -d '{"message": "Hello!", "language": "en"}' "http://localhost:$PORT/chat")
echo "chat without a key: $chat_anonymous"
[[ $chat_anonymous == "401 application/problem+json"* ]]

key=$(keys_cli add --name smoke --requests-per-minute 600 | tail -1)
[[ $key == s2s_* ]] || { echo "keys add printed no key" >&2; exit 1; }
added=$(now_ms)
for i in $(seq 1 40); do   # the service reads the store again within 5 s of a change
  with_key=$(translate_status -H "Authorization: Bearer $key")
  [[ $with_key == 200* ]] && break
  sleep 0.5
done
echo "with the key (Authorization: Bearer): $with_key, $(( $(now_ms) - added )) ms after keys add (request $i)"
[[ $with_key == "200 application/json"* ]]
echo "keys list in the container: $(keys_cli list | awk 'NR > 1 {print $1, $2 " req/min"}' | paste -sd,)"
with_header=$(translate_status -H "X-API-Key: $key")
echo "with the key (X-API-Key): $with_header"
[[ $with_header == "200 application/json"* ]]
reply=$(curl -fsS --max-time 60 -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
  -d '{"message": "Hello, how are you?", "language": "en"}' "http://localhost:$PORT/chat")
echo "chat with the key: $reply"
grep -q '"reply":"' <<<"$reply"
# the TypeScript client, built in the first part (or now), with the key
[[ -f clients/typescript/dist/smoke.js ]] || clients/typescript/build.sh
SEQ2SEQ_API_KEY=$key node clients/typescript/dist/smoke.js "http://localhost:$PORT"

keys_cli remove smoke
removed=$(now_ms)
for i in $(seq 1 40); do
  gone=$(translate_status -H "Authorization: Bearer $key")
  [[ $gone == 403* ]] && break
  sleep 0.5
done
took=$(( $(now_ms) - removed ))
echo "the removed key: $gone, $took ms after keys remove (request $i)"
[[ $gone == "403 application/problem+json"* ]]
(( took <= 10000 )) || { echo "a removed key was accepted for more than 10 s" >&2; exit 1; }
echo "compose smoke test passed (API keys required)"
compose down -v --remove-orphans >/dev/null 2>&1
}

health() { docker inspect -f '{{.State.Health.Status}}' "$(scale ps -q "$1")" 2>/dev/null || echo unknown; }
chat() {   # message [conversation id]: prints the reply's body, then the replica that answered, on the last line
  local body="{\"message\": \"$1\", \"language\": \"en\"${2:+, \"conversationId\": \"$2\"}}"
  curl -sS --max-time 60 -D "$HEADERS" -H 'Content-Type: application/json' -d "$body" "http://localhost:$PORT/chat"
  echo; tr -d '\r' < "$HEADERS" | sed -n 's/^[Xx]-[Ss]erved-[Bb]y: //p'
}

scale_out() {
HEADERS=$(mktemp)
start=$(date +%s)
scale up -d --build
for i in $(seq 1 300); do
  [[ $(health replica1) == healthy && $(health replica2) == healthy && $(health lb) == healthy ]] && break
  sleep 1
done
[[ $(health replica1) == healthy && $(health replica2) == healthy ]] || { echo "replicas not healthy after 300 s" >&2; exit 1; }
echo "Redis, two replicas and nginx ready $(( $(date +%s) - start )) s after up"
first=$(chat "Hello, how are you?")
echo "turn 1: $first"
id=$(head -1 <<<"$first" | sed -E 's/.*"conversationId":"([^"]+)".*/\1/')
servers=$(tail -1 <<<"$first")
for turn in 2 3 4; do
  reply=$(chat "Tell me more, turn $turn" "$id")
  echo "turn $turn: $reply"
  grep -q "\"turn\":$turn" <<<"$reply"
  servers+=$'\n'$(tail -1 <<<"$reply")
done
distinct=$(sort -u <<<"$servers" | grep -c .)
echo "replicas that answered the conversation: $(sort -u <<<"$servers" | paste -sd' ')"
[[ $distinct -ge 2 ]] || { echo "the conversation was not served by both replicas" >&2; exit 1; }
curl -fsS --max-time 30 "http://localhost:$PORT/chat/$id" | grep -q '"turn":4'

scale stop redis
away=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code} %{content_type}' -H 'Content-Type: application/json' \
  -d '{"message": "Are you there?", "language": "en"}' "http://localhost:$PORT/chat")
echo "chat while Redis is stopped: $away"
[[ $away == "503 application/problem+json"* ]]
curl -fsS --max-time 60 -H 'Content-Type: application/json' -d '{"q": "Hola.", "source": "es", "target": "en"}' \
  "http://localhost:$PORT/translate" | grep -q '"translatedText":"[^"]'
echo "translate while Redis is stopped: 200"
scale start redis
for i in $(seq 1 60); do
  back=$(curl -sS --max-time 60 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"message\": \"Back again?\", \"conversationId\": \"$id\"}" "http://localhost:$PORT/chat")
  [[ $back == 200 ]] && break
  sleep 1
done
echo "chat after Redis came back (same conversation, kept in its append-only file): $back after about $i s"
[[ $back == 200 ]]
echo "compose smoke test passed (docker-compose.scale.yml)"
}

if runs single; then single_container; fi
if runs keys; then keys_required; fi
if runs scale; then scale_out; fi
echo "compose smoke test passed ($SMOKE)"
