#!/usr/bin/env bash
# The web page's numbers (issue: first load under 300 KB, translate view ready under 1 s, a
# one-sentence es->en translation on screen within 200 ms of the debounce firing): runs
# WebPageBenchmark (headless Debian chromium against the service with the shipped models) and prints them.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B test -Dtest=WebPageBenchmark -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "^web page:|Tests run:|BUILD|ERROR"
