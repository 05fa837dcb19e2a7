#include "entente/export/csv.hpp"

#include <string>
#include <vector>

#include "export/formatting.hpp"

namespace entente {

namespace {

using detail::joined;
using detail::shortest_number;

// RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled.
std::string csv(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        return field;
    }
    std::string out = "\"";
    for (char c : field) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

std::string csv_row(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        out += (i == 0 ? "" : ",") + csv(fields[i]);
    }
    return out + "\r\n";
}

std::string neo4j_label(ActorKind kind) {
    std::string name(to_string(kind));
    name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

std::string neo4j_type(const std::string& relation_id) {
    std::string out;
    for (char c : relation_id) {
        out += c >= 'a' && c <= 'z'   ? static_cast<char>(c - 'a' + 'A')
               : c == '-' || c == '.' ? '_'
                                      : c;
    }
    return out;
}

}  // namespace

std::pair<std::string, std::string> to_csv(const KnowledgeGraph& kg, const Selection& selection) {
    std::string nodes =
        csv_row({"id:ID", "Label", "Type", ":LABEL", "Aliases", "Holder", "Description"});
    for (Index a : selection.actors) {
        const Actor& actor = kg.actor(a);
        nodes += csv_row({actor.id, actor.name, std::string(to_string(actor.kind)),
                          neo4j_label(actor.kind), joined(actor.aliases, "|"),
                          actor.holder == no_index ? "" : kg.actor(actor.holder).id, actor.note});
    }
    std::string edges =
        csv_row({":START_ID", ":END_ID", ":TYPE", "From", "To", "Type", "Direction", "Claim",
                 "Polarity:int", "Confidence:double", "Source", "Source title", "Quote",
                 "Asserted by", "Holds from", "Holds until"});
    for (Index i : selection.claims) {
        const Claim& c = kg.claim(i);
        const Relation& r = kg.relation(c.relation);
        edges += csv_row({kg.actor(c.subject).id, kg.actor(c.object).id, neo4j_type(r.id),
                          kg.actor(c.subject).name, kg.actor(c.object).name, r.label,
                          r.symmetric ? "undirected" : "directed", c.id, std::to_string(r.polarity),
                          shortest_number(c.confidence), kg.source(c.source).id,
                          kg.source(c.source).title, c.quote, c.asserted_by,
                          c.from ? c.from->to_string() : "", c.until ? c.until->to_string() : ""});
    }
    return {nodes, edges};
}

}  // namespace entente
