// libFuzzer target: any bytes as a dataset file must give a graph or a list of diagnostics,
// never a crash, a hang or undefined behaviour; with the default limits and with tiny ones.
// Whatever loads must also survive a round trip: written as an entente dataset and loaded back,
// it gives the same tables and no error (text that loads is text every writer can carry). And
// parsed on a second thread, as a big file is (the relay's scanner, then RapidJSON), it gives
// the same diagnostics, places and tables as parsed directly.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/export/dataset_json.hpp"
#include "entente/load/loader.hpp"
#include "entente/query/selection.hpp"
#include "load/json_reader.hpp"

namespace {

void check(const std::string& text, const entente::LoadLimits& limits) {
    const auto result = entente::load_dataset({{"fuzz.json", text}}, limits);
    // Every diagnostic must be formattable, and a graph exists exactly when nothing is an error.
    for (const auto& d : result.diagnostics) {
        (void)entente::format_diagnostic(d);
    }
    if (result.graph.has_value() != (result.error_count() == 0)) {
        __builtin_trap();
    }
    // The JSON reader itself (load_dataset takes bytes that start as a compiled file's for one).
    const auto direct = entente::detail::read_json({{"fuzz.json", text}}, limits, {});
    entente::detail::ReaderThreads everywhere;
    everywhere.relay_from = 0;
    const auto relayed =
        entente::detail::read_json({{"fuzz.json", text}}, limits, {}, nullptr, everywhere);
    if (relayed.diagnostics.size() != direct.diagnostics.size() ||
        relayed.graph.has_value() != direct.graph.has_value() ||
        (direct.graph && !(relayed.graph->data() == direct.graph->data()))) {
        __builtin_trap();
    }
    for (std::size_t i = 0; i < direct.diagnostics.size(); ++i) {
        if (entente::format_diagnostic(relayed.diagnostics[i]) !=
            entente::format_diagnostic(direct.diagnostics[i])) {
            __builtin_trap();
        }
    }
    if (!result.graph) {
        return;
    }
    const entente::KnowledgeGraph& kg = *result.graph;
    const std::string written = entente::to_dataset_json(kg, entente::select(kg, {}));
    entente::LoadLimits roomy = limits;
    roomy.max_bytes = std::max<std::uint64_t>(limits.max_bytes, written.size());
    const auto again = entente::load_dataset({{"again.json", written}}, roomy);
    if (!again.graph) {
        __builtin_trap();
    }
    // Assigned ids are written out, and come back as given ones.
    entente::Dataset expected = kg.data();
    for (auto& c : expected.claims) {
        c.id_assigned = false;
    }
    if (!(again.graph->data() == expected)) {
        __builtin_trap();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    check(text, {});
    // Tiny limits, so that every limit is reached by inputs the fuzzer can build.
    entente::LoadLimits tiny;
    tiny.max_bytes = 2048;
    tiny.max_records = 8;
    tiny.max_name_length = 12;
    tiny.max_text_length = 40;
    tiny.max_similar_warnings = 1;
    check(text, tiny);
    return 0;
}
