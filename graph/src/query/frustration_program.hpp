#pragma once
// The frustration index as a binary linear program (Aref, Mason and Wilson 2018, 2020), solved
// by COIN-OR CBC. Internal to the library: frustration() and camps() call it per component.

#include <cstddef>
#include <vector>

#include "entente/query/signed_graph.hpp"

namespace entente::detail {

/// The outcome of one integer program.
struct ProgramResult {
    std::vector<std::size_t> camp;  ///< Per vertex, in [0, camps): the best assignment found.
    double cost = 0;                ///< Its weighted frustration.
    double lower_bound = 0;         ///< Proven: no assignment costs less.
    bool optimal = false;           ///< The solver proved `cost` minimal.
    std::size_t nodes = 0;          ///< Branch-and-bound nodes the solver took.
    double root_bound = 0;          ///< The cycle relaxation's bound (two camps).
    std::size_t cuts = 0;           ///< Odd-cycle cuts it found.
};

/// Solves min sum of weights of frustrated edges over assignments of `vertices` vertices to
/// `camps` camps (2: the frustration index; more: generalised balance, Doreian and Mrvar 1996)
/// by CBC, started from `start` (per vertex, in [0, camps)). `weights` per edge (empty: all 1).
/// `seconds` > 0 bounds the solver's time; the result then holds the best found and the bound.
/// Two camps: the XOR model of Aref, Mason and Wilson (2020), one binary per vertex and one
/// continuous frustration variable per edge, strengthened by the triangle inequalities of the
/// cut polytope (Barahona and Mahjoub 1986) and by odd-cycle cuts separated at the root. K
/// camps: one binary per vertex and camp. Throws std::bad_alloc.
ProgramResult solve_frustration_program(const SignedGraph& graph,
                                        const std::vector<double>& weights,
                                        const std::vector<std::size_t>& start, std::size_t camps,
                                        double seconds);

}  // namespace entente::detail
