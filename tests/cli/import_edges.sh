#!/usr/bin/env bash
# `entente import edges`: each format's hand case through the CLI (summary pinned, the result
# loaded back by the real reader, JSON and compiled alike); every bad line of each format reported
# exactly (tests/data/edges/*.expected) with nothing written; usage errors; progress on a terminal
# only. Usage: import_edges.sh ENTENTE DATA_DIR
set -uo pipefail
entente=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
cd "$data" || exit 1

# Pajek: the highland tribes, loaded back and balanced.
"$entente" import edges ../../examples/highland-tribes.net --kind group -o "$tmp/h.json" >"$tmp/out" 2>"$tmp/err"
expect_eq "pajek status" $? 0
expect_eq "pajek summary" "$(cat "$tmp/out")" \
  "imported 58 signed edges (29 positive, 29 negative) among 16 actors into $tmp/h.json; load it with --data $tmp/h.json"
expect_eq "pajek stderr" "$(cat "$tmp/err")" ""
"$entente" validate --data "$tmp/h.json" >"$tmp/out" 2>&1
expect_eq "the JSON loads back" $? 0
grep -q "0 warnings" "$tmp/out" && ok "without warnings" || fail "warnings: $(cat "$tmp/out")"
"$entente" show "Seu've" --data "$tmp/h.json" >"$tmp/show" 2>&1
expect_eq "show by name" "$(head -1 "$tmp/show")" "Seu've (seu-ve), group"
"$entente" show 14 --data "$tmp/h.json" >/dev/null 2>&1
expect_eq "the vertex number is an alias" $? 0
grep -q '"title": "Read (1954) Gahuku-Gama sub-tribes"' "$tmp/h.json" &&
  ok "the *Network line names the source" || fail "source title: $(grep -n title "$tmp/h.json")"
"$entente" import edges ../../examples/highland-tribes.net --kind group -o "$tmp/h.entente" >/dev/null 2>&1
expect_eq "compiled status" $? 0
"$entente" export --data "$tmp/h.entente" -o "$tmp/back.json" >/dev/null 2>&1
cmp -s "$tmp/h.json" "$tmp/back.json" && ok "compiled and JSON hold the same dataset" ||
  fail "compiled differs from JSON: $(diff "$tmp/h.json" "$tmp/back.json" | head -5)"

# A mixed Pajek file (CRLF, arcs, edges, lists, a zero, a loop).
"$entente" import edges edges/mixed.net -o "$tmp/m.json" >"$tmp/out" 2>&1
expect_eq "mixed status" $? 0
expect_eq "mixed summary" "$(cat "$tmp/out")" \
  "imported 7 signed edges (5 positive, 2 negative; 4 directed) among 5 actors, skipping 1 edge of value 0 and 1 loop, into $tmp/m.json; load it with --data $tmp/m.json"

# CSV and TSV, with column options; relations chosen.
"$entente" import edges edges/signed.csv --source-column from --target-column to \
  --sign-column polarity --positive allied_with --negative rivals -o - >"$tmp/s.json" 2>"$tmp/err"
expect_eq "csv status" $? 0
expect_eq "csv summary on stderr with -o -" "$(cat "$tmp/err")" \
  "entente: imported 3 signed edges (2 positive, 1 negative) among 4 actors, skipping 1 edge of value 0"
grep -c '"relation": "allied_with"' "$tmp/s.json" | grep -qx 2 && ok "--positive" || fail "allied_with: $(grep relation "$tmp/s.json")"
grep -q '"relation": "rivals"' "$tmp/s.json" && ok "--negative" || fail "no rivals"
"$entente" validate --data "$tmp/s.json" >/dev/null 2>&1
expect_eq "csv output loads" $? 0
"$entente" import edges edges/signed.tsv --directed -o "$tmp/t.json" >"$tmp/out" 2>&1
expect_eq "tsv, directed" "$(cat "$tmp/out")" \
  "imported 2 signed edges (1 positive, 1 negative; 2 directed) among 3 actors into $tmp/t.json; load it with --data $tmp/t.json"

# GraphML in Gephi's shape.
"$entente" import edges edges/gephi.graphml -o "$tmp/g.json" >"$tmp/out" 2>&1
expect_eq "gephi summary" "$(cat "$tmp/out")" \
  "imported 2 signed edges (1 positive, 1 negative; 1 directed) among 3 actors into $tmp/g.json; load it with --data $tmp/g.json"
"$entente" show cote-d-ivoire --data "$tmp/g.json" >"$tmp/show" 2>&1
expect_eq "gephi label as name" "$(head -1 "$tmp/show")" "Côte d'Ivoire (cote-d-ivoire), state"

# Every bad line of each format, and nothing written.
for bad in bad.csv bad.net bad.graphml malformed.graphml unsigned.graphml; do
  "$entente" import edges "edges/$bad" -o "$tmp/bad.json" >"$tmp/out" 2>"$tmp/err"
  expect_eq "$bad status" $? 2
  diff "$tmp/err" "edges/$bad.expected" >"$tmp/diff" && ok "$bad: every bad line, pinned" ||
    fail "$bad: $(cat "$tmp/diff")"
  [ ! -e "$tmp/bad.json" ] && ok "$bad: nothing written" || fail "$bad: bad.json written"
  expect_eq "$bad: nothing on stdout" "$(cat "$tmp/out")" ""
done
# One bad file among good ones: still nothing written.
"$entente" import edges ../../examples/highland-tribes.net edges/bad.csv -o "$tmp/bad.json" >/dev/null 2>&1
expect_eq "a bad file among good ones" $? 2
[ ! -e "$tmp/bad.json" ] && ok "nothing written" || fail "bad.json written"

# Usage errors: status 1, nothing written.
"$entente" import edges edges/signed.txt -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "unknown extension status" $? 1
expect_eq "unknown extension message" "$(cat "$tmp/err")" \
  "entente import edges: cannot tell the format of edges/signed.txt from its name (.csv, .tsv, .net, .graphml or .xml); give --format csv, pajek or graphml"
"$entente" import edges edges/signed.csv --positive hostile_to -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "a hostile --positive status" $? 1
expect_eq "a hostile --positive message" "$(cat "$tmp/err")" \
  "entente import edges: --positive \"hostile_to\" is not a built-in cooperative relation; use one of supports, allied_with, cooperates_with, partners_with, trades_with, proposes"
"$entente" import edges edges/signed.csv --sign-column a --weight-column b -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "two value columns" "$(cat "$tmp/err")" \
  "entente import edges: --sign-column and --weight-column both name the value's column; give one"
"$entente" import edges "$tmp/no-such.net" -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "missing file status" $? 2
expect_eq "missing file message" "$(head -1 "$tmp/err")" \
  "entente: $tmp/no-such.net: error: cannot open the file for reading"
[ ! -e "$tmp/x.json" ] && ok "nothing written on a usage error" || fail "x.json written"

# Progress: on a terminal only.
export ENTENTE_PROGRESS_AFTER_MS=0
script -qec "'$entente' import edges ../../examples/highland-tribes.net -o '$tmp/p.json' >/dev/null" /dev/null >"$tmp/tty"
grep -q $'\rentente: importing 100% (' "$tmp/tty" && ok "progress to 100% on a terminal" ||
  fail "no progress: $(od -c "$tmp/tty" | head -5)"
finish_checks
