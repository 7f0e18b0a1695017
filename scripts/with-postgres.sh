#!/usr/bin/env bash
# Run a command against a throw-away PostgreSQL server: installs PostgreSQL with apt if it
# is missing, starts it in a temporary directory on a free local port, exports
# TEST_DATABASE_URL and DATABASE_URL, runs the command, and always stops the server.
set -euo pipefail

find_bindir() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
  done
  return 1
}

if ! BINDIR=$(find_bindir); then
  echo "Installerar PostgreSQL (apt)"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
  BINDIR=$(find_bindir)
fi

WORKDIR=$(mktemp -d /tmp/pgtest.XXXXXX)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

# PostgreSQL refuses to run as root: run the server as the postgres user when we are root.
AS=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$WORKDIR"
  AS=(runuser -u postgres --)
fi

stop() {
  "${AS[@]}" "$BINDIR/pg_ctl" -D "$WORKDIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$WORKDIR"
}
trap stop EXIT

"${AS[@]}" "$BINDIR/initdb" -D "$WORKDIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
"${AS[@]}" "$BINDIR/pg_ctl" -D "$WORKDIR/data" -l "$WORKDIR/server.log" -w \
  -o "-p $PORT -k $WORKDIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
  start >/dev/null
echo "PostgreSQL $("$BINDIR/postgres" --version | awk '{print $3}') på 127.0.0.1:$PORT"

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
export DATABASE_URL="$TEST_DATABASE_URL"
"$@"
