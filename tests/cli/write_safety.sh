#!/usr/bin/env bash
# Nothing half-written: a failed or killed write leaves the old file byte-identical and no
# temporary beside it. Usage: write_safety.sh ENTENTE SOURCE_DIR CASE. Cases that need to mount
# a file system (a private mount namespace: unshare -m, as root) exit 77, skipped, with the
# reason printed, when they cannot.
set -uo pipefail
entente=$1
src=$2
case_name=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
# Runs the rest of the case in a private mount namespace with a small tmpfs at $tmp/mnt, so the
# mounts vanish with the process whatever happens.
in_private_mount() {  # SIZE SCRIPT
  if ! unshare -m --propagation private true 2>/dev/null; then
    echo "SKIP: cannot create a mount namespace here (unshare -m needs root or CAP_SYS_ADMIN)"
    exit 77
  fi
  mkdir -p "$tmp/mnt"
  unshare -m --propagation private bash -c "mount -t tmpfs -o size=$1 entente-test '$tmp/mnt' && $2"
}

case $case_name in
  read-only)
    # A read-only file system (a tmpfs remounted read-only): root cannot write there either.
    in_private_mount 1m "
      echo old >'$tmp/mnt/keep.svg' && echo old >'$tmp/mnt/keep.json' &&
      mount -o remount,ro '$tmp/mnt' &&
      { '$entente' export -o '$tmp/mnt/keep.json' 2>'$tmp/export.err'; echo \$? >'$tmp/export.status'; } &&
      { '$entente' align russia pakistan --diagram '$tmp/mnt/keep.svg' >/dev/null 2>'$tmp/diagram.err'; echo \$? >'$tmp/diagram.status'; } &&
      cat '$tmp/mnt/keep.json' '$tmp/mnt/keep.svg' >'$tmp/after' && ls -A '$tmp/mnt' >'$tmp/listing'"
    status=$?
    [ $status -eq 77 ] && exit 77
    expect_eq "export into a read-only directory: status" "$(cat "$tmp/export.status")" 2
    expect_eq "export: message" "$(cat "$tmp/export.err")" "entente: $tmp/mnt/keep.json: cannot create a temporary file in $tmp/mnt: Read-only file system"
    expect_eq "diagram into a read-only directory: status" "$(cat "$tmp/diagram.status")" 2
    expect_eq "diagram: message" "$(cat "$tmp/diagram.err")" "entente: $tmp/mnt/keep.svg: cannot create a temporary file in $tmp/mnt: Read-only file system"
    expect_eq "old files untouched" "$(cat "$tmp/after")" "old
old"
    expect_eq "no temporary files" "$(cat "$tmp/listing" | tr '\n' ' ')" "keep.json keep.svg "
    ;;
  full)
    # A full file system: a 512 KiB tmpfs filled up, then asked for a 58 KB export.
    in_private_mount 512k "
      echo old >'$tmp/mnt/keep.json' &&
      { dd if=/dev/zero of='$tmp/mnt/filler' bs=4k 2>/dev/null; true; } &&
      { '$entente' export -o '$tmp/mnt/keep.json' 2>'$tmp/export.err'; echo \$? >'$tmp/export.status'; } &&
      { '$entente' export --format csv -o '$tmp/mnt/graph.csv' 2>'$tmp/csv.err'; echo \$? >'$tmp/csv.status'; } &&
      cat '$tmp/mnt/keep.json' >'$tmp/after' && ls -A '$tmp/mnt' >'$tmp/listing'"
    status=$?
    [ $status -eq 77 ] && exit 77
    expect_eq "export into a full file system: status" "$(cat "$tmp/export.status")" 2
    expect_eq "export: message" "$(cat "$tmp/export.err")" "entente: $tmp/mnt/keep.json: cannot write: No space left on device"
    expect_eq "two-file CSV export: status" "$(cat "$tmp/csv.status")" 2
    expect_eq "old file untouched" "$(cat "$tmp/after")" old
    expect_eq "no temporary files, no half of the CSV pair" "$(cat "$tmp/listing" | tr '\n' ' ')" "filler keep.json "
    ;;
  killed)
    # SIGKILL while the export is being written: the old file survives byte for byte and, the
    # temporary being nameless until complete, nothing is left beside it.
    awk 'BEGIN { printf "{\"entente\": 1, \"sources\": [{\"id\": \"s\", \"title\": \"S\"}], \"actors\": [\n";
                 for (i = 0; i < 2000; i++) printf "%s{\"id\": \"a%d\", \"name\": \"Actor %d\", \"kind\": \"state\"}\n", (i ? "," : ""), i, i;
                 printf "], \"claims\": [\n";
                 q = "A quote long enough to make the export big"; for (k = 0; k < 4; k++) q = q " " q;
                 for (i = 0; i < 20000; i++) printf "%s{\"subject\": \"a%d\", \"relation\": \"supports\", \"object\": \"a%d\", \"source\": \"s\", \"quote\": \"%s %d\"}\n", (i ? "," : ""), i % 2000, (i * 7 + 1) % 2000, q, i;
                 printf "]}\n" }' >"$tmp/big.json"
    mkdir "$tmp/out"
    head -c 100000 /dev/urandom >"$tmp/old"
    caught=""
    for attempt in 1 2 3 4 5; do
      cp "$tmp/old" "$tmp/out/export.json"
      "$entente" export --data "$tmp/big.json" -o "$tmp/out/export.json" 2>/dev/null &
      pid=$!
      # Wait until the process holds a file open in the output directory (the nameless
      # temporary shows as "DIR/#INODE (deleted)"), then kill it there.
      # The process is stopped first and killed only if the temporary is still nameless: a
      # write that completed between the look and the kill would otherwise fail the test.
      while kill -0 $pid 2>/dev/null; do
        if find /proc/$pid/fd -lname "$tmp/out/*" 2>/dev/null | grep -q .; then
          kill -STOP $pid 2>/dev/null
          # Nameless (O_TMPFILE) or, where that is not supported, named .export.json.tmp-XXXXXX.
          fd=$(find /proc/$pid/fd \( -lname "$tmp/out/*(deleted)" -o -lname "$tmp/out/.export.json.tmp-*" \) 2>/dev/null | head -1)
          if [ -n "$fd" ]; then
            size=$(stat -L -c %s "$fd" 2>/dev/null)
            kill -KILL $pid 2>/dev/null && caught="attempt $attempt, temporary at ${size:-?} bytes"
          else
            kill -CONT $pid 2>/dev/null
          fi
          break
        fi
      done
      wait $pid 2>/dev/null
      [ -n "$caught" ] && break
      echo "   (attempt $attempt: the export finished before it could be killed mid-write)"
    done
    [ -n "$caught" ] || fail "never caught the export mid-write in 5 attempts"
    echo "   (killed mid-write: $caught)"
    cmp -s "$tmp/old" "$tmp/out/export.json" && ok "old file byte-identical" || fail "old file changed"
    expect_eq "nothing else in the directory" "$(ls -A "$tmp/out" | tr '\n' ' ')" "export.json "
    # And left alone, the same export completes and replaces it.
    "$entente" export --data "$tmp/big.json" -o "$tmp/out/export.json" 2>/dev/null
    cmp -s "$tmp/old" "$tmp/out/export.json" && fail "a completed export did not replace it"
    "$entente" validate --data "$tmp/out/export.json" >/dev/null 2>&1
    expect_eq "a completed export replaces it with a dataset that validates" "$?" 0
    ;;
  *) echo "unknown case $case_name"; exit 2 ;;
esac
finish_checks
