#!/usr/bin/env bash
# Durability under kill -9: a fresh PostgreSQL, the host in Production mode against it, intake load with an
# Idempotency-Key per dossier, two SIGKILLs of the host at random moments (each followed by a restart), every
# unacknowledged request retried with its same key, then the figures counted from the database.
# Usage: etc/bench/Durability/run.sh [intakes=600] [concurrency=8]      (by hand; not part of CI)
set -euo pipefail
cd "$(dirname "$0")/../../.."
intakes=${1:-600}; concurrency=${2:-8}
eval "$(etc/scripts/postgres.sh start)"
host_pid=""; driver_pid=""
work=$(mktemp -d /tmp/onestop-durability.XXXXXX)
cleanup() {
  [ -n "$driver_pid" ] && kill "$driver_pid" 2>/dev/null || true
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  etc/scripts/postgres.sh stop "$ONESTOP_PG_DIR"
}
trap cleanup EXIT
dotnet build -c Release src/OneStop.Platform.Host -v q -nologo >/dev/null
dotnet build -c Release etc/bench/Durability -v q -nologo >/dev/null
port=5098
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$ONESTOP_TEST_POSTGRES")
psql=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -d onestop_durability -At -v ON_ERROR_STOP=1)

start_host() {
  Database__Provider=PostgreSql Database__ConnectionString="$ONESTOP_TEST_POSTGRES;Database=onestop_durability" \
    Database__DataDirectory="$work/data" \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
    Identity__SecureCookies=false Outbox__PollingEnabled=true Jobs__ServerEnabled=false Seed__DemoUsers=true Seed__DemoData=false \
    bash -c 'cd src/OneStop.Platform.Host/bin/Release/net10.0 && exec dotnet OneStop.Platform.Host.dll' >>"$work/host.log" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$host_pid" 2>/dev/null || { echo "host exited; see $work/host.log" >&2; tail -20 "$work/host.log" >&2; return 1; }
    sleep 1
  done
  echo "host not ready after 240 s" >&2; return 1
}

crash() {
  kill -9 "$host_pid"; wait "$host_pid" 2>/dev/null || true
  echo "kill -9 at $(date -u +%T) with $("${psql[@]}" -c 'SELECT count(*) FROM counters."Dossiers"') dossiers stored; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  start_host
  echo "restarted at $(date -u +%T)"
}

start_host
echo "host up (Production) at $(date -u +%T); load average $(cut -d' ' -f1-3 /proc/loadavg)"
dotnet etc/bench/Durability/bin/Release/net10.0/OneStop.Bench.Durability.dll "http://127.0.0.1:$port" "$intakes" "$concurrency" "$work/journal.csv" &
driver_pid=$!
# Two kills at random moments while intakes are being stored: each once at least 25 more dossiers are in since the
# start (or the restart), then 1–8 s later, so a kill never lands while the clients are still signing in.
stored() { "${psql[@]}" -c 'SELECT count(*) FROM counters."Dossiers"' 2>/dev/null || echo 0; }
for round in 1 2; do
  base=$(stored)
  for _ in $(seq 1 600); do
    [ "$(stored)" -ge $((base + 25)) ] && break
    kill -0 "$driver_pid" 2>/dev/null || break
    sleep 1
  done
  sleep $((1 + RANDOM % 8))
  kill -0 "$driver_pid" 2>/dev/null || { echo "load finished before kill $round; use more intakes" >&2; break; }
  crash
done
set +e; wait "$driver_pid"; driver_rc=$?; set -e; driver_pid=""

# Count from the database: the journal of what the clients were told against the dossiers stored.
"${psql[@]}" -q <<SQL
CREATE TEMP TABLE journal (item int, identity text, idempotency_key text, first_outcome text, acked_first_try bool,
  acked_on_retry bool, dossier_id uuid, second_id uuid, code text, attempts int);
\copy journal FROM '$work/journal.csv' WITH (FORMAT csv, HEADER true)
\pset format unaligned
\pset fieldsep ' '
SELECT 'acknowledged=' || count(*) FILTER (WHERE acked_first_try OR acked_on_retry),
       'first_try=' || count(*) FILTER (WHERE acked_first_try),
       'after_retry=' || count(*) FILTER (WHERE acked_on_retry),
       'never=' || count(*) FILTER (WHERE NOT acked_first_try AND NOT acked_on_retry)
  FROM journal;
SELECT 'lost (acknowledged, absent)=' || count(*) FROM journal j
  WHERE (j.acked_first_try OR j.acked_on_retry) AND NOT EXISTS (SELECT 1 FROM counters."Dossiers" d WHERE d."Id" = j.dossier_id);
SELECT 'duplicated (same applicant+request twice)=' || count(*) FROM (
  SELECT d."ApplicantIdentity" FROM counters."Dossiers" d JOIN journal j ON j.identity = d."ApplicantIdentity"
  GROUP BY d."ApplicantIdentity" HAVING count(*) > 1) x;
SELECT 'duplicated (same key, two dossiers answered)=' || count(*) FROM journal WHERE second_id IS NOT NULL;
SELECT 'dossiers stored=' || (SELECT count(*) FROM counters."Dossiers"), 'journal items=' || (SELECT count(*) FROM journal),
       'stored but never acknowledged=' || (SELECT count(*) FROM counters."Dossiers" d JOIN journal j ON j.identity = d."ApplicantIdentity"
                                              WHERE NOT (j.acked_first_try OR j.acked_on_retry));
SQL
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "journal and host log: $work"
exit "$driver_rc"
