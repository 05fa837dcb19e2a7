#pragma once
// Internal: the compiled-form decoder with its checksum optional, so that a fuzzer can reach
// the record checks behind it.

#include <string>
#include <string_view>

#include "entente/load/loader.hpp"

namespace entente::detail {

/// Decodes a compiled dataset; `verify_checksum` false skips only the checksum comparison.
LoadResult decode_compiled(std::string_view bytes, const std::string& name, bool verify_checksum,
                           const LoadLimits& limits = {});

/// `bytes` with the header's data length rewritten to what follows the header, so that a cut or
/// grown file reaches the record decoder (for tests and the fuzzer). Unchanged when too short
/// for a header or without the signature.
std::string with_matching_length(std::string bytes);

}  // namespace entente::detail
