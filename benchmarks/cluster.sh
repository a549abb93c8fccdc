#!/usr/bin/env bash
# Cluster benchmarks of issue 14 against PACKAGED hosts on 127.0.0.1, with wrk and PostgreSQL on
# 127.0.0.1:5432 (user postgres, trust). Not part of the test run.
#
#   benchmarks/cluster.sh
#
# Measures search and acquire throughput on one host (H2, then PostgreSQL) and on two hosts over one
# PostgreSQL database (wrk against both at once, half the connections each, their req/s added), each
# right after GET /api/health on the same hosts and connections (the baseline, same run); then the time
# from a change on one host to its effect on another (ChangePropagationBenchmark).
# Environment: RUNS (3), DURATION (5s), CONNS (32), CHANGES (200), SKIP_BUILD=1 to reuse the build.
# Each configuration gets a fresh database (ch_bench_<random>), dropped at the end.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
duration=${DURATION:-5s}
conns=${CONNS:-32}
changes=${CHANGES:-200}
block=${BLOCK:-20000}   # numbers of the local stock each (run, host) acquires from
token=bench-token-0123456789
out="$root/benchmarks/target/cluster/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
pids=()
databases=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  for d in "${databases[@]}"; do psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
}
trap cleanup EXIT
source "$root/benchmarks/lib.sh"
[ -n "${SKIP_BUILD:-}" ] || build "$root"

new_database() {
  local name="ch_bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $name"
  databases+=("$name")
  echo "$name"
}
stop_hosts() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }

# together FILE_PREFIX PATH [LUA] PORT...: one wrk per port at once (conns split evenly); prints "sum_rps p50 p99 non2xx"
# (p50 and p99 of the first host's run).
together() {
  local prefix=$1 path=$2 lua=$3; shift 3
  local each=$(( conns / $# )) i=0 port wrks=()
  for port in "$@"; do
    ACQUIRE_START=$(( (run * 2 + i) * block )) wrk_once "$prefix.$port.txt" "$each" "http://127.0.0.1:$port$path" "$lua" > "$prefix.$port.res" &
    wrks+=($!)
    i=$(( i + 1 ))
  done
  wait "${wrks[@]}"
  local sum=0 bad=0 first=""
  for port in "$@"; do
    read -r rps p50 p99 nb < "$prefix.$port.res"
    sum=$(echo "$sum $rps" | awk '{print $1 + $2}'); bad=$(( bad + nb ))
    [ -n "$first" ] || first="$p50 $p99"
  done
  echo "$sum $first $bad"
}
# row CONFIG LABEL PATH LUA PORT...: RUNS pairs of (health, PATH) on all PORTs at once; a table row.
row() {
  local config=$1 label=$2 path=$3 lua=$4; shift 4
  local tag; tag=$(printf '%s' "$config-$label" | tr -c 'a-zA-Z0-9-' '_')
  : > "$out/$tag.h"; : > "$out/$tag.f"
  for run in $(seq "$runs"); do
    together "$out/$tag.health.$run" /api/health "" "$@" >> "$out/$tag.h"
    together "$out/$tag.$run" "$path" "$lua" "$@" >> "$out/$tag.f"
  done
  local hr fr fp50 fp99 bad
  hr=$(cut -d' ' -f1 "$out/$tag.h" | median)
  fr=$(cut -d' ' -f1 "$out/$tag.f" | median); fp50=$(cut -d' ' -f2 "$out/$tag.f" | median)
  fp99=$(cut -d' ' -f3 "$out/$tag.f" | median); bad=$(awk '{s+=$4} END {print s}' "$out/$tag.f")
  printf '| %s | %s | %.0f | %.0f | %.2f | %s | %s | %s |\n' "$config" "$label" "$fr" "$hr" \
    "$(echo "$fr $hr" | awk '{print $1/$2}')" "$fp50" "$fp99" "$bad" | tee -a "$out/results.md"
}
# fill_stock DB: the local stock of StockImport's numbers (k = 0 .. (2 RUNS + 1) BLOCK) straight into PostgreSQL
# database DB with one INSERT ... SELECT, as the import would store them (without their history rows).
fill_stock() {
  psql -q -h 127.0.0.1 -U postgres -d "$1" -c "INSERT INTO numbers (number, state, carrier, data, created_at, updated_at)
    SELECT '+1' || lpad((201 + k / 10000)::text, 3, '0') || '555' || lpad((k % 10000)::text, 4, '0'), 'AVAILABLE', 'local', '{}',
           (extract(epoch FROM now()) * 1000)::bigint, (extract(epoch FROM now()) * 1000)::bigint
    FROM generate_series(0, $(( (runs * 2 + 1) * block - 1 ))) AS k"
}
# figures CONFIG DB PORT...: the stock (through the API on H2, DB being "-"; by SQL on PostgreSQL), then the rows.
figures() {
  local config=$1 db=$2; shift 2
  for port in "$@"; do wait_ok "http://127.0.0.1:$port/api/numbers?prefix=415&quantity=1&carriers=mock"; require_serving "$port" mock local; done
  if [ "$db" = - ]; then
    java_tool org.carrierhost.benchmarks.hotpath.StockImport "http://127.0.0.1:$1" $token $(( (runs * 2 + 1) * block )) > "$out/$config.import.txt"
  else
    fill_stock "$db"
  fi
  row "$config" "mock search" '/api/numbers?prefix=415&quantity=10&carriers=mock' "" "$@"
  row "$config" "acquire of distinct local numbers" /api/numbers/acquire "$root/benchmarks/acquire.lua" "$@"
}

java_tool org.carrierhost.benchmarks.hotpath.HotPathPlugins search "$out/plugins" > /dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' | head -1 | sed 's/^/PostgreSQL /'), load $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee -a "$out/results.md"
{ echo; echo "| hosts | figure | req/s (median, all hosts) | health req/s (same hosts, same run) | ratio | p50 ms (first host) | p99 ms (first host) | non-2xx |"
  echo '|---|---|---|---|---|---|---|---|'; } | tee -a "$out/results.md"

start_host h2 "$root" 18190 "$out/plugins"
figures "one host, H2" - 18190
stop_hosts

db=$(new_database)
start_host pg1 "$root" 18191 "$out/plugins" --set store.jdbc_url=jdbc:postgresql://127.0.0.1:5432/$db --set store.user=postgres
figures "one host, PostgreSQL" "$db" 18191
stop_hosts

db=$(new_database)
for i in 1 2; do
  start_host "two$i" "$root" $(( 18192 + i )) "$out/plugins" --set store.jdbc_url=jdbc:postgresql://127.0.0.1:5432/$db \
    --set store.user=postgres --set cluster.node_id=bench-$i
done
figures "two hosts, one PostgreSQL" "$db" 18193 18194
{ echo; echo "| propagation (ms) | median | p99 | max |"; echo '|---|---|---|---|'; } | tee -a "$out/results.md"
java_tool org.carrierhost.benchmarks.cluster.ChangePropagationBenchmark http://127.0.0.1:18193 http://127.0.0.1:18194 $token "$changes" \
  | tee -a "$out/results.md"
stop_hosts
echo "all output: $out"
