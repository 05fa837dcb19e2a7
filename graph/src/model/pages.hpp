#pragma once
// Internal: advice to the kernel about the pages under large tables and mappings (Linux madvise;
// elsewhere, where the advice is missing, nothing is done). Shared by the model's text arena
// and the loaders' tables and mapped files.
//
// The loaders' fresh tables are not offered for transparent huge pages (MADV_HUGEPAGE) any more.
// A huge page needs a free 2 MiB block, and in a virtual machine whose balloon reports free
// memory to the hypervisor (free page reporting, blocks of 2 MiB and up, after 2 s idle) such a
// block has been handed back, so its first touch costs a hypervisor fault per page; ordinary
// pages come first from the smaller free blocks, which are never reported. Measured on this
// project's VM, `entente stats` on 10^6 claims of JSON, 8 rounds of an idle 4 s then 3 runs,
// binaries rotated: the first run after the idle took 2.34 s with huge pages (2.45 s of it in
// the kernel) against 1.15 s without (0.32 s); the runs straight after, 1.50 s against 1.25 s
// (medians). With memory just freed by the previous run huge pages can still win (fastest run
// 0.88 s against 0.96 s), but a user rarely runs a command twice within two seconds.

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>

namespace entente::detail {

/// Gives back the whole pages inside [from, to) (madvise MADV_DONTNEED): a partial page at
/// either end is kept, since bytes outside the range may share it. Afterwards a page of
/// anonymous memory reads as zeros, a page of a private file mapping as the file's bytes (read
/// again, from the page cache as a rule); either way it stops counting in the process's
/// resident memory. Nothing for a range holding no whole page. Throws nothing.
inline void drop_whole_pages(const void* from, const void* to) noexcept {
#ifdef MADV_DONTNEED
    static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const std::uintptr_t first = (reinterpret_cast<std::uintptr_t>(from) + page - 1) / page * page;
    const std::uintptr_t end = reinterpret_cast<std::uintptr_t>(to) / page * page;
    if (from != nullptr && first < end) {
        static_cast<void>(::madvise(reinterpret_cast<void*>(first), end - first, MADV_DONTNEED));
    }
#else
    static_cast<void>(from);
    static_cast<void>(to);
#endif
}

}  // namespace entente::detail
