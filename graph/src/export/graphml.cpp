#include "entente/export/graphml.hpp"

#include <algorithm>
#include <string>

#include "entente/model/text.hpp"
#include "export/formatting.hpp"

namespace entente {

namespace {

using detail::joined;
using detail::shortest_number;

// XML text that reads back exactly: what XML 1.0 cannot carry replaced (and counted), the five
// special characters as entities, CR and tab as character references (a parser turns a raw CR
// into LF, and a raw tab in an attribute into a space).
std::string xml(std::string_view text, std::size_t& replaced) {
    const std::string carryable = xml_carryable(text, replaced);
    std::string out;
    out.reserve(carryable.size());
    for (char c : carryable) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&apos;";
                break;
            case '\r':
                out += "&#13;";
                break;
            case '\t':
                out += "&#9;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

std::string to_graphml(const KnowledgeGraph& kg, const Selection& selection,
                       const GraphmlOptions& options, GraphmlReport* report) {
    GraphmlReport local;
    std::size_t& replaced = (report != nullptr ? *report : local).replaced;
    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    struct Key {
        const char* id;
        const char* domain;
        const char* type;
    };
    const Key keys[] = {
        {"label", "node", "string"},
        {"kind", "node", "string"},
        {"aliases", "node", "string"},
        {"holder", "node", "string"},
        {"note", "node", "string"},
        {"claim", "edge", "string"},
        {"relation", "edge", "string"},
        {"label", "edge", "string"},
        {"polarity", "edge", "int"},
        {"sign", "edge", "int"},
        {"weight", "edge", "double"},
        {"symmetric", "edge", "boolean"},
        {"confidence", "edge", "double"},
        {"source", "edge", "string"},
        {"source_title", "edge", "string"},
        {"source_author", "edge", "string"},
        {"source_publisher", "edge", "string"},
        {"source_date", "edge", "string"},
        {"source_url", "edge", "string"},
        {"quote", "edge", "string"},
        {"asserted_by", "edge", "string"},
        {"from", "edge", "string"},
        {"until", "edge", "string"},
        {"modality", "edge", "string"},
        {"negated", "edge", "boolean"},
        {"hypothetical", "edge", "boolean"},
        {"note", "edge", "string"},
    };
    for (const auto& k : keys) {
        out += std::string("  <key id=\"") + (std::string(k.domain) == "node" ? "n_" : "e_") +
               k.id + "\" for=\"" + k.domain + "\" attr.name=\"" + k.id + "\" attr.type=\"" +
               k.type + "\"/>\n";
    }
    const bool all_symmetric =
        !selection.claims.empty() &&
        std::all_of(selection.claims.begin(), selection.claims.end(),
                    [&](Index i) { return kg.relation(kg.claim(i).relation).symmetric; });
    const bool undirected_graph = options.mixed && all_symmetric;
    out += std::string("  <graph id=\"entente\" edgedefault=\"") +
           (undirected_graph ? "undirected" : "directed") + "\">\n";
    auto data = [&](const std::string& key, std::string_view value) {
        out += "      <data key=\"" + key + "\">" + xml(value, replaced) + "</data>\n";
    };
    for (Index a : selection.actors) {
        const Actor& actor = kg.actor(a);
        out += "    <node id=\"" + xml(actor.id, replaced) + "\">\n";
        data("n_label", actor.name);
        data("n_kind", std::string(to_string(actor.kind)));
        data("n_aliases", joined(actor.aliases, "; "));
        data("n_holder", actor.holder == no_index ? "" : kg.actor(actor.holder).id);
        data("n_note", actor.note);
        out += "    </node>\n";
    }
    for (Index i : selection.claims) {
        const Claim& c = kg.claim(i);
        const Relation& r = kg.relation(c.relation);
        const Source& s = kg.source(c.source);
        out += "    <edge id=\"" + xml(c.id, replaced) + "\" source=\"" +
               xml(kg.actor(c.subject).id, replaced) + "\" target=\"" +
               xml(kg.actor(c.object).id, replaced) + "\"";
        if (options.mixed && r.symmetric && !undirected_graph) {
            out += " directed=\"false\"";
        }
        out += ">\n";
        data("e_claim", c.id);
        data("e_relation", r.id);
        data("e_label", r.label);
        data("e_polarity", std::to_string(r.polarity));
        data("e_sign", std::to_string(r.polarity));
        data("e_weight", shortest_number(c.weight));
        data("e_symmetric", r.symmetric ? "true" : "false");
        data("e_confidence", shortest_number(c.confidence));
        data("e_source", s.id);
        data("e_source_title", s.title);
        data("e_source_author", s.author);
        data("e_source_publisher", s.publisher);
        data("e_source_date", s.date ? s.date->to_string() : "");
        data("e_source_url", s.url);
        data("e_quote", c.quote);
        data("e_asserted_by", c.asserted_by);
        data("e_from", c.from ? c.from->to_string() : "");
        data("e_until", c.until ? c.until->to_string() : "");
        data("e_modality", std::string(to_string(c.modality)));
        data("e_negated", c.negated ? "true" : "false");
        data("e_hypothetical", c.hypothetical ? "true" : "false");
        data("e_note", c.note);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace entente
