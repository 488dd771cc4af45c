#!/usr/bin/env bash
# Intake benchmark: a throw-away PostgreSQL, the host on Kestrel (Release) against it, then the HTTP load.
# Usage: etc/bench/Intake/run.sh [intakes=2000] [concurrency=16] [wards=8]
set -euo pipefail
cd "$(dirname "$0")/../../.."
eval "$(etc/scripts/postgres.sh start)"
host_pid=""
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true; etc/scripts/postgres.sh stop "$ONESTOP_PG_DIR"; }
trap cleanup EXIT
dotnet build -c Release src/OneStop.Platform.Host -v q -nologo >/dev/null
dotnet build -c Release etc/bench/Intake -v q -nologo >/dev/null
port=${ONESTOP_BENCH_PORT:-5099}
# Another host on the port would take the load and its figures would be read as ours.
if curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then echo "port $port is in use (ONESTOP_BENCH_PORT)" >&2; exit 2; fi
Database__Provider=PostgreSql Database__ConnectionString="$ONESTOP_TEST_POSTGRES;Database=onestop_bench" \
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  Outbox__PollingEnabled=true Jobs__ServerEnabled=false Seed__DemoUsers=true Seed__DemoData=false \
  bash -c 'cd src/OneStop.Platform.Host/bin/Release/net10.0 && exec dotnet OneStop.Platform.Host.dll' >/tmp/onestop-bench-host.log 2>&1 &
host_pid=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pg_pid=$(head -1 "$ONESTOP_PG_DIR/data/postmaster.pid")
# CPU milliseconds of the host process, and of PostgreSQL (the postmaster with its children, live and ended).
cpu_ms() {
  local host=0 pg=0 f
  read -ra f <<<"$(sed 's/.*) //' "/proc/$host_pid/stat")"; host=$((f[11] + f[12]))
  for s in /proc/[0-9]*/stat; do
    read -ra f <<<"$(sed 's/.*) //' "$s" 2>/dev/null)" || continue
    [ "${#f[@]}" -gt 14 ] || continue
    if [ "${s#/proc/}" = "$pg_pid/stat" ]; then pg=$((pg + f[11] + f[12] + f[13] + f[14]))
    elif [ "${f[1]}" = "$pg_pid" ]; then pg=$((pg + f[11] + f[12])); fi
  done
  echo "$((host * 10)) $((pg * 10))"
}
# ONESTOP_BENCH_TRACE=<file.nettrace>: a 20 s CPU sample of the host from ONESTOP_BENCH_TRACE_DELAY seconds (default 15,
# after the sign-ins) into the load (kernel CPU sampling, root), for `dotnet-trace report <file> topN --inclusive`. Not for
# the figures: sampling costs CPU.
if [ -n "${ONESTOP_BENCH_TRACE:-}" ]; then
  (sleep "${ONESTOP_BENCH_TRACE_DELAY:-15}"; "${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}" collect-linux -p "$host_pid" --profile cpu-sampling --duration 00:00:00:20 -o "$ONESTOP_BENCH_TRACE" >/tmp/onestop-bench-trace.log 2>&1) &
fi
ONESTOP_BENCH_HOST_PID=$host_pid ONESTOP_BENCH_PG_PID=$pg_pid \
  dotnet etc/bench/Intake/bin/Release/net10.0/OneStop.Bench.Intake.dll "http://127.0.0.1:$port" "${1:-2000}" "${2:-16}" "${3:-8}" | tee /tmp/onestop-bench-intake.out

# Outbox lag under that load: from each DossierChanged's time to its delivery to every consumer (search, Digitization,
# Evaluation, the portal sync), once the relay has drained the queue.
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$ONESTOP_TEST_POSTGRES")
psql=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -d onestop_bench -At)
delivered() { "${psql[@]}" -c "SELECT count(*) FROM counters.\"OutboxMessages\" WHERE \"State\" = 'delivered'"; }
read -r drain_host0 drain_pg0 <<<"$(cpu_ms)"; delivered0=$(delivered); drain_started=$(date +%s.%N)
for _ in $(seq 1 "${ONESTOP_BENCH_DRAIN_SECONDS:-300}"); do
  [ "$("${psql[@]}" -c "SELECT count(*) FROM counters.\"OutboxMessages\" WHERE \"State\" = 'pending'")" = "0" ] && break
  sleep 1
done
"${psql[@]}" -F ' ' -c "SELECT 'outbox lag (enqueue to handled): n=' || count(*),
  'p50=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM \"DeliveredAt\" - \"OccurredAt\"))::numeric * 1000) || ' ms',
  'p95=' || round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM \"DeliveredAt\" - \"OccurredAt\"))::numeric * 1000) || ' ms',
  'max=' || round(max(extract(epoch FROM \"DeliveredAt\" - \"OccurredAt\"))::numeric * 1000) || ' ms',
  'pending=' || (SELECT count(*) FROM counters.\"OutboxMessages\" WHERE \"State\" <> 'delivered')
  FROM counters.\"OutboxMessages\" WHERE \"State\" = 'delivered'"
# The relay alone after the load: CPU per relayed DossierChanged (its five consumers and what they set off).
read -r drain_host1 drain_pg1 <<<"$(cpu_ms)"; delivered1=$(delivered)
relayed=$((delivered1 - delivered0))
if [ "$relayed" -gt 0 ]; then
  printf 'relay after the load: %d events in %.1f s, %.1f events/s; cpu per event: host %.2f ms, postgres %.2f ms (%d delivered during the load)\n' \
    "$relayed" "$(echo "$(date +%s.%N) - $drain_started" | bc -l)" "$(echo "$relayed / ($(date +%s.%N) - $drain_started)" | bc -l)" \
    "$(echo "($drain_host1 - $drain_host0) / $relayed" | bc -l)" "$(echo "($drain_pg1 - $drain_pg0) / $relayed" | bc -l)" "$delivered0"
  # The host's CPU over the load includes the relay's work on the events it delivered meanwhile: take it out at the
  # relay's own rate, measured just above.
  read -r load_host load_pg < <(sed -nE 's/^cpu over the load: host ([0-9]+) ms, postgres ([0-9]+) ms.*/\1 \2/p' /tmp/onestop-bench-intake.out)
  if [ -n "${load_host:-}" ]; then
    printf 'cpu per intake without the relay'"'"'s share: host %.2f ms, postgres %.2f ms\n' \
      "$(echo "($load_host - $delivered0 * ($drain_host1 - $drain_host0) / $relayed) / ${1:-2000}" | bc -l)" \
      "$(echo "($load_pg - $delivered0 * ($drain_pg1 - $drain_pg0) / $relayed) / ${1:-2000}" | bc -l)"
  fi
fi

# Baseline in the same run, on the same PostgreSQL: the rows of one intake of the load (the dossier, its components,
# steps, history and hand-over, its outbox row, its audit records as the write stores them, the code and register
# counters), copied by pgbench from a template with new keys, one transaction sent as ONE round trip (the statements
# joined by \;), by as many clients, on as many agency-days and unit-years as the load used (client i takes counter
# i mod wards, as the load's client i takes ward i mod wards). The best the database can do for the same writes; the
# host is stopped first so both measure the machine alone.
kill "$host_pid" 2>/dev/null; wait "$host_pid" 2>/dev/null || true; host_pid=""
tpl=$("${psql[@]}" -c "SELECT \"Id\" FROM counters.\"Dossiers\" WHERE \"ReceivedAt\" IS NOT NULL ORDER BY \"SubmittedAt\" DESC LIMIT 1")
agency=$("${psql[@]}" -c "SELECT \"ReceivingAgencyCode\" || '|' || \"ReceivingUnitId\" FROM counters.\"Dossiers\" WHERE \"Id\" = '$tpl'")
"${psql[@]}" -q <<SQL
CREATE TABLE public.bench_tpl (k text, j jsonb);
INSERT INTO bench_tpl SELECT 'dossier', to_jsonb(d) FROM counters."Dossiers" d WHERE "Id" = '$tpl';
INSERT INTO bench_tpl SELECT 'component', to_jsonb(c) FROM counters."DossierComponents" c WHERE "DossierId" = '$tpl';
INSERT INTO bench_tpl SELECT 'step', to_jsonb(c) FROM counters."DossierSteps" c WHERE "DossierId" = '$tpl';
INSERT INTO bench_tpl SELECT 'history', to_jsonb(c) FROM counters."DossierHistory" c WHERE "DossierId" = '$tpl';
INSERT INTO bench_tpl SELECT 'handover', to_jsonb(c) FROM counters."DossierHandovers" c WHERE "DossierId" = '$tpl';
INSERT INTO bench_tpl SELECT 'outbox', to_jsonb(m) FROM counters."OutboxMessages" m WHERE "Payload" ILIKE '%$tpl%' ORDER BY "OccurredAt" LIMIT 1;
INSERT INTO bench_tpl SELECT 'audit', to_jsonb(a) - 'Id' - 'Hash' - 'PreviousHash' FROM counters."AuditRecords" a
  WHERE "EntityId" = '$tpl' OR "EntityId" IN (SELECT "Id"::text FROM counters."DossierComponents" WHERE "DossierId" = '$tpl'
    UNION SELECT "Id"::text FROM counters."DossierSteps" WHERE "DossierId" = '$tpl' UNION SELECT "Id"::text FROM counters."DossierHistory" WHERE "DossierId" = '$tpl'
    UNION SELECT "Id"::text FROM counters."DossierHandovers" WHERE "DossierId" = '$tpl' UNION SELECT "Id"::text FROM counters."OutboxMessages" WHERE "Payload" ILIKE '%$tpl%');
SQL
echo "baseline rows per transaction: $("${psql[@]}" -c "SELECT string_agg(k || ' ' || n, ', ') FROM (SELECT k, count(*) n FROM bench_tpl GROUP BY k ORDER BY k) x"), 2 counters"
clone() { # table, template kind, extra keys (jsonb_build_object arguments)
  echo "INSERT INTO counters.\"$1\" SELECT (jsonb_populate_record(NULL::counters.\"$1\", j || jsonb_build_object($3))).* FROM bench_tpl WHERE k = '$2'"
}
script=$(mktemp /tmp/onestop-pgbench-XXXXXX.sql)
{
  echo '\set r random(1, 9000000000000000000)'
  echo "\\set w :client_id % ${3:-8}"
  echo "BEGIN \\; INSERT INTO counters.\"DossierCodeCounters\" AS c (\"AgencyCode\", \"Day\", \"Last\") VALUES ('${agency%%|*}' || :w, DATE '2030-01-01', 1) ON CONFLICT (\"AgencyCode\", \"Day\") DO UPDATE SET \"Last\" = c.\"Last\" + 1 RETURNING \"Last\" \\;"
  echo "INSERT INTO counters.\"DossierRegisterCounters\" AS c (\"UnitId\", \"Year\", \"Last\") VALUES ('${agency##*|}', 2030 + :w, 1) ON CONFLICT (\"UnitId\", \"Year\") DO UPDATE SET \"Last\" = c.\"Last\" + 1 RETURNING \"Last\" \\;"
  echo "$(clone Dossiers dossier "'Id', md5('d' || :r)::uuid, 'Code', 'PGB-' || :r") \\;"
  for t in DossierComponents:component DossierSteps:step DossierHistory:history DossierHandovers:handover; do
    echo "$(clone "${t%%:*}" "${t##*:}" "'Id', gen_random_uuid(), 'DossierId', md5('d' || :r)::uuid") \\;"
  done
  echo "$(clone OutboxMessages outbox "'Id', gen_random_uuid()") \\;"
  echo "$(clone AuditPending audit "'Seq', nextval(pg_get_serial_sequence('counters.\"AuditPending\"', 'Seq'))") \\;"
  echo "COMMIT;"
} > "$script"
clients=${2:-16}
baseline=$(PGPASSWORD= /usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p "$pg_port" -U postgres -n -c "$clients" -j 2 -T 30 -f "$script" onestop_bench 2>&1)
echo "$baseline" | grep -E "^(number of failed|latency average|tps)" || { echo "$baseline"; exit 1; }
load_after=$(cut -d' ' -f1-3 /proc/loadavg)
base_tps=$(echo "$baseline" | sed -nE 's/^tps = ([0-9.]+).*/\1/p')
rate=$(sed -nE 's/.*throughput: ([0-9.]+) intakes\/s.*/\1/p' /tmp/onestop-bench-intake.out)
p95=$(sed -nE 's/.*p95 ([0-9.]+),.*/\1/p' /tmp/onestop-bench-intake.out)
echo "load average: before $load_before, after $load_after"
printf 'intake: %s/s p95 %s ms baseline %.0f/s ratio %.3f\n' "$rate" "$p95" "$base_tps" "$(echo "$rate / $base_tps" | bc -l)"
