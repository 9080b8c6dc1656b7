#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 on 127.0.0.1 for the store and API tests, and prints its
# DATABASE_URL on stdout (the only line written to stdout; progress goes to stderr).
#
#   export DATABASE_URL="$(bash scripts/start-postgres.sh)"   # start (or reuse) and export
#   bash scripts/start-postgres.sh --stop                     # stop it and delete its data
#
# Run as root on Debian: installs postgresql with apt-get when no server binaries are found,
# runs initdb and the server as the `postgres` user, in a data directory under /tmp that only
# this script uses. Idempotent: a second start reuses the running server. Trust authentication
# on loopback only — this is a test database, never a deployment.
#
# Environment: PG_PORT (default 54329), PG_DIR (default /tmp/chromflow-pg), PG_DB (default
# chromflow_test), PG_BIN (default: the newest /usr/lib/postgresql/<major>/bin).
set -euo pipefail

PG_PORT="${PG_PORT:-54329}"
PG_DIR="${PG_DIR:-/tmp/chromflow-pg}"
PG_DB="${PG_DB:-chromflow_test}"
# Debian's layout: the newest installed /usr/lib/postgresql/<major>/bin (any major version);
# PG_BIN overrides it for another layout.
newest_pg_bin() { { ls -d /usr/lib/postgresql/*/bin 2>/dev/null || true; } | sort -V | tail -n 1; }
PG_BIN="${PG_BIN:-$(newest_pg_bin)}"
DATA="$PG_DIR/data"
SOCK="$PG_DIR/socket"
LOG="$PG_DIR/postgres.log"
URL="postgres://postgres@127.0.0.1:${PG_PORT}/${PG_DB}"

say() { echo "start-postgres: $*" >&2; }

case "$PG_PORT" in '' | *[!0-9]*) say "PG_PORT must be a number, got '$PG_PORT'"; exit 2 ;; esac
case "$PG_DB" in '' | *[!a-z0-9_]*) say "PG_DB must match [a-z0-9_]+, got '$PG_DB'"; exit 2 ;; esac
case "$PG_DIR" in /tmp/?*) ;; *) say "PG_DIR must be under /tmp (it is deleted by --stop), got '$PG_DIR'"; exit 2 ;; esac

if [ "$(id -u)" != 0 ]; then
  say "must run as root (it runs PostgreSQL as the postgres user)"
  exit 1
fi

as_pg() { runuser -u postgres -- "$@"; }

if [ "${1:-}" = "--stop" ]; then
  if [ -f "$DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$DATA" -m fast -w stop >&2 || true
  fi
  rm -rf -- "$PG_DIR"
  say "stopped; removed $PG_DIR"
  exit 0
fi

if [ ! -x "$PG_BIN/initdb" ]; then
  say "installing postgresql (apt-get; the distribution's default major version)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends postgresql >&2
  PG_BIN="$(newest_pg_bin)"
  [ -x "$PG_BIN/initdb" ] || { say "no initdb under /usr/lib/postgresql/*/bin after installation"; exit 1; }
fi
id postgres >/dev/null 2>&1 || { say "no postgres user after installation"; exit 1; }

if [ ! -f "$DATA/PG_VERSION" ]; then
  rm -rf -- "$PG_DIR"
  mkdir -p "$DATA" "$SOCK"
  chown -R postgres:postgres "$PG_DIR"
  chmod 700 "$PG_DIR" "$DATA"
  say "initdb in $DATA"
  if ! as_pg "$PG_BIN/initdb" -D "$DATA" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C.UTF-8 --no-instructions >"$PG_DIR/initdb.log" 2>&1; then
    cat "$PG_DIR/initdb.log" >&2
    say "initdb failed"
    exit 1
  fi
fi

if as_pg "$PG_BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  say "already running on port $PG_PORT"
else
  say "starting on 127.0.0.1:$PG_PORT (log: $LOG)"
  as_pg "$PG_BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $SOCK -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >&2 \
    || { say "failed to start; last log lines:"; tail -n 20 "$LOG" >&2 || true; exit 1; }
fi

for _ in $(seq 1 30); do
  as_pg "$PG_BIN/pg_isready" -h 127.0.0.1 -p "$PG_PORT" -q && break
  sleep 1
done

exists="$(as_pg "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc \
  "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'")"
if [ "$exists" != 1 ]; then
  as_pg "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB" >&2
  say "created database $PG_DB"
fi

echo "$URL"
