#!/usr/bin/env bash
# Local OCI registry for the end-to-end build: Debian's docker-registry (distribution v2), plain HTTP,
# no auth, bound to 127.0.0.1 only, storage under artifacts/registry/data.
#
#   eng/registry.sh start   start it (or reuse the live one) and print its port
#   eng/registry.sh stop    kill it (no-op when not running)
#   eng/registry.sh port    print the port of the live registry; exit 1 when none is running
#
# State lives in $WELLTRACK_REGISTRY_DIR (default $REPO/artifacts/registry): config.yml, registry.pid,
# registry.port, registry.log, data/. Images are then at 127.0.0.1:PORT/<name>:<tag>.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${WELLTRACK_REGISTRY_DIR:-$repo/artifacts/registry}"
pid_file="$dir/registry.pid"
port_file="$dir/registry.port"

# True when the recorded registry process is alive and answers the v2 API on the recorded port.
live() {
  [ -s "$pid_file" ] && [ -s "$port_file" ] || return 1
  kill -0 "$(cat "$pid_file")" 2>/dev/null || return 1
  curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$(cat "$port_file")/v2/" 2>/dev/null
}

# A port nobody listens on. Taken below the kernel's ephemeral range (32768+) so outgoing connections do not
# grab it meanwhile; the bind can still race another process, so start() retries with a fresh port.
free_port() {
  local p
  for _ in $(seq 1 50); do
    p=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null || { echo "$p"; return 0; }
  done
  echo "registry: no free port found" >&2; return 1
}

start() {
  mkdir -p "$dir/data"
  if live; then cat "$port_file"; return 0; fi
  [ -x "$(command -v docker-registry)" ] || "$repo/eng/prerequisites.sh"
  local port pid
  for _attempt in 1 2 3 4 5; do
    port="$(free_port)"
    # Written fresh each start: only the address changes. No auth section = anonymous push/pull;
    # delete enabled so tests can clean up; health checks off (nothing polls them, they only log).
    cat > "$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
  fields:
    service: registry
storage:
  filesystem:
    rootdirectory: $dir/data
  delete:
    enabled: true
  cache:
    blobdescriptor: inmemory
http:
  addr: 127.0.0.1:$port
  secret: welltrack-local-only
  headers:
    X-Content-Type-Options: [nosniff]
YAML
    # setsid + closed stdio: the registry outlives this script and does not hold the caller's pipes open;
    # 9>&- so it does not inherit (and keep holding) the start/stop lock.
    setsid docker-registry serve "$dir/config.yml" >"$dir/registry.log" 2>&1 </dev/null 9>&- &
    pid=$!
    for _ in $(seq 1 100); do            # up to ~10 s; it normally answers in well under a second
      if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/v2/" 2>/dev/null; then
        echo "$pid" > "$pid_file"; echo "$port" > "$port_file"; echo "$port"; return 0
      fi
      kill -0 "$pid" 2>/dev/null || break   # died: most likely lost the port race; try another port
      sleep 0.1
    done
    kill "$pid" 2>/dev/null || true
  done
  echo "registry: failed to start, see $dir/registry.log" >&2; tail -n 20 "$dir/registry.log" >&2 || true
  return 1
}

stop() {
  if [ -s "$pid_file" ]; then
    local pid; pid="$(cat "$pid_file")"
    if kill "$pid" 2>/dev/null; then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$pid_file" "$port_file"
}

case "${1:-}" in
  start)
    # Serialise concurrent starts (parallel test shards) so they share one registry instead of racing.
    mkdir -p "$dir"; exec 9>"$dir/.lock"; flock 9
    start ;;
  stop) mkdir -p "$dir"; exec 9>"$dir/.lock"; flock 9; stop ;;
  port) live && cat "$port_file" || { echo "registry: not running" >&2; exit 1; } ;;
  *) echo "usage: $0 start|stop|port" >&2; exit 2 ;;
esac
