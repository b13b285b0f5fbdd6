#!/usr/bin/env bash
# Changing the risk methodology re-scores every live risk (docs/benchmarks.md, issue 4): the time
# of `aims methodology set` on a register of 100k risks, alternating two methodologies (5x5 with
# appetite medium / re-banded with appetite low) so every run changes levels, in one
# transaction with its ledger entry. Baselines in the same run: the process start-up alone
# (`aims --version`), and sqlite3 reading the (likelihood, impact) pairs of every risk.
#   bench/methodology.sh [RUNS]     (default 7; needs build/release and sqlite3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
aims=$PWD/build/release/src/aims
gen=$PWD/build/release/bench/aims_bench_gen
work=${TMPDIR:-/tmp}/aims-bench-methodology
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
ms() { local s=$(date +%s%N); "$@" > /dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); }

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/{print $2}') GiB"
"$gen" --systems 1000 --risks 100000 > "$work/r.json"
"$aims" --data "$work/data" import "$work/r.json" > /dev/null
cat > "$work/a.json" <<'JSON'
{"name": "bench A", "levels": ["low", "medium", "high", "critical"], "appetite": "medium",
 "matrix": ["low, low, low, low, medium", "low, low, medium, medium, high", "low, medium, medium, high, high",
            "low, medium, high, high, critical", "medium, high, high, critical, critical"],
 "review_days": ["365", "180", "90", "30"]}
JSON
cat > "$work/b.json" <<'JSON'
{"name": "bench B", "levels": ["low", "medium", "high", "critical"], "appetite": "low",
 "matrix": ["low, low, medium, medium, high", "low, medium, medium, high, high", "medium, medium, high, high, critical",
            "medium, high, high, critical, critical", "high, high, critical, critical, critical"],
 "review_days": ["365", "120", "60", "14"]}
JSON
"$aims" --data "$work/data" methodology set --file "$work/a.json" > /dev/null
set_times=() start_times=() scan_times=()
for i in $(seq "$runs"); do
  f=$([[ $((i % 2)) == 1 ]] && echo b || echo a)
  set_times+=("$(ms "$aims" --data "$work/data" methodology set --file "$work/$f.json")")
  start_times+=("$(ms "$aims" --version)")
  scan_times+=("$(ms sqlite3 "$work/data/aims.db" "SELECT likelihood, impact FROM risks WHERE retired_at IS NULL;")")
done
"$aims" --data "$work/data" methodology levels | tail -1
"$aims" --data "$work/data" ledger verify --skip-blobs | tail -1
set_ms=$(printf '%s\n' "${set_times[@]}" | median)
start_ms=$(printf '%s\n' "${start_times[@]}" | median)
scan_ms=$(printf '%s\n' "${scan_times[@]}" | median)
echo "methodology set (100k risks re-scored), median of $runs: ${set_ms} ms (runs: ${set_times[*]})"
echo "baseline aims --version: ${start_ms} ms; sqlite3 scan of every risk's scores: ${scan_ms} ms"
