#!/usr/bin/env bash
# Runs every libFuzzer target for a while on a seed corpus; fails on any crash, leak, timeout or
# out-of-memory, leaving the input that caused it in BUILD/fuzz-artifacts/.
#   tests/fuzz/smoke.sh BUILD_DIR [SECONDS_PER_TARGET]     (default 60)
# BUILD_DIR is a build configured with -DENTENTE_FUZZ=ON (clang). Seeds: data/, examples/,
# tests/data/{good,warn,bad} and the regressions in tests/data/fuzz/ (tests/fuzz/README.md).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:?usage: smoke.sh BUILD_DIR [SECONDS]}" && pwd)
seconds=${2:-60}
work=$build/fuzz-work
artifacts=$build/fuzz-artifacts
rm -rf "$work"
mkdir -p "$work/loader" "$work/assume" "$work/compiled" "$artifacts"

# The loader's seeds: every dataset we have, good or bad, and every crash found so far.
find "$src/data" "$src/examples" "$src/tests/data/good" "$src/tests/data/warn" \
     "$src/tests/data/bad" "$src/tests/data/fuzz/loader" -type f -name '*.json' -print0 |
  while IFS= read -r -d '' f; do
    cp "$f" "$work/loader/$(echo "${f#"$src"/}" | tr '/' '_')"
  done
cp "$src"/tests/data/fuzz/assume/* "$work/assume/"
# The compiled form's seeds are compiled here, so they always match the format of this build.
entente=$build/src/entente
"$entente" compile -o "$work/compiled/embedded.entente" >/dev/null
for f in "$src/examples/highland-tribes.json" "$src/tests/data/good/escaping.json" \
         "$src/tests/data/warn/duplicate-and-contradiction.json" "$src/tests/data/good/queries.json"; do
  "$entente" compile --data "$f" -o "$work/compiled/$(basename "$f" .json).entente" >/dev/null 2>&1
done

status=0
for target in loader assume compiled; do
  binary=$build/tests/fuzz/fuzz_$target
  log=$build/fuzz-$target.log
  echo "fuzz_$target: ${seconds} s on $(ls "$work/$target" | wc -l) seeds (log: $log)"
  # -timeout: one input may take 10 s at most; -rss_limit_mb: 2 GB; -max_len: the assumption
  # parser reads one line, the loader files up to the largest seed.
  extra=()
  [ "$target" = assume ] && extra=(-max_len=256)
  [ "$target" = compiled ] && extra=(-max_len=65536)
  if "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$artifacts/$target-" "${extra[@]}" "$work/$target" >"$log" 2>&1; then
    # The last status line and the totals: executions, coverage (cov) and features (ft).
    grep -E '^#[0-9]+' "$log" | tail -1
    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$log" | tr '\n' ' '; echo
  else
    echo "FAIL: fuzz_$target found a problem; the input is in $artifacts/" >&2
    grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || tail -30 "$log" >&2
    status=1
  fi
done
exit $status
