#!/usr/bin/env bash
# What the seed's CI does, for comparison: shallow clone, edit the tag line, commit, push. (The seed used yq; sed is
# cheaper and keeps the comparison in the baseline's favour.) Exit code: git push's.
#   baseline-bump.sh REMOTE_URL CHART TAG WORKDIR
set -euo pipefail
remote=$1 chart=$2 tag=$3 work=$4
rm -rf "$work"
git clone -q --depth 1 "$remote" "$work"
sed -i -E "s/^(  tag: )[^ #]*/\1$tag/" "$work/charts/$chart/values.yaml"
git -C "$work" -c user.name=ci -c user.email=ci@example.test commit -qam "Update $chart image tag to $tag"
git -C "$work" push -q origin HEAD:main
