#!/usr/bin/env bash
# Builds the ASP.NET Core base image from this machine's own .NET runtime and pushes it to a local registry.
# There is no mcr.microsoft.com here, so the .NET SDK's container publishing needs a base image we make
# ourselves. Usage:
#
#   eng/base-image.sh [REGISTRY]        REGISTRY = 127.0.0.1:PORT; default: eng/registry.sh start
#
# Prints the pushed reference (REGISTRY/welltrack/aspnet:10.0) on stdout; progress goes to stderr.
# Output under artifacts/base-image/: rootfs/ (staging), oci/ (OCI image layout), stamp.
# The image is rebuilt only when the runtime, the native libraries or this script change (stamp file); it is
# pushed whenever the registry does not already serve the same manifest digest.
#
# Image: /usr/share/dotnet with the dotnet host, host/fxr, Microsoft.NETCore.App and Microsoft.AspNetCore.App
# (/usr/bin/dotnet symlink), the native libraries they link or dlopen (found with ldd; libssl/libcrypto and
# ICU are dlopened so they are added by name), /etc/passwd+group with user app (uid 1654, like Microsoft's
# images), /tmp 1777, CA certificates. Config: user 1654, WorkingDir /app, ASPNETCORE_HTTP_PORTS=8080,
# APP_UID=1654 (the SDK's container tasks take ContainerUser from it), DOTNET_RUNNING_IN_CONTAINER=true.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${WELLTRACK_BASE_IMAGE_DIR:-$repo/artifacts/base-image}"
dotnet_root="${DOTNET_ROOT_FOR_IMAGE:-/usr/share/dotnet}"
repository="welltrack/aspnet"
tag="10.0"
mkdir -p "$out"
# One build at a time (parallel test shards share artifacts/base-image).
exec 9>"$out/.lock"; flock 9

"$repo/eng/prerequisites.sh"
registry="${1:-$("$repo/eng/registry.sh" start)}"
case "$registry" in *:*) ;; *) registry="127.0.0.1:$registry" ;; esac   # a bare port is accepted too
ref="$registry/$repository:$tag"

# Newest installed version of each piece (the SDK's own runtime is what the tests' apps target).
latest() { ls -1 "$1" | sort -V | tail -n 1; }
netcore_ver="$(latest "$dotnet_root/shared/Microsoft.NETCore.App")"
aspnet_ver="$(latest "$dotnet_root/shared/Microsoft.AspNetCore.App")"
fxr_ver="$(latest "$dotnet_root/host/fxr")"
runtime_dirs=("$dotnet_root/shared/Microsoft.NETCore.App/$netcore_ver" "$dotnet_root/shared/Microsoft.AspNetCore.App/$aspnet_ver")

# --- native libraries: ldd closure of the host, hostfxr and the runtime's .so files, plus dlopened ones ----
multiarch="$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)"
dlopened=()
for pattern in 'libssl\.so\.[0-9]+$' 'libcrypto\.so\.[0-9]+$' 'libicuuc\.so\.[0-9]+$' 'libicui18n\.so\.[0-9]+$' \
               'libicudata\.so\.[0-9]+$' 'libz\.so\.1$'; do
  # ldconfig -p lists "name (arch) => path"; take the soname path for this architecture.
  p="$(ldconfig -p | grep -E "x86-64" | awk '{print $NF}' | grep -E "/${pattern}" | head -n 1 || true)"
  [ -n "$p" ] && dlopened+=("$p")
done
have_icu=false; printf '%s\n' "${dlopened[@]}" | grep -q libicuuc && have_icu=true

libs_of() { ldd "$@" 2>/dev/null | awk '/=> \//{print $3} /^\s*\/[^ ]*ld-linux/{print $1}' ; }
# libcoreclrtraceptprovider.so needs liblttng-ust (tracing only, loaded on demand, absent here): ignored
# because ldd reports it "not found", which the awk above skips.
libs="$(
  { libs_of "$dotnet_root/dotnet" "$dotnet_root/host/fxr/$fxr_ver/libhostfxr.so" \
            $(find "${runtime_dirs[@]}" -name '*.so'); printf '%s\n' "${dlopened[@]}"; } | sort -u)"
for _ in 1 2 3; do libs="$( { echo "$libs"; libs_of $libs; } | sort -u)"; done   # transitive closure
libs="$(echo "$libs"; echo "/lib64/ld-linux-x86-64.so.2")"

# --- cache key: runtime versions, this script, and the identity of every library copied ----------------
key="$( { echo "$netcore_ver $aspnet_ver $fxr_ver"; sha256sum < "${BASH_SOURCE[0]}";   # contents, not path
          for l in $libs; do stat -L -c '%n %s %Y' "$l"; done; } | sha256sum | cut -d' ' -f1)"

if [ "$(cat "$out/stamp" 2>/dev/null)" != "$key" ] || [ ! -s "$out/oci/index.json" ]; then
  start=$(date +%s)
  echo "base-image: building from .NET $netcore_ver / ASP.NET Core $aspnet_ver (icu: $have_icu)" >&2
  root="$out/rootfs"; rm -rf "$root" "$out/oci" "$out/stamp"
  mkdir -p "$root"/{usr/bin,usr/lib/"$multiarch",usr/lib64,usr/share/dotnet/host/fxr,usr/share/dotnet/shared,etc,app,home/app,tmp}
  # Merged /usr like Debian 12: /lib, /lib64, /bin are symlinks, so library paths from ldd resolve in the image.
  ln -s usr/lib "$root/lib"; ln -s usr/lib64 "$root/lib64"; ln -s usr/bin "$root/bin"

  # Runtime: the host, hostfxr and the two shared frameworks, nothing else of the SDK.
  cp -a "$dotnet_root/dotnet" "$root/usr/share/dotnet/"
  for f in LICENSE.txt ThirdPartyNotices.txt; do [ -f "$dotnet_root/$f" ] && cp -a "$dotnet_root/$f" "$root/usr/share/dotnet/"; done
  cp -a "$dotnet_root/host/fxr/$fxr_ver" "$root/usr/share/dotnet/host/fxr/"
  for d in "${runtime_dirs[@]}"; do
    mkdir -p "$root/usr/share/dotnet/shared/$(basename "$(dirname "$d")")"
    cp -a "$d" "$root/usr/share/dotnet/shared/$(basename "$(dirname "$d")")/"
  done
  ln -s ../share/dotnet/dotnet "$root/usr/bin/dotnet"

  # Libraries: the soname entry (often a symlink) and the real file it points to, at the same /usr path.
  for l in $libs; do
    real="$(readlink -f "$l")"
    for p in "$l" "$real"; do
      p="${p#/}"; case "$p" in lib/*|lib64/*) p="usr/$p" ;; esac   # /lib/x -> /usr/lib/x (merged /usr)
      mkdir -p "$root/$(dirname "$p")"
      [ -e "$root/$p" ] || [ -L "$root/$p" ] || cp -P "/${p}" "$root/$p" 2>/dev/null || cp -P "$l" "$root/$p"
    done
  done

  # Users: root and the non-root app user (uid/gid 1654) Microsoft's images run as.
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654:app:/home/app:/usr/sbin/nologin\n' > "$root/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' > "$root/etc/group"
  # CA bundle (cheap, ~200 KB) so HttpClient to TLS endpoints works; OpenSSL's default path plus the dir.
  if [ -f /etc/ssl/certs/ca-certificates.crt ]; then
    mkdir -p "$root/etc/ssl/certs"; cp /etc/ssl/certs/ca-certificates.crt "$root/etc/ssl/certs/"
  fi
  find "$root" -type d -exec chmod 0755 {} +
  chmod 1777 "$root/tmp"

  # Layer: deterministic tar (sorted, epoch mtime, numeric root ownership), then home/app appended owned by
  # app so the app can write its home (ASP.NET Core data protection keys). gzip -n: no name/time in header.
  oci="$out/oci"; mkdir -p "$oci/blobs/sha256"
  tar_opts=(--sort=name --mtime=@0 --numeric-owner --format=posix --pax-option=exthdr.name=%d/PaxHeaders/%f,delete=atime,delete=ctime)
  tar -C "$root" "${tar_opts[@]}" --owner=0 --group=0 --exclude=./home/app -cf "$out/layer.tar" .
  tar -C "$root" "${tar_opts[@]}" --owner=1654 --group=1654 --no-recursion -rf "$out/layer.tar" ./home/app
  diff_id="$(sha256sum "$out/layer.tar" | cut -d' ' -f1)"
  gzip -n -6 -c "$out/layer.tar" > "$out/layer.tar.gz"; rm -f "$out/layer.tar"
  layer_digest="$(sha256sum "$out/layer.tar.gz" | cut -d' ' -f1)"; layer_size="$(stat -c %s "$out/layer.tar.gz")"
  mv "$out/layer.tar.gz" "$oci/blobs/sha256/$layer_digest"

  blob() {  # stdin -> blob; prints "digest size"
    # Called through process substitution, which the shell does not wait for: the blob must be in place before the
    # line is printed, or the next call's temp file races this one's rename.
    local tmp; tmp="$(mktemp "$oci/blob.XXXXXX")"; cat > "$tmp"
    local d s; d="$(sha256sum "$tmp" | cut -d' ' -f1)"; s="$(stat -c %s "$tmp")"
    mv "$tmp" "$oci/blobs/sha256/$d"; echo "$d $s"
  }
  icu_env=""; $have_icu || icu_env='"DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true",'
  # Descriptive OCI annotations go on the manifest only: config Labels would be inherited by every app image
  # the SDK builds on top (it copies base labels), where a title of "welltrack/aspnet" would be wrong.
  labels="\"org.opencontainers.image.title\":\"welltrack/aspnet\",\"org.opencontainers.image.description\":\"ASP.NET Core $aspnet_ver runtime built from the local .NET install (eng/base-image.sh)\",\"org.opencontainers.image.version\":\"$aspnet_ver\",\"org.opencontainers.image.created\":\"1970-01-01T00:00:00Z\""
  read -r cfg_digest cfg_size < <(printf '%s' "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"1970-01-01T00:00:00Z\",\"config\":{\"User\":\"1654\",\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\",\"APP_UID=1654\",\"ASPNETCORE_HTTP_PORTS=8080\",\"DOTNET_RUNNING_IN_CONTAINER=true\",${icu_env}\"DOTNET_VERSION=$netcore_ver\",\"ASPNET_VERSION=$aspnet_ver\"],\"WorkingDir\":\"/app\"},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:$diff_id\"]},\"history\":[{\"created\":\"1970-01-01T00:00:00Z\",\"created_by\":\"eng/base-image.sh: .NET $netcore_ver, ASP.NET Core $aspnet_ver\"}]}" | blob)
  read -r man_digest man_size < <(printf '%s' "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"sha256:$cfg_digest\",\"size\":$cfg_size},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"sha256:$layer_digest\",\"size\":$layer_size}],\"annotations\":{$labels}}" | blob)
  printf '%s' '{"imageLayoutVersion":"1.0.0"}' > "$oci/oci-layout"
  printf '%s' "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\",\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"sha256:$man_digest\",\"size\":$man_size,\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"},\"annotations\":{\"org.opencontainers.image.ref.name\":\"$tag\"}}]}" > "$oci/index.json"
  echo "$key" > "$out/stamp"
  echo "base-image: built sha256:$man_digest (layer $((layer_size / 1024 / 1024)) MiB gz) in $(( $(date +%s) - start ))s" >&2
fi

# --- push unless the registry already serves this exact manifest ---------------------------------------
want="$(grep -o '"digest":"sha256:[0-9a-f]*"' "$out/oci/index.json" | head -n 1 | cut -d'"' -f4)"
have="$(skopeo inspect --tls-verify=false --format '{{.Digest}}' "docker://$ref" 2>/dev/null || true)"
if [ "$have" != "$want" ]; then
  start=$(date +%s)
  # --preserve-digests: push the manifest bytes as written (no conversion), so the digest stays $want.
  skopeo copy --quiet --preserve-digests --dest-tls-verify=false "oci:$out/oci:$tag" "docker://$ref" >&2
  echo "base-image: pushed $ref@$want in $(( $(date +%s) - start ))s" >&2
fi
echo "$ref"
