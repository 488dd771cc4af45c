#!/usr/bin/env bash
# Two host instances behind nginx on one PostgreSQL (issue 20, target 7): a fresh PostgreSQL, instances A and B of the
# host in Production mode on two ports against the same database, data directory (data-protection keys) and OpenIddict
# certificate, nginx (Debian's package, installed with apt-get if missing) round-robin in front; then the driver
# measures (a) a call made on one instance reaching a board held on the other and (b) the API quota over both.
# Usage: etc/bench/TwoInstances/run.sh [calls=200] [quota=100] [requests=300]      (by hand; not part of CI)
set -euo pipefail
cd "$(dirname "$0")/../../.."
calls=${1:-200}; quota=${2:-100}; requests=${3:-$((3 * quota))}
if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -q nginx >/dev/null || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q nginx >/dev/null; }
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
eval "$(etc/scripts/postgres.sh start)"
work=$(mktemp -d /tmp/onestop-two-instances.XXXXXX)
pids=()
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  etc/scripts/postgres.sh stop "$ONESTOP_PG_DIR"
}
trap cleanup EXIT
[ "${ONESTOP_BENCH_NO_BUILD:-}" = 1 ] || dotnet build -c Release src/OneStop.Platform.Host -v q -nologo >/dev/null # 1: the host as built
dotnet build -c Release etc/bench/TwoInstances -v q -nologo >/dev/null
proxy_port=5110; port_a=5111; port_b=5112

# One signing and encryption certificate for both instances, as in production (a token from A is valid on B).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 -subj "/CN=onestop-bench" \
  -addext "keyUsage=critical,digitalSignature,keyEncipherment" >/dev/null 2>&1
openssl pkcs12 -export -out "$work/openiddict.pfx" -inkey "$work/key.pem" -in "$work/cert.pem" -passout pass:bench

# The demo admin has no authenticator: two-factor sign-in for admins is off so the driver can read the clients list.
start_host() { # name port
  Database__Provider=PostgreSql Database__ConnectionString="$ONESTOP_TEST_POSTGRES;Database=onestop_two_instances" \
    Database__DataDirectory="$work/data" OpenIddict__CertificatePath="$work/openiddict.pfx" OpenIddict__CertificatePassword=bench \
    OpenIddict__AllowHttp=true Api__RateLimit__PermitsPerMinute="$quota" Telemetry__InstanceId="$1" \
    ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:$2" Logging__LogLevel__Default=Warning \
    Identity__SecureCookies=false Identity__RequireTwoFactorForAdmins=false Outbox__PollingEnabled=true Jobs__ServerEnabled=false \
    Seed__DemoUsers=true Seed__DemoApiClient=true Seed__DemoData=false \
    bash -c 'cd src/OneStop.Platform.Host/bin/Release/net10.0 && exec dotnet OneStop.Platform.Host.dll' >>"$work/host-$1.log" 2>&1 &
  pids+=($!)
  local pid=$!
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$2/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$pid" 2>/dev/null || { echo "instance $1 exited; see $work/host-$1.log" >&2; tail -20 "$work/host-$1.log" >&2; return 1; }
    sleep 1
  done
  echo "instance $1 not ready after 240 s" >&2; return 1
}

# A first: it migrates and seeds the empty database; B then finds it ready.
start_host A "$port_a"
start_host B "$port_b"
echo "instances A (:$port_a) and B (:$port_b) up (Production, one database) at $(date -u +%T); load average $(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$work/nginx-temp" && chmod 0777 "$work/nginx-temp"
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  log_format upstream '\$remote_addr [\$time_local] "\$request" \$status \$upstream_addr \$request_time';
  access_log $work/nginx-access.log upstream;
  client_body_temp_path $work/nginx-temp/body; proxy_temp_path $work/nginx-temp/proxy;
  fastcgi_temp_path $work/nginx-temp/fastcgi; uwsgi_temp_path $work/nginx-temp/uwsgi; scgi_temp_path $work/nginx-temp/scgi;
  upstream onestop {
    server 127.0.0.1:$port_a;
    server 127.0.0.1:$port_b;
    keepalive 32;
  }
  server {
    listen 127.0.0.1:$proxy_port;
    location / {
      proxy_pass http://onestop;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host:\$server_port;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_buffering off;          # server-sent events go through at once
      proxy_read_timeout 3600s;
    }
  }
}
NGINX
"$nginx_bin" -p "$work" -c "$work/nginx.conf"
echo "nginx $("$nginx_bin" -v 2>&1 | sed 's/.*nginx\///') round-robin on :$proxy_port"

set +e
dotnet etc/bench/TwoInstances/bin/Release/net10.0/OneStop.Bench.TwoInstances.dll \
  "http://127.0.0.1:$proxy_port" "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" "$calls" "$quota" "$requests"
rc=$?
set -e
echo "requests through nginx per instance: $(awk '{print $(NF-1)}' "$work/nginx-access.log" | sort | uniq -c | awk '{printf "%s %s  ", $2, $1}')"
echo "of them API requests answered 200 / 429 per instance: $(grep 'units/summary' "$work/nginx-access.log" | awk '{print $(NF-1), $(NF-2)}' | sort | uniq -c | awk '{printf "%s %s: %s  ", $2, $3, $1}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); logs: $work"
exit "$rc"
