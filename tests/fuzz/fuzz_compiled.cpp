// libFuzzer target: any bytes as a compiled dataset must give a graph or one clear error, never
// a crash, a hang or undefined behaviour. The checksum is skipped and the header's length made
// to agree, so that mutations reach the record decoder instead of stopping at the checksum.
#include <cstddef>
#include <cstdint>
#include <string>

#include "entente/load/compiled.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/paths.hpp"
#include "load/compiled_format.hpp"

namespace {

// The same bytes read in place: whatever opens must answer a path query and a subset, or throw
// DataError, never crash; and a file that decodes whole must open and give the same claims.
void check_in_place(const std::string& bytes, const entente::LoadResult& whole,
                    const entente::LoadLimits& limits) {
    using namespace entente;
    OpenedView opened = CompiledView::open(bytes, "fuzz.entente", limits, false);
    if (whole.graph && !opened.view) {
        __builtin_trap();
    }
    if (!opened.view) {
        return;
    }
    const CompiledView& view = *opened.view;
    const auto& actors = view.tables().data().actors;
    try {
        if (actors.size() >= 2) {
            PathOptions options;
            options.k = 2;
            const PathFinder finder(view.path_data(), options);
            (void)finder.find(0, static_cast<Index>(actors.size() - 1));
        }
        std::vector<Index> claims;
        if (!actors.empty()) {
            view.check_entries(view.index().subject_of(0));
            for (const ClaimEnd& e : view.index().subject_of(0)) {
                claims.push_back(e.claim);
            }
        }
        (void)view.subset(claims);
    } catch (const DataError&) {
    }
    if (whole.graph) {
        std::vector<Index> all(view.claim_count());
        for (Index i = 0; i < all.size(); ++i) {
            all[i] = i;
        }
        const LoadResult subset = view.subset(all);
        const auto& expected = whole.graph->data().claims;
        if (!subset.graph || subset.graph->data().claims.size() != expected.size()) {
            __builtin_trap();
        }
        for (std::size_t i = 0; i < expected.size(); ++i) {
            if (subset.graph->data().claims[i].id != expected[i].id) {
                __builtin_trap();
            }
        }
    }
}

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
    check_in_place(bytes, result, limits);
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
