#!/usr/bin/env bash
# The 2018 UN roll calls imported by entente, its agreement measures (the ranking of every member
# against the United States, and the matrix of every pair) compared with the independent numpy
# computation of unga_agreement.py to 1e-9, and the published coincidence checked as well.
# Needs the measures of issue 11 part A (`--measure`, JSON "measures"). Usage:
#   unga_vs_entente.sh ENTENTE DATA_DIR
set -euo pipefail
entente=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
un=$data/unga-2018
"$entente" import votes --preset unvotes "$un/un_votes.csv" "$un/un_roll_calls.csv" \
  "$un/un_roll_call_issues.csv" -o "$tmp/un.entente" >/dev/null
"$entente" align united-states --measure agreement-index --min-shared 1 --data "$tmp/un.entente" \
  --format json >"$tmp/ranking.json"
"$entente" align --matrix --measure agreement-index --data "$tmp/un.entente" \
  --format json >"$tmp/matrix.json"
/usr/bin/python3 "$(dirname "$0")/unga_agreement.py" "$un" --entente "$tmp/ranking.json" \
  --entente "$tmp/matrix.json"
