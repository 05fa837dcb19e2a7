#pragma once
/// @file Writing files so that a reader never sees half of one.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente {

/// Writes `bytes` to `path` through a temporary file in the same directory, flushed to disk and
/// renamed into place: on any error the old file (if any) is untouched, no temporary remains,
/// and IoError says what failed. On Linux the temporary has no name until it is complete, so a
/// process killed while writing leaves nothing behind either.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Writes several files the same way; none is renamed into place unless all were written.
void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files);

}  // namespace entente
