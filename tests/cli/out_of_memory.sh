#!/usr/bin/env bash
# Out of memory is an error, not a crash (issue 10, bug 11): under a range of address-space limits
# (ulimit -v), `entente export` to a JSON file and a large `--format json` answer either succeed
# whole or end with status 2 and one message, leaving no file behind; never a signal. The dataset
# (about 20 MB, 10^5 claims) is generated here. Among the limits, some must let the data load but
# not the output be written, so the writers' own allocations are exercised.
# Usage: out_of_memory.sh ENTENTE [--sanitized]. Exit 77 (skipped) under AddressSanitizer, whose
# shadow memory needs terabytes of address space: ulimit -v cannot bound it.
set -uo pipefail
entente=$1
if [ "${2:-}" = "--sanitized" ]; then
  echo "skipped: ulimit -v cannot bound an AddressSanitizer process (it reserves terabytes)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
oom="entente: out of memory: the data and the answer need more memory than this process may use"

# 1000 sources, 2000 states, 10^5 distinct claims with quotes.
awk 'BEGIN { printf "{\"entente\": 1, \"sources\": [\n";
  for (i = 0; i < 1000; i++) printf "%s{\"id\": \"s%d\", \"title\": \"Source number %d with a reasonably long title\"}\n", (i ? "," : ""), i, i;
  printf "], \"actors\": [\n";
  for (i = 0; i < 2000; i++) printf "%s{\"id\": \"a%d\", \"name\": \"Actor %d\", \"kind\": \"state\"}\n", (i ? "," : ""), i, i;
  printf "], \"claims\": [\n";
  for (i = 0; i < 100000; i++) { s = i % 2000; o = (s + 1 + int(i / 2000)) % 2000;
    printf "%s{\"id\": \"c%d\", \"subject\": \"a%d\", \"relation\": \"supports\", \"object\": \"a%d\", \"source\": \"s%d\", \"quote\": \"A quote of some length that makes the claim heavier, number %d, to fill the file.\"}\n", (i ? "," : ""), i, s, o, i % 1000, i }
  printf "]}\n" }' >"$tmp/big.json"

# Runs entente under an address-space limit in KiB; sets $status.
# The message is pinned once the data has loaded; a load that runs out is the loader's to word
# (status 2 and a message still required).
run_limited() {  # LIMIT ARGS...
  local limit=$1
  shift
  ( ulimit -v "$limit" && exec timeout 120 "$entente" "$@" ) >"$tmp/out" 2>"$tmp/err" </dev/null
  status=$?
}

# From a limit too small to load the data, up in steps of 25 MB until both succeed: the window in
# which the load fits but the output does not lies between, wherever this machine's libraries
# put it.
loaded_but_not_written=0
limit=75000
succeeded=0
while [ $succeeded -lt 2 ] && [ $limit -lt 4000000 ]; do
  limit=$((limit + 25000))
  succeeded=0
  run_limited "$limit" validate --data "$tmp/big.json"
  loads=$status
  rm -f "$tmp/o.json"
  run_limited "$limit" export --data "$tmp/big.json" -o "$tmp/o.json"
  case $status in
    0) [ -s "$tmp/o.json" ] && [ "$(tail -c 4 "$tmp/o.json")" = "]
}" ] || fail "export under $limit KiB: status 0 but o.json incomplete"
       succeeded=$((succeeded + 1)) ;;
    2) if [ "$loads" = 0 ]; then
         expect_eq "export under $limit KiB: message" "$(cat "$tmp/err")" "$oom"
       else
         [ -s "$tmp/err" ] || fail "export under $limit KiB: status 2 and no message"
       fi
       [ ! -e "$tmp/o.json" ] || fail "export under $limit KiB: o.json left behind"
       [ "$loads" != 0 ] || loaded_but_not_written=$((loaded_but_not_written + 1)) ;;
    *) fail "export under $limit KiB: status $status (a crash?): $(head -c 300 "$tmp/err")" ;;
  esac
  run_limited "$limit" neighbors a0 --depth 40 --format json --data "$tmp/big.json"
  case $status in
    0) /usr/bin/python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d["claims"]) == 100000' "$tmp/out" \
         || fail "neighbors --format json under $limit KiB: status 0 but not the whole answer"
       succeeded=$((succeeded + 1)) ;;
    2) if [ "$loads" = 0 ]; then
         expect_eq "neighbors --format json under $limit KiB: message" "$(cat "$tmp/err")" "$oom"
       else
         [ -s "$tmp/err" ] || fail "neighbors --format json under $limit KiB: status 2 and no message"
       fi
       [ ! -s "$tmp/out" ] || fail "neighbors --format json under $limit KiB: half an answer on stdout"
       [ "$loads" != 0 ] || loaded_but_not_written=$((loaded_but_not_written + 1)) ;;
    *) fail "neighbors --format json under $limit KiB: status $status (a crash?): $(head -c 300 "$tmp/err")" ;;
  esac
done
# The writers' growth must have met the limit at least once after a successful load.
if [ "$loaded_but_not_written" -ge 2 ]; then
  ok "$loaded_but_not_written runs loaded the data and ran out writing the answer"
else
  fail "only $loaded_but_not_written runs ran out of memory after loading; the limits missed the writers"
fi
# With room enough both succeed, and the export loads back.
expect_eq "export and neighbors succeed under $limit KiB" "$succeeded" 2
"$entente" validate --data "$tmp/o.json" >"$tmp/out" 2>&1
expect_eq "the export with room enough loads back" "$(cat "$tmp/out")" \
  "valid: 1 file, 1000 sources, 2000 actors, 100000 claims, 16 relations (0 defined by the data), 0 warnings"
finish_checks
