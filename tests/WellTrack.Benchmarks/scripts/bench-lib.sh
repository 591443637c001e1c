# Shared helpers for the whole-process benchmarks: timing, medians, percentiles, a seeded GitOps remote served by
# git daemon on 127.0.0.1. Sourced, not run.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# median of the numbers given as arguments
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# nearest-rank percentile: percentile 95 1 2 3 ...
percentile() { local p=$1; shift; printf '%s\n' "$@" | sort -n | awk -v p="$p" '{a[NR]=$1} END {i=int((p/100)*NR+0.999999); if (i<1) i=1; print a[i]}'; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

# Packs the welltrack tool and installs it into a private tool path, as a user or CI would get it (the native linux-x64
# package on this machine); sets $welltrack to the installed command. Usage: build_cli WORK_DIR [SOURCE_TREE]
# (SOURCE_TREE: another checkout of the repository, e.g. a baseline commit's worktree; default this one).
build_cli() {
  local dir=$1 tree=${2:-$repo_root} project
  project=$(find "$tree/sdk" -name WellTrack.Cli.csproj | head -n 1)
  dotnet pack "$project" -c Release -nologo -v:quiet -o "$dir/tool-feed" -p:PackageVersion=0.0.1-bench >/dev/null
  # A configuration of its own: the repository's package source mapping would not admit the private feed.
  printf '<configuration><packageSources><clear /><add key="bench" value="%s" /></packageSources></configuration>\n' "$dir/tool-feed" > "$dir/tool-nuget.config"
  rm -rf "${NUGET_PACKAGES:-$HOME/.nuget/packages}"/welltrack.cli{,.any,.linux-x64}/0.0.1-bench
  (cd "$dir" && dotnet tool install --tool-path "$dir/tool" WellTrack.Cli --version 0.0.1-bench --configfile "$dir/tool-nuget.config" >/dev/null)
  welltrack="$dir/tool/welltrack"
}

# Creates a bare GitOps remote seeded from the repository's charts/ under $1 and serves it with git daemon on a free
# port; sets $remote_url and $daemon_pid. The caller stops the daemon (stop_daemon).
start_remote() {
  local dir=$1 seed
  seed="$dir/seed"
  mkdir -p "$seed"
  cp -r "$repo_root/charts" "$seed/charts"
  git -C "$seed" init -q -b main
  git -C "$seed" add -A
  git -C "$seed" -c user.name=bench -c user.email=bench@example.test commit -qm "Seed"
  git clone -q --bare "$seed" "$dir/gitops.git"
  git -C "$dir/gitops.git" config daemon.receivepack true
  git -C "$dir/gitops.git" config uploadpack.allowFilter true
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$dir" --export-all --enable=receive-pack "$dir" >/dev/null 2>&1 &
  daemon_pid=$!
  for _ in $(seq 1 100); do (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break; sleep 0.05; done
  remote_url="git://127.0.0.1:$port/gitops.git"
}

stop_daemon() { if [ -n "${daemon_pid:-}" ]; then kill "$daemon_pid" 2>/dev/null || true; wait "$daemon_pid" 2>/dev/null || true; fi; }
