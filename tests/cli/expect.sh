#!/usr/bin/env bash
# Runs a command and checks its exit status and output.
#   expect.sh --code N [--stdout FILE] [--stderr FILE] [--stdout-has TEXT]... [--stderr-has TEXT]...
#             [--stdout-lacks TEXT]... [--stderr-lacks TEXT]... [--stdout-empty-if N] -- COMMAND [ARGS...]
# --stdout/--stderr compare exactly; --*-has look for a substring; --stdout-empty-if N requires
# empty stdout when the expected status is N and not 0 (errors go to stderr only).
set -uo pipefail
code="" ; out_file="" ; err_file="" ; empty_if=""
out_has=() ; err_has=() ; out_lacks=() ; err_lacks=()
while [ $# -gt 0 ]; do
  case "$1" in
    --code) code=$2; shift 2 ;;
    --stdout) out_file=$2; shift 2 ;;
    --stderr) err_file=$2; shift 2 ;;
    --stdout-has) out_has+=("$2"); shift 2 ;;
    --stderr-has) err_has+=("$2"); shift 2 ;;
    --stdout-lacks) out_lacks+=("$2"); shift 2 ;;
    --stderr-lacks) err_lacks+=("$2"); shift 2 ;;
    --stdout-empty-if) empty_if=$2; shift 2 ;;
    --) shift; break ;;
    *) echo "expect.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
fail=0
report() { echo "FAIL: $*"; fail=1; }
[ "$status" = "$code" ] || report "exit status $status, expected $code"
if [ -n "$out_file" ] && ! diff -u "$out_file" "$tmp/out"; then report "stdout differs"; fi
if [ -n "$err_file" ] && ! diff -u "$err_file" "$tmp/err"; then report "stderr differs"; fi
for t in "${out_has[@]+"${out_has[@]}"}"; do
  grep -qF -- "$t" "$tmp/out" || report "stdout lacks: $t"
done
for t in "${err_has[@]+"${err_has[@]}"}"; do
  grep -qF -- "$t" "$tmp/err" || report "stderr lacks: $t"
done
for t in "${out_lacks[@]+"${out_lacks[@]}"}"; do
  grep -qF -- "$t" "$tmp/out" && report "stdout has: $t"
done
for t in "${err_lacks[@]+"${err_lacks[@]}"}"; do
  grep -qF -- "$t" "$tmp/err" && report "stderr has: $t"
done
if [ -n "$empty_if" ] && [ "$empty_if" = "$code" ] && [ "$code" != 0 ] && [ -s "$tmp/out" ]; then
  report "stdout not empty"
fi
if [ $fail -ne 0 ]; then
  echo "--- command: $*"; echo "--- stdout:"; head -c 4000 "$tmp/out"; echo "--- stderr:"; head -c 4000 "$tmp/err"
  exit 1
fi
echo "ok: $*"
