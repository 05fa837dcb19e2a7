#!/usr/bin/env bash
# Runs the examples of a Markdown document and compares their output with what it shows: a fenced
# block whose first line starts with "$ entente" is an example; each "$ COMMAND" line in it is run
# with bash (the built entente first on PATH, the repository root as working directory, stderr
# merged into stdout), and the lines after it, up to the next "$ " line or the block's end, are
# its expected output, compared exactly (trailing blank lines aside). A block showing a command
# without its prompt is only illustrative and is not run.
# Usage: doc_examples.sh ENTENTE SOURCE_DIR DOC.md
set -uo pipefail
entente=$1
src=$2
doc=$3
bin_dir=$(cd "$(dirname "$entente")" && pwd)
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
examples=0

# Drops trailing blank lines: they are the document's layout, not the output.
trim() { sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }

# Runs one command and compares with $tmp/lines; $1 command, $2 its line in the document.
run_example() {
  local command=$1 line=$2
  examples=$((examples + 1))
  (cd "$src" && PATH="$bin_dir:$PATH" bash -c "$command" >"$tmp/actual" 2>&1 </dev/null)
  trim <"$tmp/lines" >"$tmp/expected"
  # CSV ends its lines with CRLF (RFC 4180); the document shows them as plain line ends.
  sed 's/\r$//' "$tmp/actual" | trim >"$tmp/actual.trimmed"
  if diff -u --label "$(basename "$doc"):$line (documented)" --label "actual" \
       "$tmp/expected" "$tmp/actual.trimmed" >"$tmp/diff"; then
    ok "$(basename "$doc"):$line: $command"
  else
    fail "$(basename "$doc"):$line: $command"
    cat "$tmp/diff"
  fi
}

in_block=0
lineno=0
block=()
block_line=0
flush_block() {
  [ ${#block[@]} -gt 0 ] || return
  [[ ${block[0]} == '$ entente'* ]] || return
  local command="" command_line=0 i
  for i in "${!block[@]}"; do
    local l=${block[$i]}
    if [[ $l == '$ '* ]]; then
      [ -z "$command" ] || run_example "$command" "$command_line"
      command=${l#\$ }
      : >"$tmp/lines"
      command_line=$((block_line + i + 1))
    else
      printf '%s\n' "$l" >>"$tmp/lines"
    fi
  done
  run_example "$command" "$command_line"
}
while IFS= read -r line || [ -n "$line" ]; do
  lineno=$((lineno + 1))
  if [[ $line == '```'* ]]; then
    if [ $in_block -eq 1 ]; then
      flush_block
      in_block=0
    else
      in_block=1
      block=()
      block_line=$lineno
    fi
    continue
  fi
  [ $in_block -eq 0 ] || block+=("$line")
done <"$doc"
[ $examples -gt 0 ] || fail "no \$ entente examples in $doc"
echo "$examples examples"
finish_checks
