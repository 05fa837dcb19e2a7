#include "entente/draw/diagram.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>

namespace entente {

namespace {

// The id of a drawn tie between two actors: ids are slugs, which never hold "--", so joining
// with it cannot make two pairs one id (with "-", actors a, b-c and a-b, c both gave
// "tie-a-b-c").
std::string tie_id(const char* prefix, const std::string& a, const std::string& b) {
    return prefix + a + "--" + b;
}

std::string two_decimals(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%+.2f", value);
    return buffer;
}

// Collects nodes once each, in the order they are first needed.
class Builder {
  public:
    explicit Builder(const KnowledgeGraph& kg, std::string title) : kg_(kg) {
        diagram_.title = std::move(title);
    }
    void node(Index actor, bool emphasized = false, const std::string& cluster = "",
              bool contested = false) {
        const auto it = index_.find(actor);
        if (it != index_.end()) {
            diagram_.nodes[it->second].emphasized |= emphasized;
            diagram_.nodes[it->second].contested |= contested;
            if (!cluster.empty()) {
                diagram_.nodes[it->second].cluster = cluster;
            }
            return;
        }
        const Actor& a = kg_.actor(actor);
        DiagramNode n;
        n.name = a.id;
        n.id = "actor-" + a.id;
        n.label = a.name;
        n.kind = a.kind;
        n.tooltip = a.name + " (" + std::string(to_string(a.kind)) + ")";
        if (!a.aliases.empty()) {
            n.tooltip += "; also ";
            for (std::size_t i = 0; i < a.aliases.size(); ++i) {
                n.tooltip += (i == 0 ? "" : ", ") + a.aliases[i];
            }
        }
        if (a.holder != no_index) {
            n.tooltip += "; held by " + kg_.actor(a.holder).name;
        }
        if (!a.note.empty()) {
            n.tooltip += "\n" + a.note;
        }
        n.emphasized = emphasized;
        n.contested = contested;
        n.cluster = cluster;
        index_.emplace(actor, diagram_.nodes.size());
        diagram_.nodes.push_back(std::move(n));
    }
    // A claim as an edge from subject to object; each claim at most once.
    void claim(Index claim, bool highlighted = false) {
        if (!claims_.insert(claim).second) {
            return;
        }
        const Claim& c = kg_.claim(claim);
        const Relation& r = kg_.relation(c.relation);
        node(c.subject);
        node(c.object);
        DiagramEdge e;
        e.tail = kg_.actor(c.subject).id;
        e.head = kg_.actor(c.object).id;
        e.id = "claim-" + c.id;
        e.label = r.label;
        e.polarity = r.polarity;
        e.confidence = c.confidence;
        weigh(e, c);
        e.directed = !r.symmetric;
        e.hypothetical = c.hypothetical;
        e.highlighted = highlighted;
        e.tooltip = claim_tooltip(kg_, claim);
        diagram_.edges.push_back(std::move(e));
    }
    // A derived contribution: the claim on a position, drawn toward the position's holder.
    void derived(Index claim) {
        const Claim& c = kg_.claim(claim);
        const Index holder = kg_.actor(c.object).holder;
        const std::string id = "derived-" + c.id;
        if (holder == no_index || !derived_.insert(claim).second) {
            return;
        }
        node(c.subject);
        node(holder);
        DiagramEdge e;
        e.tail = kg_.actor(c.subject).id;
        e.head = kg_.actor(holder).id;
        e.id = id;
        e.label = kg_.relation(c.relation).label + " (via " + kg_.actor(c.object).name + ")";
        e.polarity = kg_.relation(c.relation).polarity;
        e.confidence = c.confidence / 2;
        weigh(e, c);
        e.derived = true;
        e.hypothetical = c.hypothetical;
        e.tooltip = "derived at half weight from " + claim_tooltip(kg_, claim);
        diagram_.edges.push_back(std::move(e));
    }
    // A tie as one edge: its value as label, its claims in the tooltip; one line per pair keeps
    // a drawing of many claims readable on a slide.
    void tie_edge(const Tie& tie) {
        node(tie.actor);
        node(tie.object);
        const bool to_position = kg_.actor(tie.object).kind == ActorKind::position;
        DiagramEdge e;
        e.tail = kg_.actor(tie.actor).id;
        e.head = kg_.actor(tie.object).id;
        e.id = tie_id("tie-", e.tail, e.head);
        e.label = two_decimals(tie.value);
        e.polarity = tie.sign();
        e.confidence = std::min(1.0, std::abs(tie.value));
        e.directed = to_position;
        e.derived = tie.derived_only();
        e.tooltip = "tie " + two_decimals(tie.value) + " of " + kg_.actor(tie.actor).name + " to " +
                    kg_.actor(tie.object).name;
        for (const auto& ev : tie.evidence) {
            e.hypothetical = e.hypothetical || kg_.claim(ev.claim).hypothetical;
            e.tooltip += "\n\n" + std::string(ev.derived ? "(derived, half weight) " : "") +
                         claim_tooltip(kg_, ev.claim);
        }
        diagram_.edges.push_back(std::move(e));
    }
    void evidence(const Tie* tie) {
        if (tie == nullptr) {
            return;
        }
        for (const auto& e : tie->evidence) {
            e.derived ? derived(e.claim) : claim(e.claim);
        }
    }
    // Width by weight: when a drawn claim carries a weight other than 1, claim edges are drawn
    // by confidence x weight relative to the heaviest drawn claim; otherwise by confidence alone,
    // as before weights existed.
    Diagram& diagram() {
        if (!weighted_.empty() && !scaled_) {
            double heaviest = 0;
            for (std::size_t i : weighted_) {
                heaviest = std::max(heaviest, diagram_.edges[i].confidence);
            }
            for (std::size_t i : weighted_) {
                diagram_.edges[i].confidence =
                    heaviest > 0 ? diagram_.edges[i].confidence / heaviest : 0.0;
            }
            scaled_ = true;
        }
        return diagram_;
    }

  private:
    void weigh(DiagramEdge& e, const Claim& c) {
        claim_edges_.push_back(diagram_.edges.size());
        e.confidence *= c.weight;
        if (c.weight != 1.0 && weighted_.empty()) {
            weighted_ = claim_edges_;  // from now on every claim edge is rescaled
        } else if (!weighted_.empty()) {
            weighted_.push_back(diagram_.edges.size());
        }
    }
    std::vector<std::size_t> claim_edges_;
    std::vector<std::size_t> weighted_;
    bool scaled_ = false;
    const KnowledgeGraph& kg_;
    Diagram diagram_;
    std::map<Index, std::size_t> index_;
    std::set<Index> claims_;
    std::set<Index> derived_;
};

}  // namespace

std::string claim_tooltip(const KnowledgeGraph& kg, Index claim) {
    const Claim& c = kg.claim(claim);
    std::string out = c.id + ": " + claim_sentence(kg, c);
    if (c.hypothetical) {
        out += " [hypothetical]";
    }
    if (!c.quote.empty()) {
        out += "\n\u201c" + c.quote + "\u201d";
    }
    out += "\nasserted by " + (c.asserted_by_actor != no_index ? kg.actor(c.asserted_by_actor).name
                                                               : c.asserted_by.str());
    out += "\nsource: " + source_citation(kg.source(c.source));
    char confidence[32];
    std::snprintf(confidence, sizeof confidence, "%g", c.confidence);
    out += "\nconfidence " + std::string(confidence);
    if (c.weight != 1.0) {
        std::snprintf(confidence, sizeof confidence, "%g", c.weight);
        out += ", weight " + std::string(confidence);
    }
    if (c.from || c.until) {
        out += ", holds " + (c.from ? "from " + c.from->to_string() : std::string()) +
               (c.from && c.until ? " " : "") +
               (c.until ? "until " + c.until->to_string() : std::string());
    }
    return out;
}

Diagram claims_diagram(const KnowledgeGraph& kg, const std::vector<Index>& actors,
                       const std::vector<Index>& claims, const std::string& title,
                       const std::vector<Index>& emphasized) {
    Builder b(kg, title);
    for (Index a : emphasized) {
        b.node(a, true);
    }
    for (Index a : actors) {
        b.node(a);
    }
    for (Index c : claims) {
        b.claim(c);
    }
    return std::move(b.diagram());
}

Diagram alignment_diagram(const KnowledgeGraph& kg, const Alignment& al) {
    std::string title = "Alignment of " + kg.actor(al.a).name + " and " + kg.actor(al.b).name;
    if (al.alignment) {
        title += ": " + two_decimals(*al.alignment);
    }
    Builder b(kg, title);
    b.diagram().contested_meaning = "taken on opposite sides";
    b.node(al.a, true);
    b.node(al.b, true);
    if (al.direct != nullptr) {
        b.tie_edge(*al.direct);
    }
    for (const auto& s : al.shared_objects) {
        // Objects they take opposite sides on stand out.
        b.node(s.object, false, "", s.tie_a->sign() != s.tie_b->sign());
        b.tie_edge(*s.tie_a);
        b.tie_edge(*s.tie_b);
    }
    return std::move(b.diagram());
}

namespace {

DiagramEdge score_edge(const KnowledgeGraph& kg, Index x, Index y, double score,
                       std::size_t objects, const std::string& measure, std::size_t min_shared,
                       const std::vector<Index>* claims) {
    DiagramEdge e;
    e.tail = kg.actor(x).id;
    e.head = kg.actor(y).id;
    e.id = tie_id("score-", e.tail, e.head);
    e.label = two_decimals(score) + " (n=" + std::to_string(objects) + ")";
    e.polarity = score > 0 ? 1 : score < 0 ? -1 : 0;
    e.confidence = std::min(1.0, std::abs(score));
    e.directed = false;
    e.faint = objects < min_shared;
    e.tooltip = score_tooltip(kg, x, y, score, objects, measure, min_shared, claims);
    return e;
}

// The claims behind the score of x and y, from a fresh alignment of the two (no intervals: only
// the objects and their ties are read).
std::vector<Index> claims_of_pair(const TieTable& ties, Index x, Index y,
                                  const std::string& measure, StanceSet over) {
    AlignOptions options;
    options.over = over;
    options.intervals = false;
    return score_claims(align(ties, x, y, options),
                        parse_alignment_measure(measure).value_or(AlignmentMeasure::alignment));
}

}  // namespace

std::vector<Index> score_claims(const Alignment& al, AlignmentMeasure measure) {
    std::vector<Index> out;
    std::set<Index> seen;
    auto add = [&](const Tie* tie) {
        if (tie == nullptr) {
            return;
        }
        for (const auto& ev : tie->evidence) {
            if (seen.insert(ev.claim).second) {
                out.push_back(ev.claim);
            }
        }
    };
    if (measure == AlignmentMeasure::alignment || measure == AlignmentMeasure::agreement) {
        if (measure == AlignmentMeasure::alignment) {
            add(al.direct);
        }
        for (const auto& s : al.shared_objects) {
            add(s.tie_a);
            add(s.tie_b);
        }
    } else {
        for (const auto& c : al.compared_objects) {
            add(c.tie_a);
            add(c.tie_b);
        }
    }
    return out;
}

std::string score_tooltip(const KnowledgeGraph& kg, Index x, Index y, double score,
                          std::size_t objects, const std::string& measure, std::size_t min_shared,
                          const std::vector<Index>* claims) {
    const std::string command = "entente align " + kg.actor(x).id + " " + kg.actor(y).id;
    std::string out = measure + " of " + kg.actor(x).name + " and " + kg.actor(y).name + ": " +
                      two_decimals(score) + " over " + std::to_string(objects) +
                      (objects == 1 ? " object" : " objects") +
                      (objects < min_shared ? ", thin evidence" : "");
    if (claims == nullptr) {
        return out + " (" + command + " shows its claims)";
    }
    out += "\nrests on " + std::to_string(claims->size()) +
           (claims->size() == 1 ? " claim" : " claims");
    const std::size_t shown = std::min(score_claims_listed, claims->size());
    for (std::size_t i = 0; i < shown; ++i) {
        out += (i == 0 ? ": " : ", ") + kg.claim((*claims)[i]).id;
    }
    if (shown < claims->size()) {
        out += " and " + std::to_string(claims->size() - shown) + " more";
    }
    return out + "\n" + command + " shows " + (claims->size() == 1 ? "it" : "them");
}

Diagram ranking_diagram(const KnowledgeGraph& kg, Index actor,
                        const std::vector<RankedScore>& scores, const std::string& measure,
                        std::size_t min_shared, const TieTable* ties, StanceSet over) {
    Builder b(kg, "Who aligns with " + kg.actor(actor).name + " (" + measure + ")");
    b.node(actor, true);
    for (const auto& r : scores) {
        b.node(r.actor);
        std::vector<Index> claims;
        if (ties != nullptr) {
            claims = claims_of_pair(*ties, actor, r.actor, measure, over);
        }
        b.diagram().edges.push_back(score_edge(kg, actor, r.actor, r.score, r.objects, measure,
                                               min_shared, ties != nullptr ? &claims : nullptr));
    }
    return std::move(b.diagram());
}

Diagram matrix_diagram(const KnowledgeGraph& kg, const std::vector<Index>& actors,
                       const std::vector<std::vector<MeasureScore>>& scores,
                       const std::string& measure, std::size_t min_shared, const TieTable* ties,
                       StanceSet over) {
    Builder b(kg, "Pairwise " + measure);
    for (Index a : actors) {
        b.node(a);
    }
    for (std::size_t i = 0; i < actors.size(); ++i) {
        for (std::size_t j = i + 1; j < actors.size(); ++j) {
            if (!scores[i][j].value) {
                continue;
            }
            std::vector<Index> claims;
            if (ties != nullptr) {
                claims = claims_of_pair(*ties, actors[i], actors[j], measure, over);
            }
            b.diagram().edges.push_back(score_edge(kg, actors[i], actors[j], *scores[i][j].value,
                                                   scores[i][j].objects, measure, min_shared,
                                                   ties != nullptr ? &claims : nullptr));
        }
    }
    return std::move(b.diagram());
}

Diagram divergence_diagram(const KnowledgeGraph& kg, Index a, Index b_actor,
                           const std::vector<DivergencePoint>& points) {
    Builder b(kg, "Where " + kg.actor(a).name + " and " + kg.actor(b_actor).name + " diverge");
    b.diagram().contested_meaning = "roadblock: a third party they take opposite sides on";
    b.node(a, true);
    b.node(b_actor, true);
    for (const auto& p : points) {
        b.node(p.object, false, "", p.roadblock);
        b.tie_edge(*p.tie_a);
        b.tie_edge(*p.tie_b);
    }
    return std::move(b.diagram());
}

Diagram balance_diagram(const KnowledgeGraph& kg, const BalanceReport& r) {
    const Frustration& f = r.frustration;
    std::string title =
        "Structural balance: frustration index " + std::to_string(f.index) +
        (f.exact ? " (exact)" : " (not proven, at least " + std::to_string(f.lower_bound) + ")");
    Builder b(kg, title);
    // Each connected component's camps are its own: clusters per component, labelled by it.
    std::vector<std::size_t> component_of(r.actors.size(), 0);
    for (std::size_t k = 0; k < f.components.size(); ++k) {
        const std::string n = std::to_string(k + 1);
        b.diagram().clusters.push_back({"cluster_camp_" + n + "a", "component " + n + ", camp A"});
        b.diagram().clusters.push_back({"cluster_camp_" + n + "b", "component " + n + ", camp B"});
        for (std::size_t v : f.components[k].vertices) {
            component_of[v] = k;
        }
    }
    std::vector<bool> tied(r.actors.size(), false);
    for (const auto& e : r.graph.edges) {
        tied[e.u] = tied[e.v] = true;
    }
    if (r.graph.edges.empty()) {
        b.diagram().clusters.clear();
        b.diagram().empty_message = "No signed ties between these actors: nothing to balance";
    }
    for (std::size_t v = 0; v < r.actors.size(); ++v) {
        if (tied[v]) {
            b.node(r.actors[v], false,
                   "cluster_camp_" + std::to_string(component_of[v] + 1) +
                       (f.camp[v] == 0 ? "a" : "b"));
        }
    }
    b.diagram().highlighted_meaning = "frustrated tie";
    std::set<std::size_t> frustrated(f.frustrated.begin(), f.frustrated.end());
    for (std::size_t i = 0; i < r.graph.edges.size(); ++i) {
        const auto& se = r.graph.edges[i];
        const Tie& tie = *r.edge_ties[i];
        DiagramEdge e;
        e.tail = kg.actor(r.actors[se.u]).id;
        e.head = kg.actor(r.actors[se.v]).id;
        e.id = tie_id("tie-", e.tail, e.head);
        e.label = two_decimals(tie.value) + (frustrated.count(i) ? " frustrated" : "");
        e.polarity = se.sign;
        e.confidence = std::min(1.0, std::abs(tie.value));
        e.directed = false;
        e.derived = tie.derived_only();
        e.highlighted = frustrated.count(i) != 0;
        e.tooltip = "tie " + two_decimals(tie.value) + " between " + kg.actor(r.actors[se.u]).name +
                    " and " + kg.actor(r.actors[se.v]).name;
        for (const auto& ev : tie.evidence) {
            e.hypothetical = e.hypothetical || kg.claim(ev.claim).hypothetical;
            e.tooltip +=
                "\n\n" + std::string(ev.derived ? "(derived) " : "") + claim_tooltip(kg, ev.claim);
        }
        b.diagram().edges.push_back(std::move(e));
    }
    return std::move(b.diagram());
}

Diagram paths_diagram(const KnowledgeGraph& kg, const std::vector<Path>& paths, Index from,
                      Index to) {
    if (!paths.empty() && (from == no_index || to == no_index)) {
        from = paths.front().actors.front();
        to = paths.front().actors.back();
    }
    std::string title = "Paths";
    if (from != no_index && to != no_index) {
        title = "How " + kg.actor(from).name + " and " + kg.actor(to).name + " are connected";
    }
    Builder b(kg, title);
    if (paths.empty()) {
        b.diagram().empty_message = from != no_index && to != no_index
                                        ? "No path from " + kg.actor(from).name + " to " +
                                              kg.actor(to).name + " within the limits given"
                                        : "No path within the limits given";
    }
    // Which paths each claim lies on, 1 for the first (shortest).
    std::map<Index, std::vector<std::size_t>> on_paths;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        const Path& p = paths[i];
        b.node(p.actors.front(), true);
        b.node(p.actors.back(), true);
        for (const auto& hop : p.hops) {
            for (Index c : hop.claims) {
                b.claim(c, i == 0);
                auto& ranks = on_paths[c];
                if (ranks.empty() || ranks.back() != i + 1) {
                    ranks.push_back(i + 1);
                }
            }
        }
    }
    b.diagram().highlighted_meaning =
        paths.size() > 1 ? "path 1, the shortest; [n]: on path n" : "the path";
    if (paths.size() > 1) {
        // Only the first path is drawn bold; every edge says which paths it is on, so path 2
        // can be followed as well as path 1.
        std::map<std::string, const std::vector<std::size_t>*> by_edge;
        for (const auto& [claim, ranks] : on_paths) {
            by_edge.emplace("claim-" + kg.claim(claim).id, &ranks);
        }
        for (auto& e : b.diagram().edges) {
            const auto it = by_edge.find(e.id);
            if (it == by_edge.end()) {
                continue;
            }
            std::string ranks;
            for (std::size_t r : *it->second) {
                ranks += (ranks.empty() ? "" : ",") + std::to_string(r);
            }
            e.label += " [" + ranks + "]";
            e.tooltip = std::string(it->second->size() == 1 ? "On path " : "On paths ") + ranks +
                        ".\n" + e.tooltip;
        }
    }
    return std::move(b.diagram());
}

Diagram one_edge_per_pair(const Diagram& diagram, std::size_t listed) {
    Diagram out = diagram;
    out.edges.clear();
    // Pairs in the order their first edge is drawn; each pair's edges in drawing order.
    std::map<std::pair<std::string, std::string>, std::size_t> pair_of;
    std::vector<std::vector<const DiagramEdge*>> pairs;
    for (const auto& e : diagram.edges) {
        auto key = e.tail < e.head ? std::pair{e.tail, e.head} : std::pair{e.head, e.tail};
        const auto [it, added] = pair_of.emplace(std::move(key), pairs.size());
        if (added) {
            pairs.emplace_back();
        }
        pairs[it->second].push_back(&e);
    }
    for (const auto& edges : pairs) {
        if (edges.size() == 1) {
            out.edges.push_back(*edges.front());
            continue;
        }
        const DiagramEdge& first = *edges.front();
        DiagramEdge merged;
        merged.tail = first.tail;
        merged.head = first.head;
        merged.id = tie_id("pair-", first.tail, first.head);
        merged.directed = false;
        merged.confidence = 0;
        std::size_t cooperative = 0;
        std::size_t hostile = 0;
        std::size_t structural = 0;
        for (const DiagramEdge* e : edges) {
            (e->polarity > 0 ? cooperative : e->polarity < 0 ? hostile : structural)++;
            merged.confidence = std::max(merged.confidence, e->confidence);
            merged.highlighted |= e->highlighted;
            merged.hypothetical |= e->hypothetical;
            merged.derived |= e->derived;
            merged.faint |= e->faint;
        }
        merged.polarity = cooperative > hostile ? 1 : hostile > cooperative ? -1 : 0;
        std::string counts;
        auto add = [&counts](std::size_t n, const char* sign) {
            if (n != 0) {
                counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + sign;
            }
        };
        add(cooperative, "+");
        add(hostile, "-");
        add(structural, "0");
        merged.label = std::to_string(edges.size()) + " claims: " + counts;
        merged.tooltip = merged.label;
        const std::size_t shown = std::min(listed, edges.size());
        for (std::size_t i = 0; i < shown; ++i) {
            merged.tooltip += "\n\n" + edges[i]->tooltip;
        }
        if (shown < edges.size()) {
            merged.tooltip += "\n\n\u2026 and " + std::to_string(edges.size() - shown) + " more";
        }
        out.edges.push_back(std::move(merged));
    }
    return out;
}

std::size_t most_parallel_edges(const Diagram& diagram) {
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> count;
    std::size_t most = 0;
    for (const auto& e : diagram.edges) {
        const std::string_view tail = e.tail;
        const std::string_view head = e.head;
        most = std::max(most, ++count[tail < head ? std::pair{tail, head} : std::pair{head, tail}]);
    }
    return most;
}

std::vector<Index> heaviest_claims(const KnowledgeGraph& kg, const std::vector<Index>& claims,
                                   std::size_t n) {
    std::vector<std::pair<double, Index>> weighed;
    weighed.reserve(claims.size());
    for (Index c : claims) {
        const Claim& claim = kg.claim(c);
        const double polarity = kg.relation(claim.relation).polarity;
        weighed.emplace_back(std::abs(polarity * claim.confidence * claim.weight), c);
    }
    const auto heavier = [&kg](const auto& x, const auto& y) {
        if (x.first != y.first) {
            return x.first > y.first;
        }
        return kg.claim(x.second).id < kg.claim(y.second).id;
    };
    const std::size_t kept = std::min(n, weighed.size());
    std::partial_sort(weighed.begin(), weighed.begin() + static_cast<std::ptrdiff_t>(kept),
                      weighed.end(), heavier);
    std::vector<Index> out;
    out.reserve(kept);
    for (std::size_t i = 0; i < kept; ++i) {
        out.push_back(weighed[i].second);
    }
    return out;
}

}  // namespace entente
