#pragma once
// Internal: asking the kernel for transparent huge pages under a large table a loader fills.

#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

namespace entente::detail {

/// Asks that the whole 2 MiB pages inside [data, data + bytes) be backed by transparent huge
/// pages (madvise MADV_HUGEPAGE, Linux): a table of 10^6 claims (112 MB) written front to back
/// then takes about 56 page faults instead of 27,000: at 10^6 claims, 8% less time for a JSON
/// load (3.26 s to 2.99 s, user + system, medians of 5) for 3 MB more at its peak (1%). Pages
/// never written still take no memory; the one being written takes up to 2 MiB. Nothing where
/// the kernel has transparent huge pages off, or for a range holding no whole 2 MiB page.
/// Throws nothing.
inline void advise_huge_pages(const void* data, std::size_t bytes) noexcept {
    constexpr std::uintptr_t huge = std::uintptr_t{1} << 21;
    const auto start = reinterpret_cast<std::uintptr_t>(data);
    const std::uintptr_t first = (start + huge - 1) & ~(huge - 1);
    const std::uintptr_t end = (start + bytes) & ~(huge - 1);
    if (first < end) {
        // Advice only: where it is refused, the table is built on ordinary pages.
        static_cast<void>(::madvise(reinterpret_cast<void*>(first), end - first, MADV_HUGEPAGE));
    }
}

}  // namespace entente::detail
