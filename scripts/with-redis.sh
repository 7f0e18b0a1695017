#!/usr/bin/env bash
# Run a command against a throw-away Redis server: installs Debian's redis-server with apt
# if it is missing, starts it in a temporary directory on a free local port (no
# persistence), exports REDIS_URL, runs the command, and always stops the server.
set -euo pipefail

if ! command -v redis-server >/dev/null; then
  echo "Installerar Redis (apt)"
  SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
fi

WORKDIR=$(mktemp -d /tmp/redistest.XXXXXX)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

stop() {
  local pid
  pid=$(cat "$WORKDIR/redis.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$WORKDIR"
}
trap stop EXIT

redis-server --bind 127.0.0.1 --port "$PORT" --dir "$WORKDIR" --save "" --appendonly no \
  --daemonize yes --pidfile "$WORKDIR/redis.pid" --logfile "$WORKDIR/redis.log" \
  --maxmemory 256mb --maxmemory-policy allkeys-lru
for _ in $(seq 50); do
  redis-cli -p "$PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done
echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) på 127.0.0.1:$PORT"

export REDIS_URL="redis://127.0.0.1:$PORT/0"
"$@"
