#!/usr/bin/env bash
# Where a local search's time goes, on one packaged host on PostgreSQL (or H2 with DB=h2) with a stock of STOCK
# numbers: the statements per search (pg_stat_database's transactions and pg_stat_user_tables' index scans, counted
# around a wrk run; every statement of the pool is a transaction of its own), the plan of the search's statement
# as PostgreSQL runs it from a prepared statement (EXPLAIN ANALYZE EXECUTE, custom and generic plans), and the
# request threads' frames in jstack dumps taken during the run. Not part of the test run.
#
#   SKIP_BUILD=1 STOCK=1000000 benchmarks/search_profile.sh
# Environment: DURATION (10s), CONNS (32), STOCK (1000000), DB (pg or h2), SKIP_BUILD=1, KEEP=1 keeps the host up.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
duration=${DURATION:-10s}
conns=${CONNS:-32}
stock=${STOCK:-1000000}
db=${DB:-pg}
runs=1
token=bench-token-0123456789
out="$root/benchmarks/target/search-profile/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
pids=()
database=
cleanup() {
  [ -n "${KEEP:-}" ] && return 0
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  [ -z "$database" ] || psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" || true
}
trap cleanup EXIT
source "$root/benchmarks/lib.sh"
[ -n "${SKIP_BUILD:-}" ] || build "$root"
java_tool org.carrierhost.benchmarks.hotpath.HotPathPlugins search "$out/plugins" > /dev/null
rm -f "$out"/plugins/carrier-mock{3,4,5,6,7,8,9,10}-1.0.0.zip
pg() { psql -h 127.0.0.1 -U postgres -d "$database" -tAc "$1"; }
port=18295
if [ "$db" = pg ]; then
  database="ch_prof_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $database"
  start_host host "$root" $port "$out/plugins" --set store.jdbc_url=jdbc:postgresql://127.0.0.1:5432/$database --set store.user=postgres
else
  start_host host "$root" $port "$out/plugins"
fi
wait_ok "http://127.0.0.1:$port/api/numbers?prefix=415&quantity=1&carriers=mock"
require_serving $port mock mock2 local
java_tool org.carrierhost.benchmarks.hotpath.StockImport "http://127.0.0.1:$port" $token "$stock" | tee "$out/import.txt"
url="http://127.0.0.1:$port/api/numbers?prefix=2015&quantity=10&carriers=local"
curl -s -H "Authorization: Bearer $token" "$url" > "$out/search.json"
wrk_once "$out/warm.txt" "$conns" "http://127.0.0.1:$port/api/health" > /dev/null
echo "health: $(wrk_once "$out/health.txt" "$conns" "http://127.0.0.1:$port/api/health")"
wrk_once "$out/warm-search.txt" "$conns" "$url" > /dev/null
counters() {
  pg "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()"
  pg "SELECT coalesce(sum(idx_scan), 0) FROM pg_stat_user_tables WHERE relname = 'numbers'"
  pg "SELECT coalesce(sum(idx_scan + seq_scan), 0) FROM pg_stat_user_tables WHERE relname = 'held_numbers'"
}
[ "$db" = pg ] && { pg "SELECT pg_stat_clear_snapshot()" > /dev/null; sleep 1; counters > "$out/before.txt"; }
pid=$pid_host
( sleep 3; for d in 1 2 3 4 5; do jstack "$pid" > "$out/search.jstack.$d" 2>/dev/null || true; sleep 1.2; done ) &
sampler=$!
line=$(wrk_once "$out/search.txt" "$conns" "$url")
wait "$sampler" || true
echo "local search: $line (req/s p50 p99 non-2xx)"
requests=$(awk '/requests in/ {print $1}' "$out/search.txt")
if [ "$db" = pg ]; then
  sleep 1; counters > "$out/after.txt"
  paste "$out/before.txt" "$out/after.txt" | awk -v n="$requests" 'NR==1 {printf "statements (transactions) per search: %.2f\n", ($2-$1)/n}
    NR==2 {printf "index scans of numbers per search: %.2f\n", ($2-$1)/n} NR==3 {printf "scans of held_numbers per search: %.2f\n", ($2-$1)/n}'
  for mode in force_custom_plan force_generic_plan; do
    echo "plan, $mode:"
    psql -h 127.0.0.1 -U postgres -d "$database" -qAt <<SQL
SET plan_cache_mode = $mode;
PREPARE s(varchar, varchar, varchar, varchar) AS SELECT number, state, carrier, account_id, data FROM numbers
  WHERE carrier = \$1 AND state = \$2 AND number >= \$3 AND number < \$4 ORDER BY carrier, state, number OFFSET 0 ROWS FETCH NEXT 10 ROWS ONLY;
EXPLAIN (ANALYZE, BUFFERS) EXECUTE s('local', 'AVAILABLE', '+12015', '+12015:');
SQL
  done
fi
echo "request threads during the search, by frame (5 thread dumps):"
python3 "$root/benchmarks/where_threads_are.py" "$out"/search.jstack.*
echo "all output: $out"
