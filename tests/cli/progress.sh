#!/usr/bin/env bash
# Load progress: shown on a terminal (a pseudo-terminal from script(1) here), erased once the load
# is done, and never written into a pipe or a file. ENTENTE_PROGRESS_AFTER_MS=0 stands in for a
# load that takes over a second. Usage: progress.sh ENTENTE
set -uo pipefail
entente=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
awk 'BEGIN { printf "{\"entente\": 1, \"sources\": [{\"id\": \"s\", \"title\": \"S\"}], \"actors\": [\n";
             for (i = 0; i < 100; i++) printf "%s{\"id\": \"a%d\", \"name\": \"Actor %d\", \"kind\": \"state\"}\n", (i ? "," : ""), i, i;
             printf "], \"claims\": [\n";
             for (i = 0; i < 9900; i++) printf "%s{\"id\": \"c%d\", \"subject\": \"a%d\", \"relation\": \"supports\", \"object\": \"a%d\", \"source\": \"s\", \"quote\": \"q %d\"}\n", (i ? "," : ""), i, i % 100, (i % 100 + 1 + int(i / 100)) % 100, i;
             printf "]}\n" }' >"$tmp/many.json"
export ENTENTE_PROGRESS_AFTER_MS=0
script -qec "'$entente' stats --data '$tmp/many.json' --format json >/dev/null" /dev/null >"$tmp/tty"
status=$?
[ $status -eq 0 ] && ok "status on a terminal" || fail "status on a terminal: $status"
grep -q $'\rentente: loading' "$tmp/tty" && ok "progress shown on a terminal" || fail "no progress on a terminal: $(od -c "$tmp/tty" | head -5)"
grep -q 'loading 100% (' "$tmp/tty" && ok "it reaches 100%" || fail "never 100%: $(tr '\r' '\n' <"$tmp/tty" | head -5)"
[ "$(tail -c 4 "$tmp/tty" | od -An -c | tr -d ' ')" = '\r033[K' ] && ok "the line is erased at the end" || fail "not erased: $(tail -c 20 "$tmp/tty" | od -c)"
"$entente" stats --data "$tmp/many.json" >/dev/null 2>"$tmp/err"
[ ! -s "$tmp/err" ] && ok "nothing on stderr when it is not a terminal" || fail "stderr not a terminal: $(head -c 200 "$tmp/err")"
finish_checks
