#!/usr/bin/env bash
# Writes a dataset of N states and 2N random supports/opposes claims (seeded): bench/layout_timing.sh.
n=$1
echo '{"entente": 1, "sources": [{"id": "s", "title": "generated"}], "actors": ['
for i in $(seq 0 $((n-1))); do printf '{"id": "a%d", "name": "Actor %d", "kind": "state"}%s\n' "$i" "$i" "$([ "$i" -lt $((n-1)) ] && echo ,)"; done
echo '], "claims": ['
m=$((2*n)); RANDOM=7
for i in $(seq 0 $((m-1))); do s=$((RANDOM % n)); o=$(((s + 1 + RANDOM % (n-1)) % n)); rel=$([ $((RANDOM % 5)) -eq 0 ] && echo opposes || echo supports); printf '{"subject": "a%d", "relation": "%s", "object": "a%d", "source": "s"}%s\n' "$s" "$rel" "$o" "$([ "$i" -lt $((m-1)) ] && echo ,)"; done
echo ']}'
