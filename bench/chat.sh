#!/usr/bin/env bash
# Chat under load: the Korean chat model on songys-ko dev questions (one message per request, a new
# conversation each time) at 1, 4 and 16 concurrent clients, first with the bundle's default
# decoding (ko-chat: the model chooses among its reply memory), then with "samples": 1.
#   bench/chat.sh [DATASETS_DIR] [SECONDS_PER_LEVEL]
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-../shared/datasets}/chat/songys-ko/dev.tsv
SECONDS_PER_LEVEL=${2:-20}
PORT=${PORT:-18092}
source bench/service.sh
start_service "$PORT" /tmp/bench-chat.log
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "messages: $DATA (column 1), $SECONDS_PER_LEVEL s per level"
echo "ko-chat, default decoding (bundle's samples):"
CHAT_LANGUAGE=ko java bench/LoadGenerator.java chat "http://localhost:$PORT/chat" "$DATA" 1 "$SECONDS_PER_LEVEL" 1 4 16
echo "ko-chat, samples 1:"
CHAT_LANGUAGE=ko CHAT_SAMPLES=1 java bench/LoadGenerator.java chat "http://localhost:$PORT/chat" "$DATA" 1 "$SECONDS_PER_LEVEL" 1 4 16
