#!/usr/bin/env bash
# Generates the TypeScript client (openapi-generator's typescript-fetch) from api-spec/openapi.yaml
# into clients/typescript/generated/, installs the compiler from package-lock.json and compiles
# smoke.ts into clients/typescript/dist/. Needs Java (the Maven wrapper runs the generator), node
# and npm; the npm registry only the first time (npm's cache after that).
#   clients/typescript/build.sh
#   node clients/typescript/dist/smoke.js http://localhost:8080     # SEQ2SEQ_API_KEY=... where keys are required
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here/../.."
rm -rf "$here/generated" "$here/dist"
./mvnw -B -q -Pts-client generate-sources | grep -v '^#' || true
[[ -f $here/generated/src/index.ts ]] || { echo "the TypeScript client was not generated" >&2; exit 1; }
# typescript-fetch (7.25) emits uncompilable code for a oneOf of a type and an array of it
# (duplicate identifiers); those three values are plain JSON either way, so pass them through
for name in TextOrTexts DetectedLanguageOrList ScoreOrScores; do
  sed "s/NAME/$name/g" > "$here/generated/src/models/$name.ts" <<'TS'
export type NAME = any;
export function NAMEFromJSON(json: any): NAME { return json; }
export function NAMEFromJSONTyped(json: any, ignoreDiscriminator: boolean): NAME { return json; }
export function NAMEToJSON(value?: NAME | null): any { return value; }
export function NAMEToJSONTyped(value?: NAME | null, ignoreDiscriminator: boolean = false): any { return value; }
TS
done
cd "$here"
npm ci --no-audit --no-fund --prefer-offline --silent
npx --no-install tsc -p tsconfig.json
echo "TypeScript client generated and compiled: clients/typescript/dist/smoke.js"
