#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 on a free loopback port and prints the connection string.
# Usage: eval "$(etc/scripts/postgres.sh start)"  ->  exports ONESTOP_TEST_POSTGRES and ONESTOP_PG_DIR
#        etc/scripts/postgres.sh stop "$ONESTOP_PG_DIR"
# initdb refuses root, so as root the server runs as the `postgres` user.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    dir=$(mktemp -d /tmp/onestop-pg-XXXXXX)
    [ "$(id -u)" = "0" ] && chown postgres:postgres "$dir"
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
    as_owner "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
    # Throw-away data: durability off for speed; enough connections for parallel test hosts.
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
      start >/dev/null
    echo "export ONESTOP_PG_DIR='$dir'"
    echo "export ONESTOP_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Include Error Detail=true'"
    ;;
  stop)
    dir=${2:?data directory}
    as_owner "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start | stop DIR" >&2; exit 2 ;;
esac
