# Shared by the CLI check scripts (sourced): counting checks, and the summary that ends a script.
# Under the sanitizers, LeakSanitizer would list the suppressions it used on stderr.
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}print_suppressions=0"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
expect_eq() {  # NAME ACTUAL EXPECTED
  if [ "$2" == "$3" ]; then ok "$1 = $3"; else fail "$1: got '$2', expected '$3'"; fi
}
# Ends the script: status 1 when any check failed.
finish_checks() {
  if [ $failures -ne 0 ]; then echo "$failures failed"; exit 1; fi
}
