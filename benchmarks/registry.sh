#!/usr/bin/env bash
# Issue 28's figures in one command, against PACKAGED hosts on 127.0.0.1 (wrk; PostgreSQL on 127.0.0.1:5432,
# user postgres, trust), each with its baseline from the same run. Not part of the test run.
#
#   benchmarks/registry.sh            # then read the table it put at the top of BENCHMARKS.md's issue 28 section
#
# Figures: pgbench (one INSERT and one UPDATE per transaction, CONNS clients: what PostgreSQL commits here);
# on one host on H2 and one on PostgreSQL: the import of STOCK numbers through POST /api/numbers/import, then
# GET /api/health (the baseline), a mock search, a local search on the stock and acquires of distinct local
# numbers, each the median of RUNS wrk runs of DURATION at CONNS connections right after a health run; RSS idle,
# after the import and at the end; start to ready with three carriers (mock, mock2, local), median of RUNS starts.
# Where the time goes, from the same run: the host's own timeline of each start; during each import, a thread dump
# of the host each second (and on PostgreSQL the statements it is running); during the acquires, thread dumps and
# the CPU seconds of the host, of PostgreSQL and of the rest of the machine.
# Environment: RUNS (3), DURATION (10s), CONNS (32), STOCK (1000000), SKIP_BUILD=1 to reuse the build,
# NO_WRITE=1 to leave BENCHMARKS.md alone. Every output goes to benchmarks/target/registry/<time>/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-3}
duration=${DURATION:-10s}
conns=${CONNS:-32}
stock=${STOCK:-1000000}
token=bench-token-0123456789
out="$root/benchmarks/target/registry/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$out"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  sleep 1
  # new_database runs in $( ) subshells, so the names are kept in a file, not in a variable.
  for d in $(cat "$out/databases" 2>/dev/null); do psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
}
trap cleanup EXIT
source "$root/benchmarks/lib.sh"
# acquire.lua's run i takes numbers from k = i * 100,000 (figure's ACQUIRE_START), the profiling runs blocks 0 and
# RUNS + 1, the warm-up block RUNS + 2: they must all be in the stock.
[ "$stock" -ge $(( (runs + 3) * 100000 )) ] || { echo "STOCK must be at least (RUNS + 3) * 100000" >&2; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || build "$root"

new_database() {
  local name="ch_bench_$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE $name"
  echo "$name" >> "$out/databases"
  echo "$name"
}
stop_hosts() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done; pids=(); }
rss_mb() { awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$1/status"; }
results() { tee -a "$out/results.md"; }
# proc_cpu PID...: the CPU seconds (user + system) the processes have used; machine_cpu: all CPUs' busy seconds.
proc_cpu() { local t=0 p; for p in "$@"; do t=$(( t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0) )); done
  awk -v t="$t" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz}'; }
# acquire_run PORT BLOCK FILE: one wrk run of acquires outside the figures, from the stock's block BLOCK (numbers
# BLOCK * 100,000 on); prints "rps p50 p99 non2xx" as wrk_once does.
acquire_run() { ACQUIRE_START=$(( $2 * 100000 )) wrk_once "$3" "$conns" "http://127.0.0.1:$1/api/numbers/acquire" "$root/benchmarks/acquire.lua"; }
machine_cpu() { awk -v hz="$(getconf CLK_TCK)" '/^cpu / {printf "%.2f", ($2 + $3 + $4 + $7 + $8) / hz}' /proc/stat; }

# Three carriers: mock, mock2 and local (the search set less mock3 .. mock10).
java_tool org.carrierhost.benchmarks.hotpath.HotPathPlugins search "$out/plugins" > /dev/null
rm -f "$out"/plugins/carrier-mock{3,4,5,6,7,8,9,10}-1.0.0.zip

echo "machine: $(nproc) cores, shared with other work (load $(cut -d' ' -f1-3 /proc/loadavg)), $(free -g | awk '/Mem/ {print $2}') GiB," \
  "$(java -version 2>&1 | head -1), PostgreSQL $(psql -h 127.0.0.1 -U postgres -tAc 'SHOW server_version' | head -1)," \
  "RUNS=$runs DURATION=$duration CONNS=$conns STOCK=$stock, commit $(git -C "$root" rev-parse --short HEAD)" | results

# pgbench: the commits PostgreSQL itself manages at CONNS clients, one INSERT and one UPDATE each.
pgdb=$(new_database)
psql -q -h 127.0.0.1 -U postgres -d "$pgdb" -c "CREATE TABLE b_numbers (number VARCHAR(20) PRIMARY KEY, state VARCHAR(16), updated_at BIGINT);
  CREATE TABLE b_history (id BIGSERIAL PRIMARY KEY, number VARCHAR(20), at BIGINT, to_state VARCHAR(16));
  INSERT INTO b_numbers SELECT k::text, 'AVAILABLE', 0 FROM generate_series(1, $stock) AS k; ANALYZE b_numbers"
cat > "$out/pgbench.sql" <<SQL
\set k random(1, $stock)
BEGIN;
UPDATE b_numbers SET state = 'IN_SERVICE', updated_at = :k WHERE number = :k::text;
INSERT INTO b_history (number, at, to_state) VALUES (:k::text, :k, 'IN_SERVICE');
END;
SQL
: > "$out/pgbench.tps"
for i in $(seq "$runs"); do
  pgbench -h 127.0.0.1 -U postgres -n -c "$conns" -j 2 -T "${duration%s}" -f "$out/pgbench.sql" "$pgdb" > "$out/pgbench.$i.txt" 2>&1
  awk '/^tps/ {print $3; exit}' "$out/pgbench.$i.txt" >> "$out/pgbench.tps"
done
pgbench_tps=$(median < "$out/pgbench.tps")
echo "pgbench, one UPDATE and one INSERT per transaction, $conns clients: $(printf '%.0f' "$pgbench_tps") tps (median of $runs: $(tr '\n' ' ' < "$out/pgbench.tps"))" | results

# start to ready, three carriers, on H2 (fresh data directory each time): wall time from the launch to
# /api/health/ready 200, with the launcher's class-data archive (see bin/carrier-host; one start first writes it,
# in a CDS_DIR of this run's own: a first start records the classes, a second archives them in the background,
# and the runs begin once the archive is there) and without it (CDS_DIR=), alternating.
ready_once() {   # ready_once NAME FILE: one start and stop, its time appended to FILE
  local began; began=$(date +%s%N)
  start_host "$1" "$root" 18290 "$out/plugins"
  until [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18290/api/health/ready)" = 200 ]; do sleep 0.01; done
  echo $(( ($(date +%s%N) - began) / 1000000 )) >> "$2"
  # The host's own account of where the start went (StartTimeline), logged just after it listens.
  for _ in $(seq 100); do grep -q "started in" "$out/$1.log" && break; sleep 0.05; done
  stop_hosts
}
: > "$out/ready.ms"; : > "$out/ready-nocds.ms"
CDS_DIR="$out/cds" ready_once readyfirst "$out/ready-first.ms"     # records the classes it loads
CDS_DIR="$out/cds" ready_once readysecond "$out/ready-second.ms"   # archives them in the background
for _ in $(seq 600); do [ -n "$(ls "$out"/cds/*.jsa 2>/dev/null)" ] && break; sleep 0.2; done
for i in $(seq "$runs"); do
  CDS_DIR="$out/cds" ready_once "ready$i" "$out/ready.ms"
  CDS_DIR= ready_once "readynocds$i" "$out/ready-nocds.ms"
done
[ -n "$(ls "$out"/cds/*.jsa 2>/dev/null)" ] || { echo "the launcher wrote no class-data archive" >&2; exit 1; }
began=$(date +%s%N); java -version > /dev/null 2>&1; jvm_ms=$(( ($(date +%s%N) - began) / 1000000 ))
echo "start to ready, three carriers, H2, with the class-data archive: $(median < "$out/ready.ms") ms (median of $runs: $(tr '\n' ' ' < "$out/ready.ms")); without it (CDS_DIR=), same run: $(median < "$out/ready-nocds.ms") ms (median of $runs: $(tr '\n' ' ' < "$out/ready-nocds.ms")); the first start, which records the classes: $(cat "$out/ready-first.ms") ms, and the second, which archives them meanwhile: $(cat "$out/ready-second.ms") ms; a bare JVM (java -version), same run: $jvm_ms ms" | results
{ echo; echo "where the starts with the class-data archive went, by the host's own timeline (median of $runs):"
  python3 "$root/benchmarks/start_phases.py" $(for i in $(seq "$runs"); do echo "$out/ready$i.log"; done)
  echo; echo "and without it:"
  python3 "$root/benchmarks/start_phases.py" $(for i in $(seq "$runs"); do echo "$out/readynocds$i.log"; done); } | results

# host CONFIG PORT [--set ...]: start, import, figures, RSS.
host() {
  local config=$1 port=$2; shift 2
  start_host "$config" "$root" "$port" "$out/plugins" "$@"
  wait_ok "http://127.0.0.1:$port/api/numbers?prefix=415&quantity=1&carriers=mock"
  require_serving "$port" mock mock2 local
  sleep 2
  local pid; eval "pid=\$pid_$config"
  local idle; idle=$(rss_mb "$pid")
  # Where the import's time goes: a thread dump of the host each second, and on PostgreSQL the statements the
  # database is running then (pg_stat_activity), for as long as the import runs.
  local db=${database:-}
  ( d=0; while sleep 1; do d=$((d + 1))
      jstack "$pid" > "$out/$config.import.jstack.$d" 2>/dev/null || true
      [ -z "$db" ] || psql -h 127.0.0.1 -U postgres -d "$db" -tAc "SELECT left(regexp_replace(query, '\s+', ' ', 'g'), 70)
        FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()" \
        >> "$out/$config.import.statements" 2>/dev/null || true
    done ) &
  local import_sampler=$!
  local imported; imported=$(java_tool org.carrierhost.benchmarks.hotpath.StockImport "http://127.0.0.1:$port" $token "$stock")
  kill "$import_sampler" 2>/dev/null || true; wait "$import_sampler" 2>/dev/null || true
  echo "$config: $imported through POST /api/numbers/import (chunks of 100,000); RSS idle $idle MB, after the import $(rss_mb "$pid") MB" | results
  { echo "$config: request threads during the import, by the frame they were in (a thread dump each second):"
    python3 "$root/benchmarks/where_threads_are.py" --layers "$out/$config.import.jstack."*
    if [ -n "$db" ]; then
      echo; echo "$config: what PostgreSQL was running during the import (pg_stat_activity each second, $(ls "$out/$config.import.jstack."* | wc -l) samples):"
      echo; echo "| statement (first 70 characters) | samples |"; echo "|---|---|"
      sort "$out/$config.import.statements" | uniq -c | sort -rn | head -6 | awk '{n=$1; $1=""; sub(/^ /, ""); gsub(/\|/, "\\|"); printf "| `%s` | %d |\n", $0, n}'
    fi
    echo; } | results
  header | results
  figure "$config" "mock search" "$port" "$conns" '/api/numbers?prefix=415&quantity=10&carriers=mock'
  figure "$config" "local search, $stock numbers, prefix=2015" "$port" "$conns" '/api/numbers?prefix=2015&quantity=10&carriers=local'
  # The searches above never ran the acquire path: one run first warms it (the JIT), or the figure's first runs
  # measure compiling (in the run of 21:18 its three runs made 912, 989 and 1,046 acquires/s on PostgreSQL).
  acquire_run "$port" $(( runs + 2 )) "$out/$config.acquire.warmup.txt" > "$out/$config.acquire.warmup.f"
  figure "$config" "acquire of distinct local numbers" "$port" "$conns" /api/numbers/acquire "$root/benchmarks/acquire.lua"
  # Where an acquire's time goes, in runs of their own after the figure (a dump stops the host's threads and
  # jstack's own JVM takes CPU, so the figure's runs are left undisturbed):
  # thread dumps of the host during one more acquire run (the stock's block RUNS + 1; JFR's defaults distort
  # acquires), then the CPU of another (block 0), with nothing else sampling.
  ( sleep 2; for d in 1 2 3 4 5; do jstack "$pid" > "$out/$config.acquire.jstack.$d" 2>/dev/null || true; sleep 1; done ) &
  local sampler=$!
  acquire_run "$port" $(( runs + 1 )) "$out/$config.acquire.dumps.txt" > /dev/null
  wait "$sampler" || true
  echo "$config: request threads during one more acquire run, by the frame they were in (5 thread dumps):" | results
  python3 "$root/benchmarks/where_threads_are.py" "$out/$config.acquire.jstack."* | results
  # Which process the acquires' CPU goes to: the CPU time of the host, of PostgreSQL's processes and of the whole
  # machine, read before and after one more acquire run.
  local before after
  before="$(proc_cpu "$pid") $(proc_cpu $(pgrep -x postgres)) $(machine_cpu) $(date +%s%N)"
  acquire_run "$port" 0 "$out/$config.acquire.cpu.txt" > "$out/$config.acquire.cpu.f"
  after="$(proc_cpu "$pid") $(proc_cpu $(pgrep -x postgres)) $(machine_cpu) $(date +%s%N)"
  echo "$before $after $(cut -d' ' -f1 "$out/$config.acquire.cpu.f") ${duration%s}" | awk -v c="$config" -v cores="$(nproc)" '{
    host = $5 - $1; pg = $6 - $2; busy = $7 - $3; wall = ($8 - $4) / 1e9; n = $9 * $10
    printf "%s: CPU during one more acquire run (%.1f s of wall time with wrk starting and ending, %.0f acquires/s, %d cores: %.1f CPU-s): the host %.1f s (%.2f ms an acquire), PostgreSQL %.1f s (%.2f ms an acquire), the rest (wrk, the kernel, other work) %.1f s, idle %.1f s\n",
      c, wall, $9, cores, cores * wall, host, 1000 * host / n, pg, 1000 * pg / n, busy - host - pg, cores * wall - busy }' | results
  echo "$config: RSS after the figures $(rss_mb "$pid") MB (heap bound: the launcher's default)" | results
  stop_hosts
}
host h2 18291
database=$(new_database)
host pg 18292 --set store.jdbc_url=jdbc:postgresql://127.0.0.1:5432/$database --set store.user=postgres

# The ratios the issue's targets are stated in.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }
acq() { cut -d' ' -f1 "$out/$1-acquire_of_distinct_local_numbers-c$conns.f" | median; }
{ echo
  echo "acquires on PostgreSQL / pgbench's tps: $(ratio "$(acq pg)" "$pgbench_tps") (target >= 0.5); acquires on H2 / on PostgreSQL: $(ratio "$(acq h2)" "$(acq pg)") (target >= 1)"
} | results

if [ -z "${NO_WRITE:-}" ]; then
  python3 "$root/benchmarks/latest_run.py" "$root/BENCHMARKS.md" "$out/results.md" \
    "RUNS=$runs DURATION=$duration CONNS=$conns STOCK=$stock benchmarks/registry.sh"
fi
echo "all output: $out"
