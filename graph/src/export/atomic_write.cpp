#include "entente/export/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

#include <dirent.h>
#include <signal.h>

#include "entente/model/errors.hpp"
#include "export/atomic_write_hooks.hpp"

namespace entente {

namespace detail {
std::function<void(std::string_view)> atomic_write_step;
}  // namespace detail

namespace {

void step(const std::string& name) {
    if (detail::atomic_write_step) {
        detail::atomic_write_step(name);
    }
}

std::string describe(const std::filesystem::path& path, const std::string& what, int error) {
    return path.string() + ": cannot " + what + ": " + std::strerror(error);
}

// The process's umask, read without changing it: Linux (4.7 on) shows it in /proc/self/status.
// Setting and restoring it would leave another thread a window with the wrong mask.
mode_t current_umask() {
    if (std::FILE* status = std::fopen("/proc/self/status", "re")) {
        char line[256];
        unsigned mask = 0;
        bool found = false;
        while (!found && std::fgets(line, sizeof line, status) != nullptr) {
            found = std::sscanf(line, "Umask: %o", &mask) == 1;
        }
        std::fclose(status);
        if (found) {
            return static_cast<mode_t>(mask);
        }
    }
    const mode_t mask = ::umask(0);
    ::umask(mask);
    return mask;
}

std::filesystem::path directory_of(const std::filesystem::path& path) {
    return path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
}

// A file being written beside its target. Linux's O_TMPFILE makes it nameless until it is
// complete, so a process killed mid-write leaves nothing behind; elsewhere (or on a file system
// without it) it is a named temporary from the start, removed on every error we see.
struct Temporary {
    int fd = -1;
    std::filesystem::path name;  // empty while nameless
};

void discard(Temporary& t) {
    if (t.fd >= 0) {
        ::close(t.fd);
        t.fd = -1;
    }
    if (!t.name.empty()) {
        ::unlink(t.name.c_str());
        t.name.clear();
    }
}

std::string temporary_pattern(const std::filesystem::path& path) {
    return (directory_of(path) / ("." + path.filename().string() + ".tmp-XXXXXX")).string();
}

Temporary open_temporary(const std::filesystem::path& path) {
    const auto dir = directory_of(path);
    Temporary t;
#ifdef O_TMPFILE
    // Naming it later goes through /proc/self/fd, so without /proc it is named from the start.
    if (::access("/proc/self/fd", X_OK) == 0) {
        t.fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
        if (t.fd >= 0) {
            return t;
        }
        if (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL) {
            throw IoError(describe(path, "create a temporary file in " + dir.string(), errno));
        }
    }
#endif
    std::string pattern = temporary_pattern(path);
    t.fd = ::mkstemp(pattern.data());
    if (t.fd < 0) {
        throw IoError(describe(path, "create a temporary file in " + dir.string(), errno));
    }
    t.name = pattern;
    return t;
}

// Writes one temporary file beside `path`, flushed to disk, with the mode the target has (or
// would get from a plain create).
Temporary write_temporary(const std::filesystem::path& path, std::string_view bytes) {
    Temporary t = open_temporary(path);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(t.fd, bytes.data() + written, bytes.size() - written);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            // A full disk can show as a short write of 0 bytes with errno left alone.
            const std::string message = describe(path, "write", n < 0 ? errno : ENOSPC);
            discard(t);
            throw IoError(message);
        }
        written += static_cast<std::size_t>(n);
    }
    struct stat existing {};
    mode_t mode = 0;
    if (::stat(path.c_str(), &existing) == 0) {
        mode = existing.st_mode & 07777;
    } else {
        mode = 0666 & ~current_umask();
    }
    ::fchmod(t.fd, mode);
    if (::fsync(t.fd) != 0) {
        const std::string message = describe(path, "flush", errno);
        discard(t);
        throw IoError(message);
    }
    return t;
}

// Gives a nameless temporary a name beside `path`, ready to be renamed into place.
void name_temporary(Temporary& t, const std::filesystem::path& path) {
    if (!t.name.empty()) {
        return;
    }
    static std::atomic<unsigned> counter{0};
    const std::string proc = "/proc/self/fd/" + std::to_string(t.fd);
    for (int attempt = 0;; ++attempt) {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        std::string name = temporary_pattern(path);
        name.resize(name.size() - 6);
        name += std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
                std::to_string(stamp % 1000000);
        if (::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, name.c_str(), AT_SYMLINK_FOLLOW) == 0) {
            t.name = name;
            return;
        }
        if (errno != EEXIST || attempt == 100) {
            throw IoError(describe(path, "name the temporary file", errno));
        }
    }
}

// The names this code gives files beside `path`: ".NAME.tmp-PID-..." (a temporary being
// renamed into place) and ".NAME.old-PID-..." (the file being replaced, kept until every file of
// the set is in place). A process killed between naming and renaming leaves them behind; the
// next write of the same file removes those of processes that no longer run.
void remove_stale(const std::filesystem::path& path) {
    const auto dir = directory_of(path);
    const std::string prefix = "." + path.filename().string() + ".";
    DIR* d = ::opendir(dir.c_str());
    if (d == nullptr) {
        return;  // the write itself will say what is wrong with the directory
    }
    std::vector<std::string> stale;
    while (const dirent* entry = ::readdir(d)) {
        const std::string name = entry->d_name;
        if (name.compare(0, prefix.size(), prefix) != 0) {
            continue;
        }
        std::string rest = name.substr(prefix.size());
        if (rest.compare(0, 4, "tmp-") != 0 && rest.compare(0, 4, "old-") != 0) {
            continue;
        }
        rest = rest.substr(4);
        const auto dash = rest.find('-');
        if (dash == std::string::npos || dash == 0) {
            continue;
        }
        const std::string pid_text = rest.substr(0, dash);
        if (pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) {
            continue;
        }
        const auto pid = static_cast<pid_t>(std::stol(pid_text));
        if (pid != ::getpid() && ::kill(pid, 0) != 0 && errno == ESRCH) {
            stale.push_back(name);
        }
    }
    ::closedir(d);
    for (const auto& name : stale) {
        ::unlink((dir / name).c_str());
    }
}

// A name beside `path` no other file has yet: ".NAME.KIND-PID-COUNTER-STAMP".
std::string side_name(const std::filesystem::path& path, const char* kind, unsigned attempt) {
    static std::atomic<unsigned> counter{0};
    const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    return (directory_of(path) /
            ("." + path.filename().string() + "." + kind + "-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter++) + "-" + std::to_string((stamp + attempt) % 1000000)))
        .string();
}

// Keeps the file at `path` (if any) under a second name, a hard link, so that it can be put back
// if a later file of the set cannot be renamed into place. Empty when there is no file to keep.
std::string keep_old(const std::filesystem::path& path) {
    struct stat existing {};
    if (::lstat(path.c_str(), &existing) != 0 || S_ISDIR(existing.st_mode)) {
        return "";  // nothing to keep (a directory cannot be replaced: rename says so)
    }
    for (unsigned attempt = 0;; ++attempt) {
        std::string name = side_name(path, "old", attempt);
        // Flags 0: a symbolic link is kept as the link itself, not the file it points to.
        if (::linkat(AT_FDCWD, path.c_str(), AT_FDCWD, name.c_str(), 0) == 0) {
            return name;
        }
        if (errno != EEXIST || attempt == 100) {
            throw IoError(describe(path, "keep the old file while replacing it", errno));
        }
    }
}

}  // namespace

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes) {
    write_files_atomically({{path, std::string(bytes)}});
}

void write_files_atomically(
    const std::vector<std::pair<std::filesystem::path, std::string>>& files) {
    for (const auto& file : files) {
        remove_stale(file.first);
    }
    std::vector<Temporary> temps;
    std::vector<std::string> kept(files.size());
    auto discard_all = [&] {
        for (auto& t : temps) {
            discard(t);
        }
        for (const auto& k : kept) {
            if (!k.empty()) {
                ::unlink(k.c_str());
            }
        }
    };
    try {
        for (const auto& [path, bytes] : files) {
            temps.push_back(write_temporary(path, bytes));
        }
        step("written");
        for (std::size_t i = 0; i < files.size(); ++i) {
            name_temporary(temps[i], files[i].first);
            step("named " + std::to_string(i));
        }
        if (files.size() > 1) {
            for (std::size_t i = 0; i < files.size(); ++i) {
                kept[i] = keep_old(files[i].first);
                step("kept " + std::to_string(i));
            }
        }
    } catch (...) {
        discard_all();
        throw;
    }
    std::size_t in_place = 0;  // files renamed into place so far
    std::string failure;
    try {
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (::rename(temps[i].name.c_str(), files[i].first.c_str()) != 0) {
                failure = describe(files[i].first, "replace", errno);
                break;
            }
            temps[i].name.clear();  // renamed: nothing to remove any more
            in_place = i + 1;
            step("replaced " + std::to_string(i));
        }
    } catch (const IoError& e) {
        failure = e.what();
    }
    if (!failure.empty()) {
        // Put back the files already replaced, so that the set stays as it was.
        for (std::size_t j = 0; j < in_place; ++j) {
            if (!kept[j].empty()) {
                ::rename(kept[j].c_str(), files[j].first.c_str());
                kept[j].clear();
            } else {
                ::unlink(files[j].first.c_str());
            }
        }
        discard_all();
        throw IoError(failure);
    }
    for (auto& t : temps) {
        ::close(t.fd);  // flushed already: a late error here cannot lose data
        t.fd = -1;
    }
    for (const auto& k : kept) {
        if (!k.empty()) {
            ::unlink(k.c_str());
        }
    }
}

}  // namespace entente
