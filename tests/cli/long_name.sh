#!/usr/bin/env bash
# An actor name as long as a command line allows (131,000 characters; Linux passes at most
# 131,072 bytes in one argument), generated here rather than kept in a file: `entente show` must
# answer "unknown actor", status 3, without suggestions (issue 10, bug 12).
# Usage: long_name.sh ENTENTE EXPECT_SH
set -uo pipefail
entente=$1
expect=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
name=$(head -c 131000 /dev/zero | tr '\0' 'x')
printf 'entente: unknown actor "%s"\n' "$name" >"$tmp/expected"
bash "$expect" --code 3 --stderr "$tmp/expected" --stdout-empty-if 3 -- "$entente" show "$name"
