#pragma once
/// @file Writing files so that a reader never sees half of one.

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace entente {

/// Writes `bytes` to `path` through a temporary file in the same directory, flushed to disk
/// (fsync) and renamed into place (rename(2) is atomic): on any error the old file (if any) is
/// untouched, no temporary remains, and IoError says what failed ("PATH: cannot write: REASON").
/// On Linux the temporary has no name until it is complete (O_TMPFILE), so a process killed while
/// writing leaves nothing behind either. The new file keeps the old one's permission bits, or
/// gets 0666 less the umask (read by setting it and back: another thread creating a file in that
/// instant gets umask 0); a symbolic link at `path` is replaced, not followed. Throws IoError,
/// std::bad_alloc.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// Writes several files the same way, as one set: all are written and flushed before any is
/// renamed into place, and each file being replaced is kept under a second name (a hard link)
/// until the whole set is in place, so that when renaming one fails, those already renamed are
/// put back: on any error the set is as it was. Only a kill between two renames (a window of
/// microseconds, no I/O in it) can leave a mixed set, and a kill after naming leaves the
/// temporaries and kept files of that process (".NAME.tmp-PID-..." and ".NAME.old-PID-...");
/// every write removes those of processes that no longer run beside the files it writes. Throws
/// IoError, std::bad_alloc.
void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files);

}  // namespace entente
