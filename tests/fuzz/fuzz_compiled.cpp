// libFuzzer target: any bytes as a compiled dataset must give a graph or one clear error, never
// a crash, a hang or undefined behaviour. The checksum is skipped and the header's length made
// to agree, so that mutations reach the record decoder instead of stopping at the checksum.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/load/compiled.hpp"
#include "load/compiled_format.hpp"

namespace {

void check(const std::string& bytes) {
    entente::LoadLimits limits;
    limits.max_records = 4096;  // a forged count must not make the decoder build millions
    const auto result = entente::detail::decode_compiled(bytes, "fuzz.entente", false, limits);
    for (const auto& d : result.diagnostics) {
        (void)entente::format_diagnostic(d);
    }
    if (result.graph.has_value() != (result.error_count() == 0)) {
        __builtin_trap();
    }
    if (result.graph) {
        // Whatever decodes must encode back to a file that decodes to the same tables.
        const std::string again = entente::to_compiled(*result.graph, result);
        const auto back = entente::from_compiled(again, "again.entente", limits);
        if (!back.graph || !(back.graph->data() == result.graph->data())) {
            __builtin_trap();
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(reinterpret_cast<const char*>(data), size);
    check(bytes);
    const std::string matched = entente::detail::with_matching_length(bytes);
    if (matched != bytes) {
        check(matched);
    }
    return 0;
}
