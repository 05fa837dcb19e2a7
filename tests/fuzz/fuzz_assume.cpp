// libFuzzer target: any text as a --assume claim gives a hypothetical claim or a typed error.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/load/embedded.hpp"
#include "entente/load/loader.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/scenario.hpp"

namespace {

const entente::KnowledgeGraph& graph() {
    static const entente::KnowledgeGraph kg = [] {
        std::vector<entente::InputFile> files;
        for (const auto& f : entente::embedded_dataset()) {
            files.push_back({std::string(f.name), std::string(f.bytes)});
        }
        return std::move(*entente::load_dataset(files).graph);
    }();
    return kg;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const entente::Claim claim = entente::parse_assumption(graph(), text);
        if (!claim.hypothetical || claim.subject == claim.object) {
            __builtin_trap();
        }
    } catch (const entente::Error&) {
        // a clear, typed error is the expected answer to nonsense
    }
    return 0;
}
