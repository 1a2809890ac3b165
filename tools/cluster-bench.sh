#!/usr/bin/env bash
# Measures cluster ingest throughput with 1, 2 and 3 nodes on this machine (docs/scale.md), against a single-machine
# ingest of the same input. Needs PostgreSQL (ENTENTE_TEST_POSTGRES: an admin connection string) and redis-server.
# Usage: tools/cluster-bench.sh CORPUS.jsonl [NODES...]      (default nodes: 1 2 3)
# Prints, per run: documents, wall seconds, documents/s, and the processor seconds the nodes used (documents per
# processor-second is what a core gives, whatever else the machine is doing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CORPUS="$1"; shift
NODES=("${@:-1 2 3}"); [[ $# -eq 0 ]] && NODES=(1 2 3)
ADMIN="${ENTENTE_TEST_POSTGRES:?set ENTENTE_TEST_POSTGRES}"
DLL="$ROOT/.build/cli/entente.dll"
"$ROOT/entente" --help >/dev/null
REDIS_PORT=6391
redis-server --port $REDIS_PORT --save '' --appendonly no >/dev/null 2>&1 &
REDIS_PID=$!
trap 'kill $REDIS_PID 2>/dev/null || true' EXIT
sleep 1
db() { # name -> connection string of a fresh database
  psql "$(echo "$ADMIN" | sed -E 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/')" -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null
  echo "$ADMIN" | sed -E "s/Database=[^;]*/Database=$1/"
}
cpu() { # pid... -> processor seconds used so far
  local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  awk -v t="$t" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}
docs=$(grep -c . "$CORPUS")
echo "corpus: $CORPUS ($docs documents); load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
S=$(db entente_bench_single)
/usr/bin/time -f "%e %U %S" -o /tmp/entente-bench-time dotnet "$DLL" ingest "$CORPUS" --db "$S" 2>/dev/null | grep -E "documents/s|reports stored" | tr '\n' ' '
read -r wall user sys < /tmp/entente-bench-time
echo "| single machine | $docs | $wall s | $(awk -v d="$docs" -v w="$wall" 'BEGIN{printf "%.1f", d/w}') | $(awk -v u="$user" -v s="$sys" 'BEGIN{printf "%.1f", u+s}') |"
for n in "${NODES[@]}"; do
  redis-cli -p $REDIS_PORT flushall >/dev/null
  C=$(db "entente_bench_$n")
  pids=()
  for i in $(seq 1 "$n"); do
    dotnet "$DLL" cluster node --store "$C" --clustering redis --redis "127.0.0.1:$REDIS_PORT" --port $((11200 + i)) --gateway-port $((30200 + i)) --name "bench$i" 2>"/tmp/entente-bench-node$i.log" &
    pids+=($!)
  done
  for i in $(seq 1 "$n"); do until grep -q " ready (" "/tmp/entente-bench-node$i.log"; do sleep 1; done; done
  before=$(cpu "${pids[@]}")
  start=$(date +%s.%N)
  dotnet "$DLL" cluster ingest "$CORPUS" --clustering redis --redis "127.0.0.1:$REDIS_PORT" --batch 4 --in-flight $((4 * n + 2)) 2>/dev/null | grep -E "reports stored|coded by|store writer" | tr '\n' ' '
  end=$(date +%s.%N)
  after=$(cpu "${pids[@]}")
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN{printf "%.1f", b-a}')
  echo "| $n node(s) | $docs | $wall s | $(awk -v d="$docs" -v w="$wall" 'BEGIN{printf "%.1f", d/w}') | $(awk -v a="$before" -v b="$after" 'BEGIN{printf "%.1f", b-a}') |"
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
