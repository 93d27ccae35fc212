#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for the storage tests: on 127.0.0.1 only, on a free port, run by a non-root user,
# in a temporary directory that `stop` removes.
#
#   eval "$(eng/postgres.sh start)"   # starts it; prints `export SALESPIPELINE_POSTGRES=...` and `export SALESPIPELINE_PGDIR=...`
#   dotnet test tests/SalesPipeline.Storage.Tests
#   eng/postgres.sh stop              # stops it and removes its directory (reads SALESPIPELINE_PGDIR)
#
# Installs Debian's `postgresql` package when its binaries are missing (needs root and apt). As root, the server runs as
# the `postgres` user (created by the package), since PostgreSQL refuses to run as root.
set -euo pipefail

bin="${PG_BIN:-/usr/lib/postgresql/15/bin}"

log() { echo "postgres.sh: $*" >&2; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

install_if_missing() {
  if [ ! -x "$bin/initdb" ]; then
    [ "$(id -u)" -eq 0 ] || { log "PostgreSQL 15 is not installed at $bin and installing it needs root (apt-get install postgresql)"; exit 1; }
    log "installing PostgreSQL 15 from Debian's packages"
    DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 || { apt-get update >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2; }
  fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  install_if_missing
  local dir port
  dir=$(mktemp -d /tmp/salespipeline-pg.XXXXXX)
  chmod 755 "$dir"
  [ "$(id -u)" -ne 0 ] || chown postgres: "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U salespipeline --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  # Loopback only, the Unix socket inside the cluster's directory. A throwaway cluster need not survive a power cut, so
  # it does not wait for the disk (fsync off): the kill test kills the client, whose open transaction the server rolls
  # back either way, and the tests run several times faster on a shared machine.
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2 \
    || { cat "$dir/server.log" >&2; rm -rf "$dir"; exit 1; }
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U salespipeline salespipeline_tests
  log "started on 127.0.0.1:$port in $dir"
  echo "export SALESPIPELINE_PGDIR='$dir'"
  echo "export SALESPIPELINE_POSTGRES='Host=127.0.0.1;Port=$port;Username=salespipeline;Database=salespipeline_tests;Pooling=true;Maximum Pool Size=50'"
}

stop() {
  local dir="${1:-${SALESPIPELINE_PGDIR:-}}"
  [ -n "$dir" ] || { log "no cluster directory given (argument or SALESPIPELINE_PGDIR)"; exit 1; }
  case "$dir" in /tmp/salespipeline-pg.*) ;; *) log "refusing to remove $dir: not a cluster made by this script"; exit 1 ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  rm -rf "$dir"
  log "stopped and removed $dir"
}

case "${1:-}" in
  start) start ;;
  stop) shift; stop "$@" ;;
  *) echo "usage: $0 start | stop [dir]" >&2; exit 2 ;;
esac
