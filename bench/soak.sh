#!/usr/bin/env bash
# Soak and overload runs against this service alone.
#   bench/soak.sh [DATASETS_DIR] [MINUTES]
# Soak: 32 clients for MINUTES minutes, one line per minute with the service's resident memory.
# Overload: 640 clients (about 10x what saturates it) against a queue of 64 per model, then one
# client again to show recovery.
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}/translation/tatoeba-eng-spa/dev.tsv
MINUTES=${2:-10}
PORT=${PORT:-18091}
source bench/service.sh
start_service "$PORT" /tmp/soak-service.log --seq2seq.batching.queue-capacity=64 \
  --server.tomcat.threads.max=700 --server.tomcat.accept-count=1000
PID=$SERVICE_PID
URL="http://localhost:$PORT/translate"
echo "soak: 32 clients, $MINUTES x 60 s"
for m in $(seq 1 "$MINUTES"); do
  line=$(java bench/LoadGenerator.java service "$URL" "$DATA" 2 60 32 | tail -1)
  echo "minute $m: $line  rss_mb $(( $(ps -o rss= -p $PID) / 1024 ))"
done
echo "overload: 640 clients for 30 s, then 1 client"
java bench/LoadGenerator.java service "$URL" "$DATA" 2 30 640 | tail -1
java bench/LoadGenerator.java service "$URL" "$DATA" 2 10 1 | tail -1
echo "service still up: $(curl -fsS localhost:$PORT/actuator/health/liveness)"
