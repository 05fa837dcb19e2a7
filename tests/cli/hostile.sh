#!/usr/bin/env bash
# Hostile input through the real binary: each case gives a clear, pinned message and status 2 (or
# a documented acceptance with status 0), in bounded time. Big inputs are generated here.
# Usage: hostile.sh ENTENTE SOURCE_DIR CASE. Exit 77 (skipped, with the reason printed) when the
# case needs something this machine does not have.
set -uo pipefail
entente=$1
src=$2
case_name=$3
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
# Runs entente with a time limit; sets $status, $out and $err (files), reports the time taken.
run() {
  local start=$SECONDS
  timeout 120 "$entente" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  status=$?
  echo "   (entente $(printf '%q ' "$@" | cut -c1-80)took $((SECONDS - start)) s, status $status)"
  [ $status -ne 124 ] || fail "entente $* did not finish in 120 s"
}
stderr_is() {  # NAME EXPECTED_TEXT
  expect_eq "$1" "$(cat "$tmp/err")" "$2"
}

case $case_name in
  deep-nesting)
    # 10^6 levels: refused at level 65, without reading further.
    { head -c 1000000 /dev/zero | tr '\0' '['; head -c 1000000 /dev/zero | tr '\0' ']'; } >"$tmp/deep.json"
    run validate --data "$tmp/deep.json"
    expect_eq "status" "$status" 2
    stderr_is "message" "$tmp/deep.json:1:65: error: nesting deeper than 64 levels; an entente file needs no more than 4
entente: 1 error, 0 warnings in 1 file"
    ;;
  big-string)
    # A 100 MB name: past a 64 MiB --max-bytes (the library's default; the CLI's follows the
    # machine's memory); with that raised, past --max-name-length.
    { printf '{"entente": 1, "actors": [{"id": "a", "name": "'; head -c 100000000 /dev/zero | tr '\0' 'x'
      printf '", "kind": "state"}], "claims": []}'; } >"$tmp/big.json"
    run validate --data "$tmp/big.json" --max-bytes 67108864
    expect_eq "status (too many bytes)" "$status" 2
    stderr_is "message (too many bytes)" "$tmp/big.json: error: file of 100000082 bytes; one command loads at most 67108864 bytes (--max-bytes)
entente: 1 error, 0 warnings"
    run validate --data "$tmp/big.json" --max-bytes 200000000
    expect_eq "status (name too long)" "$status" 2
    stderr_is "message (name too long)" "$tmp/big.json:1:47: error: string of 100000000 characters; a name may have at most 1000 (--max-name-length) (at /actors/0/name)
entente: 1 error, 0 warnings in 1 file"
    ;;
  shared-names)
    # 10^5 actors with one name: a documented acceptance (status 0) with 20 warnings and a summary.
    awk 'BEGIN { printf "{\"entente\": 1, \"actors\": [\n";
                 for (i = 0; i < 100000; i++) printf "%s{\"id\": \"a%d\", \"name\": \"Same\", \"kind\": \"state\"}\n", (i ? "," : ""), i;
                 printf "], \"claims\": []}\n" }' >"$tmp/same.json"
    run validate --data "$tmp/same.json"
    expect_eq "status" "$status" 0
    expect_eq "stderr lines" "$(wc -l <"$tmp/err")" 22
    expect_eq "first warning" "$(head -1 "$tmp/err")" "$tmp/same.json:3:2: warning: actor \"a1\" shares the name \"same\" with actor \"a0\"; looking it up by that name is ambiguous (at /actors/1)"
    expect_eq "summary" "$(tail -2 "$tmp/err")" "$tmp/same.json: warning: … and 99979 more warnings like these: actor \"…\" shares the name \"…\" with actor \"…\"; looking it up by that name is ambiguous
entente: 0 errors, 99999 warnings in 1 file"
    expect_eq "stdout" "$(cat "$tmp/out")" "valid: 1 file, 0 sources, 100000 actors, 0 claims, 16 relations (0 defined by the data), 99999 warnings"
    ;;
  fifo)
    # Never opened for a blocking read, named or inside a directory.
    mkfifo "$tmp/pipe.json"
    run validate --data "$tmp/pipe.json"
    expect_eq "status" "$status" 2
    stderr_is "message" "$tmp/pipe.json: error: not a regular file or a directory
entente: 1 error, 0 warnings"
    run validate --data "$tmp"
    expect_eq "directory holding only a FIFO: status" "$status" 2
    stderr_is "directory holding only a FIFO: message" "$tmp: error: no *.json files in this directory
entente: 1 error, 0 warnings"
    ;;
  unreadable)
    # Root reads anything, so as root the check runs as an unprivileged user (setpriv).
    chmod 755 "$tmp"
    cp "$src/tests/data/good/queries.json" "$tmp/secret.json"
    chmod 000 "$tmp/secret.json"
    as_user=()
    if [ "$(id -u)" -eq 0 ]; then
      if ! command -v setpriv >/dev/null || ! setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null; then
        echo "SKIP: running as root and cannot drop to an unprivileged user with setpriv"; exit 77
      fi
      if ! setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$entente"; then
        echo "SKIP: $entente is not executable by the unprivileged user nobody"; exit 77
      fi
      as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
      echo "   (running as nobody, uid 65534)"
    fi
    timeout 60 "${as_user[@]}" "$entente" validate --data "$tmp/secret.json" >"$tmp/out" 2>"$tmp/err"
    status=$?
    expect_eq "status" "$status" 2
    stderr_is "message" "$tmp/secret.json: error: cannot read: Permission denied
entente: 1 error, 0 warnings"
    # A path through a regular file, which no user can read.
    run validate --data "$src/tests/data/good/queries.json/x.json"
    expect_eq "path through a file: status" "$status" 2
    stderr_is "path through a file: message" "$src/tests/data/good/queries.json/x.json: error: cannot read: no such file or directory
entente: 1 error, 0 warnings"
    ;;
  limits)
    q=$src/tests/data/good/queries.json
    run validate --data "$q" --max-records 5
    expect_eq "--max-records: status" "$status" 2
    expect_eq "--max-records: message" "$(head -1 "$tmp/err")" "$q:11:5: error: more than 5 records (sources, relations, actors and claims together); one command loads at most 5 (--max-records) (at /actors/4)"
    run validate --data "$q" --max-name-length 8
    expect_eq "--max-name-length: status" "$status" 2
    expect_eq "--max-name-length: message" "$(head -1 "$tmp/err")" "$q:4:62: error: string of 10 characters; a name may have at most 8 (--max-name-length) (at /sources/0/author)"
    run validate --data "$q" --max-text-length 10
    expect_eq "--max-text-length: status" "$status" 2
    expect_eq "--max-text-length: message" "$(head -1 "$tmp/err")" "$q:4:29: error: string of 19 characters; a quote, note, title or url may have at most 10 (--max-text-length) (at /sources/0/title)"
    run validate --data "$q" --max-bytes 100
    expect_eq "--max-bytes: status" "$status" 2
    expect_eq "--max-bytes: message" "$(head -1 "$tmp/err")" "$q: error: file of $(stat -c %s "$q") bytes; one command loads at most 100 bytes (--max-bytes)"
    run validate --max-bytes 0
    expect_eq "--max-bytes 0 is a usage error" "$status" 1
    run balance --data "$q" --max-records 1000
    expect_eq "queries take the limits too" "$status" 0
    ;;
  *) echo "unknown case $case_name"; exit 2 ;;
esac
finish_checks
