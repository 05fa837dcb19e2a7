#!/usr/bin/env bash
# `entente import events`: the ICEWS and GDELT samples (tests/data/events) imported and loaded
# back by the real reader (JSON and compiled), `show` still naming where a tie comes from; every
# bad row pinned with nothing written; the SQL that --emit-sql sqlite prints run by Debian's
# sqlite3 on the GDELT 2.0 sample, its CSV read by --preset aggregated, giving exactly the claims
# of the streaming importer. Usage: import_events.sh ENTENTE DATA_DIR
set -uo pipefail
entente=$1
data=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
ev=$data/events

"$entente" import events --preset icews "$ev/icews.tab" -o "$tmp/icews.json" >"$tmp/out" 2>"$tmp/err"
expect_eq "icews status" $? 0
expect_eq "icews summary" "$(cat "$tmp/out")" \
  "imported 10 events of 13 rows into 9 claims between 5 actors (1 duplicate, 1 domestic, 1 without an actor) into $tmp/icews.json; load it with --data $tmp/icews.json"
expect_eq "icews stderr" "$(cat "$tmp/err")" ""
"$entente" validate --data "$tmp/icews.json" >"$tmp/out" 2>&1
expect_eq "the JSON loads back" $? 0
grep -q "0 warnings" "$tmp/out" && ok "without warnings" || fail "warnings: $(cat "$tmp/out")"
"$entente" show russia --data "$tmp/icews.json" >"$tmp/show" 2>&1
expect_eq "show status" $? 0
grep -q "ICEWS Coded Event Data: icews.tab" "$tmp/show" && ok "show names the data set and file" ||
  fail "show: $(cat "$tmp/show")"
grep -q "ids=101 102" "$tmp/show" && ok "show lists the event ids" || fail "show: $(cat "$tmp/show")"

"$entente" import events --preset icews "$ev/icews.tab" -o "$tmp/icews.entente" >/dev/null 2>&1
expect_eq "compiled status" $? 0
"$entente" export --data "$tmp/icews.entente" -o "$tmp/back.json" >/dev/null 2>&1
cmp -s "$tmp/icews.json" "$tmp/back.json" && ok "compiled and JSON hold the same dataset" ||
  fail "compiled differs: $(diff "$tmp/icews.json" "$tmp/back.json" | head -5)"

"$entente" import events --preset icews "$ev/icews.tab" --keep-domestic --period year -o - \
  >"$tmp/stdout.json" 2>"$tmp/err"
expect_eq "keep-domestic to stdout" $? 0
expect_eq "summary on stderr with -o -" "$(cat "$tmp/err")" \
  "entente: imported 11 events of 13 rows into 9 claims between 6 actors (1 duplicate, 1 domestic (kept), 1 without an actor)"
grep -q '"id": "russia-domestic"' "$tmp/stdout.json" && ok "the domestic position" || fail "no russia-domestic"

# Every bad row, and nothing written.
(cd "$data" && "$entente" import events --preset icews events/bad-icews.tab -o "$tmp/bad.json") \
  >"$tmp/out" 2>"$tmp/err"
expect_eq "bad rows status" $? 2
diff "$tmp/err" "$ev/bad-icews.expected" >"$tmp/diff" && ok "every bad row, pinned" ||
  fail "bad rows: $(cat "$tmp/diff")"
[ ! -e "$tmp/bad.json" ] && ok "nothing written" || fail "bad.json written"
expect_eq "nothing on stdout" "$(cat "$tmp/out")" ""
printf 'key,id,name,kind\nRUS,Russia,Russia,country\n' >"$tmp/map.csv"
(cd "$tmp" && "$entente" import events "$ev/icews.tab" --actor-map map.csv -o "$tmp/m.json") \
  >/dev/null 2>"$tmp/err"
expect_eq "bad actor map status" $? 2
expect_eq "bad actor map" "$(cat "$tmp/err")" \
  'map.csv:2:5: error: id "Russia" is not an actor id (lowercase ASCII letters and digits joined by -)
map.csv:2:19: error: kind "country" is not one of state, organization, person, group, region
entente: 2 errors in the actor map; nothing written'
"$entente" import events --preset gdelt2 "$tmp/no-such.tsv" -o "$tmp/x.json" >/dev/null 2>"$tmp/err"
expect_eq "missing file status" $? 2
expect_eq "missing file" "$(cat "$tmp/err")" \
  "entente: $tmp/no-such.tsv: error: cannot open the file for reading
entente: nothing written"

# GDELT: the streaming import against the SQL run by sqlite3, read back by --preset aggregated.
"$entente" import events --preset gdelt1 "$ev/gdelt1.tsv" -o "$tmp/g1.json" >"$tmp/out" 2>&1
expect_eq "gdelt1 status" $? 0
compare_claims() {
  /usr/bin/python3 - "$1" "$2" <<'EOF'
import json, re, sys
def claims(path):
    d = json.load(open(path))
    out = []
    for c in d["claims"]:
        note = dict(kv.split("=", 1) for kv in c["note"].split("; "))
        out.append((c["id"], c["subject"], c["relation"], c["object"], c.get("from"),
                    c.get("until"), c.get("weight"), note["events"], note["intensity_sum"],
                    note["intensity_mean"]))
    actors = [(a["id"], a["name"], a["kind"]) for a in d["actors"]]
    return out, actors
a, b = claims(sys.argv[1]), claims(sys.argv[2])
if a != b:
    print("streaming:", a)
    print("sql:      ", b)
    sys.exit(1)
print(len(a[0]))
EOF
}
for rule in cameo quad goldstein; do
  for period in day week month year; do
    "$entente" import events --preset gdelt2 "$ev/gdelt2.tsv" --polarity $rule --period $period \
      -o "$tmp/stream.json" >/dev/null 2>&1 || fail "gdelt2 $rule $period"
    rm -f "$tmp/g.db"
    {
      echo "CREATE TABLE events (GLOBALEVENTID INTEGER, SQLDATE INTEGER, MonthYear TEXT, Year TEXT, FractionDate TEXT,"
      for a in 1 2; do
        printf ' Actor%sCode TEXT, Actor%sName TEXT, Actor%sCountryCode TEXT, Actor%sKnownGroupCode TEXT, Actor%sEthnicCode TEXT,' $a $a $a $a $a
        printf ' Actor%sReligion1Code TEXT, Actor%sReligion2Code TEXT, Actor%sType1Code TEXT, Actor%sType2Code TEXT, Actor%sType3Code TEXT,\n' $a $a $a $a $a
      done
      echo " IsRootEvent TEXT, EventCode TEXT, EventBaseCode TEXT, EventRootCode TEXT, QuadClass INTEGER,"
      echo " GoldsteinScale REAL, NumMentions TEXT, NumSources TEXT, NumArticles TEXT, AvgTone TEXT,"
      for g in Actor1Geo Actor2Geo ActionGeo; do
        printf ' %s_Type TEXT, %s_FullName TEXT, %s_CountryCode TEXT, %s_ADM1Code TEXT, %s_ADM2Code TEXT, %s_Lat TEXT, %s_Long TEXT, %s_FeatureID TEXT,\n' $g $g $g $g $g $g $g $g
      done
      echo " DATEADDED TEXT, SOURCEURL TEXT);"
      echo ".mode tabs"
      echo ".import $ev/gdelt2.tsv events"
    } | sqlite3 "$tmp/g.db" 2>"$tmp/err" || fail "sqlite3 load: $(cat "$tmp/err")"
    "$entente" import events --preset gdelt2 --emit-sql sqlite --polarity $rule --period $period \
      >"$tmp/q.sql" 2>"$tmp/err" || fail "emit-sql: $(cat "$tmp/err")"
    sqlite3 -header -csv "$tmp/g.db" <"$tmp/q.sql" >"$tmp/agg.csv" 2>"$tmp/err" ||
      fail "sqlite3 query ($rule, $period): $(cat "$tmp/err")"
    "$entente" import events --preset aggregated "$tmp/agg.csv" --polarity $rule --period $period \
      -o "$tmp/sql.json" >/dev/null 2>"$tmp/err" || fail "aggregated ($rule, $period): $(cat "$tmp/err")"
    n=$(compare_claims "$tmp/stream.json" "$tmp/sql.json" 2>&1) &&
      ok "sqlite3 and streaming agree ($rule, $period: $n claims)" ||
      fail "sqlite3 differs ($rule, $period): $n"
  done
done
# Domestic events are decided after the roll-up, in both.
"$entente" import events --preset gdelt2 "$ev/gdelt2.tsv" --keep-domestic -o "$tmp/stream.json" \
  >/dev/null 2>&1 || fail "gdelt2 keep-domestic"
"$entente" import events --preset gdelt2 --emit-sql sqlite >"$tmp/q.sql" 2>/dev/null
sqlite3 -header -csv "$tmp/g.db" <"$tmp/q.sql" >"$tmp/agg.csv" 2>/dev/null
"$entente" import events --preset aggregated "$tmp/agg.csv" --keep-domestic -o "$tmp/sql.json" \
  >/dev/null 2>&1 || fail "aggregated keep-domestic"
n=$(compare_claims "$tmp/stream.json" "$tmp/sql.json" 2>&1) &&
  ok "sqlite3 and streaming agree (--keep-domestic: $n claims)" || fail "keep-domestic differs: $n"
grep -q '"id": "united-states-domestic"' "$tmp/sql.json" && ok "the domestic position from SQL" ||
  fail "no united-states-domestic"
finish_checks
