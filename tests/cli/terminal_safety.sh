#!/usr/bin/env bash
# Text from the data is inert on a terminal (issue 10, bug 10): every command's table output and
# every message on stderr, on tests/data/good/terminal.json (escape sequences, C1 controls, bidi
# overrides and isolates in names, aliases, notes, quotes, titles, labels), holds none of the
# bytes a terminal acts on; the --format json outputs are valid JSON that keep the text exact.
# Usage: terminal_safety.sh ENTENTE SOURCE_DIR
set -uo pipefail
entente=$1
src=$2
data=$src/tests/data/good/terminal.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"

# C0 controls but the line feed (and a carriage return just before it: CSV's CRLF line end), DEL,
# C1 controls (UTF-8 C2 80-9F) and U+202A-202E, U+2066-2069.
dangerous() {  # FILE: prints the first offending line, if any
  LC_ALL=C grep -naP '[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]|\r(?!$)|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]' "$1" | head -1
}

check() {  # EXPECTED_STATUS ARGS...: runs entente on the data, checks status and both streams
  local expected=$1
  shift
  local label  # the arguments quoted, so this script's own report stays inert too
  label="entente $(printf '%q ' "$@")"
  "$entente" "$@" --data "$data" >"$tmp/out" 2>"$tmp/err" </dev/null
  local status=$?
  expect_eq "$label status" "$status" "$expected"
  [ -s "$tmp/out" ] || [ -s "$tmp/err" ] || fail "$label: no output at all"
  for stream in out err; do
    local bad
    bad=$(dangerous "$tmp/$stream")
    if [ -n "$bad" ]; then
      fail "$label std$stream has raw control text: $(printf '%s' "$bad" | od -c | head -3)"
    else
      ok "$label std$stream inert"
    fi
  done
}

check 0 show title
check 0 show rlo
check 0 actors
check 0 actors --format csv
check 0 stats
check 0 align title rlo
check 0 align title
check 0 align --matrix
check 0 diverge rlo title --assume "rlo opposes plain"
check 0 balance
check 0 path title plain --k 2
check 0 neighbors plain --depth 2
check 0 validate
check 0 align --matrix --format csv
check 0 diverge rlo title --assume "rlo opposes plain" --format csv
check 0 stats --format csv
# An actor name from the command line is echoed in the unknown-name message.
check 3 show $'no\e[2Jsuch\u202eactor'
# The escaped forms are there, so nothing was dropped either.
"$entente" show title --data "$data" >"$tmp/out" 2>&1
grep -qF 'Title\u001b]0;PWNED\u0007 State' "$tmp/out" && ok "name shown escaped" || fail "name not shown escaped"
grep -qF '“\u001b]0;PWNED\u0007\u001b[2J\u001b[H”' "$tmp/out" && ok "quote shown escaped" || fail "quote not shown escaped"

# JSON keeps the text exact (RapidJSON escapes the C0 controls; the rest is valid UTF-8).
for args in "show title" "actors" "align title rlo" "neighbors plain --depth 2" "stats"; do
  # shellcheck disable=SC2086
  "$entente" $args --data "$data" --format json >"$tmp/out.json" 2>"$tmp/err"
  if /usr/bin/python3 - "$tmp/out.json" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
names = set()
def walk(x):
    if isinstance(x, dict):
        for v in x.values(): walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
    elif isinstance(x, str):
        names.add(x)
walk(json.loads(text))
# Whatever the answer shows of the data, it shows exactly.
known = {"Title\x1b]0;PWNED\x07 State", "Right\u202eto left\u202c and \u2066isolated\u2069",
         "\x1b]0;PWNED\x07\x1b[2J\x1b[H", "Alias\b\b\bhidden", "Memo\x1b[2J\nwith a second line"}
assert names & known, "none of the data's text in the answer"
for s in names:
    assert "\\u001b" not in s, "double-escaped text: %r" % s
PY
  then ok "entente $args --format json: valid, text exact"; else fail "entente $args --format json"; fi
done
finish_checks
