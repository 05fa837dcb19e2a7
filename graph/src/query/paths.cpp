#include "entente/query/paths.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "query/path_search.hpp"

namespace entente {

// The simple graph a path search walks: one arc per ordered pair of actors that some allowed
// claim joins in the allowed direction. The claims behind an arc are not stored: a hop's are
// read back from the knowledge graph's edges at the actor it leaves, so building the walk allocates
// nothing per claim (a map from actor pairs to claims cost more than the load at 10^6 claims).
struct PathFinder::Walk {
    std::unique_ptr<detail::SearchGraph> graph;
    std::vector<unsigned char> ways;  // per claim: see claim_ways
};

namespace {

using Walk = PathFinder::Walk;

// Which way each claim may be followed: bit 1 from subject to object (the options allow the
// claim), bit 2 also back (undirected, or a symmetric relation). Read once, in claim order, so
// that walking the edge lists touches one byte a claim rather than the claim's record at random.
std::vector<unsigned char> claim_ways(const KnowledgeGraph& kg, const PathOptions& options) {
    std::vector<unsigned char> ways(kg.data().claims.size(), 0);
    for (Index c = 0; c < ways.size(); ++c) {
        const Index relation = kg.claim(c).relation;
        const Relation& r = kg.relation(relation);
        if ((options.positive_only && r.polarity <= 0) ||
            (!options.relations.empty() &&
             std::find(options.relations.begin(), options.relations.end(), relation) ==
                 options.relations.end())) {
            continue;
        }
        ways[c] = !options.directed || r.symmetric ? 3 : 1;
    }
    return ways;
}

// Calls visit(neighbour, claim) for every allowed claim followed out of `actor`: along its
// out-edges, and against its in-edges where the claim goes both ways.
template <typename Visit>
void each_step(const Graph& g, const std::vector<unsigned char>& ways, Index actor, Visit visit) {
    for (auto [it, end] = boost::out_edges(actor, g); it != end; ++it) {
        if (const Index c = g[*it].claim; (ways[c] & 1) != 0) {
            visit(static_cast<Index>(boost::target(*it, g)), c);
        }
    }
    for (auto [it, end] = boost::in_edges(actor, g); it != end; ++it) {
        if (const Index c = g[*it].claim; (ways[c] & 2) != 0) {
            visit(static_cast<Index>(boost::source(*it, g)), c);
        }
    }
}

void build_walk(Walk& walk, const KnowledgeGraph& kg, const PathOptions& options) {
    walk.ways = claim_ways(kg, options);
    // Arcs in (from, to) order: searches meet neighbours in actor-index order, so the paths
    // found do not depend on the order of the claims.
    std::vector<std::pair<Index, Index>> arcs;
    std::vector<Index> next;
    const auto actors = static_cast<Index>(kg.data().actors.size());
    for (Index a = 0; a < actors; ++a) {
        next.clear();
        each_step(kg.graph(), walk.ways, a, [&](Index to, Index) { next.push_back(to); });
        std::sort(next.begin(), next.end());
        next.erase(std::unique(next.begin(), next.end()), next.end());
        for (Index to : next) {
            arcs.emplace_back(a, to);
        }
    }
    walk.graph = std::make_unique<detail::SearchGraph>(kg.data().actors.size(), arcs);
}

// Every allowed claim followed from `from` to `to`, in dataset order.
std::vector<Index> hop_claims(const KnowledgeGraph& kg, const Walk& walk, Index from, Index to) {
    std::vector<Index> out;
    each_step(kg.graph(), walk.ways, from, [&](Index next, Index c) {
        if (next == to) {
            out.push_back(c);
        }
    });
    std::sort(out.begin(), out.end());
    return out;
}

// The shortest path the blocks allow (see path_search.hpp for which one among equals).
std::vector<Index> search(const Walk& walk, Index from, Index to,
                          const std::vector<char>& blocked_vertices,
                          const std::vector<std::pair<Index, Index>>& blocked_edges) {
    return detail::shortest_path(*walk.graph, from, to, {&blocked_vertices, &blocked_edges});
}

Path make_path(const KnowledgeGraph& kg, const Walk& walk, const std::vector<Index>& actors) {
    Path path;
    path.actors = actors;
    path.sign = 1;
    for (std::size_t i = 0; i + 1 < actors.size(); ++i) {
        Hop hop;
        hop.from = actors[i];
        hop.to = actors[i + 1];
        hop.claims = hop_claims(kg, walk, hop.from, hop.to);
        double net = 0.0;
        for (Index c : hop.claims) {
            const Claim& claim = kg.claim(c);
            net += kg.relation(claim.relation).polarity * claim.confidence * claim.weight;
        }
        hop.sign = net > 0 ? 1 : net < 0 ? -1 : 0;
        path.sign *= hop.sign;
        path.hops.push_back(std::move(hop));
    }
    return path;
}

}  // namespace

PathFinder::PathFinder(const KnowledgeGraph& graph, PathOptions options)
    : graph_(&graph), options_(std::move(options)), walk_(std::make_unique<Walk>()) {
    build_walk(*walk_, graph, options_);
}

PathFinder::PathFinder(PathFinder&&) noexcept = default;
PathFinder::~PathFinder() = default;

std::vector<Path> shortest_paths(const KnowledgeGraph& kg, Index from, Index to,
                                 const PathOptions& options) {
    return PathFinder(kg, options).find(from, to);
}

std::vector<Path> PathFinder::find(Index from, Index to) const {
    const KnowledgeGraph& kg = *graph_;
    const PathOptions& options = options_;
    const Walk& walk = *walk_;
    std::vector<Path> out;
    if (from == to || options.k == 0) {
        return out;
    }
    auto too_long = [&](const std::vector<Index>& p) {
        return options.max_hops != 0 && p.size() - 1 > options.max_hops;
    };
    const std::vector<char> no_vertices;
    const std::vector<std::pair<Index, Index>> no_edges;
    std::vector<std::vector<Index>> found;
    std::vector<Index> first = search(walk, from, to, no_vertices, no_edges);
    if (first.empty() || too_long(first)) {
        return out;
    }
    found.push_back(first);
    // Candidates ordered by length, then by the actors' ids, for a deterministic answer.
    auto key = [&](const std::vector<Index>& p) {
        std::vector<std::string> ids;
        for (Index a : p) {
            ids.push_back(kg.actor(a).id);
        }
        return std::pair{p.size(), ids};
    };
    std::map<std::pair<std::size_t, std::vector<std::string>>, std::vector<Index>> candidates;
    while (found.size() < options.k) {
        const auto& last = found.back();
        for (std::size_t i = 0; i + 1 < last.size(); ++i) {
            const Index spur = last[i];
            const std::vector<Index> root(last.begin(), last.begin() + static_cast<long>(i) + 1);
            std::vector<std::pair<Index, Index>> blocked_edges;
            for (const auto& p : found) {
                if (p.size() > i + 1 && std::equal(root.begin(), root.end(), p.begin())) {
                    blocked_edges.emplace_back(p[i], p[i + 1]);
                }
            }
            std::vector<char> blocked_vertices(kg.data().actors.size(), 0);
            for (auto it = root.begin(); it + 1 < root.end(); ++it) {
                blocked_vertices[*it] = 1;
            }
            const auto spur_path = search(walk, spur, to, blocked_vertices, blocked_edges);
            if (spur_path.empty()) {
                continue;
            }
            std::vector<Index> total(root.begin(), root.end() - 1);
            total.insert(total.end(), spur_path.begin(), spur_path.end());
            if (!too_long(total) && std::find(found.begin(), found.end(), total) == found.end()) {
                candidates.emplace(key(total), total);
            }
        }
        if (candidates.empty()) {
            break;
        }
        found.push_back(candidates.begin()->second);
        candidates.erase(candidates.begin());
    }
    for (const auto& p : found) {
        out.push_back(make_path(kg, walk, p));
    }
    return out;
}

}  // namespace entente
