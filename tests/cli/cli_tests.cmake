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
  --stdout-has "\"holder\": \"india\""
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
