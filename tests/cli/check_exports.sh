#!/usr/bin/env bash
# Checks entente's drawings and exports with other tools: xmllint parses the XML, Graphviz's own
# dot parses the DOT. Usage: check_exports.sh ENTENTE SOURCE_DIR CASE
set -uo pipefail
entente=$1
src=$2
case_name=$3
data=$src/tests/data
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# shellcheck source=check_lib.sh
source "$(dirname "$0")/check_lib.sh"
xpath() { xmllint --xpath "$2" "$1" 2>/dev/null; }
run() {  # runs entente, failing the check on a non-zero status
  if ! "$entente" "$@" 2>"$tmp/stderr"; then fail "entente $* exited non-zero: $(cat "$tmp/stderr")"; return 1; fi
}

# Exports of a dataset in every format, with counts checked against the data.
exports() {  # LABEL ACTORS CLAIMS ARGS...
  local label=$1 actors=$2 claims=$3; shift 3
  for f in svg png pdf dot graphml json; do run export "$@" -o "$tmp/$label.$f" || return; done
  run export "$@" -o "$tmp/$label.csv" || return
  xmllint --noout "$tmp/$label.svg" && ok "$label.svg is well-formed XML" || fail "$label.svg is not XML"
  xmllint --noout "$tmp/$label.graphml" && ok "$label.graphml is well-formed XML" || fail "$label.graphml is not XML"
  dot -Tcanon "$tmp/$label.dot" >/dev/null 2>"$tmp/dot.err" && ok "dot parses $label.dot" || fail "dot cannot parse $label.dot: $(cat "$tmp/dot.err")"
  expect_eq "$label.svg actor nodes" "$(xpath "$tmp/$label.svg" "count(//*[local-name()='g'][@class='node actor'][starts-with(@id,'actor-')])")" "$actors"
  expect_eq "$label.svg claim edges" "$(xpath "$tmp/$label.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'claim-')])")" "$claims"
  expect_eq "$label.svg edges with a tooltip" "$(xpath "$tmp/$label.svg" "count(//*[local-name()='g'][starts-with(@id,'claim-')][.//*[local-name()='a'][@*[local-name()='title']]])")" "$claims"
  expect_eq "$label.graphml nodes" "$(xpath "$tmp/$label.graphml" "count(//*[local-name()='node'])")" "$actors"
  expect_eq "$label.graphml edges" "$(xpath "$tmp/$label.graphml" "count(//*[local-name()='edge'])")" "$claims"
  expect_eq "$label.png signature" "$(head -c 4 "$tmp/$label.png" | tail -c 3)" "PNG"
  expect_eq "$label.pdf signature" "$(head -c 5 "$tmp/$label.pdf")" "%PDF-"
  expect_eq "$label-nodes.csv rows" "$(($(wc -l <"$tmp/$label-nodes.csv")))" "$((actors + 1))"
  # The JSON export is a dataset: it validates and exports to the same bytes again.
  run validate --data "$tmp/$label.json" >/dev/null || return
  run export --data "$tmp/$label.json" -o "$tmp/$label.again.json" || return
  cmp -s "$tmp/$label.json" "$tmp/$label.again.json" && ok "$label.json round trip is lossless" || fail "$label.json changes on a round trip"
}

case $case_name in
  embedded)
    exports embedded 36 90 ;;
  highland)
    exports highland 16 58 --data "$src/examples/highland-tribes.json" ;;
  escaping)
    e="$data/good/escaping.json"
    run export --data "$e" -o "$tmp/e.svg" && run export --data "$e" -o "$tmp/e.dot" && run export --data "$e" -o "$tmp/e.graphml"
    # DOT written by entente, laid out by the dot program: the names survive both.
    dot -Tsvg "$tmp/e.dot" -o "$tmp/e-from-dot.svg" && ok "dot parses the escaping corpus" || fail "dot cannot parse the escaping corpus"
    for svg in "$tmp/e.svg" "$tmp/e-from-dot.svg"; do
      xmllint --noout "$svg" || fail "$svg is not XML"
      n="$(basename "$svg")"
      expect_eq "$n: quotes" "$(xpath "$svg" "string(//*[@id='actor-quote']//*[local-name()='text'])")" 'The "Quoted" State'
      expect_eq "$n: ampersand and angle brackets" "$(xpath "$svg" "string(//*[@id='actor-amp']//*[local-name()='text'])")" 'Smith & Sons <Holdings>'
      expect_eq "$n: backslashes" "$(xpath "$svg" "string(//*[@id='actor-slash']//*[local-name()='text'])")" 'Back\slash \N \G'
      expect_eq "$n: line break, first line" "$(xpath "$svg" "string((//*[@id='actor-lines']//*[local-name()='text'])[1])")" 'First line'
      expect_eq "$n: line break, second line" "$(xpath "$svg" "string((//*[@id='actor-lines']//*[local-name()='text'])[2])")" 'Second line'
      expect_eq "$n: non-ASCII" "$(xpath "$svg" "string(//*[@id='actor-unicode']//*[local-name()='text'])")" 'Ünïcödé — Straße, Łódź, 北京'
      expect_eq "$n: markup stays text" "$(xpath "$svg" "string(//*[@id='actor-html']//*[local-name()='text'])")" '<b>not bold</b>'
    done
    # Hostile text and adversarial ids (tests/data/good/hostile-text.json): well-formed SVG, the
    # actor "legend_kind_0" stays an actor, no id appears twice.
    h="$data/good/hostile-text.json"
    for q in "export -o $tmp/h.svg" "balance --diagram $tmp/hb.svg"; do
      # shellcheck disable=SC2086
      run $q --data "$h" >/dev/null || continue
    done
    for svg in "$tmp/h.svg" "$tmp/hb.svg"; do
      xmllint --noout "$svg" && ok "$(basename "$svg") of hostile text is well-formed XML" || fail "$svg is not XML"
      expect_eq "$(basename "$svg"): no id twice" "$(grep -o ' id="[^"]*"' "$svg" | sort | uniq -d | head -3)" ""
    done
    expect_eq "an actor named like a legend node stays an actor" "$(xpath "$tmp/h.svg" "count(//*[@id='actor-legend_kind_0'])")" 1
    expect_eq "balance: ties of a/b-c and a-b/c are two ids" "$(xpath "$tmp/hb.svg" "count(//*[@id='tie-a--b-c'])")" 1
    expect_eq "graphml: quoted name" "$(xpath "$tmp/e.graphml" "string(//*[local-name()='node'][@id='quote']/*[@key='n_label'])")" 'The "Quoted" State'
    expect_eq "graphml: quote with markup" "$(xpath "$tmp/e.graphml" "string(//*[local-name()='edge'][@id='e1']/*[@key='e_quote'])")" "$(printf 'He said "yes" & <meant> it \\ truly\nthen left.')"
    ;;
  determinism)
    run export -o "$tmp/a.dot" && run export -o "$tmp/b.dot"
    cmp -s "$tmp/a.dot" "$tmp/b.dot" && ok "the same data gives byte-identical DOT" || fail "DOT differs between runs"
    run balance --diagram "$tmp/a.svg" >/dev/null && run balance --diagram "$tmp/b.svg" >/dev/null
    cmp -s "$tmp/a.svg" "$tmp/b.svg" && ok "the same query gives byte-identical SVG" || fail "SVG differs between runs"
    # Camps packed apart and the legend are added after the layout: still the same bytes each run.
    for run_number in 1 2 3 4; do run balance --layout neato --diagram "$tmp/n$run_number.svg" >/dev/null; done
    cmp -s "$tmp/n1.svg" "$tmp/n2.svg" && cmp -s "$tmp/n1.svg" "$tmp/n3.svg" && cmp -s "$tmp/n1.svg" "$tmp/n4.svg" && ok "neato: byte-identical SVG" || fail "neato SVG differs between runs"
    ;;
  size-switch)
    # 600 actors in a ring: past dot's limit, so sfdp, and said so on stderr.
    {
      echo '{"entente": 1, "sources": [{"id": "s", "title": "generated"}], "actors": ['
      for i in $(seq 0 599); do printf '{"id": "a%d", "name": "Actor %d", "kind": "state"}%s\n' "$i" "$i" "$([ "$i" -lt 599 ] && echo ,)"; done
      echo '], "claims": ['
      for i in $(seq 0 599); do printf '{"subject": "a%d", "relation": "cooperates_with", "object": "a%d", "source": "s"}%s\n' "$i" "$(((i + 1) % 600))" "$([ "$i" -lt 599 ] && echo ,)"; done
      echo ']}'
    } >"$tmp/large.json"
    run export --data "$tmp/large.json" -o "$tmp/large.svg"
    grep -q "laying out with sfdp" "$tmp/stderr" && ok "large drawing switches to sfdp and says so" || fail "no sfdp notice: $(cat "$tmp/stderr")"
    expect_eq "large.svg actor nodes" "$(xpath "$tmp/large.svg" "count(//*[local-name()='g'][@class='node actor'][starts-with(@id,'actor-')])")" 600
    run export --data "$tmp/large.json" --layout circo --focus a0 --depth 3 -o "$tmp/small.svg"
    grep -q "sfdp" "$tmp/stderr" && fail "a focused drawing should not switch" || ok "a small drawing stays with the layout asked for"
    ;;
  bounded)
    # Past draw_node_limit (2000) actors a laid-out drawing is refused, with the options that make
    # it drawable; DOT is written at any size; --top and --focus make it drawable; --force insists.
    ring() {  # N: N states in a ring, claim rNNNNN from a_i to a_(i+1)
      echo '{"entente": 1, "sources": [{"id": "s", "title": "generated"}], "actors": ['
      for i in $(seq 0 $(($1 - 1))); do printf '{"id": "a%d", "name": "Actor %d", "kind": "state"}%s\n' "$i" "$i" "$([ "$i" -lt $(($1 - 1)) ] && echo ,)"; done
      echo '], "claims": ['
      for i in $(seq 0 $(($1 - 1))); do printf '{"id": "r%05d", "subject": "a%d", "relation": "cooperates_with", "object": "a%d", "source": "s"}%s\n' "$i" "$i" "$(((i + 1) % $1))" "$([ "$i" -lt $(($1 - 1)) ] && echo ,)"; done
      echo ']}'
    }
    ring 2001 >"$tmp/ring.json"
    "$entente" export --data "$tmp/ring.json" -o "$tmp/ring.svg" 2>"$tmp/stderr"; status=$?
    expect_eq "2001 actors: refused with status 2" "$status" 2
    expect_eq "2001 actors: the refusal" "$(cat "$tmp/stderr")" 'entente: cannot draw 2001 actors and 2001 edges: past 2000 actors or 4000 edges the layout takes minutes (docs/diagrams.md, "Large graphs"); draw less with --focus ACTOR --depth N, --top N or --per-pair, write a .dot file (not laid out), or give --force to draw it anyway'
    [ -e "$tmp/ring.svg" ] && fail "a refused drawing left a file" || ok "a refused drawing writes nothing"
    run export --data "$tmp/ring.json" -o "$tmp/ring.dot"
    expect_eq "DOT at any size: every claim" "$(grep -c 'id="claim-' "$tmp/ring.dot")" 2001
    run export --data "$tmp/ring.json" --top 40 -o "$tmp/top.svg"
    # Every claim weighs 1: the 40 first by id, r00000-r00039, a path of 41 actors.
    expect_eq "--top 40: claim edges" "$(xpath "$tmp/top.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'claim-')])")" 40
    expect_eq "--top 40: the actors they touch" "$(xpath "$tmp/top.svg" "count(//*[local-name()='g'][@class='node actor'][starts-with(@id,'actor-')])")" 41
    expect_eq "--top 40: the last claim kept" "$(xpath "$tmp/top.svg" "count(//*[@id='claim-r00039'])")" 1
    expect_eq "--top 40: the title" "$(xpath "$tmp/top.svg" "string(//*[local-name()='g'][@class='graph']/*[local-name()='text'][1])")" "entente: 41 actors, 40 claims (the heaviest of 2001)"
    run export --data "$tmp/ring.json" --focus a0 --depth 2 -o "$tmp/focus.svg"
    expect_eq "--focus a0 --depth 2: actors" "$(xpath "$tmp/focus.svg" "count(//*[local-name()='g'][@class='node actor'][starts-with(@id,'actor-')])")" 5
    "$entente" export --data "$tmp/ring.json" --top 3 -o "$tmp/top.graphml" 2>"$tmp/stderr"; status=$?
    expect_eq "--top with GraphML: usage error" "$status:$(cat "$tmp/stderr")" "1:entente export: --top goes with a drawing (dot, svg, png or pdf)"
    # A star: a0 and 2001 others, each with one claim to a0.
    {
      echo '{"entente": 1, "sources": [{"id": "s", "title": "generated"}], "actors": [{"id": "a0", "name": "Hub", "kind": "state"}'
      for i in $(seq 1 2001); do printf ',{"id": "a%d", "name": "Actor %d", "kind": "state"}\n' "$i" "$i"; done
      echo '], "claims": ['
      for i in $(seq 1 2001); do printf '{"subject": "a%d", "relation": "supports", "object": "a0", "source": "s"}%s\n' "$i" "$([ "$i" -lt 2001 ] && echo ,)"; done
      echo ']}'
    } >"$tmp/star.json"
    "$entente" neighbors a0 --data "$tmp/star.json" --diagram "$tmp/ego.svg" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "neighbors past the limit: status 2, its own options named" "$status:$(grep -o 'draw less with [^,]*' "$tmp/stderr")" "2:draw less with a smaller --depth or --per-pair"
    # Many claims between two actors: folded to one edge per pair past parallel_edge_limit (20),
    # said on stderr; --force draws every claim.
    {
      echo '{"entente": 1, "sources": [{"id": "s", "title": "generated"}], "actors": ['
      echo '{"id": "a", "name": "A", "kind": "state"}, {"id": "b", "name": "B", "kind": "state"}], "claims": ['
      for i in $(seq 1 25); do printf '{"id": "p%02d", "subject": "a", "relation": "opposes", "object": "b", "source": "s"}%s\n' "$i" "$([ "$i" -lt 25 ] && echo ,)"; done
      echo ']}'
    } >"$tmp/pair.json"
    run export --data "$tmp/pair.json" -o "$tmp/pair.svg"
    expect_eq "25 claims between two actors: the notice" "$(grep "join one pair" "$tmp/stderr")" "entente: 25 edges join one pair of actors (more than 20): drawn one edge per pair, as --per-pair does; --force draws every one"
    expect_eq "25 claims between two actors: one edge" "$(xpath "$tmp/pair.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'pair-')])")" 1
    expect_eq "25 claims between two actors: its count" "$(xpath "$tmp/pair.svg" "string(//*[@id='pair-a--b']//*[local-name()='text'])")" "25 claims: 25 -"
    run export --data "$tmp/pair.json" --force -o "$tmp/pair-all.svg"
    expect_eq "--force: every claim drawn" "$(xpath "$tmp/pair-all.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'claim-')])")" 25
    grep -q "one edge per pair" "$tmp/stderr" && fail "--force still folded" || ok "--force does not fold"
    run export --data "$data/good/long-lists.json" -o "$tmp/lists.dot"
    expect_eq "DOT is never folded" "$(grep -c 'id="claim-' "$tmp/lists.dot")" 49
    ;;
  provenance)
    # Ranking and matrix ties carry the ids of the claims behind them into the SVG.
    title_of() { xpath "$1" "string(//*[@id='$2']//*[local-name()='a']/@*[local-name()='title'])"; }
    run align a --data "$data/good/queries.json" --diagram "$tmp/ranking.svg" >/dev/null
    expect_eq "ranking tie a-b: its claims" "$(title_of "$tmp/ranking.svg" score-a--b | sed -n 2,3p)" "rests on 8 claims: q3, q1, q4, q2, q7, q8, q5, q6
entente align a b shows them"
    run align --matrix --data "$data/good/queries.json" --measure agreement --diagram "$tmp/matrix.svg" >/dev/null
    expect_eq "matrix tie a-b: its claims" "$(title_of "$tmp/matrix.svg" score-a--b | sed -n 2p)" "rests on 7 claims: q1, q4, q2, q7, q8, q5, q6"
    xmllint --noout "$tmp/ranking.svg" "$tmp/matrix.svg" && ok "ranking and matrix SVG well-formed" || fail "ranking or matrix SVG is not XML"
    ;;
  query-diagrams)
    run align russia pakistan --diagram "$tmp/align.svg" >/dev/null && xmllint --noout "$tmp/align.svg" && ok "align draws SVG"
    grep -q "wrote $tmp/align.svg" "$tmp/stderr" && ok "align says what it wrote" || fail "no notice: $(cat "$tmp/stderr")"
    run align russia --diagram "$tmp/ranking.dot" >/dev/null && dot -Tcanon "$tmp/ranking.dot" >/dev/null && ok "align ranking draws DOT"
    run align --matrix --diagram "$tmp/matrix.svg" >/dev/null
    expect_eq "align --matrix draws the pairwise scores" "$(xpath "$tmp/matrix.svg" "count(//*[@id='score-pakistan--russia'])")" 1
    run neighbors pakistan --diagram "$tmp/centre.dot" >/dev/null
    grep -A8 '^	pakistan	' "$tmp/centre.dot" | grep -q 'FFF3C4' && ok "the ego network's centre is emphasized" || fail "centre not emphasized"
    run diverge russia pakistan --diagram "$tmp/diverge.png" >/dev/null
    expect_eq "diverge png signature" "$(head -c 4 "$tmp/diverge.png" | tail -c 3)" "PNG"
    run balance --diagram "$tmp/balance.pdf" >/dev/null
    expect_eq "balance pdf signature" "$(head -c 5 "$tmp/balance.pdf")" "%PDF-"
    run balance --diagram "$tmp/balance.svg" >/dev/null
    expect_eq "balance camps drawn as clusters" "$(xpath "$tmp/balance.svg" "count(//*[local-name()='g'][@class='cluster camp']/*[local-name()='title'][starts-with(.,'cluster_camp')])")" 2
    expect_eq "balance frustrated tie" "$(xpath "$tmp/balance.svg" "count(//*[@id='tie-india--russia'])")" 1
    run path pakistan united-states --k 2 --diagram "$tmp/path.svg" >/dev/null && xmllint --noout "$tmp/path.svg" && ok "path draws SVG"
    run neighbors cpec --diagram "$tmp/ego.svg" >/dev/null
    expect_eq "neighbors draws the ego network" "$(xpath "$tmp/ego.svg" "count(//*[local-name()='g'][@class='node actor'][starts-with(@id,'actor-')])")" 6
    run balance --assume "india cooperates_with pakistan" --diagram "$tmp/whatif.svg" >/dev/null
    grep -q "hypothetical" "$tmp/whatif.svg" && ok "hypothetical claims are marked in the drawing" || fail "no hypothetical marking"
    ;;
  write-errors)
    # A failed write leaves the old file alone and no temporary beside it.
    mkdir -p "$tmp/out"
    echo old >"$tmp/out/keep.svg"
    "$entente" export -o "$tmp/out/missing/x.svg" 2>"$tmp/stderr"; status=$?
    expect_eq "export into a missing directory: status" "$status" 2
    grep -q "cannot create a temporary file" "$tmp/stderr" && ok "the error names the problem" || fail "unclear error: $(cat "$tmp/stderr")"
    mkdir "$tmp/out/dir.svg"
    "$entente" align russia pakistan --diagram "$tmp/out/dir.svg" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "diagram onto a directory: status" "$status" 2
    expect_eq "old file untouched" "$(cat "$tmp/out/keep.svg")" old
    expect_eq "no temporary files left" "$(find "$tmp/out" -name '.*tmp*' | wc -l)" 0
    "$entente" align russia pakistan --diagram "$tmp/out/x.jpeg" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "unknown diagram extension: status" "$status" 1
    ;;
  compiled)
    # A compiled dataset answers exactly as its JSON does, and a damaged one is refused.
    run compile --with "$data/good/extra.json" -o "$tmp/c.entente" >"$tmp/out" || exit 1
    grep -q "^compiled 91 claims, 37 actors and 26 sources from 3 files into $tmp/c.entente" "$tmp/out" && ok "compile reports what it wrote" || fail "compile said: $(cat "$tmp/out")"
    # path and show read the compiled form in place (only the claims they cite); the others load it.
    for q in "align russia pakistan" "align --matrix" "balance" "path pakistan united-states --k 3" "show seminar-group" "diverge russia pakistan --modality all" "show russia" \
             "path pakistan united-states --format json" "path russia china --directed --k 2 --format json" "path india armenia --modality all --positive-only" \
             "show russia --format json" "show pakistan --modality stated,predicted" "path russia nowhere" "show nowhere"; do
      # shellcheck disable=SC2086
      expect_eq "$q from the compiled form" "$("$entente" $q --data "$tmp/c.entente" 2>&1 | md5sum)" "$("$entente" $q --with "$data/good/extra.json" 2>&1 | md5sum)"
    done
    expect_eq "validate from the compiled form" "$("$entente" validate --data "$tmp/c.entente")" "valid: 3 files, 26 sources, 37 actors, 91 claims, 26 relations (10 defined by the data), 0 warnings"
    # --max-bytes bounds what is loaded: a query reading the file in place is not bound by it.
    "$entente" path pakistan united-states --data "$tmp/c.entente" --max-bytes 1000 >"$tmp/out" 2>&1; status=$?
    expect_eq "path in place past --max-bytes: status" "$status" 0
    "$entente" stats --data "$tmp/c.entente" --max-bytes 1000 >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "stats (a whole load) past --max-bytes: status" "$status" 2
    # -o naming an input is refused before anything is read or written: the JSON survives.
    cp "$data/good/queries.json" "$tmp/self.json"
    "$entente" compile --data "$tmp/self.json" -o "$tmp/self.json" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "compile onto its input: status" "$status" 1
    expect_eq "compile onto its input: message" "$(cat "$tmp/stderr")" "entente compile: -o $tmp/self.json is an input ($tmp/self.json): it would be replaced by the compiled form; write it elsewhere"
    cmp -s "$data/good/queries.json" "$tmp/self.json" && ok "the input is untouched" || fail "the input changed"
    cp "$tmp/c.entente" "$tmp/old.entente"
    "$entente" compile --data "$data/bad/unknown-refs.json" -o "$tmp/c.entente" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "compile of bad data: status" "$status" 2
    expect_eq "compile of bad data: last line" "$(tail -1 "$tmp/stderr")" "entente: nothing written; fix the errors above and compile again"
    cmp -s "$tmp/c.entente" "$tmp/old.entente" && ok "the old compiled file is untouched" || fail "the old compiled file changed"
    head -c 1000 "$tmp/old.entente" >"$tmp/cut.entente"
    "$entente" stats --data "$tmp/cut.entente" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "truncated compiled file: status" "$status" 2
    grep -q "cut.entente: error: damaged compiled dataset: the header announces" "$tmp/stderr" && ok "truncation is named" || fail "unclear error: $(cat "$tmp/stderr")"
    # A changed byte in a block that holds only claim records (section 4): opening the file does
    # not read it, so actors whose claims lie elsewhere are shown, and those with a claim there
    # stop with status 2, the block named and nothing printed; a full load (validate) refuses it.
    /usr/bin/python3 - "$tmp/old.entente" "$tmp/flip.entente" <<'PY'
import struct, sys
data = bytearray(open(sys.argv[1], "rb").read())
place = lambda k: struct.unpack_from("<QQ", data, 32 + 16 + 16 * k)
start = place(0)[0]
offset, size = place(4)
size_of_block = struct.unpack_from("<Q", data, 32)[0]  # the directory's first field
block = (offset - start) // size_of_block + 1
assert start + (block + 1) * size_of_block <= offset + size, "no block holds only claims"
data[start + block * size_of_block + 100] ^= 1
open(sys.argv[2], "wb").write(data)
PY
    shown=0 refused=0
    for actor in $("$entente" actors --data "$tmp/c.entente" --format csv | tail -n +2 | cut -d, -f1); do
      if "$entente" show "$actor" --data "$tmp/flip.entente" >"$tmp/out" 2>"$tmp/stderr"; then
        shown=$((shown + 1))
      else
        status=$?
        refused=$((refused + 1))
        [ "$status" = 2 ] && [ ! -s "$tmp/out" ] && grep -q "flip.entente: error: damaged compiled dataset: block [0-9]* (bytes [0-9]* to [0-9]*) does not match its checksum; compile it again" "$tmp/stderr" \
          || fail "show $actor on a damaged block: status $status, said: $(cat "$tmp/stderr")"
      fi
    done
    [ "$shown" -gt 0 ] && [ "$refused" -gt 0 ] && ok "damage found where it is read: $shown actors shown, $refused refused" || fail "shown $shown, refused $refused"
    "$entente" validate --data "$tmp/flip.entente" >/dev/null 2>"$tmp/stderr"; status=$?
    expect_eq "damaged block, validated: status" "$status" 2
    grep -q "flip.entente: error: damaged compiled dataset: the checksum does not match its contents" "$tmp/stderr" && ok "validate names the damage" || fail "unclear error: $(cat "$tmp/stderr")"
    ;;
  slides)
    # --size, --dpi, --aspect, --title and --no-edge-labels through the binary, the image sizes
    # read from the files themselves (a PNG's IHDR; the SVG's width, height and viewBox).
    png_size() { /usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n" and d[12:16]==b"IHDR"; print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
    svg_box() { xpath "$1" "concat(/*/@width, ' ', /*/@height, ' ', /*/@viewBox)"; }
    run diverge russia pakistan --diagram "$tmp/d96.png" --dpi 96 >/dev/null || true
    run diverge russia pakistan --diagram "$tmp/d.png" >/dev/null || true
    small=$(png_size "$tmp/d96.png"); big=$(png_size "$tmp/d.png")
    expect_eq "default PNG is twice the pixels of 96 dpi each way" \
      "$(/usr/bin/python3 -c "import sys; a,b=[tuple(map(int,s.split('x'))) for s in sys.argv[1:]]; print(all(abs(2*x-y)<=2 for x,y in zip(a,b)))" "$small" "$big")" True
    run diverge russia pakistan --diagram "$tmp/slide.png" --size 1920x1080px >/dev/null || true
    expect_eq "--size 1920x1080px PNG" "$(png_size "$tmp/slide.png")" 1920x1080
    run diverge russia pakistan --diagram "$tmp/slide96.png" --size 1920x1080px --dpi 96 >/dev/null || true
    expect_eq "--size 1920x1080px --dpi 96 PNG" "$(png_size "$tmp/slide96.png")" 1920x1080
    run diverge russia pakistan --diagram "$tmp/inches.png" --size 10x5.625 --dpi 144 >/dev/null || true
    expect_eq "--size 10x5.625 --dpi 144 PNG" "$(png_size "$tmp/inches.png")" 1440x810
    run balance --diagram "$tmp/slide.svg" --size 1920x1080px >/dev/null || true
    expect_eq "--size 1920x1080px SVG (CSS pixels: 3/4 point each)" "$(svg_box "$tmp/slide.svg")" "1440pt 810pt 0.00 0.00 1440.00 810.00"
    run export -o "$tmp/export.svg" --size 8x4.5 >/dev/null || true
    expect_eq "export --size 8x4.5 SVG" "$(svg_box "$tmp/export.svg")" "576pt 324pt 0.00 0.00 576.00 324.00"
    run align russia --diagram "$tmp/aspect.png" --aspect 16:9 >/dev/null || true
    expect_eq "--aspect 16:9 PNG within a pixel of 16:9" \
      "$(/usr/bin/python3 -c "import sys; w,h=map(int,sys.argv[1].split('x')); print(abs(w*9/16-h)<=1)" "$(png_size "$tmp/aspect.png")")" True
    run path pakistan united-states --diagram "$tmp/title.svg" --title 'Pakistan & the "US"' >/dev/null || true
    expect_eq "--title replaces the title" "$(xpath "$tmp/title.svg" "string(//*[local-name()='g'][@class='graph']/*[local-name()='text'][1])")" 'Pakistan & the "US"'
    xmllint --noout "$tmp/title.svg" && ok "titled SVG is well-formed" || fail "titled SVG is not XML"
    run align russia pakistan --diagram "$tmp/labels.svg" >/dev/null || true
    run align russia pakistan --diagram "$tmp/nolabels.svg" --no-edge-labels >/dev/null || true
    run export --data "$data/good/long-lists.json" --per-pair -o "$tmp/pairs.svg" >/dev/null || true
    expect_eq "--per-pair: one pair edge" "$(xpath "$tmp/pairs.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'pair-')])")" 1
    expect_eq "--per-pair: 27 single claims kept" "$(xpath "$tmp/pairs.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'claim-')])")" 27
    expect_eq "--per-pair: the count drawn" "$(xpath "$tmp/pairs.svg" "string(//*[local-name()='g'][@id='pair-s0--s1']//*[local-name()='text'])")" "22 claims: 22 -"
    labelled=$(xpath "$tmp/labels.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'tie-')]//*[local-name()='text'])")
    [ "$labelled" -gt 0 ] && ok "tie edges carry labels by default ($labelled)" || fail "no labelled tie edges"
    expect_eq "--no-edge-labels: tie edges without text" "$(xpath "$tmp/nolabels.svg" "count(//*[local-name()='g'][@class='edge'][starts-with(@id,'tie-')]//*[local-name()='text'])")" 0
    expect_eq "--no-edge-labels: the value opens the tooltip" "$(xpath "$tmp/nolabels.svg" "starts-with(string((//*[local-name()='g'][@class='edge'][starts-with(@id,'tie-')]//*[local-name()='a'])[1]/@*[local-name()='title']), '+') or starts-with(string((//*[local-name()='g'][@class='edge'][starts-with(@id,'tie-')]//*[local-name()='a'])[1]/@*[local-name()='title']), '-')")" true
    ;;
  what-if)
    # Every what-if drawing says its scenario under the title; an empty answer is a message.
    graph_text() { xpath "$1" "string(//*[local-name()='g'][@class='graph'])" | tr -s ' \n' ' '; }
    for command in "balance" "diverge russia pakistan" "align russia pakistan" "align russia" \
                   "align --matrix russia pakistan india" "path pakistan united-states" "neighbors russia"; do
      # shellcheck disable=SC2086
      run $command --diagram "$tmp/w.svg" --as-of 2024 --assume "russia sanctions pakistan" --without kor-41 >/dev/null || true
      label=$(xpath "$tmp/w.svg" "string((//*[local-name()='g'][@class='graph']/*[local-name()='text'])[last()])")
      # What the default filter leaves out (claims not stated, negated) is in the text answer,
      # not on the slide.
      expect_eq "$command: scenario line" "$label" 'scenario: as of 2024; assuming "russia sanctions pakistan"; without kor-41'
      # shellcheck disable=SC2086
      run $command --diagram "$tmp/w.dot" --from 2019 --until 2023 >/dev/null || true
      grep -qF 'label="' "$tmp/w.dot" && grep -qF '\nscenario: from 2019; until 2023"' "$tmp/w.dot" && ok "$command: from/until in the DOT title" || fail "$command: no window in the DOT title"
      # shellcheck disable=SC2086
      run $command --diagram "$tmp/plain.dot" >/dev/null || true
      grep -qF 'scenario:' "$tmp/plain.dot" && fail "$command: a scenario line without a what-if" || ok "$command: no scenario line without a what-if"
      # An explicit --modality is a choice the slide states, with what it leaves out.
      # shellcheck disable=SC2086
      run $command --diagram "$tmp/m.dot" --modality stated,hedged >/dev/null || true
      grep -qF 'scenario: modality stated, hedged; ' "$tmp/m.dot" && grep -qF 'left out by modality' "$tmp/m.dot" && ok "$command: --modality in the scenario line" || fail "$command: no --modality in the scenario line"
    done
    run export -o "$tmp/e.dot" --as-of 2020 >/dev/null || true
    grep -qF '\nscenario: as of 2020"' "$tmp/e.dot" && ok "export --as-of in the DOT title" || fail "export: no as-of in the title"
    run path pakistan united-states --max-hops 1 --diagram "$tmp/none.svg" >/dev/null || true
    xmllint --noout "$tmp/none.svg" && ok "empty answer SVG is well-formed" || fail "empty answer SVG is not XML"
    expect_eq "empty path: the message is drawn" "$(xpath "$tmp/none.svg" "string(//*[@id='empty-answer']//*[local-name()='text'])")" "No path from Pakistan to United States within the limits given"
    expect_eq "empty path: the title names the two" "$(xpath "$tmp/none.svg" "string((//*[local-name()='g'][@class='graph']/*[local-name()='text'])[1])")" "How Pakistan and United States are connected"
    expect_eq "empty path: no legend" "$(xpath "$tmp/none.svg" "count(//*[starts-with(@id,'legend')])")" 0
    run path pakistan united-states --max-hops 1 --diagram "$tmp/none.png" >/dev/null || true
    /usr/bin/python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); w,h=struct.unpack(">II",d[16:24]); sys.exit(0 if w>=400 and h>=150 else 1)' "$tmp/none.png" && ok "empty path PNG is a readable message, not a 91x45 stamp" || fail "empty path PNG too small"
    ;;
  *) echo "unknown case $case_name"; exit 2 ;;
esac
finish_checks
