#pragma once
// Internal: faults in the pages a loader is about to write, on another thread. A load writes
// its tables and texts into fresh memory front to back, and every first touch of a page makes
// the kernel find and zero one (at 10^6 claims, 240 MB: a fifth of the JSON load's time, all of
// it on the parsing thread). A second thread asking for those pages a few MiB ahead of the
// writer (madvise MADV_POPULATE_WRITE, Linux 5.14) moves that work to the other core, and so
// does mapping the file's next pages from the page cache (MADV_POPULATE_READ). It only
// ever asks for pages to be present: it neither reads nor writes the bytes, so the writer's
// data is never raced on, and a page it brings in early is one the writer would have taken.

#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <thread>

namespace entente::detail {

/// Keeps up to `ahead` bytes past each of a few writers' positions faulted in, while the writers
/// work. Each range is given as [begin, end) with progress() reporting how far its writer got;
/// the pages asked for stay resident (give the unused tail back once the writing is done).
/// Where the kernel lacks MADV_POPULATE_WRITE, or no thread can be started, it does nothing.
/// stop() (or the destructor) joins the thread: call it before any range is freed or moved.
class Prefaulter {
  public:
    /// How many ranges one prefaulter watches (the loader's: claims, texts, the file).
    static constexpr std::size_t max_ranges = 3;

    /// A prefaulter keeping `ahead` bytes (rounded down to pages) faulted in past each writer;
    /// no thread until start(). Throws nothing.
    explicit Prefaulter(std::size_t ahead) noexcept : ahead_(ahead) {}
    Prefaulter(const Prefaulter&) = delete;
    Prefaulter& operator=(const Prefaulter&) = delete;
    ~Prefaulter() { stop(); }

    /// Range `i` (below max_ranges) is [begin, end), written from `begin` on (or, with
    /// `read_only`, read: a mapped file's pages are brought in from the page cache, madvise
    /// MADV_POPULATE_READ). Call before start(). Throws nothing.
    void watch(std::size_t i, const void* begin, const void* end, bool read_only = false) noexcept {
        ranges_[i].read_only = read_only;
        ranges_[i].done = reinterpret_cast<std::uintptr_t>(begin);
        ranges_[i].end = reinterpret_cast<std::uintptr_t>(end);
        ranges_[i].written.store(ranges_[i].done, std::memory_order_relaxed);
    }

    /// Starts the thread. Throws nothing: without a thread the writers fault their own pages.
    void start() noexcept {
#ifdef MADV_POPULATE_WRITE
        try {
            thread_ = std::thread([this] { run(); });
        } catch (...) {
            // No thread: the load goes on as it would without one.
        }
#endif
    }

    /// The writer (or reader) of range `i` has got to `at`; pages before it are not asked for
    /// any more. Cheap (a lock and a wake-up): call it every few thousand records. Throws
    /// nothing.
    void progress(std::size_t i, const void* at) noexcept {
        ranges_[i].written.store(reinterpret_cast<std::uintptr_t>(at), std::memory_order_relaxed);
        {
            std::lock_guard<std::mutex> lock(mutex_);
            woken_ = true;
        }
        wake_.notify_one();
    }

    /// Stops and joins the thread. Throws nothing.
    void stop() noexcept {
        if (!thread_.joinable()) {
            return;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            stopping_ = true;
        }
        wake_.notify_one();
        thread_.join();
    }

    /// Bytes asked for so far, over every range. Throws nothing.
    std::size_t populated() const noexcept {
        return populated_.load(std::memory_order_relaxed);
    }

  private:
    struct Range {
        std::atomic<std::uintptr_t> written{0};
        std::uintptr_t done = 0;  // pages below are asked for (the thread's own)
        std::uintptr_t end = 0;
        bool read_only = false;
    };

    // Asks for each range's pages from its writer's position up to `ahead` past it. Never
    // behind the writer: a thread that fell behind would otherwise bring back the file's pages
    // the reader has already given back (Releaser), and they would stay. A range whose request
    // is refused (an old kernel, memory short, a mapping that cannot be populated) is left to
    // its writer from then on; the others go on.
    void populate() noexcept {
#ifdef MADV_POPULATE_WRITE
        static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
        for (Range& r : ranges_) {
            const std::uintptr_t at = r.written.load(std::memory_order_relaxed);
            const std::uintptr_t goal = std::min(r.end, at + ahead_) / page * page;
            const std::uintptr_t from = std::max(r.done, at) / page * page;
            if (goal > from) {
                if (::madvise(reinterpret_cast<void*>(from), goal - from,
                              r.read_only ? MADV_POPULATE_READ : MADV_POPULATE_WRITE) != 0) {
                    r.end = r.done;
                    continue;
                }
                populated_.fetch_add(goal - from, std::memory_order_relaxed);
                r.done = goal;
            }
        }
#endif
    }

    // The last report before stop() is always acted on; earlier ones are acted on if the thread
    // ran between them (the tests allow for either).
    void run() noexcept {
        for (;;) {
            populate();
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return woken_ || stopping_; });
            if (!woken_) {
                return;  // stopping, nothing reported since the last pass
            }
            woken_ = false;
        }
    }

    std::size_t ahead_;
    std::array<Range, max_ranges> ranges_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool woken_ = false;
    bool stopping_ = false;
    std::atomic<std::size_t> populated_{0};
    std::thread thread_;
};

}  // namespace entente::detail
