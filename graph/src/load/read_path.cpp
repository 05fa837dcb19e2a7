#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "entente/load/loader.hpp"
#include "model/pages.hpp"

namespace entente {

namespace {

// Room for a mapping of `span` bytes (a whole number of pages) starting on a 2 MiB boundary, or
// null. The file is mapped at offset 0 there, so its offsets and the addresses agree modulo
// 2 MiB: the kernel can then map the page cache's large folios whole (a PMD, or all of a folio's
// pages in one fault) rather than fault page by page. Measured on this project's VM, touching
// the 21,552 blocks of 12,000 random claims of a 2.9 GB compiled file, unaligned against
// aligned: 11,700 faults (0.23 s) against 1,600 (0.05 s) while the file was in the page cache as
// `entente compile` wrote it, against 5,400 (0.17 s) once it had been read back by `cat`, whose
// read-ahead makes smaller folios. The price is in the accounting: a touched folio is mapped
// whole, so a query's resident memory counts more of the page cache (`show` at 10^7: 348 MB
// against 109 MB, in the same time; `path`: 2.3 GB against 1.1 GB, in 0.5 s against 0.8 s).
// Those pages are the page cache's, shared and clean, not memory the query allocates.
char* aligned_room(std::size_t span) {
    constexpr std::size_t align = std::size_t{2} << 20;
    void* got =
        ::mmap(nullptr, span + align, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (got == MAP_FAILED) {
        return nullptr;
    }
    char* const start = static_cast<char*>(got);
    const auto address = reinterpret_cast<std::uintptr_t>(start);
    char* const room = start + ((align - address % align) % align);
    // The slack before and after the room goes back at once; the room is `span` bytes.
    if (room != start) {
        ::munmap(start, static_cast<std::size_t>(room - start));
    }
    if (const std::size_t tail = static_cast<std::size_t>(start + span + align - (room + span));
        tail != 0) {
        ::munmap(room + span, tail);
    }
    return room;
}

}  // namespace

std::string_view InputFile::bytes() const {
    return mapping ? mapping->bytes() : std::string_view(text);
}

std::vector<InputFile> read_dataset_path(const std::filesystem::path& path,
                                         std::vector<Diagnostic>& diagnostics,
                                         const LoadLimits& limits, InputReading reading) {
    namespace fs = std::filesystem;
    std::vector<InputFile> out;
    auto fail = [&](const std::string& name, const std::string& message) {
        Diagnostic d;
        d.file = name;
        d.message = message;
        diagnostics.push_back(std::move(d));
    };
    auto too_big = [&](const fs::path& file, std::uint64_t size) {
        fail(file.string(), "file of " + std::to_string(size) +
                                " bytes; one command loads at most " +
                                std::to_string(limits.max_bytes) + " bytes (--max-bytes)");
    };
    auto read = [&](const fs::path& file) {
        // Non-blocking, and checked once open: a path that became a FIFO must not hang us.
        const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            fail(file.string(), std::string("cannot read: ") + std::strerror(errno));
            return;
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            fail(file.string(), "not a regular file or a directory");
            return;
        }
        if (static_cast<std::uint64_t>(st.st_size) > limits.max_bytes) {
            ::close(fd);
            too_big(file, static_cast<std::uint64_t>(st.st_size));
            return;
        }
        if (reading == InputReading::map && st.st_size > 0) {
            // Mapped again by path, with the same checks; should the file have changed in
            // between (or be empty), it is read as a copy below.
            auto mapped = MappedFile::map(
                file, limits.max_bytes, [](std::string_view) { return true; },
                MappedReading::sequential);
            if (mapped) {
                ::close(fd);
                out.push_back({file.string(), std::string(),
                               std::make_shared<const MappedFile>(std::move(*mapped))});
                return;
            }
        }
        // Read to the end but never past the limit: the size can change while we read.
        // Read straight into a buffer sized from the file: appending through a small buffer
        // copied every byte twice, and growing by doubling copied a large file again.
        std::string text(static_cast<std::size_t>(st.st_size) + 1, '\0');
        std::size_t got = 0;
        while (true) {
            if (got == text.size()) {
                text.resize(std::max<std::size_t>(
                    text.size() + 1, std::min<std::size_t>(2 * text.size(), limits.max_bytes)));
            }
            const ssize_t n = ::read(fd, text.data() + got, text.size() - got);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                const int error = errno;
                ::close(fd);
                fail(file.string(), std::string("cannot read: ") + std::strerror(error));
                return;
            }
            if (n == 0) {
                break;
            }
            got += static_cast<std::size_t>(n);
            if (got > limits.max_bytes) {
                ::close(fd);
                too_big(file, got);
                return;
            }
        }
        text.resize(got);
        ::close(fd);
        out.push_back({file.string(), std::move(text)});
    };
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec && status.type() != fs::file_type::not_found) {
        fail(path.string(), "cannot read: " + ec.message());
    } else if (!fs::exists(status)) {
        fail(path.string(), "cannot read: no such file or directory");
    } else if (fs::is_directory(status)) {
        std::vector<fs::path> files;
        // Advanced with the error-code form, so a directory that fails part-way through listing
        // is a diagnostic rather than an exception.
        fs::directory_iterator it(path, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
            std::error_code kind;
            if (it->path().extension() == ".json" && it->is_regular_file(kind)) {
                files.push_back(it->path());
            }
        }
        if (ec) {
            fail(path.string(), "cannot read directory: " + ec.message());
        } else if (files.empty()) {
            fail(path.string(), "no *.json files in this directory");
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            read(file);
        }
    } else if (fs::is_regular_file(status)) {
        read(path);
    } else {
        fail(path.string(), "not a regular file or a directory");
    }
    return out;
}

MappedFile::MappedFile(MappedFile&& other) noexcept
    : data_(other.data_), size_(other.size_), span_(other.span_) {
    other.data_ = nullptr;
    other.size_ = 0;
    other.span_ = 0;
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(span_, other.span_);
    return *this;
}

MappedFile::~MappedFile() {
    if (data_ != nullptr) {
        ::munmap(const_cast<void*>(data_), span_);
    }
}

std::optional<MappedFile> MappedFile::map(const std::filesystem::path& path,
                                          std::uint64_t max_bytes,
                                          bool (*wanted)(std::string_view head),
                                          MappedReading reading) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        return std::nullopt;
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
        static_cast<std::uint64_t>(st.st_size) > max_bytes) {
        ::close(fd);
        return std::nullopt;
    }
    // The head is read first, so that a file not wanted (JSON, for a caller looking for a
    // compiled dataset) is not mapped and read ahead for nothing.
    char head[64];
    const ssize_t got = ::pread(fd, head, sizeof head, 0);
    if (got <= 0 || !wanted(std::string_view(head, static_cast<std::size_t>(got)))) {
        ::close(fd);
        return std::nullopt;
    }
    const auto size = static_cast<std::size_t>(st.st_size);
    int flags = MAP_PRIVATE;
#ifdef MAP_POPULATE
    if (reading == MappedReading::whole) {
        flags |= MAP_POPULATE;  // Linux: read ahead in one go, not a page fault at a time
    }
#endif
    // The bytes are followed by a NUL of our own, whatever happens to the file: its whole pages
    // are mapped, and the rest of it is read into a page of ours after them, zeros beyond.
    // (Mapping the last, partial page too would leave the NUL to the file: bytes appended
    // meanwhile show through past its end, and a parser scanning for the NUL reads on.)
    static const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const std::size_t whole = size / page * page;
    const std::size_t span = whole + page;
    char* const data = aligned_room(span);
    if (data == nullptr) {
        ::close(fd);
        return std::nullopt;
    }
    bool mapped =
        whole == 0 || ::mmap(data, whole, PROT_READ, flags | MAP_FIXED, fd, 0) != MAP_FAILED;
    for (std::size_t done = 0; mapped && done < size - whole;) {
        const ssize_t n =
            ::pread(fd, data + whole + done, size - whole - done, static_cast<off_t>(whole + done));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        mapped = n > 0;  // shrunk meanwhile, or unreadable: the caller reads it as a copy
        done += n > 0 ? static_cast<std::size_t>(n) : 0;
    }
    ::close(fd);  // the mapping keeps the file
    if (!mapped || ::mprotect(data + whole, page, PROT_READ) != 0) {
        ::munmap(data, span);
        return std::nullopt;
    }
    if (reading == MappedReading::in_place) {
        // A query reads scattered pages: reading ahead around each would read what it skips.
        ::madvise(data, whole, MADV_RANDOM);
    } else if (reading == MappedReading::sequential) {
        ::madvise(data, whole, MADV_SEQUENTIAL);
    }
    return MappedFile(data, size, span);
}

void MappedFile::release(std::size_t from, std::size_t to) const noexcept {
    to = std::min(to, size_);
    // Only whole pages: the mapping starts on a page boundary, so offsets round to pages. `to`
    // rounds down, so the last, partial page, which is ours (the file's tail, read in), is never
    // dropped: dropped, it would read as zeros. A private, read-only mapping of a file: dropped
    // pages are read again from the file when touched, never zero-filled.
    if (data_ != nullptr && from < to) {
        const char* bytes = static_cast<const char*>(data_);
        detail::drop_whole_pages(bytes + from, bytes + to);
    }
}

}  // namespace entente
