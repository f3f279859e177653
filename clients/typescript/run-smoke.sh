#!/usr/bin/env bash
# End to end, without Docker: builds the jar (SKIP_PACKAGE=1: use the one in target/), makes a key
# store in a temporary directory, adds a key with the `keys` command, starts the service with
# seq2seq.auth.mode=required on that store, builds the TypeScript client (build.sh) and runs
# smoke.js with the key; always stops the service.
#   clients/typescript/run-smoke.sh            # PORT=18091 by default
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
PORT=${PORT:-18091}
JAR=target/seq2seq-service-0.1.0-SNAPSHOT.jar
work=$(mktemp -d)
service=
cleanup() {
  if [[ -n $service ]]; then kill "$service" 2>/dev/null || true; wait "$service" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ ${SKIP_PACKAGE:-} == 1 && -f $JAR ]] || ./mvnw -B -q package -DskipTests
"$here/build.sh"
store="$work/keys.json"
key=$(java -jar "$JAR" keys add --name typescript-smoke --requests-per-minute 600 --seq2seq.auth.store="$store" | tail -1)
[[ $key == s2s_* ]] || { echo "keys add printed no key" >&2; exit 1; }
OMP_NUM_THREADS=1 java -jar "$JAR" --server.port="$PORT" --seq2seq.auth.mode=required --seq2seq.auth.store="$store" \
  > "$work/service.log" 2>&1 &
service=$!
for i in $(seq 1 180); do
  curl -fsS "http://localhost:$PORT/actuator/health/readiness" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$service" 2>/dev/null || { tail -30 "$work/service.log" >&2; exit 1; }
  sleep 1
done
curl -fsS "http://localhost:$PORT/actuator/health/readiness" | grep -q '"UP"' || { echo "not ready after 180 s" >&2; tail -30 "$work/service.log" >&2; exit 1; }
echo "service ready on :$PORT after about $i s (seq2seq.auth.mode=required, store $store)"
SEQ2SEQ_API_KEY=$key node "$here/dist/smoke.js" "http://localhost:$PORT"
