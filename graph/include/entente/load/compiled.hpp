#pragma once
/// @file The compiled form: a loaded dataset in a binary file that loads without parsing JSON.
/// The layout (signature, version, length, checksum, tables, warnings; little-endian) is in
/// docs/data-format.md, The compiled form.

#include <string>
#include <string_view>
#include <vector>

#include "entente/load/loader.hpp"

namespace entente {

/// Version of the compiled form this build writes and reads; a file of another version is
/// refused with a message to compile it again.
inline constexpr std::uint32_t compiled_format_version = 4;

/// True when `bytes` begin with the compiled form's 12-byte signature ("\x89ENTENTE\r\n\x1a\n",
/// after PNG's). O(1); throws nothing.
bool is_compiled(std::string_view bytes);

/// The compiled form of a loaded dataset: every table, record and field, and the warnings of
/// `loaded` (with their original positions; its errors are left out), its file count and its
/// omitted-warning count. O(size of the dataset); throws std::bad_alloc.
std::string to_compiled(const KnowledgeGraph& graph, const LoadResult& loaded);

/// The compiled form of a graph with the given warnings (diagnostics of severity error are left
/// out), found in `files` files, of which `omitted_warnings` were summed up rather than listed.
/// O(size of the dataset); throws std::bad_alloc.
std::string to_compiled(const KnowledgeGraph& graph, const std::vector<Diagnostic>& warnings,
                        std::size_t files, std::size_t omitted_warnings = 0);

/// Reads a compiled dataset named `name` (the name diagnostics give). A file that is not one, is
/// truncated or damaged (length or checksum), of a foreign version, or with more records than
/// `limits.max_records`, gives one error diagnostic without line and no graph. A valid checksum
/// proves nothing about who wrote the file: every value and record then goes through the rules a
/// JSON file's do (text, ids, lengths against `limits`, polarities, confidences, calendar dates,
/// unique ids, holders, self-claims), each problem an error diagnostic with the record's JSON
/// pointer and no line. On success the diagnostics are the warnings it recorded. `limits.max_bytes`
/// and `limits.max_similar_warnings` are not applied. O(bytes). Throws std::bad_alloc, or
/// std::runtime_error when ICU's data cannot be loaded (building the name index).
LoadResult from_compiled(std::string_view bytes, const std::string& name,
                         const LoadLimits& limits = {});

}  // namespace entente
