#pragma once
/// @file Loading and validating datasets from JSON text.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/load/diagnostic.hpp"
#include "entente/model/errors.hpp"
#include "entente/model/knowledge_graph.hpp"

namespace entente {

class MappedFile;

/// One input file's name (as reported in diagnostics) and its bytes, held in memory or mapped.
struct InputFile {
    std::string name;  ///< Path as given by the user, or the embedded name.
    /// Raw bytes: JSON (RFC 8259) in UTF-8, or a compiled dataset (compiled.hpp); a UTF-8
    /// byte-order mark is skipped. Empty when `mapping` holds the bytes.
    std::string text;
    /// The file mapped read-only (read_dataset_path with InputReading::map), or null. A load
    /// reads a mapped file's bytes front to back and gives each stretch back to the system once
    /// parsed (MappedFile::release): the text of a big file is never resident all at once.
    std::shared_ptr<const MappedFile> mapping = nullptr;
    /// The bytes: the mapping's when there is one, else `text`; either way a NUL byte follows
    /// them (the reader scans for it rather than checking the end at every byte). Throws
    /// nothing.
    std::string_view bytes() const;
};

/// Bounds on what one load accepts, so that hostile or mistaken input gets a clear error rather
/// than exhausting memory or time. Default-constructed, it holds the documented defaults
/// (docs/data-format.md, Limits). Input past a limit is an error diagnostic, never a crash.
struct LoadLimits {
    /// Bytes, all files together, that load_dataset parses as JSON (a file that takes the total
    /// past it is not parsed); read_dataset_path applies it to each file it reads. The embedded
    /// dataset is about 60 KB. The CLI raises it to a sixteenth of the machine's memory. Not
    /// applied to a compiled dataset handed to load_dataset or from_compiled.
    std::uint64_t max_bytes = 64ULL << 20;
    /// Records (sources, relations, actors and claims together, built-in relations not counted)
    /// in one load, JSON or compiled: room for GDELT-sized aggregates, well short of what the
    /// index types (32 bits) can address. Reaching past it stops the load.
    std::size_t max_records = 100'000'000;
    /// Characters (code points) in a name: ids, names, aliases, labels, authors, publishers,
    /// asserted_by, and every member name (JSON) — for JSON and compiled datasets alike.
    std::size_t max_name_length = 1'000;
    /// Characters (code points) in a long text: a quote, a note, a title or a url.
    std::size_t max_text_length = 100'000;
    /// Warnings of one kind (the same message but for the names in it) listed before the rest of
    /// that kind are summed up in one line. JSON loads only: a compiled dataset keeps the warnings
    /// it recorded.
    std::size_t max_similar_warnings = 20;
};

/// The outcome of loading: a graph when there were no errors, and every diagnostic found.
struct LoadResult {
    std::optional<KnowledgeGraph> graph;  ///< Present only when no diagnostic is an error.
    /// Errors and warnings: from JSON, in the order of the files, then of their byte offsets;
    /// from a compiled dataset, its errors by table, record and field, or else the warnings it
    /// recorded.
    std::vector<Diagnostic> diagnostics;
    /// Number of files: those given to load_dataset, or for a compiled dataset the JSON files it
    /// was compiled from (1 when it cannot be read).
    std::size_t files = 0;
    /// Warnings found beyond those listed: each kind past LoadLimits::max_similar_warnings is
    /// summed up in one listed warning, which stands for all of them.
    std::size_t omitted_warnings = 0;

    /// Number of diagnostics that are errors. O(diagnostics); throws nothing.
    std::size_t error_count() const;
    /// Number of warnings found, listed or not: listed warnings + omitted_warnings.
    /// O(diagnostics); throws nothing.
    std::size_t warning_count() const;
};

/// Told how far a load has got: `done` bytes of input parsed of `total` (the sizes of all files
/// given), in [0, total]. Called from the loading thread, after each JSON file and after every
/// 4,096th record of a table within one; never for a compiled dataset, and `done` stops short of
/// `total` when a file is past the byte limit. An exception it throws leaves load_dataset.
using LoadProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Parses, validates and merges the files into one graph, files in the order given (ids are
/// global across them). Every problem is a diagnostic, located (docs/data-format.md, What the
/// loader reports): JSON syntax (RFC 8259; only a syntax error, nesting past 64 levels or the
/// record limit stop reading a file), text that is not UTF-8 or holds a NUL, the format's schema
/// (graph/schema/dataset.schema.json), references, calendar dates, duplicates, holders, and input
/// beyond `limits`; then the warnings. Numbers are read to the nearest double. A compiled dataset
/// (compiled.hpp) given alone is read by from_compiled; with other files, each compiled one is an
/// error. `progress`, when set, is told how far the load has got. Linear in the input's size.
/// Throws std::bad_alloc when memory runs out (nothing is returned then), std::runtime_error when
/// ICU's data cannot be loaded, and whatever `progress` throws; problems in the data never throw.
LoadResult load_dataset(const std::vector<InputFile>& files, const LoadLimits& limits = {},
                        const LoadProgress& progress = {});

/// How read_dataset_path holds a file's bytes.
enum class InputReading : std::uint8_t {
    copy,  ///< Read into InputFile::text.
    /// Mapped read-only (InputFile::mapping) when the file is regular and not empty, else read
    /// as `copy`: no copy is made, and a JSON load gives the pages it has parsed back. As for
    /// any mapping, a file truncated in place while it is read makes reading past its new end
    /// fail with SIGBUS (saving by renaming, as editors and `entente compile` do, is safe).
    map,
};

/// Reads a dataset path: a file, or a directory whose regular *.json files (not its
/// subdirectories') are read in name order (bytewise). Returns the files read, in that order.
/// Problems reading (missing, unreadable, not a regular file — a FIFO or a device is refused
/// without blocking —, a directory without *.json files, a file larger than `limits.max_bytes`) are
/// appended to `diagnostics` as errors without line or pointer; such a file is left out. Throws
/// std::bad_alloc, and std::filesystem::filesystem_error when a directory listing fails after it
/// has begun. `reading` says whether the bytes are copied or mapped.
std::vector<InputFile> read_dataset_path(const std::filesystem::path& path,
                                         std::vector<Diagnostic>& diagnostics,
                                         const LoadLimits& limits = {},
                                         InputReading reading = InputReading::copy);

/// How a mapped file will be read: all of it, in order (a full load), or a few places in it (a
/// query on a compiled dataset read in place).
enum class MappedReading : std::uint8_t {
    whole,     ///< Read ahead in one go where the system can (MAP_POPULATE).
    in_place,  ///< No read-ahead (MADV_RANDOM): only the pages touched are read.
    /// Read once, front to back, a stretch at a time (MADV_SEQUENTIAL, no MAP_POPULATE), the
    /// stretches read given back with release(): a JSON file's load.
    sequential,
};

/// A regular file mapped read-only into memory (POSIX mmap), unmapped when destroyed. Move-only.
class MappedFile {
  public:
    MappedFile(MappedFile&& other) noexcept;
    MappedFile& operator=(MappedFile&& other) noexcept;
    MappedFile(const MappedFile&) = delete;
    ~MappedFile();
    /// The file's bytes, followed by a NUL byte; valid while this object lives. A mapping is not
    /// a copy: a program that writes the file in place meanwhile changes them, and one that
    /// truncates it makes reading past the new end fail with SIGBUS (`entente compile` replaces
    /// a file by renaming, which does neither). Throws nothing.
    std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
    /// Gives back to the system the whole pages within bytes [from, to) (POSIX madvise,
    /// MADV_DONTNEED): they stop counting in the process's resident memory, and reading them
    /// again reads them from the file (from the page cache, as a rule) as it is then. The last,
    /// partial page, which holds a copy of the file's tail, is never given back. Offsets past
    /// the end are clamped. Throws nothing.
    void release(std::size_t from, std::size_t to) const noexcept;

    /// Maps `path` when it is a regular, non-empty file of at most `max_bytes` bytes whose first
    /// bytes (up to 64) `wanted` accepts, and that opens and maps; nullopt otherwise
    /// (read_dataset_path then says why). Read as `reading` says: the pages are read ahead for a
    /// whole read, or only as touched. The mapping starts on a 2 MiB boundary (file offsets and
    /// addresses agree modulo 2 MiB, so the kernel can map the page cache's large folios whole
    /// instead of faulting a 4 KiB page at a time). Opened without blocking, so a FIFO is refused
    /// rather than waited on. Throws nothing.
    static std::optional<MappedFile> map(const std::filesystem::path& path, std::uint64_t max_bytes,
                                         bool (*wanted)(std::string_view head),
                                         MappedReading reading = MappedReading::whole);

  private:
    MappedFile(const void* data, std::size_t size, std::size_t span)
        : data_(data), size_(size), span_(span) {}
    const void* data_;
    std::size_t size_;
    std::size_t span_;  // bytes mapped: the file's, and zeros to the end of the next page
};

/// The JSON Schema (draft 4) of the format, graph/schema/dataset.schema.json as built in, for
/// other tools. The reader does not run it: it checks the same rules from its own table of fields,
/// which a test holds to this schema. Static storage; throws nothing.
std::string_view dataset_schema();

}  // namespace entente
