#pragma once
/// @file Calendar periods (years, quarters, months) for answers given period by period.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "entente/model/knowledge_graph.hpp"

namespace entente {

/// The length of the periods a series is cut into.
enum class PeriodUnit { year, quarter, month };

/// Parses "year", "quarter" or "month"; nullopt for anything else. Throws nothing.
std::optional<PeriodUnit> parse_period_unit(std::string_view text);

/// One period of a series: its first and last day, and its label ("2019", "2019-Q2",
/// "2019-05").
struct Period {
    Date first;         ///< Its first day (a full date).
    Date last;          ///< Its last day (a full date).
    std::string label;  ///< How tables, JSON and CSV name it.
};

/// The consecutive periods of `unit` from the one holding the first day of `from` to the one
/// holding the last day of `until`, in order; empty when `from` is after `until`. Throws
/// std::bad_alloc. O(number of periods).
std::vector<Period> periods_between(const Date& from, const Date& until, PeriodUnit unit);

/// The first and last days the data's dated claims hold (holding() in scenario.hpp: a claim
/// without dates counts from its source's date), over every claim with a date of its own or
/// from its source; nullopt when no claim has one. Claims open on one side count by their one
/// bound. Throws nothing. O(claims).
std::optional<std::pair<Date, Date>> dated_span(const KnowledgeGraph& graph);

}  // namespace entente
