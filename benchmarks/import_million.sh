#!/usr/bin/env bash
# One import of a million numbers through POST /api/numbers/import, then the same body again (all present), on a
# packaged host with a bounded heap (issue 28): prints each answer's status and wall time, the host's CPU seconds
# (utime + stime, all threads) and the postgres processes' CPU seconds, and keeps jcmd GC.class_histogram every IV
# seconds (default 10), and the host's log in $OUT/run-<dist>-<db>-<heap>-<n>/ (OUT defaults to /tmp/import-million).
#   benchmarks/import_million.sh DIST h2|pg PORT HEAP [N]      e.g. benchmarks/import_million.sh dist/target/carrier-host pg 18600 256m
# pg creates a database on 127.0.0.1:5432 (user postgres, trust) and drops it after. JFR=<JVM options> adds options; ONCE=1 skips the second import.
set -uo pipefail
dist=$1; db=$2; port=$3; heap=$4; n=${5:-1000000}
out=${OUT:-/tmp/import-million}/run-$(basename $dist)-$db-$heap-$n; rm -rf $out; mkdir -p $out
mkdir -p ${OUT:-/tmp/import-million}; body=${OUT:-/tmp/import-million}/body-$n.json
[ -f $body ] || python3 -c "
import json,sys
n=$n
print(json.dumps({'carrier':'local','numbers':['+1%03d555%04d' % (201 + k // 10000, k % 10000) for k in range(n)]}))" > $body
sets=()
if [ $db = pg ]; then
  dbn=wt28_$RANDOM$RANDOM; psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $dbn" >/dev/null
  sets=(--set store.jdbc_url=jdbc:postgresql://127.0.0.1:5432/$dbn --set store.user=postgres)
fi
JAVA_OPTS="${JFR:-} -Xmx$heap -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$out" $dist/bin/carrier-host --plugins-dir $dist/plugins --data-dir $out/data --set http.port=$port "${sets[@]}" > $out/host.log 2>&1 &
pid=$!
for _ in $(seq 240); do [ "$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:$port/api/health/ready)" = 200 ] && break; sleep 0.5; done
token=$(cat $out/data/admin.token)
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat"; }
pgcpu() { t=$(getconf CLK_TCK); for p in $(pgrep -x postgres); do awk '{print $14 + $15}' /proc/$p/stat 2>/dev/null; done | awk -v t=$t '{s += $1} END {printf "%.1f", s / t}'; }
before=$(cpu); pgbefore=$(pgcpu)
( i=0; while kill -0 $pid 2>/dev/null; do sleep ${IV:-10}; i=$((i+1)); jcmd $pid GC.class_histogram 2>/dev/null | head -25 > $out/histo-$i.txt; grep -h "VmRSS" /proc/$pid/status >> $out/rss.txt 2>/dev/null; done ) &
mon=$!
echo "import: $(curl -s -o $out/answer.json -w '%{http_code} in %{time_total} s' --max-time ${MAXT:-900} -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @$body http://127.0.0.1:$port/api/numbers/import)" | tee $out/result.txt
echo "CPU s: $(awk -v a="$before" -v b="$(cpu)" 'BEGIN {print b - a}'); postgres processes' CPU s: $(awk -v a="$pgbefore" -v b="$(pgcpu)" 'BEGIN {print b - a}')" | tee -a $out/result.txt
if [ -z "${ONCE:-}" ]; then
echo "again: $(curl -s -o $out/answer2.json -w '%{http_code} in %{time_total} s' --max-time ${MAXT:-900} -H "Authorization: Bearer $token" -H 'Content-Type: application/json' --data-binary @$body http://127.0.0.1:$port/api/numbers/import)" | tee -a $out/result.txt
echo "CPU s total: $(awk -v a="$before" -v b="$(cpu)" 'BEGIN {print b - a}')" | tee -a $out/result.txt
fi
jcmd $pid GC.heap_info > $out/heapinfo.txt 2>&1
kill $pid; wait $pid 2>/dev/null; kill $mon 2>/dev/null
ls -la $out/answer*.json | tee -a $out/result.txt
[ $db = pg ] && psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE $dbn" >/dev/null
true
