#!/usr/bin/env bash
# The 2018 UN roll calls imported by entente, its agreement measures (the ranking of every member
# against the United States, and the matrix of every pair) compared with the independent numpy
# computation of unga_agreement.py to 1e-9, and the published coincidence checked as well.
# The ranking (every measure, every member) always; the two 193x193 matrices with --matrices (as
# the test suite runs it; a second or two each since the intervals share their draws). Usage:
#   unga_vs_entente.sh ENTENTE DATA_DIR [--matrices]
set -euo pipefail
entente=$1
data=$2
matrices=${3:-}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
un=$data/unga-2018
"$entente" import votes --preset unvotes "$un/un_votes.csv" "$un/un_roll_calls.csv" \
  "$un/un_roll_call_issues.csv" -o "$tmp/un.entente" >/dev/null
"$entente" align united-states --measure agreement-index --min-shared 1 --data "$tmp/un.entente" \
  --format json >"$tmp/ranking.json"
script=$(dirname "$0")/unga_agreement.py
compared=(--entente "$tmp/ranking.json")
if [ "$matrices" = --matrices ]; then
  for measure in agreement-index kappa; do
    "$entente" align --matrix --measure $measure --data "$tmp/un.entente" \
      --format json >"$tmp/matrix-$measure.json"
    compared+=(--entente "$tmp/matrix-$measure.json")
  done
fi
/usr/bin/python3 "$script" "$un" "${compared[@]}"
# The comparison can fail: one score moved by 1e-6 is caught.
/usr/bin/python3 - "$tmp/ranking.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["ranking"][0]["measures"]["kappa"]["score"] += 1e-6
json.dump(d, open(sys.argv[1], "w"))
PY
if /usr/bin/python3 "$script" "$un" --entente "$tmp/ranking.json" >"$tmp/out"; then
  echo "FAIL: a score moved by 1e-6 was not caught"; exit 1
fi
grep -q "^FAIL: .*kappa" "$tmp/out" || { echo "FAIL: not the kappa score: $(cat "$tmp/out")"; exit 1; }
echo "ok: a score moved by 1e-6 is caught"
