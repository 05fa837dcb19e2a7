#include "entente/export/graphml.hpp"

#include <string>

#include "export/formatting.hpp"

namespace entente {

namespace {

using detail::joined;
using detail::shortest_number;

// XML text: the five special characters escaped, and characters XML 1.0 forbids (controls other
// than tab, newline and carriage return) replaced by U+FFFD so the file stays well-formed.
std::string xml(const std::string& text) {
    std::string out;
    for (char c : text) {
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
            default:
                if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                    out += "\uFFFD";
                } else {
                    out += c;
                }
        }
    }
    return out;
}

}  // namespace

std::string to_graphml(const KnowledgeGraph& kg, const Selection& selection) {
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
        {"label", "node", "string"},        {"kind", "node", "string"},
        {"aliases", "node", "string"},      {"holder", "node", "string"},
        {"note", "node", "string"},         {"claim", "edge", "string"},
        {"relation", "edge", "string"},     {"label", "edge", "string"},
        {"polarity", "edge", "int"},        {"symmetric", "edge", "boolean"},
        {"confidence", "edge", "double"},   {"source", "edge", "string"},
        {"source_title", "edge", "string"}, {"quote", "edge", "string"},
        {"asserted_by", "edge", "string"},  {"from", "edge", "string"},
        {"until", "edge", "string"},        {"hypothetical", "edge", "boolean"},
        {"note", "edge", "string"},
    };
    for (const auto& k : keys) {
        out += std::string("  <key id=\"") + (std::string(k.domain) == "node" ? "n_" : "e_") +
               k.id + "\" for=\"" + k.domain + "\" attr.name=\"" + k.id + "\" attr.type=\"" +
               k.type + "\"/>\n";
    }
    out += "  <graph id=\"entente\" edgedefault=\"directed\">\n";
    auto data = [&](const std::string& key, const std::string& value) {
        out += "      <data key=\"" + key + "\">" + xml(value) + "</data>\n";
    };
    for (Index a : selection.actors) {
        const Actor& actor = kg.actor(a);
        out += "    <node id=\"" + xml(actor.id) + "\">\n";
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
        out += "    <edge id=\"" + xml(c.id) + "\" source=\"" + xml(kg.actor(c.subject).id) +
               "\" target=\"" + xml(kg.actor(c.object).id) + "\">\n";
        data("e_claim", c.id);
        data("e_relation", r.id);
        data("e_label", r.label);
        data("e_polarity", std::to_string(r.polarity));
        data("e_symmetric", r.symmetric ? "true" : "false");
        data("e_confidence", shortest_number(c.confidence));
        data("e_source", kg.source(c.source).id);
        data("e_source_title", kg.source(c.source).title);
        data("e_quote", c.quote);
        data("e_asserted_by", c.asserted_by);
        data("e_from", c.from ? c.from->to_string() : "");
        data("e_until", c.until ? c.until->to_string() : "");
        data("e_hypothetical", c.hypothetical ? "true" : "false");
        data("e_note", c.note);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

}  // namespace entente
