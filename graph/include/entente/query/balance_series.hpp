#pragma once
/// @file Structural balance over time: the balance of each window of periods, and the actors
/// whose camp changed from one window to the next (Doreian and Mrvar 1996, 2009).

#include <optional>
#include <string>
#include <vector>

#include "entente/query/balance.hpp"
#include "entente/query/periods.hpp"
#include "entente/query/scenario.hpp"

namespace entente {

/// The balance of one window of time.
struct BalanceWindow {
    std::string label;     ///< Its periods' labels: "2019", or "2019–2021" for several.
    Date first;            ///< Its first day.
    Date last;             ///< Its last day.
    BalanceReport report;  ///< Balance of the claims holding at some time within it.
    /// Actors that changed camp since the previous window, by id: for each component, the
    /// camps are matched to the previous window's (the labelling agreeing with more actors),
    /// and an actor tied in both windows, in a component with at least one other such actor
    /// from its old component, changed when its camp does not match. Empty for the first.
    std::vector<Index> changed;
};

/// Balance window by window: the periods of `unit` from the one holding `from` to the one holding
/// `until` (each defaulting to the data's dated_span), cut into consecutive windows of `window`
/// periods (the last may be shorter); for each, the scenario `base` narrowed to the window
/// (from/until replaced; as_of, assumptions and without kept) applied to `graph`, its ties built
/// with `tie_options`, and balance() of `actors` (empty: every actor taking sides) with
/// `options`. Empty when the data has no dated claim and no bound is given. Costs one
/// apply_scenario and one balance() per window. Throws what apply_scenario and balance() throw;
/// std::invalid_argument when `window` is 0.
std::vector<BalanceWindow> balance_over_time(const KnowledgeGraph& graph, PeriodUnit unit,
                                             std::size_t window, const Scenario& base,
                                             const TieOptions& tie_options,
                                             const std::vector<Index>& actors,
                                             FrustrationOptions options = {});

}  // namespace entente
