#!/usr/bin/env bash
# The CPU an import costs the host, which a busy machine does not distort as it does wall time (issue 28).
# Starts the packaged host in DIST (default dist/target/carrier-host) on a fresh H2 data directory, posts
# CHUNKS (default 5) chunks of 100,000 North American numbers to POST /api/numbers/import, and prints each
# chunk's status and wall time, then the host process's CPU seconds (utime + stime, all threads) for them.
#   benchmarks/import_cpu.sh [DIST] [PORT]
set -euo pipefail
dist=${1:-dist/target/carrier-host}; port=${2:-18402}; chunks=${CHUNKS:-5}
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
python3 - "$work" "$chunks" <<'PY'
import json, sys
for c in range(int(sys.argv[2])):
    numbers = ["+1%03d555%04d" % (201 + k // 10000, k % 10000) for k in range(c * 100000, (c + 1) * 100000)]
    open(f"{sys.argv[1]}/chunk{c}.json", "w").write(json.dumps({"carrier": "local", "numbers": numbers}))
PY
"$dist/bin/carrier-host" --plugins-dir "$dist/plugins" --data-dir "$work/data" --set http.port="$port" > "$work/host.log" 2>&1 &
pid=$!
for _ in $(seq 240); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/api/health/ready")" = 200 ] && break
  sleep 0.5
done
token=$(cat "$work/data/admin.token")
cpu() { awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat"; }
before=$(cpu)
for c in $(seq 0 $((chunks - 1))); do
  echo "chunk $c: $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -H "Authorization: Bearer $token" \
       -H 'Content-Type: application/json' --data-binary @"$work/chunk$c.json" "http://127.0.0.1:$port/api/numbers/import")"
done
echo "CPU seconds for $chunks chunks of 100,000: $(awk -v a="$before" -v b="$(cpu)" 'BEGIN {print b - a}')"
