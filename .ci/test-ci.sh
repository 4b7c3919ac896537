#!/bin/sh
# `npm run test:ci`: the README's test command with a JSON report, then the "N passed, N failed" line CI reads.
set -u
report="$(mktemp -d)/vitest.json"
status=0
npm test -- --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node "$(dirname "$0")/summarise-vitest.mjs" "$report"
exit "$status"
