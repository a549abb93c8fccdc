#!/usr/bin/env bash
# Hot-path benchmarks of issue 10 against the PACKAGED host on 127.0.0.1, with wrk. Not part of the test run.
#
#   benchmarks/hotpath.sh [OLD_TREE]
#
# OLD_TREE (optional): a worktree of an older commit (git worktree add /tmp/old 7f0e486), built and
# measured the same way in the same run. Environment: RUNS (3), DURATION (10s), STOCK (1000000),
# SKIP_BUILD=1 to reuse the built trees, ONLY="main scaling inprocess" (the default) to pick parts;
# ONLY=store compares one host on H2 with one host on PostgreSQL (127.0.0.1:5432, user postgres, a fresh
# database ch_bench_<time>, dropped after), both of this tree, same stock, same figures, same run.
# Writes every wrk output and the tables to benchmarks/target/hotpath/<time>/; the tables go to stdout.
# Every HTTP figure is the median of RUNS wrk runs, each right after a run of GET /api/health at the same
# connection count (the baseline, in the same run); the ratio is of the two medians.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
old=${1:-}
runs=${RUNS:-3}
duration=${DURATION:-10s}
stock=${STOCK:-1000000}
only=${ONLY:-main scaling inprocess}
token=bench-token-0123456789
out="$root/benchmarks/target/hotpath/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

source "$root/benchmarks/lib.sh"
if [ -z "${SKIP_BUILD:-}" ]; then build "$root"; [ -z "$old" ] || build "$old"; fi
search='/api/numbers?prefix=415&quantity=10&carriers=mock'

java_tool org.carrierhost.benchmarks.hotpath.HotPathPlugins search "$out/plugins-new" > /dev/null
java_tool org.carrierhost.benchmarks.hotpath.HotPathPlugins hung "$out/plugins-hung" > /dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee -a "$out/results.md"
if [[ " $only " == *" main "* ]]; then
  start_host new "$root" 18181 "$out/plugins-new"
  if [ -n "$old" ]; then
    mkdir -p "$out/plugins-old"
    cp "$old"/dist/target/carrier-host/plugins/carrier-{mock,local}-1.0.0.zip "$out/plugins-old/"
    start_host old "$old" 18182 "$out/plugins-old"
  fi
  hosts="new${old:+ old}"
  for h in $hosts; do
    port=18181; [ "$h" = old ] && port=18182
    wait_ok "http://127.0.0.1:$port/api/numbers?prefix=415&quantity=1&carriers=mock"
    require_serving $port mock local
    echo "stock import on $h: $(java_tool org.carrierhost.benchmarks.hotpath.StockImport http://127.0.0.1:$port $token "$stock")" \
      | tee -a "$out/results.md"
  done
  header | tee -a "$out/results.md"
  for h in $hosts; do
    port=18181; [ "$h" = old ] && port=18182
    figure "$h" "mock search" $port 32 "$search"
    figure "$h" "local search, $stock numbers, prefix=2015" $port 32 '/api/numbers?prefix=2015&quantity=10&carriers=local'
    ACQUIRE_BLOCK=$([ "$h" = old ] && echo 5 || echo 0) \
      figure "$h" "acquire of distinct local numbers" $port 32 /api/numbers/acquire "$root/benchmarks/acquire.lua"
  done
  # Durable before the answer: kill -9 the new host, restart it on its data, check the acquired numbers.
  kill -9 "$pid_new"; sleep 1
  start_host_keep() { "$root/dist/target/carrier-host/bin/carrier-host" --bind 127.0.0.1 --port 18181 --data-dir "$out/new-data" \
      --plugins-dir "$out/plugins-new" --set admin.token=$token --set plugins.isolation=in_process \
      > "$out/new-restart.log" 2>&1 & pids+=($!); }
  start_host_keep
  wait_ok "http://127.0.0.1:18181/api/numbers?prefix=415&quantity=1&carriers=mock"
  require_serving 18181 mock local
  ok=0; asked=0
  for i in $(seq "$runs"); do
    n=$(awk '/requests in/ {print $1}' "$out"/new-acquire_of_distinct_local_numbers-c32."$i".txt)
    n=$(( n > 200 ? n - 200 : 0 ))   # leave out the calls still in flight when wrk stopped
    asked=$(( asked + n ))
    for from in $(seq $(( i * 100000 )) 10000 $(( i * 100000 + n - 1 ))); do   # checks of at most 10,000
      to=$(( from + 9999 < i * 100000 + n - 1 ? from + 9999 : i * 100000 + n - 1 ))
      list=$(seq "$from" "$to" | awk '{printf "%s\"+1%03d555%04d\"", (NR > 1 ? "," : ""), 201 + int($1 / 10000), $1 % 10000}')
      got=$(echo "{\"numbers\":[$list]}" | curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data-binary @- http://127.0.0.1:18181/api/numbers/check | grep -o '"in_service"' | wc -l)
      ok=$(( ok + got ))
    done
  done
  echo "durability: after kill -9 and a restart, $ok of $asked answered acquires are in_service" | tee -a "$out/results.md"
  cleanup; pids=()
fi

if [[ " $only " == *" scaling "* ]]; then
  start_host new "$root" 18181 "$out/plugins-new"
  start_host hung "$root" 18183 "$out/plugins-hung" --set search.timeout_ms=200 --set carrier.hung.breaker.open_ms=600000
  wait_ok "http://127.0.0.1:18181/api/numbers?prefix=415&quantity=1&carriers=mock10"
  require_serving 18181 mock local mock2 mock3 mock4 mock5 mock6 mock7 mock8 mock9 mock10
  header | tee -a "$out/results.md"
  for c in 1 8 128; do figure new "mock search" 18181 $c "$search"; done
  figure new "search of 3 carriers" 18181 32 '/api/numbers?prefix=415&quantity=10&carriers=mock,mock2,mock3'
  figure new "search of 10 carriers" 18181 32 \
    '/api/numbers?prefix=415&quantity=10&carriers=mock,mock2,mock3,mock4,mock5,mock6,mock7,mock8,mock9,mock10'
  # Beside a hung carrier: open its breaker first (each of these searches costs the 200 ms deadline).
  wait_ok "http://127.0.0.1:18183/api/numbers?prefix=415&quantity=1&carriers=mock"
  require_serving 18183 mock hung
  for _ in $(seq 10); do curl -s -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:18183$search,hung"; done
  curl -s -H "Authorization: Bearer $token" http://127.0.0.1:18183/api/carriers/hung > "$out/hung-carrier.json"
  echo "hung carrier's breaker: $(grep -o '"state" *: *"[a-z_]*"' "$out/hung-carrier.json" | tr '\n' ' ')" | tee -a "$out/results.md"
  figure hung "search of mock beside hung, breaker open" 18183 32 "$search,hung"
  cleanup; pids=()
fi

if [[ " $only " == *" store "* ]]; then
  pgdb="ch_bench_$(date +%Y%m%d%H%M%S)"
  psql -h 127.0.0.1 -U postgres -d postgres -qc "CREATE DATABASE $pgdb"
  start_host h2 "$root" 18184 "$out/plugins-new"
  start_host pg "$root" 18185 "$out/plugins-new" --set store.jdbc_url=jdbc:postgresql://127.0.0.1:5432/$pgdb \
    --set store.user=postgres
  for h in h2 pg; do
    port=18184; [ "$h" = pg ] && port=18185
    wait_ok "http://127.0.0.1:$port/api/numbers?prefix=415&quantity=1&carriers=mock"
    require_serving $port mock local
    echo "stock import on $h: $(java_tool org.carrierhost.benchmarks.hotpath.StockImport http://127.0.0.1:$port $token "$stock")" \
      | tee -a "$out/results.md"
  done
  header | tee -a "$out/results.md"
  for h in h2 pg; do
    port=18184; [ "$h" = pg ] && port=18185
    figure "$h" "mock search" $port 32 "$search"
    figure "$h" "local search, $stock numbers, prefix=2015" $port 32 '/api/numbers?prefix=2015&quantity=10&carriers=local'
    figure "$h" "acquire of distinct local numbers" $port 32 /api/numbers/acquire "$root/benchmarks/acquire.lua"
  done
  cleanup; pids=()
  sleep 1
  psql -h 127.0.0.1 -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $pgdb WITH (FORCE)"
fi

if [[ " $only " == *" inprocess "* ]]; then
  java_tool org.carrierhost.benchmarks.hotpath.HungCarrierThreadsBenchmark 10000 2>/dev/null | grep '^|' | tee -a "$out/results.md"
  java_tool org.carrierhost.benchmarks.hotpath.RegistryGrowthBenchmark 1000000 2>/dev/null | grep -v '^carrier-' | tee -a "$out/results.md"
  java_tool org.carrierhost.benchmarks.hotpath.ManagerOverheadBenchmark > "$out/jmh.txt" 2>&1
  grep '^|' "$out/jmh.txt" | tee -a "$out/results.md"
fi
echo "all output: $out"
