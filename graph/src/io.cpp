#include "entente/io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "entente/errors.hpp"

namespace entente {

namespace {

std::string describe(const std::filesystem::path& path, const std::string& what) {
    return path.string() + ": cannot " + what + ": " + std::strerror(errno);
}

// Writes one temporary file beside `path`; returns its name.
std::filesystem::path write_temporary(const std::filesystem::path& path, std::string_view bytes) {
    const auto dir = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
    std::string pattern = (dir / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        throw IoError(describe(path, "create a temporary file in " + dir.string()));
    }
    const std::filesystem::path temp = pattern;
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const std::string message = describe(path, "write");
            ::close(fd);
            ::unlink(temp.c_str());
            throw IoError(message);
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp makes the file private: give it the replaced file's mode, or the usual one.
    struct stat existing {};
    mode_t mode = 0;
    if (::stat(path.c_str(), &existing) == 0) {
        mode = existing.st_mode & 07777;
    } else {
        const mode_t mask = ::umask(0);
        ::umask(mask);
        mode = 0666 & ~mask;
    }
    ::fchmod(fd, mode);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string message = describe(path, "flush");
        ::unlink(temp.c_str());
        throw IoError(message);
    }
    return temp;
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    write_files_atomically({{path, std::string(bytes)}});
}

void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    std::vector<std::filesystem::path> temps;
    try {
        for (const auto& [path, bytes] : files) {
            temps.push_back(write_temporary(path, bytes));
        }
    } catch (...) {
        for (const auto& t : temps) {
            ::unlink(t.c_str());
        }
        throw;
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (::rename(temps[i].c_str(), files[i].first.c_str()) != 0) {
            const std::string message = describe(files[i].first, "replace");
            for (std::size_t j = i; j < temps.size(); ++j) {
                ::unlink(temps[j].c_str());
            }
            throw IoError(message);
        }
    }
}

}  // namespace entente
