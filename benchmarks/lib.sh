# Shell functions the benchmark harnesses share (sourced by hotpath.sh, cluster.sh and registry.sh). They use the
# caller's variables: root (the repository), out (the output folder), token, duration, pids (started hosts).
build() { (cd "$1" && ./mvnw -B -q package -DskipTests); }
bench_cp="$root/benchmarks/target/benchmarks.jar:$root/benchmarks/target/lib/*"
java_tool() { java -cp "$bench_cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -Dbench.plugins.dir="$root/benchmarks/target/bench-plugins" "$@"; }

# start_host NAME TREE PORT PLUGINS_DIR [--set K=V ...]: the tree's dist/target/carrier-host, fresh data dir.
# Its carriers run in the host's process, as these figures always measured them (a --set may say otherwise): a tree
# that knows plugins.isolation (issue 20) is told so, an older one runs them there anyway and would refuse the key.
start_host() {
  local name=$1 tree=$2 port=$3 plugins=$4; shift 4
  local in_host=()
  grep -q '`plugins.isolation`' "$tree/docs/operating.md" 2>/dev/null && in_host=(--set plugins.isolation=in_process)
  rm -rf "$out/$name-data"
  "$tree/dist/target/carrier-host/bin/carrier-host" --bind 127.0.0.1 --port "$port" --data-dir "$out/$name-data" \
    --plugins-dir "$plugins" --set admin.token=$token "${in_host[@]}" "$@" > "$out/$name.log" 2>&1 &
  pids+=($!)
  eval "pid_$name=$!"
}
# wait_ok URL: until the host answers it with 200 (at most 60 s).
wait_ok() {
  for _ in $(seq 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$1")" = 200 ] && return 0
    sleep 0.1
  done
  echo "no 200 from $1" >&2; return 1
}
# require_serving PORT ID...: every carrier named is STARTED on the host at PORT, or the harness stops here, loudly
# (a refused zip would otherwise be measured as "carrier X is not loaded" answers).
require_serving() {
  local port=$1 id state; shift
  for id in "$@"; do
    state=$(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/carriers/$id" \
      | grep -o '"state" *: *"[A-Z_]*"' | head -1 | sed 's/.*"\([A-Z_]*\)"$/\1/')
    if [ "$state" != STARTED ]; then
      echo "carrier $id on port $port is ${state:-not loaded}, not serving: refusing to measure it" >&2
      curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/carriers/$id" >&2; echo >&2
      exit 1
    fi
  done
}
to_ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 }; printf "%.2f", v }'; }
# wrk_once FILE CONNS URL [LUA]: one wrk run; prints "rps p50 p99 non2xx".
wrk_once() {
  local file=$1 conns=$2 url=$3 lua=${4:-}
  local threads=2; [ "$conns" -lt 2 ] && threads=1
  WRK_THREADS=$threads wrk -t$threads -c"$conns" -d"$duration" --latency -H "Authorization: Bearer $token" \
    ${lua:+-s "$lua"} "$url" > "$file" 2>&1
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec/ {print $2}' "$file")
  p50=$(awk '$1=="50%" {print $2}' "$file" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' "$file" | to_ms)
  bad=$(awk '/Non-2xx/ {print $NF}' "$file"); bad=${bad:-0}
  echo "$rps $p50 $p99 $bad"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# figure HOST LABEL PORT CONNS PATH [LUA]: RUNS pairs of (health, PATH); prints a table row.
figure() {
  local host=$1 label=$2 port=$3 conns=$4 path=$5 lua=${6:-}
  local tag; tag=$(printf '%s' "$host-$label-c$conns" | tr -c 'a-zA-Z0-9-' '_')
  : > "$out/$tag.h"; : > "$out/$tag.f"
  for i in $(seq "$runs"); do
    wrk_once "$out/$tag.health.$i.txt" "$conns" "http://127.0.0.1:$port/api/health" >> "$out/$tag.h"
    ACQUIRE_START=$(( (i + ${ACQUIRE_BLOCK:-0}) * 100000 )) \
      wrk_once "$out/$tag.$i.txt" "$conns" "http://127.0.0.1:$port$path" "$lua" >> "$out/$tag.f"
  done
  local hr fr fp50 fp99 hp99 bad
  hr=$(cut -d' ' -f1 "$out/$tag.h" | median); hp99=$(cut -d' ' -f3 "$out/$tag.h" | median)
  fr=$(cut -d' ' -f1 "$out/$tag.f" | median); fp50=$(cut -d' ' -f2 "$out/$tag.f" | median)
  fp99=$(cut -d' ' -f3 "$out/$tag.f" | median); bad=$(awk '{s+=$4} END {print s}' "$out/$tag.f")
  printf '| %s | %s | %s | %.0f | %.0f | %.2f | %s | %s | %s | %s |\n' "$host" "$label" "$conns" "$fr" "$hr" \
    "$(echo "$fr $hr" | awk '{print $1/$2}')" "$fp50" "$fp99" "$hp99" "$bad" | tee -a "$out/results.md"
}

header() {
  echo
  echo '| host | figure | conns | req/s (median) | health req/s (same run) | ratio | p50 ms | p99 ms | health p99 ms | non-2xx |'
  echo '|---|---|---|---|---|---|---|---|---|---|'
}
