#pragma once
// Internal: the compiled-form decoder with its checksum optional, so that a fuzzer can reach
// the record checks behind it.

#include <string>
#include <string_view>
#include <utility>

#include "entente/load/loader.hpp"

namespace entente::detail {

/// Decodes a compiled dataset; `verify_checksum` false skips only the checksum comparison.
/// `mapping`, when `bytes` are its bytes, is given back what has been read as the load goes.
LoadResult decode_compiled(std::string_view bytes, const std::string& name, bool verify_checksum,
                           const LoadLimits& limits = {}, const MappedFile* mapping = nullptr);

/// `bytes` with the header's data length rewritten to what follows the header, so that a cut or
/// grown file reaches the record decoder (for tests and the fuzzer). Unchanged when too short
/// for a header or without the signature.
std::string with_matching_length(std::string bytes);

/// `bytes` with every block checksum and the directory's checksum computed again, so that a
/// forged change reaches the record checks with valid checksums (for tests). Unchanged when the
/// header or directory cannot be read.
std::string resealed(std::string bytes);

/// Where section `k` (0: tables, 1: source offsets, 2: sources, 3: claim offsets, 4: claims, 5:
/// warnings, 6-9: the claim index's subject starts, subject ends, object starts, object ends)
/// starts in a compiled file, and its size in bytes; {0, 0} when the directory cannot be read (for
/// tests).
std::pair<std::size_t, std::size_t> section_place(std::string_view bytes, std::size_t k);

}  // namespace entente::detail
