#!/usr/bin/env bash
# `entente add`: a claim appended in the file's layout (compared byte for byte), the next id in the
# file's scheme, and bad input refused with the file left byte-identical.
# Usage: add.sh ENTENTE TEST_DATA_DIR
set -uo pipefail
entente=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
cp -r "$data/curate/memo.json" "$data/curate/texts" "$tmp/"
cp "$tmp/memo.json" "$tmp/original.json"
memo=$tmp/memo.json

run() {  # runs entente with the rest, capturing stdout, stderr and status
  "$entente" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  echo $? >"$tmp/status"
}
unchanged() {  # NAME: the file is byte-identical to the original
  if cmp -s "$memo" "$tmp/original.json"; then ok "$1: file unchanged"; else fail "$1: file changed"; fi
}

# Names as people type them; the next id after m-07 in the file's m- scheme.
run add Beta cooperates_with GAMMA --to "$memo" --data "$memo" --source memo \
  --quote "Beta returns the favour" --confidence 0.5 --from 2024-01
expect_eq "add: status" "$(cat "$tmp/status")" 0
expect_eq "add: stdout" "$(cat "$tmp/out")" "added to $memo at /claims/9:
  m-08  Beta cooperates with Gamma
        “Beta returns the favour”
        asserted by A. Writer · source memo · confidence 0.5 · holds from 2024-01"
expect_eq "add: stderr" "$(cat "$tmp/err")" ""
if diff -u "$data/expected/add-memo.json" "$memo"; then ok "add: the file as expected"; else fail "add: the file differs"; fi
"$entente" lint --data "$memo" >/dev/null 2>&1
expect_eq "add: the file still lints (status 2 for m-06 only)" "$?" 2
cp "$tmp/original.json" "$memo"

# Modality and negation are written after the quote, and the added claim is marked as such.
run add Beta cooperates_with GAMMA --to "$memo" --data "$memo" --source memo \
  --quote "Beta returns the favour" --modality predicted --negated
expect_eq "modality: status" "$(cat "$tmp/status")" 0
expect_eq "modality: stdout" "$(head -2 "$tmp/out" | tail -1)" \
  "  m-08  Beta cooperates with Gamma  [predicted]  [negated: makes no tie]"
if grep -q '"quote": "Beta returns the favour",' "$memo" && grep -q '"modality": "predicted",' "$memo" \
   && grep -q '"negated": true' "$memo"; then
  ok "modality: written to the file"
else
  fail "modality: not written: $(tail -15 "$memo")"
fi
cp "$tmp/original.json" "$memo"
run add Beta cooperates_with GAMMA --to "$memo" --data "$memo" --source memo --modality hedgd
expect_eq "bad modality: status" "$(cat "$tmp/status")" 1
unchanged "bad modality"

# A warning about the new claim is shown, and the claim is added.
run add alpha supports bid --to "$memo" --data "$memo" --source memo --from 2024-01
expect_eq "repeated claim: status" "$(cat "$tmp/status")" 0
expect_eq "repeated claim: warning" "$(cat "$tmp/err")" \
  "$memo:107:5: warning: same subject, relation, object and source as claim \"m-01\" ($memo:29:5) (at /claims/9)"
cp "$tmp/original.json" "$memo"

# An unknown name suggests the nearest; nothing is written.
run add gama supports alpha --to "$memo" --data "$memo" --source memo
expect_eq "unknown actor: status" "$(cat "$tmp/status")" 3
expect_eq "unknown actor: message" "$(cat "$tmp/err")" 'entente: unknown actor "gama"; did you mean "gamma"?'
unchanged "unknown actor"
run add gamma suports alpha --to "$memo" --data "$memo" --source memo
expect_eq "unknown relation: status" "$(cat "$tmp/status")" 3
expect_eq "unknown relation: message" "$(cat "$tmp/err")" 'entente: unknown relation "suports"; did you mean "supports"?'
run add gamma supports alpha --to "$memo" --data "$memo" --source mem
expect_eq "unknown source: status" "$(cat "$tmp/status")" 3
expect_eq "unknown source: message" "$(cat "$tmp/err")" 'entente: unknown source "mem"; did you mean "memo"?'
unchanged "unknown source"

# A claim that does not load with the data is not added.
run add gamma supports gamma --to "$memo" --data "$memo" --source memo
expect_eq "self claim: status" "$(cat "$tmp/status")" 2
expect_eq "self claim: message" "$(cat "$tmp/err")" "entente add: the claim was not added; with it appended, $memo does not load with the data:
$memo:111:17: error: subject and object are both \"gamma\"; a claim relates two different actors (at /claims/9/object)"
unchanged "self claim"
run add gamma supports alpha --to "$memo" --data "$memo" --source memo --from 2025 --until 2020
expect_eq "from after until: status" "$(cat "$tmp/status")" 2
expect_eq "from after until: message" "$(tail -n 1 "$tmp/err")" "$memo:113:15: error: \"from\" 2025 is after \"until\" 2020 (at /claims/9/from)"
unchanged "from after until"
run add gamma supports alpha --to "$memo" --data "$memo" --source memo --id m-01
expect_eq "duplicate id: status" "$(cat "$tmp/status")" 2
expect_eq "duplicate id: message" "$(tail -n 1 "$tmp/err")" "$memo:108:13: error: duplicate claim id \"m-01\" (first defined at $memo:29:5) (at /claims/9/id)"
unchanged "duplicate id"

# Bad options and files.
run add gamma supports alpha --to "$memo" --data "$memo" --source memo --confidence 1.5
expect_eq "confidence: status" "$(cat "$tmp/status")" 1
expect_eq "confidence: message" "$(head -n 1 "$tmp/err")" 'entente: --confidence: "1.5" is not a confidence (a number in (0, 1])'
run add gamma supports alpha --to "$memo" --data "$memo" --source memo --weight -1
expect_eq "weight: status" "$(cat "$tmp/status")" 1
expect_eq "weight: message" "$(head -n 1 "$tmp/err")" 'entente: --weight: "-1" is not a weight (a finite number at least 0)'
unchanged "bad weight"
# A weight is written after the confidence and shown beside it.
run add Beta cooperates_with GAMMA --to "$memo" --data "$memo" --source memo --confidence 0.5 --weight 12.5
expect_eq "weight: added" "$(cat "$tmp/status")" 0
expect_eq "weight: shown" "$(tail -n 1 "$tmp/out")" "        asserted by A. Writer · source memo · confidence 0.5 · weight 12.5"
if grep -q '"confidence": 0.5,' "$memo" && grep -q '"weight": 12.5' "$memo"; then
  ok "weight: written to the file"
else
  fail "weight: not written: $(tail -8 "$memo")"
fi
cp "$tmp/original.json" "$memo"
run add gamma supports alpha --to "$tmp/none.json" --data "$memo" --source memo
expect_eq "missing file: status" "$(cat "$tmp/status")" 2
expect_eq "missing file: message" "$(cat "$tmp/err")" "$tmp/none.json: error: cannot read: no such file or directory
entente: 1 error, 0 warnings"
run add gamma supports alpha --to "$tmp" --data "$memo" --source memo
expect_eq "directory: status" "$(cat "$tmp/status")" 1
expect_eq "directory: message" "$(cat "$tmp/err")" "entente add: --to $tmp: a directory; name one dataset file"
unchanged "bad options"
finish_checks
