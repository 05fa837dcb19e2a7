#pragma once
/// @file Files compiled into the binary at build time.

#include <span>
#include <string_view>

namespace entente {

/// One file compiled into the binary: its path relative to the source tree and its bytes.
struct EmbeddedFile {
    std::string_view name;   ///< Path the file had in the source tree ("data/context.json").
    std::string_view bytes;  ///< The file's contents.
};

/// The curated default dataset from data/, in file-name order (linked from entente::data).
std::span<const EmbeddedFile> embedded_dataset();

}  // namespace entente
