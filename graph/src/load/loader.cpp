#include "entente/load/loader.hpp"

#include <algorithm>

#include "entente/load/compiled.hpp"
#include "entente/load/embedded.hpp"
#include "load/json_reader.hpp"

namespace entente {

std::size_t LoadResult::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t LoadResult::warning_count() const {
    return diagnostics.size() - error_count() + omitted_warnings;
}

LoadResult load_dataset(const std::vector<InputFile>& files, const LoadLimits& limits,
                        const LoadProgress& progress) {
    if (std::any_of(files.begin(), files.end(),
                    [](const InputFile& f) { return is_compiled(f.bytes()); })) {
        if (files.size() == 1) {
            // The byte limit holds for compiled files as for JSON (read_dataset_path checks it
            // before reading; callers with bytes already in memory are checked here).
            if (files.front().bytes().size() > limits.max_bytes) {
                LoadResult result;
                result.files = 1;
                result.diagnostics.push_back(
                    {Severity::error, files.front().name, 0, 0, "",
                     "file of " + std::to_string(files.front().bytes().size()) +
                         " bytes; one command loads at most " + std::to_string(limits.max_bytes) +
                         " bytes (--max-bytes)"});
                return result;
            }
            return from_compiled(files.front().bytes(), files.front().name, limits);
        }
        // Merging would mean resolving JSON references against binary tables; compiling the
        // files together is simpler and as fast to load.
        LoadResult result;
        result.files = files.size();
        for (const auto& f : files) {
            if (is_compiled(f.bytes())) {
                Diagnostic d;
                d.file = f.name;
                d.message =
                    "a compiled dataset is loaded on its own; to add files to it, compile them "
                    "together (entente compile --data DATA --with FILE -o OUT)";
                result.diagnostics.push_back(std::move(d));
            }
        }
        return result;
    }
    return detail::read_json(files, limits, progress);
}

// Defined by the source generated from graph/schema/ at build time.
std::span<const EmbeddedFile> embedded_schema();

std::string_view dataset_schema() {
    return embedded_schema().front().bytes;
}

}  // namespace entente
