#include "entente/query/scenario.hpp"

#include <algorithm>
#include <functional>
#include <set>
#include <sstream>
#include <string_view>
#include <unordered_set>

#include "entente/model/errors.hpp"

namespace entente {

Holding holding(const Claim& claim, const std::vector<Source>& sources) {
    Holding h;
    if (claim.from) {
        h.first = claim.from->earliest();
    } else if (!claim.until && claim.source < sources.size() && sources[claim.source].date) {
        h.first = sources[claim.source].date->earliest();
    }
    if (claim.until) {
        h.last = claim.until->latest();
    }
    return h;
}

bool holds_during(const Claim& claim, const std::vector<Source>& sources, const Date& date) {
    const Holding h = holding(claim, sources);
    return h.first <= date.latest() && date.earliest() <= h.last;
}

bool holds_within(const Claim& claim, const std::vector<Source>& sources,
                  const std::optional<Date>& from, const std::optional<Date>& until) {
    const Holding h = holding(claim, sources);
    return (!until || h.first <= until->latest()) && (!from || from->earliest() <= h.last);
}

bool Scenario::in_scope(const Claim& claim) const {
    if (!modalities) {
        return true;
    }
    return !claim.negated &&
           std::find(modalities->begin(), modalities->end(), claim.modality) != modalities->end();
}

bool Scenario::empty_for(const KnowledgeGraph& graph) const {
    if (as_of || from || until || !without.empty() || !assumptions.empty() || roll_up) {
        return false;
    }
    const auto& claims = graph.data().claims;
    return std::all_of(claims.begin(), claims.end(), [&](const Claim& c) { return in_scope(c); });
}

ModalityCount left_out_by_modality(const KnowledgeGraph& graph, const Scenario& scenario) {
    ModalityCount count;
    for (const Claim& c : graph.data().claims) {
        if (scenario.in_scope(c)) {
            continue;
        }
        (c.negated ? count.negated : count.by_modality)++;
    }
    return count;
}

namespace {

std::vector<std::string> split_words(std::string_view text) {
    std::vector<std::string> words;
    std::istringstream in{std::string(text)};
    for (std::string word; in >> word;) {
        words.push_back(word);
    }
    return words;
}

// Words an assumption may have: two names and a relation, names of a few words each.
constexpr std::size_t max_assumption_words = 64;

std::string join(const std::vector<std::string>& words, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        out += (i == begin ? "" : " ") + words[i];
    }
    return out;
}

}  // namespace

Claim parse_assumption(const KnowledgeGraph& graph, std::string_view text) {
    const auto words = split_words(text);
    const std::string usage = "cannot read the assumption \"" + std::string(text) +
                              "\"; write it as \"SUBJECT RELATION OBJECT\", e.g. "
                              "\"russia sanctions pakistan\"";
    // Each word that is a relation splits the text into two names to look up: bounded, so that a
    // pasted paragraph is refused at once rather than looked up in every possible split.
    if (words.size() > max_assumption_words) {
        throw Error("the assumption has " + std::to_string(words.size()) +
                    " words; an assumption is \"SUBJECT RELATION OBJECT\" in at most " +
                    std::to_string(max_assumption_words) + " words");
    }
    // The relation is the word that splits the text into two names; try each in turn so that
    // multi-word names ("united states") need no quoting inside the assumption. Names are looked
    // up without suggestions here; only the first split that fails is looked up again to say
    // what was meant.
    std::optional<std::pair<std::string, std::string>> first_failed;
    for (std::size_t i = 1; i + 1 < words.size(); ++i) {
        Index relation = no_index;
        for (Index r = 0; r < graph.data().relations.size(); ++r) {
            if (graph.relation(r).id == words[i]) {
                relation = r;
            }
        }
        if (relation == no_index) {
            continue;
        }
        const std::string subject = join(words, 0, i);
        const std::string object = join(words, i + 1, words.size());
        if (graph.names().find(subject).empty() || graph.names().find(object).empty()) {
            if (!first_failed) {
                first_failed.emplace(subject, object);
            }
            continue;
        }
        Claim claim;
        claim.subject = graph.find_actor(subject);  // throws AmbiguousNameError
        claim.relation = relation;
        claim.object = graph.find_actor(object);
        if (claim.subject == claim.object) {
            throw Error("the assumption \"" + std::string(text) + "\" relates an actor to itself");
        }
        claim.hypothetical = true;
        claim.asserted_by = "what-if assumption";
        return claim;
    }
    if (first_failed) {
        // Throws UnknownNameError, with the nearest names, for whichever side is unknown.
        (void)graph.find_actor(first_failed->first);
        (void)graph.find_actor(first_failed->second);
    }
    // No word is a relation id: say which one was probably meant.
    if (words.size() >= 3) {
        for (std::size_t i = 1; i + 1 < words.size(); ++i) {
            try {
                (void)graph.find_relation(words[i]);
            } catch (const UnknownNameError& e) {
                if (!e.suggestions().empty()) {
                    throw UnknownNameError("relation", words[i], e.suggestions());
                }
            }
        }
    }
    throw Error(usage);
}

KnowledgeGraph apply_scenario(const KnowledgeGraph& graph, const Scenario& scenario,
                              RollUpReport* report) {
    // Transparent, so a claim's id is looked up without a std::string copy of it.
    std::set<std::string, std::less<>> without;
    for (const auto& id : scenario.without) {
        (void)graph.find_claim(id);  // throws for an unknown id, with suggestions
        without.insert(id);
    }
    Dataset data = graph.data();
    std::vector<Claim> kept;
    for (auto& claim : data.claims) {
        if (without.count(claim.id) != 0 || !scenario.in_scope(claim)) {
            continue;
        }
        if (scenario.as_of && !holds_during(claim, data.sources, *scenario.as_of)) {
            continue;
        }
        if ((scenario.from || scenario.until) &&
            !holds_within(claim, data.sources, scenario.from, scenario.until)) {
            continue;
        }
        kept.push_back(std::move(claim));
    }
    data.claims = std::move(kept);
    if (!scenario.assumptions.empty()) {
        std::string source_id = "what-if";
        for (int n = 2;; ++n) {
            bool taken = false;
            for (const auto& s : data.sources) {
                taken = taken || s.id == source_id;
            }
            if (!taken) {
                break;
            }
            source_id = "what-if-" + std::to_string(n);
        }
        Source source;
        source.id = source_id;
        source.title = "What-if assumptions given on the command line";
        const auto source_index = static_cast<Index>(data.sources.size());
        data.sources.push_back(std::move(source));
        std::unordered_set<std::string_view> ids;
        for (const Claim& c : graph.data().claims) {
            ids.insert(c.id);
        }
        auto taken_id = [&](std::string_view id) { return ids.count(id) != 0; };
        int n = 0;
        for (const auto& text : scenario.assumptions) {
            Claim claim = parse_assumption(graph, text);
            // Numbered past any id the data already has, so that --without and the answer's
            // citations never mistake an assumption for a sourced claim.
            do {
                claim.id = "assume-" + std::to_string(++n);
            } while (taken_id(claim.id));
            claim.source = source_index;
            data.claims.push_back(std::move(claim));
        }
    }
    if (scenario.roll_up) {
        RollUpReport done = roll_up(data, *scenario.roll_up);
        if (report != nullptr) {
            *report = std::move(done);
        }
    }
    return KnowledgeGraph(std::move(data));
}

}  // namespace entente
