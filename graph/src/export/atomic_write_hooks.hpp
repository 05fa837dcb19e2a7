#pragma once
// Internal: a hook for tests to stop a write at each of its steps, as a kill or a failure would.

#include <functional>
#include <string_view>

namespace entente::detail {

/// Called at each step of write_files_atomically with the step's name ("written", "named 0",
/// "kept 0", "replaced 0", ...). Empty (the default) in production. A test may throw from it
/// (an error at that step) or end the process there (a kill). Not thread-safe to set.
extern std::function<void(std::string_view)> atomic_write_step;

}  // namespace entente::detail
