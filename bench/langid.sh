#!/usr/bin/env bash
# Language identification: the service's identifier (models/langid.tsv) against Lingua and OpenNLP's
# detector, all choosing among en, es, de and ko: accuracy on both columns of the Tatoeba dev splits
# and songys-ko dev, on their first 1-3 words and on typed phrases; microseconds per call; load time
# and heap; calibration of the confidence. Runs LanguageIdBenchmark (test scope) and prints its lines.
# Usage: bench/langid.sh [DATASETS_DIR]   (default ../shared/datasets)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B test -Dtest=LanguageIdBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddatasets="${1:-../shared/datasets}" 2>&1 | grep -E "^langid:|Tests run:|BUILD|ERROR"
