#!/usr/bin/env bash
# Intake benchmark: a throw-away PostgreSQL, the host on Kestrel (Release) against it, then the HTTP load.
# Usage: etc/bench/Intake/run.sh [intakes=2000] [concurrency=16]
set -euo pipefail
cd "$(dirname "$0")/../../.."
eval "$(etc/scripts/postgres.sh start)"
host_pid=""
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true; etc/scripts/postgres.sh stop "$ONESTOP_PG_DIR"; }
trap cleanup EXIT
dotnet build -c Release src/OneStop.Platform.Host -v q -nologo >/dev/null
dotnet build -c Release etc/bench/Intake -v q -nologo >/dev/null
port=5099
Database__Provider=PostgreSql Database__ConnectionString="$ONESTOP_TEST_POSTGRES;Database=onestop_bench" \
  ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="http://127.0.0.1:$port" Logging__LogLevel__Default=Warning \
  Outbox__PollingEnabled=true Jobs__ServerEnabled=false Seed__DemoUsers=true Seed__DemoData=false \
  bash -c 'cd src/OneStop.Platform.Host/bin/Release/net10.0 && exec dotnet OneStop.Platform.Host.dll' >/tmp/onestop-bench-host.log 2>&1 &
host_pid=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  sleep 1
done
dotnet etc/bench/Intake/bin/Release/net10.0/OneStop.Bench.Intake.dll "http://127.0.0.1:$port" "${1:-2000}" "${2:-16}"

# Outbox lag under that load: from each DossierChanged's time to its delivery to every consumer (search, Digitization,
# Evaluation, the portal sync), once the relay has drained the queue.
pg_port=$(sed -E 's/.*Port=([0-9]+).*/\1/' <<<"$ONESTOP_TEST_POSTGRES")
psql=(/usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U postgres -d onestop_bench -At)
for _ in $(seq 1 300); do
  [ "$("${psql[@]}" -c "SELECT count(*) FROM counters.\"OutboxMessages\" WHERE \"State\" = 'pending'")" = "0" ] && break
  sleep 1
done
"${psql[@]}" -F ' ' -c "SELECT 'outbox lag (enqueue to handled): n=' || count(*),
  'p50=' || round(percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM \"DeliveredAt\" - \"OccurredAt\"))::numeric * 1000) || ' ms',
  'p95=' || round(percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM \"DeliveredAt\" - \"OccurredAt\"))::numeric * 1000) || ' ms',
  'max=' || round(max(extract(epoch FROM \"DeliveredAt\" - \"OccurredAt\"))::numeric * 1000) || ' ms',
  'pending=' || (SELECT count(*) FROM counters.\"OutboxMessages\" WHERE \"State\" <> 'delivered')
  FROM counters.\"OutboxMessages\" WHERE \"State\" = 'delivered'"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
