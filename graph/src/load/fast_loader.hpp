#pragma once
// Internal: the two loaders behind load_dataset.

#include <optional>
#include <vector>

#include "entente/load/loader.hpp"

namespace entente::detail {

/// Loads files that hold no error in one streaming pass each, warnings included. Returns nullopt
/// as soon as anything would need an error message; the thorough loader then reports it.
std::optional<LoadResult> fast_load(const std::vector<InputFile>& files,
                                    const LoadLimits& limits = {},
                                    const LoadProgress& progress = {});

/// The thorough loader: a DOM with positions, the JSON Schema record by record, every problem.
LoadResult thorough_load(const std::vector<InputFile>& files, const LoadLimits& limits = {});

}  // namespace entente::detail
