#!/usr/bin/env bash
# Builds the jar and the image, starts the service with docker-compose, waits until it is ready,
# checks /translate and /chat through the published port (also with the generated TypeScript
# client), and always tears down. Then the same with docker-compose.scale.yml (Redis, two replicas,
# nginx): a conversation whose turns are answered by both replicas, and Redis stopped and started
# again (chat 503 problem+json while it is away, translation goes on, chat works again after).
#   BASE_IMAGE=local/jre17:bookworm scripts/compose-smoke.sh
#   SMOKE=single|scale scripts/compose-smoke.sh      # one of the two only
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
export PORT
PROJECT=seq2seq-smoke
SMOKE=${SMOKE:-both}
compose() { docker-compose -p "$PROJECT" "$@"; }
scale() { docker-compose -f docker-compose.scale.yml -p seq2seq-scale-smoke "$@"; }
cleanup() {
  if [[ $SMOKE != scale ]]; then compose logs --tail 40 >&2 || true; compose down -v --remove-orphans >/dev/null 2>&1 || true; fi
  if [[ $SMOKE != single ]]; then scale logs --tail 20 >&2 || true; scale down -v --remove-orphans >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

[[ ${SKIP_PACKAGE:-} == 1 ]] || ./mvnw -B -q package -DskipTests   # never smoke-test a stale jar

single_container() {
start=$(date +%s)
compose up -d --build
built=$(date +%s)
echo "image built and container started in $((built - start)) s"
for i in $(seq 1 180); do
  if curl -fsS --max-time 60 "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then break; fi
  sleep 1
done
ready=$(date +%s)
curl -fsS --max-time 60 "http://localhost:$PORT/actuator/health/readiness" | grep -q '"UP"' || { echo "not ready after 180 s" >&2; exit 1; }
echo "ready $((ready - built)) s after up"
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

[[ $SMOKE == scale ]] || single_container
[[ $SMOKE == single ]] || scale_out
