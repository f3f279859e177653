#!/usr/bin/env bash
# Generates the TypeScript client from api-spec/openapi.yaml and runs a short Node script with it
# against a running service:  scripts/ts-client-check.sh http://localhost:8080
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:-http://localhost:8080}
./mvnw -B -q -Pts-client generate-sources
cd scripts/ts-client-check
npm install --no-audit --no-fund --silent
npx tsc -p tsconfig.json
node ../../target/ts-client-check/scripts/ts-client-check/check.js "$BASE"
