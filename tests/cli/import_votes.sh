#!/usr/bin/env bash
# `entente import votes`: the 2018 UN roll calls through the unvotes preset, loaded back by the
# real reader (JSON and compiled), counts checked against awk's own count of the CSV; column
# options on a TSV with a BOM, CRLF and quoted fields; every bad row reported with nothing
# written; progress on a terminal only. Usage: import_votes.sh ENTENTE DATA_DIR
set -uo pipefail
entente=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
un=$data/unga-2018

# The tables in any order: told apart by their headers.
"$entente" import votes --preset unvotes "$un/un_roll_call_issues.csv" "$un/un_votes.csv" \
  "$un/un_roll_calls.csv" -o "$tmp/un.json" >"$tmp/out" 2>"$tmp/err"
expect_eq "unvotes status" $? 0
count() { awk -F, -v v="$1" '{ sub(/\r$/, "") } NR > 1 && $NF == v { n++ } END { print n + 0 }' "$un/un_votes.csv"; }
yes=$(count yes) no=$(count no) abstain=$(count abstain)
expect_eq "unvotes summary" "$(cat "$tmp/out")" \
  "imported 16933 votes ($yes yes, $no no, $abstain abstaining; 0 absent) of 193 voters on 95 roll calls (6 issues) into $tmp/un.json; load it with --data $tmp/un.json"
expect_eq "unvotes stderr" "$(cat "$tmp/err")" ""
"$entente" validate --data "$tmp/un.json" >"$tmp/out" 2>&1
expect_eq "the JSON loads back" $? 0
grep -q "0 warnings" "$tmp/out" && ok "without warnings" || fail "warnings: $(cat "$tmp/out")"
issue_rows=$(($(wc -l <"$un/un_roll_call_issues.csv") - 1))
"$entente" stats --data "$tmp/un.json" --format json >"$tmp/stats.json"
claims=$(/usr/bin/python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["counts"]["claims"])' "$tmp/stats.json" 2>&1)
expect_eq "claims: votes and issue links" "$claims" $((16933 + issue_rows))
"$entente" show united-states --data "$tmp/un.json" >"$tmp/show" 2>&1
grep -q "United States (united-states), state" "$tmp/show" && ok "the US by its slug" || fail "show: $(head -3 "$tmp/show")"
"$entente" show US --data "$tmp/un.json" >/dev/null 2>&1
expect_eq "the US by its country code" $? 0
"$entente" show "Côte d’Ivoire" --data "$tmp/un.json" >"$tmp/show" 2>&1
grep -q "^Côte d’Ivoire (cote-d-ivoire), state" "$tmp/show" && ok "an ASCII slug from a name with accents" ||
  fail "cote-d-ivoire: $(head -1 "$tmp/show")"

"$entente" import votes --preset unvotes "$un/un_votes.csv" "$un/un_roll_calls.csv" \
  "$un/un_roll_call_issues.csv" -o "$tmp/un.entente" >/dev/null 2>&1
expect_eq "compiled status" $? 0
"$entente" validate --data "$tmp/un.entente" >/dev/null 2>&1
expect_eq "the compiled form loads back" $? 0
"$entente" export --data "$tmp/un.entente" -o "$tmp/back.json" >/dev/null 2>&1
cmp -s "$tmp/un.json" "$tmp/back.json" && ok "compiled and JSON hold the same dataset" ||
  fail "compiled differs from JSON: $(diff "$tmp/un.json" "$tmp/back.json" | head -5)"

# Column options: a TSV with a BOM, CRLF line ends, a quoted name holding a line break.
"$entente" import votes "$data/votes/good.tsv" --actor-column member --item-column bill \
  --vote-column vote --date-column day -o "$tmp/good.json" >"$tmp/out" 2>&1
expect_eq "columns status" $? 0
expect_eq "columns summary" "$(cat "$tmp/out")" \
  "imported 4 votes (2 yes, 1 no, 1 abstaining; 1 absent) of 3 voters on 2 roll calls into $tmp/good.json; load it with --data $tmp/good.json"
"$entente" validate --data "$tmp/good.json" >/dev/null 2>&1
expect_eq "columns output loads" $? 0
grep -q '"name": "The \\"Long\\"\\nName"' "$tmp/good.json" && ok "quoted field with quotes and a break" ||
  fail "quoted name: $(grep -n Long "$tmp/good.json")"
grep -q '"from": "2020-04-02"' "$tmp/good.json" && ok "dated to the vote" || fail "no date"
"$entente" import votes "$data/votes/good.tsv" --actor-column member --item-column bill \
  --vote-column vote --yes Yea,AYE --no nay --abstain present --absent "not voting" \
  -o - >"$tmp/stdout.json" 2>"$tmp/err"
expect_eq "codes given, JSON to stdout" $? 0
grep -q '"relation": "abstains_on"' "$tmp/stdout.json" && ok "abstains_on written" || fail "no abstains_on"
grep -q '^entente: imported 4 votes' "$tmp/err" && ok "summary on stderr with -o -" || fail "$(cat "$tmp/err")"

# Every bad row, and nothing written.
(cd "$data" && "$entente" import votes votes/bad.csv --actor-column member --item-column bill \
  --vote-column vote --date-column day -o "$tmp/bad.json") >"$tmp/out" 2>"$tmp/err"
expect_eq "bad rows status" $? 2
diff "$tmp/err" "$data/votes/bad.expected" >"$tmp/diff" && ok "every bad row, pinned" ||
  fail "bad rows: $(cat "$tmp/diff")"
[ ! -e "$tmp/bad.json" ] && ok "nothing written" || fail "bad.json written"
expect_eq "nothing on stdout" "$(cat "$tmp/out")" ""
(cd "$data" && "$entente" import votes votes/latin1.csv --actor-column member --item-column bill \
  --vote-column vote -o "$tmp/latin1.json") >/dev/null 2>"$tmp/err"
expect_eq "latin-1 status" $? 2
expect_eq "latin-1 message" "$(head -1 "$tmp/err")" \
  "votes/latin1.csv:3:3: error: not UTF-8 text (byte 0xE9); convert the file to UTF-8 first, for example with \`iconv -f latin1 -t utf-8\`"
"$entente" import votes "$tmp/no-such.csv" --preset voeten -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "missing file status" $? 2
expect_eq "missing file message" "$(head -1 "$tmp/err")" \
  "entente: $tmp/no-such.csv: error: cannot open the file for reading"
"$entente" import votes "$data/votes/good.tsv" -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "columns not named: usage" $? 1
expect_eq "columns not named: message" "$(cat "$tmp/err")" \
  "entente import votes: without a preset, name the columns: --actor-column, --item-column and --vote-column (and --date-column for dated votes)"
"$entente" import votes "$un/un_votes.csv" --preset unvotes -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "no roll calls: usage" $? 1
[ ! -e "$tmp/x.json" ] && ok "nothing written on a usage error" || fail "x.json written"

# Progress: on a terminal only, erased at the end.
export ENTENTE_PROGRESS_AFTER_MS=0
script -qec "'$entente' import votes --preset unvotes '$un/un_votes.csv' '$un/un_roll_calls.csv' -o '$tmp/p.json' >/dev/null" /dev/null >"$tmp/tty"
grep -q $'\rentente: importing 100% (' "$tmp/tty" && ok "progress to 100% on a terminal" ||
  fail "no progress: $(od -c "$tmp/tty" | head -5)"
grep -q $'\r\033\[K' "$tmp/tty" && ok "progress erased" || fail "not erased"
"$entente" import votes --preset unvotes "$un/un_votes.csv" "$un/un_roll_calls.csv" \
  -o "$tmp/p.json" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] && ok "no progress when stderr is not a terminal" || fail "stderr: $(head -c 200 "$tmp/err")"
finish_checks
