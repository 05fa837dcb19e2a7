#pragma once
// Internal: how export formats write numbers and lists.

#include <string>
#include <vector>

namespace entente::detail {

/// The shortest decimal form that reads back as the same double ("0.8", "1").
std::string shortest_number(double value);

/// The items joined with `separator`.
std::string joined(const std::vector<std::string>& items, const std::string& separator);

}  // namespace entente::detail
