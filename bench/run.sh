#!/usr/bin/env bash
# End-to-end benchmarks for docs/benchmarks.md. Each figure is the median of several runs, and
# each comparison is against a baseline measured in the same run on the same machine.
#   bench/run.sh [RUNS]      (default 5; expects a release build in build/release)
# Prints a Markdown table; raw hyperfine JSON goes to build/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
aims=build/release/src/aims
gen=build/release/bench/aims_bench_gen
out=build/bench
work=${TMPDIR:-/tmp}/aims-bench
mkdir -p "$out"
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

median() { jq -r '.results[0].median' "$1"; }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/{print $2}') GiB"
echo

# 1. Import of 100,000 AI systems (with their ledger entries), into a fresh data directory.
"$gen" --systems 100000 > "$work/r100k.json"
records=$(jq '[.organisations, .people, .systems] | map(length) | add' "$work/r100k.json")
hyperfine --runs "$runs" --warmup 1 --prepare "rm -rf $work/import" \
  --export-json "$out/import.json" "$aims --data $work/import import $work/r100k.json" >/dev/null
t=$(median "$out/import.json")
echo "| import 100k systems | $records records | median $(printf %.2f "$t") s | $(awk -v r="$records" -v t="$t" 'BEGIN{printf "%.0f", r/t}') records/s |"

# 2. aims system list --json over those 100k systems, with peak memory.
hyperfine --runs "$runs" --warmup 1 --export-json "$out/list.json" \
  "$aims --data $work/import --json system list > /dev/null" >/dev/null
t=$(median "$out/list.json")
peak=$( { /usr/bin/time -f "%M" "$aims" --data "$work/import" --json system list > /dev/null; } 2>&1 | tail -1)
echo "| system list --json, 100k | | median $(printf %.3f "$t") s | peak RSS $((peak / 1024)) MiB |"

# 3. aims ledger verify over ~1M entries versus sha256sum over the same number of bytes.
"$gen" --systems 1000000 > "$work/r1m.json"
"$aims" --data "$work/big" import "$work/r1m.json" > /dev/null
"$aims" --data "$work/big" --json ledger verify --skip-blobs > "$work/verify.json"
entries=$(jq .entries "$work/verify.json")
bytes=$(jq .bytes_hashed "$work/verify.json")
head -c "$bytes" /dev/urandom > "$work/same-bytes.bin"
hyperfine --runs "$runs" --warmup 1 --export-json "$out/verify.json" \
  "$aims --data $work/big ledger verify --skip-blobs" \
  "sha256sum $work/same-bytes.bin" >/dev/null
tv=$(jq -r '.results[0].median' "$out/verify.json")
ts=$(jq -r '.results[1].median' "$out/verify.json")
echo "| ledger verify | $entries entries, $bytes bytes hashed | median $(printf %.2f "$tv") s | sha256sum same bytes $(printf %.2f "$ts") s; throughput ratio $(awk -v a="$ts" -v b="$tv" 'BEGIN{printf "%.2f", a/b}') |"
