#!/usr/bin/env bash
# Scores the ko-en and en-ko bundles on every Korean-English dev set, each beside the
# translation-memory baseline (the target of the most similar source among all the training
# pairs of the six corpora and the phrasebook: what a localization tool's best fuzzy match gives).
#   models/ko-en/evaluate.sh DATASETS_DIR JAR [MODELS_DIR] [OUT_DIR]
# Prints one line per direction and dev set: model BLEU and chrF, memory BLEU and chrF, chrF margin.
set -euo pipefail
DATA=$1/translation
JAR=$2
MODELS=${3:-models}
OUT=${4:-$(mktemp -d)}
HERE=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$OUT"
MEMORY=()
for corpus in tatoeba jhe software pydocs bible; do MEMORY+=(--memory "$DATA/$corpus-eng-kor/train.tsv"); done
for part in "$HERE"/phrasebook/part-*.tsv; do MEMORY+=(--memory "$part"); done
printf '%-6s %-9s %6s %6s %9s %9s %7s\n' dir set BLEU chrF TM-BLEU TM-chrF margin
for direction in ${DIRECTIONS:-ko-en en-ko}; do
  scol=$([[ $direction == ko-en ]] && echo 2 || echo 1); tcol=$([[ $direction == ko-en ]] && echo 1 || echo 2)
  for set in tatoeba jhe software pydocs bible pud; do
    log=$OUT/$direction-$set.log
    java -jar "$JAR" evaluate --model "$MODELS/$direction" --test "$DATA/$set-eng-kor/dev.tsv" --source-column "$scol" \
      --target-column "$tcol" --output "$OUT/$direction-$set.hyp" "${MEMORY[@]}" --memory-output "$OUT/$direction-$set.tm" > "$log" 2> "$OUT/$direction-$set.err"
    awk -v d="$direction" -v s="$set" '/^BLEU/ {b = $2} /^chrF/ {c = $2} /translation-memory baseline/ {tb = $(NF - 2); tc = $NF}
      END {printf "%-6s %-9s %6.2f %6.2f %9.2f %9.2f %+7.2f\n", d, s, b, c, tb, tc, c - tc}' "$log"
  done
done
