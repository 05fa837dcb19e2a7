#pragma once
// Internal: one piece of a load's work run on another thread while the loading thread does
// another. After the parse, the rules over the whole dataset take a fifth of a big JSON load,
// on one core while the other (the Prefaulter's during the parse) is idle; the warnings read
// only fields the other rules never write (rules.hpp), so the two halves run side by side.

#include <exception>
#include <functional>
#include <thread>
#include <utility>

namespace entente::detail {

/// Runs `work` on a thread of its own from construction until join(), which rethrows what
/// `work` threw. Where no thread can be started, `work` runs in join() on the caller's thread,
/// with the same result. The destructor joins too (dropping an exception no one asked for), so
/// an exception on the caller's side never leaves the thread running over data being unwound.
class BackgroundTask {
  public:
    /// Starts `work` (no arguments, no result: it writes what it finds where it was told).
    /// Throws nothing.
    explicit BackgroundTask(std::function<void()> work) noexcept : work_(std::move(work)) {
        try {
            thread_ = std::thread([this] {
                try {
                    work_();
                } catch (...) {
                    error_ = std::current_exception();
                }
            });
        } catch (...) {
            // No thread (std::system_error, or no memory for one): join() does the work.
        }
    }
    BackgroundTask(const BackgroundTask&) = delete;
    BackgroundTask& operator=(const BackgroundTask&) = delete;
    ~BackgroundTask() {
        if (thread_.joinable()) {
            thread_.join();
        }
    }

    /// Waits for `work` (or does it, if it had no thread) and rethrows what it threw. Call once.
    /// Returns whether it ran on a thread of its own.
    bool join() {
        const bool concurrent = thread_.joinable();
        if (concurrent) {
            thread_.join();
        } else {
            work_();
        }
        if (error_) {
            std::rethrow_exception(std::exchange(error_, nullptr));
        }
        return concurrent;
    }

  private:
    std::function<void()> work_;
    std::exception_ptr error_;
    std::thread thread_;  // last: started once the members it uses are
};

}  // namespace entente::detail
