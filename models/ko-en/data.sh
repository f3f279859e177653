#!/usr/bin/env bash
# Builds the Korean<->English training pairs of the ko-en and en-ko bundles (models/ko-en/README.md).
#   models/ko-en/data.sh DATASETS_DIR JAR OUT_DIR
# OUT_DIR gets ko-en.tsv (Korean TAB English) and en-ko.tsv (English TAB Korean), augmented for
# their source language and shuffled, and dev.tsv (English TAB Korean: Tatoeba and jhe dev).
# The everyday pairs (Tatoeba eng-kor, jhe, the project's phrasebook) are few, so they are
# repeated EVERYDAY_COPIES times (default 6); without that weighting the software, Python-docs and
# Bible pairs drown them and both directions stay at the unigram loss for epochs. Of the larger
# corpora only shortish pairs and a seeded sample are taken (SOFTWARE, PYDOCS, BIBLE pairs).
set -euo pipefail
DATA=$1/translation
JAR=$2
OUT=$3
HERE=$(cd "$(dirname "$0")" && pwd)
COPIES=${EVERYDAY_COPIES:-6}
mkdir -p "$OUT"
seeded() { openssl enc -aes-256-ctr -pass "pass:$1" -nosalt < /dev/zero 2> /dev/null; }
# words(column) <= max, both sides non-empty, then a seeded sample of n pairs
sample() {   # sample FILE MAX_WORDS N SEED
  awk -F'\t' -v max="$2" 'NF >= 2 && $1 != "" && $2 != "" && split($1, w, " ") <= max' "$1" \
    | shuf -n "$3" --random-source=<(seeded "$4")
}
cat "$DATA/tatoeba-eng-kor/train.tsv" "$DATA/jhe-eng-kor/train.tsv" "$HERE"/phrasebook/part-*.tsv \
  | awk -F'\t' 'NF >= 2 {print $1 "\t" $2}' > "$OUT/everyday.tsv"
{ sample "$DATA/software-eng-kor/train.tsv" 12 "${SOFTWARE:-15000}" 1
  sample "$DATA/pydocs-eng-kor/train.tsv" 25 "${PYDOCS:-4000}" 2
  sample "$DATA/bible-eng-kor/train.tsv" 30 "${BIBLE:-2000}" 3; } | awk -F'\t' '{print $1 "\t" $2}' > "$OUT/domain.tsv"
cat "$DATA/tatoeba-eng-kor/dev.tsv" "$DATA/jhe-eng-kor/dev.tsv" > "$OUT/dev.tsv"
for direction in ko-en en-ko; do
  src=${direction%-*}; tgt=${direction#*-}
  scol=$([[ $src == ko ]] && echo 2 || echo 1); tcol=$([[ $src == ko ]] && echo 1 || echo 2)
  for i in $(seq 1 "$COPIES"); do
    java -jar "$JAR" augment --input "$OUT/everyday.tsv" --source-column "$scol" --target-column "$tcol" \
      --source-language "$src" --target-language "$tgt" --seed "$i" --output "$OUT/everyday-$direction-$i.tsv" > /dev/null
  done
  java -jar "$JAR" augment --input "$OUT/domain.tsv" --source-column "$scol" --target-column "$tcol" \
    --source-language "$src" --target-language "$tgt" --seed 99 --output "$OUT/domain-$direction.tsv" > /dev/null
  cat "$OUT"/everyday-"$direction"-*.tsv "$OUT/domain-$direction.tsv" | shuf --random-source=<(seeded 7) > "$OUT/$direction.tsv"
  rm "$OUT"/everyday-"$direction"-*.tsv "$OUT/domain-$direction.tsv"
  echo "$direction: $(wc -l < "$OUT/$direction.tsv") pairs"
done
