#pragma once
/// @file The compiled form: a loaded dataset in a binary file that loads without parsing JSON.

#include <string>
#include <string_view>
#include <vector>

#include "entente/load/loader.hpp"

namespace entente {

/// Version of the compiled form this build writes and reads.
inline constexpr std::uint32_t compiled_format_version = 1;

/// True when `bytes` begin with the compiled form's signature.
bool is_compiled(std::string_view bytes);

/// The compiled form of a loaded dataset: every table, record and field, and the warnings
/// (with their original positions) that loading it gave.
std::string to_compiled(const KnowledgeGraph& graph, const LoadResult& loaded);

/// The compiled form of a graph with the given warnings, found in `files` files, of which
/// `omitted_warnings` were summed up rather than listed.
std::string to_compiled(const KnowledgeGraph& graph, const std::vector<Diagnostic>& warnings,
                        std::size_t files, std::size_t omitted_warnings = 0);

/// Reads a compiled dataset named `name`. A damaged, truncated or foreign-version file, or one
/// with more records than `limits` allow, gives an error diagnostic and no graph.
LoadResult from_compiled(std::string_view bytes, const std::string& name,
                         const LoadLimits& limits = {});

}  // namespace entente
