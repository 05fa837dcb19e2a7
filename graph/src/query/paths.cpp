#include "entente/query/paths.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "query/path_search.hpp"

namespace entente {

// The simple graph a path search walks: an arc u -> v when some allowed claim goes from u to v
// in an allowed direction, read straight from the claims indexed by their ends (sorted by the
// other end, so a vertex's neighbours come out in index order without a graph being built).
struct PathFinder::Walk {
    std::optional<ClaimIndex> owned;  // built from a KnowledgeGraph; absent for a mapped file
    PathData data;
    detail::WalkRules rules;
    struct Check : detail::EntryCheck {
        const PathData* data = nullptr;
        void check(std::span<const ClaimEnd> entries) const override {
            data->check_entries(entries);
        }
    } check;
    detail::ClaimWalk graph;
};

namespace {

using Walk = PathFinder::Walk;

// Which way each relation's claims may be followed: bit 1 from subject to object (the options
// allow the relation), bit 2 also back (undirected, or a symmetric relation).
detail::WalkRules walk_rules(const PathData& data, const PathOptions& options) {
    detail::WalkRules rules;
    rules.scope = data.scope;
    rules.ways.assign(data.relations.size(), 0);
    for (Index r = 0; r < rules.ways.size(); ++r) {
        const Relation& relation = data.relations[r];
        if ((options.positive_only && relation.polarity <= 0) ||
            (!options.relations.empty() &&
             std::find(options.relations.begin(), options.relations.end(), r) ==
                 options.relations.end())) {
            continue;
        }
        rules.ways[r] = !options.directed || relation.symmetric ? 3 : 1;
    }
    return rules;
}

void build_walk(Walk& walk, const PathOptions& options) {
    walk.rules = walk_rules(walk.data, options);
    walk.check.data = &walk.data;
    walk.graph.index = walk.data.claims;
    walk.graph.rules = &walk.rules;
    walk.graph.entry_check = walk.data.check_entries ? &walk.check : nullptr;
}

// Every allowed claim followed from `from` to `to`, in dataset order: the ends at `from` whose
// other end is `to` (a run in each list, which is sorted by the other end).
std::vector<Index> hop_claims(const Walk& walk, Index from, Index to) {
    std::vector<Index> out;
    auto take = [&](std::span<const ClaimEnd> ends, unsigned char way) {
        if (walk.graph.entry_check != nullptr) {
            walk.graph.entry_check->check(ends);
        }
        auto it = std::lower_bound(ends.begin(), ends.end(), to,
                                   [](const ClaimEnd& e, Index a) { return e.other < a; });
        for (; it != ends.end() && it->other == to; ++it) {
            if ((walk.rules.of(*it) & way) != 0) {
                out.push_back(it->claim);
            }
        }
    };
    take(walk.data.claims.subject_of(from), 1);
    take(walk.data.claims.object_of(from), 2);
    std::sort(out.begin(), out.end());
    return out;
}

// The shortest path the blocks allow (see path_search.hpp for which one among equals).
std::vector<Index> search(const Walk& walk, Index from, Index to,
                          const std::vector<char>& blocked_vertices,
                          const std::vector<std::pair<Index, Index>>& blocked_edges) {
    return detail::shortest_path(walk.graph, from, to, {&blocked_vertices, &blocked_edges});
}

Path make_path(const Walk& walk, const std::vector<Index>& actors) {
    Path path;
    path.actors = actors;
    path.sign = 1;
    for (std::size_t i = 0; i + 1 < actors.size(); ++i) {
        Hop hop;
        hop.from = actors[i];
        hop.to = actors[i + 1];
        hop.claims = hop_claims(walk, hop.from, hop.to);
        double net = 0.0;
        for (Index c : hop.claims) {
            net += walk.data.signed_weight(c);
        }
        hop.sign = net > 0 ? 1 : net < 0 ? -1 : 0;
        path.sign *= hop.sign;
        path.hops.push_back(std::move(hop));
    }
    return path;
}

}  // namespace

PathFinder::PathFinder(const KnowledgeGraph& graph, PathOptions options)
    : options_(std::move(options)), walk_(std::make_unique<Walk>()) {
    const Dataset& d = graph.data();
    walk_->owned.emplace(d);
    walk_->data.actors = d.actors;
    walk_->data.relations = d.relations;
    walk_->data.claims = walk_->owned->view();
    walk_->data.signed_weight = [&graph](Index c) {
        const Claim& claim = graph.claim(c);
        return graph.relation(claim.relation).polarity * claim.confidence * claim.weight;
    };
    build_walk(*walk_, options_);
}

PathFinder::PathFinder(PathData data, PathOptions options)
    : options_(std::move(options)), walk_(std::make_unique<Walk>()) {
    walk_->data = std::move(data);
    build_walk(*walk_, options_);
}

PathFinder::PathFinder(PathFinder&&) noexcept = default;
PathFinder::~PathFinder() = default;

std::vector<Path> shortest_paths(const KnowledgeGraph& kg, Index from, Index to,
                                 const PathOptions& options) {
    return PathFinder(kg, options).find(from, to);
}

std::vector<Path> PathFinder::find(Index from, Index to) const {
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
            ids.push_back(walk.data.actors[a].id);
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
            std::vector<char> blocked_vertices(walk.data.actors.size(), 0);
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
        out.push_back(make_path(walk, p));
    }
    return out;
}

}  // namespace entente
