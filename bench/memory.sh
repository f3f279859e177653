#!/usr/bin/env bash
# The service's resident memory (RSS) with the shipped models: when ready, after 30 s of 16
# translation clients (es->en, Tatoeba dev), after 30 s of 4 English chat clients (ChatterBot
# corpus) and after 30 s of 4 Korean chat clients (songys dev). JAVA_OPTS passes JVM options.
#   [JAVA_OPTS=-Xmx1g] bench/memory.sh [DATASETS_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}
PORT=${PORT:-18092}
source bench/service.sh
rss() { echo "$(( $(ps -o rss= -p "$SERVICE_PID") / 1024 )) MB"; }
start=$(date +%s)
start_service "$PORT" /tmp/memory-service.log
echo "memory: JAVA_OPTS '${JAVA_OPTS:-}': ready after $(( $(date +%s) - start )) s (JVM start included), rss $(rss)"
echo "memory: load lines: kind, clients, req/s, p50 ms, p99 ms, errors, 503s"
java bench/LoadGenerator.java service "http://localhost:$PORT/translate" "$DATA/translation/tatoeba-eng-spa/dev.tsv" 2 30 16 | tail -1
echo "memory: after 16 translation clients for 30 s, rss $(rss)"
CHAT_LANGUAGE=en java bench/LoadGenerator.java chat "http://localhost:$PORT/chat" "$DATA/chat/chatterbot-en/train.tsv" 1 30 4 | tail -1
echo "memory: after 4 English chat clients for 30 s, rss $(rss)"
CHAT_LANGUAGE=ko java bench/LoadGenerator.java chat "http://localhost:$PORT/chat" "$DATA/chat/songys-ko/dev.tsv" 1 30 4 | tail -1
echo "memory: after 4 Korean chat clients for 30 s, rss $(rss)"
