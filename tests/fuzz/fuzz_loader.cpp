// libFuzzer target: any bytes as a dataset file must give a graph or a list of diagnostics,
// never a crash, a hang or undefined behaviour.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/loader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto result = entente::load_dataset({{"fuzz.json", text}});
    // Every diagnostic must be formattable, and a graph exists exactly when nothing is an error.
    for (const auto& d : result.diagnostics) {
        (void)entente::format_diagnostic(d);
    }
    if (result.graph.has_value() != (result.error_count() == 0)) {
        __builtin_trap();
    }
    return 0;
}
