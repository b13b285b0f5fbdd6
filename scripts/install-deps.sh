#!/usr/bin/env bash
# Installs the Debian 12 packages aims needs to build, test and benchmark. Idempotent: packages
# already present are skipped, so a second run does nothing and needs no network.
set -euo pipefail

# Build and runtime libraries.
build_pkgs=(
  cmake ninja-build ccache g++ pkg-config git
  libsqlite3-dev libsodium-dev libssl-dev
  libboost1.81-dev libboost-json1.81-dev
  libcli11-dev libfmt-dev libyaml-cpp-dev libtomlplusplus-dev libkainjow-mustache-dev
  libhowardhinnant-date-dev tzdata
)
# Tests: unit tests, the sqlite3 shell for tamper tests, clang for the fuzz targets, Chromium
# for the browser tests (driven by npm playwright-core).
test_pkgs=(
  libgtest-dev libgmock-dev sqlite3 clang-14 libclang-rt-14-dev procps chromium fonts-dejavu-core
)
# Benchmarks only (not needed by `scripts/dev demo` or `scripts/dev test`).
bench_pkgs=(libbenchmark-dev hyperfine time jq wrk nginx-light curl)

want=("${build_pkgs[@]}")
# htmx (embedded at build time) and the test tools come from npm (package.json) and need
# Node.js; Debian's is used when none is present.
node_pkgs=()
command -v npm >/dev/null 2>&1 || node_pkgs=(nodejs npm)
case "${1:-all}" in
  build) want+=("${node_pkgs[@]}") ;;
  test) want+=("${test_pkgs[@]}" "${node_pkgs[@]}") ;;
  all) want+=("${test_pkgs[@]}" "${bench_pkgs[@]}" "${node_pkgs[@]}") ;;
  *) echo "usage: $0 [build|test|all]" >&2; exit 2 ;;
esac

missing=()
for pkg in "${want[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "installing: ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
