#!/usr/bin/env bash
# A throwaway PostgreSQL server for the library tests, on 127.0.0.1 only, trust auth.
#   packaging/test-postgres.sh         install Debian's postgresql if missing, initialise
#                                      and start the test cluster, create the database
#                                      article_editor_test; print its URL (only that, on
#                                      stdout). Safe to run again: reuses what is there.
#   packaging/test-postgres.sh stop    stop the test cluster.
# Typical use:
#   export ARTICLE_EDITOR_TEST_POSTGRES_URL="$(packaging/test-postgres.sh)"
# Settings (environment): ARTICLE_EDITOR_PGDATA (default /tmp/article-editor-pgdata),
# ARTICLE_EDITOR_PGPORT (default 55432).
set -euo pipefail

data_dir="${ARTICLE_EDITOR_PGDATA:-/tmp/article-editor-pgdata}"
port="${ARTICLE_EDITOR_PGPORT:-55432}"
database="article_editor_test"
say() { echo "test-postgres: $*" >&2; }

find_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] && echo "$dir"
}

bin=$(find_bin || true)
if [ -z "$bin" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    say "PostgreSQL is not installed; run as root or: apt-get install postgresql"
    exit 1
  fi
  say "installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends postgresql >/dev/null
  bin=$(find_bin)
fi

# initdb and the server refuse to run as root: use the postgres account then.
if [ "$(id -u)" -eq 0 ]; then
  as_owner() { runuser -u postgres -- "$@"; }
else
  as_owner() { "$@"; }
fi

server_running() { as_owner "$bin/pg_ctl" -D "$data_dir" status >/dev/null 2>&1; }

if [ "${1:-start}" = "stop" ]; then
  if [ -f "$data_dir/PG_VERSION" ] && server_running; then
    as_owner "$bin/pg_ctl" -D "$data_dir" -m fast -w stop >/dev/null
    say "stopped"
  fi
  exit 0
fi

major=$(basename "$(dirname "$bin")")
if [ -f "$data_dir/PG_VERSION" ] && [ "$(cat "$data_dir/PG_VERSION")" != "$major" ]; then
  say "$data_dir was made by PostgreSQL $(cat "$data_dir/PG_VERSION"); starting afresh with $major"
  as_owner "$bin/pg_ctl" -D "$data_dir" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data_dir"
fi

if [ ! -f "$data_dir/PG_VERSION" ]; then
  say "initialising $data_dir"
  mkdir -p "$data_dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data_dir"
  chmod 700 "$data_dir"
  as_owner "$bin/initdb" -D "$data_dir" -U postgres --auth=trust --encoding=UTF8 \
    --locale=C >/dev/null
fi

if ! server_running; then
  say "starting the server on 127.0.0.1:$port"
  # listen_addresses: loopback only; the socket goes into the data folder.
  as_owner "$bin/pg_ctl" -D "$data_dir" -l "$data_dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $data_dir" start >/dev/null
fi

psql=("$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -tAq)
exists=$(as_owner "${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = '$database'")
if [ "$exists" != "1" ]; then
  say "creating database $database"
  as_owner "${psql[@]}" -c "CREATE DATABASE $database"
fi

echo "postgresql+psycopg://postgres@127.0.0.1:$port/$database"
