#!/usr/bin/env bash
# Builds the jar and the image, starts the service with docker-compose, waits until it is ready,
# checks /translate and /chat through the published port (also with the generated TypeScript
# client), and always tears down.
#   BASE_IMAGE=local/jre17:bookworm scripts/compose-smoke.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${PORT:-18080}
export PORT
PROJECT=seq2seq-smoke
compose() { docker-compose -p "$PROJECT" "$@"; }
cleanup() { compose logs --tail 40 >&2 || true; compose down -v --remove-orphans >/dev/null 2>&1 || true; }
trap cleanup EXIT

[[ ${SKIP_PACKAGE:-} == 1 ]] || ./mvnw -B -q package -DskipTests   # never smoke-test a stale jar
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
scripts/ts-client-check.sh "http://localhost:$PORT"
echo "compose smoke test passed"
