// libFuzzer target: any bytes as a dataset file must give a graph or a list of diagnostics,
// never a crash, a hang or undefined behaviour; with the default limits and with tiny ones. It
// also checks the streaming fast path against the thorough loader on every input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/load/loader.hpp"
#include "load/fast_loader.hpp"

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
    // The streaming fast path may decline any file, but what it accepts must be exactly what
    // the thorough loader makes of it: same tables, same warnings at the same places.
    const std::vector<entente::InputFile> files = {{"fuzz.json", text}};
    const auto fast = entente::detail::fast_load(files, limits);
    if (fast) {
        const auto thorough = entente::detail::thorough_load(files, limits);
        if (thorough.error_count() != 0 || !thorough.graph ||
            !(fast->graph->data() == thorough.graph->data()) ||
            fast->diagnostics.size() != thorough.diagnostics.size() ||
            fast->omitted_warnings != thorough.omitted_warnings) {
            __builtin_trap();
        }
        for (std::size_t i = 0; i < fast->diagnostics.size(); ++i) {
            const auto& a = fast->diagnostics[i];
            const auto& b = thorough.diagnostics[i];
            if (entente::format_diagnostic(a) != entente::format_diagnostic(b) ||
                a.pointer != b.pointer) {
                __builtin_trap();
            }
        }
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
