#pragma once
/// @file Loading and validating datasets from JSON text.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "entente/errors.hpp"
#include "entente/knowledge_graph.hpp"

namespace entente {

/// One JSON file's name (as reported in diagnostics) and its text.
struct InputFile {
    std::string name;  ///< Path as given by the user, or the embedded name.
    std::string text;  ///< Raw bytes; a UTF-8 byte-order mark is skipped.
};

/// The outcome of loading: a graph when there were no errors, and every diagnostic found.
struct LoadResult {
    std::optional<KnowledgeGraph> graph;  ///< Present only when no diagnostic is an error.
    std::vector<Diagnostic> diagnostics;  ///< Errors and warnings, by file then position.
    std::size_t files = 0;                ///< Number of files read.

    /// Number of diagnostics that are errors.
    std::size_t error_count() const;
    /// Number of diagnostics that are warnings.
    std::size_t warning_count() const;
};

/// Told how far a load has got: bytes of input done, of `total`. Called from the loading thread.
using LoadProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Parses, validates (schema, references, dates, duplicates) and merges the files into one graph.
/// A compiled dataset (see compiled.hpp) is read as it is. `progress`, when set, is called now
/// and then during long loads.
LoadResult load_dataset(const std::vector<InputFile>& files, const LoadProgress& progress = {});

/// Reads a dataset path: a file, or a directory whose *.json files are read in name order.
/// Problems reading (missing, unreadable, empty directory) are appended to `diagnostics`.
std::vector<InputFile> read_dataset_path(const std::filesystem::path& path,
                                         std::vector<Diagnostic>& diagnostics);

/// The JSON Schema the loader validates every file with.
std::string_view dataset_schema();

}  // namespace entente
