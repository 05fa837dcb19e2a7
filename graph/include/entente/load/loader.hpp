#pragma once
/// @file Loading and validating datasets from JSON text.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/load/diagnostic.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// One JSON file's name (as reported in diagnostics) and its text.
struct InputFile {
    std::string name;  ///< Path as given by the user, or the embedded name.
    std::string text;  ///< Raw bytes; a UTF-8 byte-order mark is skipped.
};

/// Bounds on what one load accepts, so that hostile or mistaken input gets a clear error rather
/// than exhausting memory or time. Default-constructed, it holds the documented defaults.
struct LoadLimits {
    /// Bytes one load reads, all files together (the embedded dataset is about 60 KB). The CLI
    /// raises it to a sixteenth of the machine's memory.
    std::uint64_t max_bytes = 64ULL << 20;
    /// Records (sources, relations, actors and claims together) in one load: room for
    /// GDELT-sized aggregates, well short of what the index types (32 bits) can address.
    std::size_t max_records = 100'000'000;
    /// Characters in a name: ids, names, aliases, labels, authors, every other short string, and
    /// every member name.
    std::size_t max_name_length = 1'000;
    /// Characters in a long text: a quote, a note, a title or a url.
    std::size_t max_text_length = 100'000;
    /// Warnings of one kind listed before the rest of that kind are summed up in one line.
    std::size_t max_similar_warnings = 20;
};

/// The outcome of loading: a graph when there were no errors, and every diagnostic found.
struct LoadResult {
    std::optional<KnowledgeGraph> graph;  ///< Present only when no diagnostic is an error.
    std::vector<Diagnostic> diagnostics;  ///< Errors and warnings, by file then position.
    std::size_t files = 0;                ///< Number of files read.
    /// Warnings found beyond those listed: each kind past LoadLimits::max_similar_warnings is
    /// summed up in one listed warning, which stands for all of them.
    std::size_t omitted_warnings = 0;

    /// Number of diagnostics that are errors.
    std::size_t error_count() const;
    /// Number of warnings found, listed or not.
    std::size_t warning_count() const;
};

/// Told how far a load has got: bytes of input done, of `total`. Called from the loading thread.
using LoadProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Parses, validates (schema, references, dates, duplicates) and merges the files into one graph;
/// input beyond `limits` is an error. A compiled dataset (see compiled.hpp) is read as it is.
/// `progress`, when set, is called now and then during long loads.
LoadResult load_dataset(const std::vector<InputFile>& files, const LoadLimits& limits = {},
                        const LoadProgress& progress = {});

/// Reads a dataset path: a file, or a directory whose *.json files are read in name order.
/// Problems reading (missing, unreadable, not a regular file, empty directory, larger than
/// `limits.max_bytes`) are appended to `diagnostics`; such a file is not read.
std::vector<InputFile> read_dataset_path(const std::filesystem::path& path,
                                         std::vector<Diagnostic>& diagnostics,
                                         const LoadLimits& limits = {});

/// The JSON Schema the loader validates every file with.
std::string_view dataset_schema();

}  // namespace entente
