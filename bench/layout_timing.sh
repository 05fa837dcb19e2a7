#!/usr/bin/env bash
# Times entente's own drawings (edge labels, legend) with dot and sfdp at growing sizes: the
# measurement behind dot_node_limit / dot_edge_limit in graph/include/entente/render.hpp.
#   bench/layout_timing.sh [ENTENTE] [SIZES...]     (default: build/src/entente, 50 100 150 200)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
entente=${1:-$here/../build/src/entente}
shift || true
sizes=${*:-50 100 150 200}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for n in $sizes; do
  bash "$here/layout_data.sh" "$n" >"$tmp/n$n.json"
  for layout in dot sfdp; do
    start=$(date +%s.%N)
    timeout 300 "$entente" export --data "$tmp/n$n.json" --layout "$layout" -o "$tmp/n$n.svg" 2>/dev/null \
      || echo "n=$n $layout: timed out or failed"
    end=$(date +%s.%N)
    printf 'actors=%s claims=%s layout=%s seconds=%.2f\n' "$n" "$((2 * n))" "$layout" "$(echo "$end - $start" | bc)"
  done
done
