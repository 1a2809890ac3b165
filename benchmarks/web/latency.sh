#!/usr/bin/env bash
# API latency of a running `entente serve` (docs/performance.md): each URL's first call (cold: analytics results are
# cached until the next ingest), then 5 more; prints the first, the median and the maximum of curl's total time. Usage: benchmarks/web/latency.sh http://127.0.0.1:5080
set -euo pipefail
BASE="${1:-http://127.0.0.1:5080}"
urls=(
  "/api/stats"
  "/api/events"
  "/api/events?pair=PAK,RUS&quad=4&min_reports=3"
  "/api/events?actor=IND&modality=negated&offset=1000"
  "/api/events?country=PAK&from=2020&to=2020&code=1"
  "/api/events/500000"
  "/api/pairs/PAK/RUS/series"
  "/api/pairs/USA/CHN/series?by=quarter"
  "/api/pairs/PAK/RUS/assess"
  "/api/network?from=2024-01&to=2024-12"
  "/api/network"
  "/api/actors/PAK?from=2020"
)
for u in "${urls[@]}"; do
  first="$(curl -s -o /dev/null -w '%{time_total}' "$BASE$u")"
  times=()
  for _ in 1 2 3 4 5; do
    times+=("$(curl -s -o /dev/null -w '%{time_total}' "$BASE$u")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v u="$u" -v f="$first" '{t[NR]=$1} END {printf "%-55s first %6.0f ms  then median %6.0f ms  max %6.0f ms\n", u, f*1000, t[3]*1000, t[5]*1000}'
done
