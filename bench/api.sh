#!/usr/bin/env bash
# HTTP benchmarks of `aims serve` (docs/benchmarks.md), against nginx serving the same response
# bytes as a static file, in the same run with the same wrk settings (2 threads, 64 connections).
#   bench/api.sh [RUNS] [SECONDS] [get]   (default 3 runs of 10 s; needs build/release, wrk, nginx;
#                                          "get" stops after part 1; AIMS_BIN overrides the binary)
# 1. GET /api/v1/systems/{id} (authenticated) on a register of 100k systems, vs nginx.
# 2. Web pages rendered on the server over the same register (plus 100k risks): p50/p95.
# 3. Writes: POST /api/v1/systems (each with its ledger entry), then `aims ledger verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
secs=${2:-10}
aims=${AIMS_BIN:-$PWD/build/release/src/aims}
gen=$PWD/build/release/bench/aims_bench_gen
work=${TMPDIR:-/tmp}/aims-bench-api
rm -rf "$work" && mkdir -p "$work/www/api/v1/systems"
aims_pid=""
nginx_pid=""
cleanup() {
  [[ -n $aims_pid ]] && kill "$aims_pid" 2>/dev/null || true
  [[ -n $nginx_pid ]] && kill "$nginx_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
median() { sort -n | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}'; }
# wrk's summary -> "requests/s p99_ms errors"
wrk_figures() {
  awk '/Requests\/sec/{rps=$2} / 99%/{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; p99=v}
       /Non-2xx/{err+=$NF} /Socket errors/{err+=1} END{printf "%s %s %d\n", rps, p99, err}'
}

echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/Mem:/{print $2}') GiB"

"$gen" --systems 100000 --risks 100000 > "$work/r100k.json"
"$aims" --data "$work/data" import "$work/r100k.json" > /dev/null
printf 'benchmark password\n' | "$aims" --data "$work/data" user add --email bench@example.org --role admin > /dev/null
token=$("$aims" --data "$work/data" token create --user bench@example.org | grep -o 'aims_[0-9a-f]*' | head -1)

port=$(free_port)
"$aims" --data "$work/data" serve --listen "127.0.0.1:$port" --quiet > "$work/serve.out" 2> "$work/serve.err" &
aims_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/readyz" > /dev/null && break; sleep 0.1; done

id=50000
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/systems/$id" > "$work/www/api/v1/systems/$id"
nport=$(free_port)
cat > "$work/nginx.conf" <<CONF
daemon off;
worker_processes 2;
pid $work/nginx.pid;
error_log $work/nginx.err;
events { worker_connections 1024; }
http {
  access_log off;
  default_type application/json;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  server { listen 127.0.0.1:$nport; root $work/www; keepalive_requests 1000000; }
}
CONF
mkdir -p "$work/tmp"
nginx -c "$work/nginx.conf" &
nginx_pid=$!
sleep 0.5
bytes=$(stat -c %s "$work/www/api/v1/systems/$id")

aims_rps=(); nginx_rps=(); aims_p99=(); nginx_p99=(); errors=0
for ((i = 0; i < runs; i++)); do
  read -r r p e < <(wrk -t2 -c64 -d"${secs}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port/api/v1/systems/$id" | wrk_figures)
  aims_rps+=("$r"); aims_p99+=("$p"); errors=$((errors + e))
  read -r r p e < <(wrk -t2 -c64 -d"${secs}s" --latency -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$nport/api/v1/systems/$id" | wrk_figures)
  nginx_rps+=("$r"); nginx_p99+=("$p")
done
a=$(printf '%s\n' "${aims_rps[@]}" | median); n=$(printf '%s\n' "${nginx_rps[@]}" | median)
ap=$(printf '%s\n' "${aims_p99[@]}" | median); np=$(printf '%s\n' "${nginx_p99[@]}" | median)
echo "| GET /api/v1/systems/{id}, 100k systems, $bytes bytes | aims $a req/s, p99 $ap ms | nginx $n req/s, p99 $np ms | ratio $(awk -v a="$a" -v n="$n" 'BEGIN{printf "%.2f", a/n}') | non-2xx/socket errors: $errors |"
[[ ${3:-} == get ]] && exit 0

# Pages: render time (one connection: each request alone, from request to last byte) and, over 4
# connections (a few people at once on 2 cores), the latency under load; percentiles, median over runs.
cat > "$work/pct.lua" <<'LUA'
done = function(summary, latency, requests)
  local bad = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  io.write(string.format("%.2f %.2f %d %d\n", latency:percentile(50) / 1000, latency:percentile(95) / 1000, bad, summary.requests))
end
LUA
for page in "/" "/systems" "/systems?q=system%2099" "/systems?ai_act_tier=high&sort=-name" "/risks" "/soa" "/systems/$id"; do
  p50s=(); p95s=(); l95s=(); bad=0
  for ((i = 0; i < runs; i++)); do
    read -r p50 p95 b n < <(wrk -t1 -c1 -d"$((secs / 2))s" -s "$work/pct.lua" -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port$page" | tail -1)
    p50s+=("$p50"); p95s+=("$p95"); bad=$((bad + b))
    read -r l50 l95 b n < <(wrk -t1 -c4 -d"$((secs / 2))s" -s "$work/pct.lua" -H "Authorization: Bearer $token" \
      "http://127.0.0.1:$port$page" | tail -1)
    l95s+=("$l95"); bad=$((bad + b))
  done
  echo "| page $page | render p50 $(printf '%s\n' "${p50s[@]}" | median) ms, p95 $(printf '%s\n' "${p95s[@]}" | median) ms | 4 connections: p95 $(printf '%s\n' "${l95s[@]}" | median) ms | | errors: $bad |"
done

# Writes: every POST creates a system and its ledger entry in one transaction.
cat > "$work/post.lua" <<'LUA'
-- Names must be unique: each wrk thread gets its own number in setup().
local threads = 0
function setup(thread)
  thread:set("tag", tostring(threads) .. "-" .. tostring(os.time()))
  threads = threads + 1
end
local counter = 0
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
request = function()
  counter = counter + 1
  local body = '{"name": "load ' .. tag .. '-' .. counter .. '", "purpose": "write benchmark"}'
  return wrk.format(nil, "/api/v1/systems", nil, body)
end
LUA
write_rps=()
# Warm-up: the change pool opens its database connections on first use.
wrk -t2 -c32 -d2s -s "$work/post.lua" -H "Authorization: Bearer $token" "http://127.0.0.1:$port" > /dev/null
for ((i = 0; i < runs; i++)); do
  read -r r p e < <(wrk -t2 -c32 -d"${secs}s" --latency -s "$work/post.lua" -H "Authorization: Bearer $token" \
    "http://127.0.0.1:$port" | wrk_figures)
  write_rps+=("$r"); errors=$((errors + e))
done
w=$(printf '%s\n' "${write_rps[@]}" | median)
kill "$aims_pid"; wait "$aims_pid" || true; aims_pid=""
verify=$("$aims" --data "$work/data" --json ledger verify --skip-blobs | grep -o '"ok": [a-z]*' || true)
echo "| POST /api/v1/systems (create + ledger entry), 32 connections | $w writes/s | | | errors: $errors; ledger verify afterwards: $verify |"
