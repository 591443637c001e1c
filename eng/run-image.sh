#!/usr/bin/env bash
# Smoke-runs a published image: pull, run, probe, stop, remove. Nothing is left running.
#
#   eng/run-image.sh IMAGE_REF HOST_PORT CONTAINER_PORT [NAME=VALUE...]
#
#   IMAGE_REF       e.g. 127.0.0.1:PORT/demo:t1 (pulled over plain HTTP: --tls-verify=false)
#   HOST_PORT       port published on 127.0.0.1 only; 0 picks a free one
#   CONTAINER_PORT  the app's port inside the container (8080 for the base image's ASPNETCORE_HTTP_PORTS)
#   NAME=VALUE      environment variables for the container
#
# Waits up to $WELLTRACK_RUN_TIMEOUT seconds (default 60) for GET /healthz to answer 2xx, then prints
#   GET /healthz -> <status> <body>
#   GET /readyz -> <status> <body>
# and exits 0; exits 1 (with the container's log) when it never becomes healthy.
# As a pod spec would set them: WELLTRACK_LIVENESS_PATH and WELLTRACK_READINESS_PATH (default /healthz, /readyz),
# WELLTRACK_RUN_USER (a uid), WELLTRACK_RUN_READ_ONLY=1 (read-only root filesystem with a tmpfs on /tmp).
#
# Podman runs with its own configuration and storage under artifacts/podman/ (CONTAINERS_CONF and
# CONTAINERS_STORAGE_CONF), never the machine's. What works as root in this sandbox (Firecracker VM,
# cgroups v1, no systemd):
#   runtime runc              crun fails here
#   storage driver vfs        overlay-on-overlay is not available everywhere; vfs always works (just copies)
#   cgroup_manager cgroupfs   no systemd to talk to
#   events_logger file        no journald
#   network slirp4netns       user-mode networking: needs no bridge, CNI/netavark, iptables or nftables
#   --ulimit nofile/nproc     podman asks runc to set RLIMIT_NOFILE/NPROC to 1048576 by default, which this
#                             kernel refuses ("error setting rlimit type 7/6: operation not permitted");
#                             nofile = the caller's hard limit and nproc = 4096 are accepted.
set -euo pipefail

[ $# -ge 3 ] || { sed -n '4,9p' "$0" >&2; exit 2; }
image="$1"; host_port="$2"; container_port="$3"; shift 3

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pod="${WELLTRACK_PODMAN_DIR:-$repo/artifacts/podman}"
timeout="${WELLTRACK_RUN_TIMEOUT:-60}"
"$repo/eng/prerequisites.sh"

# Private podman configuration (rewritten each run: cheap, and picks up a moved repository).
mkdir -p "$pod/storage" "$pod/run" "$pod/tmp"
cat > "$pod/storage.conf" <<CONF
[storage]
driver = "vfs"
graphroot = "$pod/storage"
runroot = "$pod/run"
CONF
cat > "$pod/containers.conf" <<CONF
[containers]
netns = "slirp4netns"
[engine]
runtime = "runc"
cgroup_manager = "cgroupfs"
events_logger = "file"
events_logfile_path = "$pod/tmp/events.log"
tmp_dir = "$pod/tmp"
CONF
export CONTAINERS_CONF="$pod/containers.conf" CONTAINERS_STORAGE_CONF="$pod/storage.conf"

if [ "$host_port" = 0 ]; then                 # free port below the ephemeral range (see eng/registry.sh)
  for _ in $(seq 1 50); do
    host_port=$((20000 + RANDOM % 12000))
    (exec 3<>"/dev/tcp/127.0.0.1/$host_port") 2>/dev/null || break
  done
fi

env_args=()
for kv in "$@"; do env_args+=(-e "$kv"); done
liveness="${WELLTRACK_LIVENESS_PATH:-/healthz}" readiness="${WELLTRACK_READINESS_PATH:-/readyz}"
[ -n "${WELLTRACK_RUN_USER:-}" ] && env_args+=(--user "$WELLTRACK_RUN_USER")
[ "${WELLTRACK_RUN_READ_ONLY:-}" = 1 ] && env_args+=(--read-only --tmpfs /tmp)

podman pull -q --tls-verify=false "$image" >/dev/null

name="welltrack-run-$$-$RANDOM"
cleanup() { podman rm -f -t 3 "$name" >/dev/null 2>&1 || true; }
trap cleanup EXIT
podman run -d --name "$name" --runtime runc \
  --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096 \
  -p "127.0.0.1:$host_port:$container_port" "${env_args[@]}" "$image" >/dev/null

base="http://127.0.0.1:$host_port"
deadline=$((SECONDS + timeout))
until curl -fsS -o /dev/null --max-time 2 "$base$liveness" 2>/dev/null; do
  state="$(podman inspect -f '{{.State.Status}}' "$name" 2>/dev/null || echo gone)"
  if [ "$state" != running ] || [ $SECONDS -ge $deadline ]; then
    echo "run-image: $image not healthy on $base (container $state); log:" >&2
    podman logs "$name" >&2 2>&1 || true
    exit 1
  fi
  sleep 0.2
done

for path in "$liveness" "$readiness"; do
  # -w prints the status after the body; a 404 /readyz is reported, not fatal (not every app has it).
  resp="$(curl -sS --max-time 5 -w ' %{http_code}' "$base$path" || true)"
  echo "GET $path -> ${resp##* } ${resp% *}"
done
