# CLI tests on the embedded dataset and on test data; included from tests/CMakeLists.txt.
# entente_cli_test(NAME CODE [expect.sh checks...] -- ARGS...)
function(entente_cli_test name code)
  set(args ${ARGN})
  list(FIND args "--" split)
  list(SUBLIST args 0 ${split} checks)
  math(EXPR after "${split} + 1")
  set(command "")
  list(LENGTH args count)
  if(after LESS count)
    list(SUBLIST args ${after} -1 command)
  endif()
  add_test(NAME cli.${name}
           COMMAND ${_expect} --code ${code} ${checks} -- $<TARGET_FILE:entente> ${command}
           WORKING_DIRECTORY ${_data})
endfunction()

set(_article "korybko-2024-russia-pakistan")

entente_cli_test(validate.embedded 0
  --stdout-has "valid: 2 files," --stdout-has "0 warnings" -- validate)
entente_cli_test(validate.json 0
  --stdout-has "\"valid\": true" --stdout-has "\"diagnostics\": []" -- validate --format json)
entente_cli_test(validate.directory 0
  --stdout "${_data}/expected/validate-good-dir.txt" -- validate --data good/dir)
entente_cli_test(validate.bad-json 2
  --stdout-has "\"valid\": false"
  --stdout-has "\"pointer\": \"/claims/0/relation\""
  --stdout-has "did you mean \\\"supports\\\"?\""
  -- validate --format json --data bad/unknown-refs.json)
entente_cli_test(validate.missing-path 2
  --stderr "${_data}/expected/missing-path.txt" -- validate --data no/such/path.json)
entente_cli_test(validate.with-extends-embedded 0
  --stdout-has "valid: 3 files," -- validate --with good/extra.json)

entente_cli_test(show.russia 0
  --stdout-has "Russia (russia), state"
  --stdout-has "kor-41  Russia supports India's annexation and bifurcation of Jammu & Kashmir"
  --stdout-has "“Russia supports India’s annexation and subsequent bifurcation of Jammu & Kashmir”"
  --stdout-has "asserted by Andrew Korybko"
  --stdout-has "kor-45  India pressures Russia"
  --stdout-has "${_article}  Andrew Korybko, “India will be a roadblock in Russia-Pakistan relations”, Global Village Space, 2024-05-22"
  -- show russia)
entente_cli_test(show.by-alias-any-case 0
  --stdout-has "India (india), state" -- show "NEW DELHI")
entente_cli_test(show.json 0
  --stdout-has "\"id\": \"kor-42\""
  --stdout-has "\"relation\": \"opposes\""
  --stdout-has "\"holder\": {\"id\": \"india\", \"name\": \"India\", \"kind\": \"state\"}"
  -- show india-jk-reorganisation --format json)
entente_cli_test(show.unknown-name 3
  --stderr "${_data}/expected/unknown-rusia.txt" -- show rusia)
entente_cli_test(show.user-data 0
  --stdout "${_data}/expected/show-alpha.txt" -- show alpha --data good/dir)
entente_cli_test(show.missing-argument 1
  --stderr-has "actor is required" -- show)

entente_cli_test(actors.states 0
  --stdout-has "russia" --stdout-has "pakistan" --stdout-lacks "india-jk-reorganisation"
  -- actors --kind state)
entente_cli_test(actors.search 0
  --stdout "${_data}/expected/actors-kashmir.txt" -- actors kashmir)
entente_cli_test(actors.bad-kind 1
  --stderr-has "--kind" -- actors --kind country)

entente_cli_test(stats.table 0
  --stdout-has "claims" --stdout-has "supports" -- stats)
entente_cli_test(stats.json 0
  --stdout "${_data}/expected/stats-good-dir.json" -- stats --format json --data good/dir)

entente_cli_test(usage.no-command 1 --stderr-has "subcommand" --)
entente_cli_test(usage.bad-format 1 --stderr-has "--format" -- stats --format xml)
entente_cli_test(usage.help 0 --stdout-has "Examples:" -- --help)
entente_cli_test(usage.show-help 0 --stdout-has "entente show russia" -- show --help)

# Queries on the hand-checked dataset: JSON pinned whole (values checked in test_queries.cpp).
entente_cli_test(align.pair-json 0
  --stdout "${_data}/expected/align-a-b.json" -- align a b --data good/queries.json --format json)
entente_cli_test(diverge.json 0
  --stdout "${_data}/expected/diverge-a-b.json" -- diverge a b --data good/queries.json --format json)
entente_cli_test(balance.table 0
  --stdout "${_data}/expected/balance-queries.txt" -- balance --data good/queries.json)
entente_cli_test(path.k3-json 0
  --stdout "${_data}/expected/path-b-c.json" -- path b c --k 3 --data good/queries.json --format json)
entente_cli_test(align.as-of 0
  --stdout-has "scenario: as of 2021" --stdout-lacks "  d  " -- diverge a b --as-of 2021 --data good/queries.json)

# Queries on the embedded dataset: the article's answers.
entente_cli_test(diverge.russia-pakistan 0
  --stdout-has "where Russia and Pakistan diverge: 2 points, 1 roadblock"
  --stdout-has "1. India (india), a roadblock"
  --stdout-has "2. India's annexation and bifurcation of Jammu & Kashmir (india-jk-reorganisation)"
  -- diverge russia pakistan)
entente_cli_test(align.russia-pakistan 0
  --stdout-has "alignment of Russia and Pakistan: +"
  --stdout-has "afghan-peace-process"
  --stdout-has "kor-09  Russia cooperates with Pakistan"
  -- align russia pakistan)
entente_cli_test(align.ranking 0
  --stdout-has "who aligns with Russia" --stdout-has "pakistan" -- align russia)
entente_cli_test(align.matrix-csv 0
  --stdout-has "actor,armenia,azerbaijan,china,india,iran,pakistan,russia,united-states" --stdout-has "pakistan,-1,0.5,1,-0.8133,,,0.8952,-1" -- align --matrix --format csv)
entente_cli_test(align.matrix-named 0
  --stdout-has "actor,russia,pakistan" -- align --matrix russia pakistan --format csv)
entente_cli_test(balance.embedded 0
  --stdout-has "india, pakistan, russia  ++-" --stdout-has "frustration index: 1 (exact)" -- balance)
# Made friends, and without the rivalry claim, India joins Russia and Pakistan's camp.
entente_cli_test(balance.what-if 0
  --stdout-has "scenario: assuming \"india cooperates_with pakistan\"" --stdout-has "without ctx-21"
  --stdout-has "frustration index: 0 (exact)"
  --stdout-has "camp B: azerbaijan china india pakistan russia"
  -- balance --assume "india cooperates_with pakistan" --without ctx-21)
entente_cli_test(balance.what-if-json 0
  --stdout-has "\"hypothetical\": true" --stdout-has "\"claim\": \"assume-1\""
  -- balance --assume "india cooperates_with pakistan" --without ctx-21 --format json)
entente_cli_test(balance.highland 0
  --stdout-has "triangles: +++ 19, ++- 2, +-- 40, --- 7 (9 unbalanced)"
  --stdout-has "frustration index: 7 (exact)"
  --stdout-has "camp B: gama gaveve kotuni nagamidzuha"
  -- balance --data ../../examples/highland-tribes.json)
entente_cli_test(path.pakistan-us 0
  --stdout-has "path 1: Pakistan → India → United States  (2 hops, sign -1)" -- path pakistan "united states")
entente_cli_test(neighbors.cpec 0
  --stdout-has "ego network of China–Pakistan Economic Corridor, depth 1: 6 actors, 7 claims" -- neighbors cpec)

# Query errors.
entente_cli_test(align.no-actor 1 --stderr-has "name one actor, two actors, or use --matrix" -- align)
entente_cli_test(align.csv-pair 1
  --stderr "${_data}/expected/align-csv-pair.txt" -- align russia pakistan --format csv)
entente_cli_test(align.unknown 3 --stderr-has "did you mean \"pakistan\"?" -- align russia pakistn)
entente_cli_test(assume.unknown-relation 3
  --stderr-has "did you mean \"sanctions\"?" -- balance --assume "russia sanction pakistan")
entente_cli_test(assume.malformed 1
  --stderr-has "write it as \"SUBJECT RELATION OBJECT\"" -- balance --assume "russia")
entente_cli_test(without.unknown 3 --stderr-has "unknown claim \"kor-99\"" -- diverge russia pakistan --without kor-99)
entente_cli_test(as-of.bad 1 --stderr-has "is not a date" -- balance --as-of 2023-02-30)
entente_cli_test(path.same 1 --stderr-has "are the same actor" -- path russia moscow)

# Drawings and exports checked by other tools: xmllint and Graphviz's dot.
foreach(check embedded highland escaping determinism size-switch query-diagrams write-errors
              compiled)
  add_test(NAME export.${check}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_exports.sh $<TARGET_FILE:entente>
                   ${PROJECT_SOURCE_DIR} ${check})
endforeach()
entente_cli_test(export.csv-needs-output 1 --stderr-has "csv writes two files" -- export --format csv)
entente_cli_test(export.unknown-extension 1 --stderr-has "cannot tell the format" -- export -o out.jpeg)
entente_cli_test(export.json-stdout 0 --stdout-has "\"entente\": 1" --stdout-has "\"id\": \"kor-41\"" -- export)

# The remaining query JSON, pinned whole on the hand-checked dataset.
entente_cli_test(balance.json 0
  --stdout "${_data}/expected/balance-queries.json" -- balance --data good/queries.json --format json)
entente_cli_test(neighbors.json 0
  --stdout "${_data}/expected/neighbors-c.json" -- neighbors c --depth 2 --data good/queries.json --format json)
entente_cli_test(align.ranking-json 0
  --stdout "${_data}/expected/align-a.json" -- align a --data good/queries.json --format json)
entente_cli_test(usage.unknown-command 1 --stderr-has "unknown command \"shwo\"" --stderr-has "did you mean \"show\"?" -- shwo russia)
entente_cli_test(usage.empty-diagram 1 --stderr-has "--diagram" -- balance --diagram=)

# Hostile input through the binary (big inputs generated at test time), and writes that fail or
# are killed. Exit 77 means the case needs what this machine lacks; CTest shows it as skipped.
foreach(check deep-nesting big-string shared-names fifo unreadable limits)
  add_test(NAME hostile.${check}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/hostile.sh $<TARGET_FILE:entente>
                   ${PROJECT_SOURCE_DIR} ${check})
  set_tests_properties(hostile.${check} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()
foreach(check read-only full killed)
  add_test(NAME write-safety.${check}
           COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/write_safety.sh $<TARGET_FILE:entente>
                   ${PROJECT_SOURCE_DIR} ${check})
  set_tests_properties(write-safety.${check} PROPERTIES SKIP_RETURN_CODE 77)
endforeach()

# Load progress on a terminal only (script(1) gives the terminal).
add_test(NAME cli.progress COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/progress.sh $<TARGET_FILE:entente>)

# Every option that takes a value takes exactly one per use: repeatable ones before the positional
# arguments used to swallow them (`balance --data F a b c` read files a, b and c). The doctest
# "every value option takes one value per use" walks every option of every command.
entente_cli_test(options.data-before-actors 0
  --stdout-has "balance of 3 actors with 3 signed ties" --stdout-has "camp A: a b"
  -- balance --data good/queries.json a b c)
entente_cli_test(options.data-before-pair 0
  --stdout-has "alignment of Alpha and Beta: +0.41" -- align --data good/queries.json "Alpha" Beta)
entente_cli_test(options.data-before-path 0
  --stdout-has "path 1: Beta → Alpha → Gamma  (2 hops, sign -1)" --stdout-has "path 2: "
  -- path --data good/queries.json b c --k 2)
entente_cli_test(options.without-before-actors 0
  --stdout-has "where Alpha and Beta diverge: 1 point, 0 roadblocks" --stdout-has "scenario: without q7"
  -- diverge --without q7 a b --data good/queries.json)
entente_cli_test(options.assume-before-actor 0
  --stdout-has "scenario: assuming \"c supports q\"" --stdout-has "assume-1  Gamma supports An open question  [hypothetical]"
  -- show --assume "c supports q" c --data good/queries.json)
entente_cli_test(options.with-before-actor 0
  --stdout-has "Russia (russia), state" -- show --with good/extra.json russia)
entente_cli_test(options.relations-before-actors 0
  --stdout-has "path 1: Alpha → Gamma  (1 hop, sign -1)"
  -- path --relations pressures,supports a c --data good/queries.json)
entente_cli_test(options.relations-repeated 0
  --stdout-has "path 1: Alpha → Gamma  (1 hop, sign -1)"
  -- path a c --data good/queries.json --relations supports --relations pressures)

# A negative year is not a date (std::from_chars took the sign); neither is nothing at all.
entente_cli_test(as-of.negative 1
  --stderr "${_data}/expected/as-of-negative.txt" -- align russia pakistan --as-of=-123)
entente_cli_test(as-of.empty 1
  --stderr "${_data}/expected/as-of-empty.txt" -- balance --as-of=)
entente_cli_test(as-of.export-negative 1
  --stderr-has "--as-of: \"-2020\" is not a date" -- export --as-of -2020)
# An empty list is not "no filter".
entente_cli_test(relations.only-commas 1
  --stderr "${_data}/expected/relations-only-commas.txt" -- path a c --data good/queries.json --relations ,)
entente_cli_test(relations.export-only-commas 1
  --stderr "${_data}/expected/relations-only-commas.txt" -- export --relations ,,)

# Text from the data reaches the terminal inert (bug 10): a quote with the issue's escape sequence,
# names with bidi overrides, C1 controls; JSON keeps it exact. Diagnostics: bad/terminal-escapes.
entente_cli_test(show.terminal-escapes 0
  --stdout "${_data}/expected/show-terminal.txt" -- show title --data good/terminal.json)
add_test(NAME cli.terminal-safety
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/terminal_safety.sh $<TARGET_FILE:entente>
                 ${PROJECT_SOURCE_DIR})

# Out of memory is status 2 and a message, never a crash (bug 11): address-space limits on a
# generated dataset. Skipped under AddressSanitizer, which ulimit -v cannot bound.
if(ENTENTE_SANITIZE)
  set(_sanitized --sanitized)
else()
  set(_sanitized "")
endif()
add_test(NAME cli.out-of-memory
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/out_of_memory.sh $<TARGET_FILE:entente>
                 ${_sanitized})
set_tests_properties(cli.out-of-memory PROPERTIES SKIP_RETURN_CODE 77)

# docs/cli.md shows real output: every `$ entente` block is run and compared. A drifted example
# must fail the check (tests/data/docs/drifted.md).
add_test(NAME docs.cli-examples
         COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/doc_examples.sh $<TARGET_FILE:entente>
                 ${PROJECT_SOURCE_DIR} ${PROJECT_SOURCE_DIR}/docs/cli.md)
add_test(NAME docs.examples-drift
         COMMAND ${_expect} --code 1
                 --stdout-has "FAIL: drifted.md:6: entente stats --data tests/data/good/queries.json | head -n 2"
                 --stdout-has "-2 sources" --stdout-has "+1 source" --stdout-has "1 examples"
                 -- bash ${CMAKE_CURRENT_SOURCE_DIR}/cli/doc_examples.sh $<TARGET_FILE:entente>
                    ${PROJECT_SOURCE_DIR} ${_data}/docs/drifted.md)

# The matrix JSON cites the claims its entries rest on (every signed claim of a, b, c, d).
entente_cli_test(align.matrix-json 0
  --stdout "${_data}/expected/align-matrix.json" -- align --matrix --data good/queries.json --format json)
# stats, actors and show see the what-if scenario like every query, and state it.
entente_cli_test(stats.as-of 0
  --stdout-has "scenario: as of 2021" --stdout-has "9 claims" -- stats --as-of 2021 --data good/queries.json)
entente_cli_test(actors.assume-csv 0
  --stdout-has "c,Gamma,state,2" -- actors --assume "c supports q" --data good/queries.json --format csv)
entente_cli_test(show.without-json 0
  --stdout-has "      \"q4\"" --stdout-has "\"groups\": []" --stdout-has "\"claims\": []"
  -- show c --without q4 --data good/queries.json --format json)
