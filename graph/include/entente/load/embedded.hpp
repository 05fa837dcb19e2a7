#pragma once
/// @file Files compiled into the binary at build time.

#include <span>
#include <string_view>

namespace entente {

/// One file compiled into the binary (by cmake/embed_files.cmake): its path relative to the
/// source tree and its bytes, both in static storage for the life of the program.
struct EmbeddedFile {
    std::string_view name;   ///< Path the file had in the source tree ("data/context.json").
    std::string_view bytes;  ///< The file's contents, byte for byte (about 60 KB for data/).
};

/// The curated default dataset: every data/*.json at build time, in file-name order (bytewise),
/// for load_dataset as InputFile values (name and bytes copied). Defined in the entente::data
/// library, which a program must link to call it. Throws nothing.
std::span<const EmbeddedFile> embedded_dataset();

/// The texts of the embedded dataset's sources (a source's `text`): every data/sources/*.txt at
/// build time, named as in the source tree ("data/sources/korybko-2024-russia-pakistan.txt"), in
/// file-name order (bytewise). Defined in the entente::data library. Throws nothing.
std::span<const EmbeddedFile> embedded_source_texts();

}  // namespace entente
