#!/usr/bin/env bash
# The README's test command: starts a throw-away PostgreSQL, runs every test project of the solution against it,
# and ends with one line "N passed, N failed" summed over all projects.
# Needs: the .NET SDK, PostgreSQL 15 binaries, Debian's chromium (browser tests), npm (front-end packages).
set -uo pipefail
cd "$(dirname "$0")/../.."

eval "$(etc/scripts/postgres.sh start)"
trap 'etc/scripts/postgres.sh stop "$ONESTOP_PG_DIR"' EXIT

log=$(mktemp /tmp/onestop-test-XXXXXX.log)
dotnet test OneStop.Platform.sln "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# dotnet test prints one summary line per test project: "Passed!  - Failed: 0, Passed: 63, Skipped: 0, ..."
passed=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | awk -F'[:,]' '{s+=$4} END {print s+0}')
failed=$(grep -oE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log" | awk -F'[:,]' '{s+=$2} END {print s+0}')
projects=$(grep -cE 'Failed: +[0-9]+, Passed: +[0-9]+' "$log")
echo "test projects: $projects"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  # A build error or a crashed test host: count it, so the summary never reads as green.
  failed=1
fi
echo "$passed passed, $failed failed"
exit "$status"
