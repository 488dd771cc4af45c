#!/usr/bin/env bash
# The README's test command: starts a throw-away PostgreSQL, runs every test project of the solution against it,
# and ends with one line "N passed, N failed" summed over all projects.
# Needs: the .NET SDK and npm; installs what else a fresh Debian machine lacks (PostgreSQL 15, Chromium, the Noto fonts,
# poppler) once, as root or through sudo, and says so plainly when it cannot.
set -uo pipefail
cd "$(dirname "$0")/../.."

need=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || need+=(postgresql-15)
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg -s fonts-noto-core >/dev/null 2>&1 || need+=(fonts-noto-core)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
as_root=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    as_root=(sudo)
  elif [ ${#need[@]} -gt 0 ] || ! id postgres >/dev/null 2>&1; then
    echo "The tests need ${need[*]:-a postgres system user}, and installing them needs root or password-less sudo." >&2
    echo "Run this command as root, or first: sudo apt-get install -y ${need[*]:-} && sudo useradd --system --create-home postgres" >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi
if [ ${#need[@]} -gt 0 ]; then
  echo "installing: ${need[*]} (once; takes a few minutes)"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null || {
    echo "apt-get could not install ${need[*]}" >&2
    echo "0 passed, 1 failed"
    exit 1
  }
fi
id postgres >/dev/null 2>&1 || "${as_root[@]}" useradd --system --create-home postgres

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
