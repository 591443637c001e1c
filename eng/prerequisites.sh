#!/usr/bin/env bash
# Installs the machine tools the end-to-end build needs, only when missing:
#   docker-registry  Debian's distribution registry v2 (a real OCI registry on 127.0.0.1, eng/registry.sh)
#   skopeo           pushes the OCI layout built by eng/base-image.sh and inspects digests
#   podman, runc     pull and run the published images (eng/run-image.sh); crun fails in this sandbox, so runc
#   slirp4netns      rootful podman's port publishing without touching the host's network setup
#   git              the GitOps remote
#   gcc, binutils, libc6-dev  link and strip the native (AOT) welltrack tool (clang is used instead where present)
#   openssl          checks the keys and certificates the template engine makes (Ed25519, DSA)
#   htpasswd         (apache2-utils) the bcrypt password file of the password-protected test registry
# A fresh machine lacks them; on a prepared one this is a fast no-op (no apt-get at all).
set -euo pipefail

# command -> Debian package providing it
declare -A wanted=(
  [docker-registry]=docker-registry
  [skopeo]=skopeo
  [podman]=podman
  [runc]=runc
  [slirp4netns]=slirp4netns
  [git]=git
  [curl]=curl                 # the scripts' readiness probes
  [flock]=util-linux          # serialises concurrent starts/builds
  [gcc]=gcc                   # the native tool's linker (sdk/frontends/WellTrack.Cli: PublishAot)
  [objcopy]=binutils          # strips the native tool's symbols
  [openssl]=openssl           # the template tests check Ed25519 and DSA keys and certificates with it
  [htpasswd]=apache2-utils    # the bcrypt htpasswd file of the OCI tests' password-protected registry (OciRegistry)
)

missing=()
for cmd in "${!wanted[@]}"; do
  # runc lives in /usr/sbin, which is not on every user's PATH.
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${wanted[$cmd]}")
done
# The C library's start files and headers, which gcc only recommends.
[ -e /usr/include/stdio.h ] || missing+=(libc6-dev)
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "prerequisites: installing ${missing[*]}" >&2
# Installing docker-registry must not start the system service on :5000 (it wants htpasswd auth and is not
# ours, and binds every interface): policy-rc.d exit 101 tells invoke-rc.d to start no service during this
# install; it is removed again afterwards (only when we created it).
if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
  $sudo chmod 755 /usr/sbin/policy-rc.d
  trap '$sudo rm -f /usr/sbin/policy-rc.d' EXIT
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >/dev/null
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
