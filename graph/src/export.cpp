#include "entente/export.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "entente/paths.hpp"

namespace entente {

namespace {

std::string number(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    // The shortest form that reads back the same double.
    for (int precision = 1; precision <= 17; ++precision) {
        char shorter[32];
        std::snprintf(shorter, sizeof shorter, "%.*g", precision, value);
        if (std::strtod(shorter, nullptr) == value) {
            return shorter;
        }
    }
    return buffer;
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : separator) + items[i];
    }
    return out;
}

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

Selection select(const KnowledgeGraph& kg, const SelectOptions& options) {
    const auto n = kg.data().actors.size();
    std::vector<bool> keep(n, true);
    if (options.focus) {
        std::fill(keep.begin(), keep.end(), false);
        for (const auto& [actor, distance] :
             ego_network(kg, *options.focus, options.depth).actors) {
            keep[actor] = true;
        }
    }
    Selection out;
    out.whole = !options.focus && !options.kind && options.relations.empty();
    for (Index a = 0; a < n; ++a) {
        if (keep[a] && options.kind && kg.actor(a).kind != *options.kind) {
            keep[a] = false;
        }
        if (keep[a]) {
            out.actors.push_back(a);
        }
    }
    for (Index i = 0; i < kg.data().claims.size(); ++i) {
        const Claim& c = kg.claim(i);
        const bool relation_ok = options.relations.empty() ||
                                 std::find(options.relations.begin(), options.relations.end(),
                                           c.relation) != options.relations.end();
        if (relation_ok && keep[c.subject] && keep[c.object]) {
            out.claims.push_back(i);
        }
    }
    return out;
}

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
        data("e_confidence", number(c.confidence));
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
                          number(c.confidence), kg.source(c.source).id, kg.source(c.source).title,
                          c.quote, c.asserted_by, c.from ? c.from->to_string() : "",
                          c.until ? c.until->to_string() : ""});
    }
    return {nodes, edges};
}

std::string to_dataset_json(const KnowledgeGraph& kg, const Selection& selection) {
    // A position's holder must come along, or the file would not load.
    std::set<Index> actors(selection.actors.begin(), selection.actors.end());
    for (Index a : selection.actors) {
        if (kg.actor(a).holder != no_index) {
            actors.insert(kg.actor(a).holder);
        }
    }
    std::set<Index> sources;
    std::set<Index> relations;
    for (Index i : selection.claims) {
        sources.insert(kg.claim(i).source);
        relations.insert(kg.claim(i).relation);
    }
    if (selection.whole) {
        for (Index i = 0; i < kg.data().sources.size(); ++i) {
            sources.insert(i);
        }
        for (Index i = 0; i < kg.data().relations.size(); ++i) {
            relations.insert(i);
        }
    }
    rapidjson::StringBuffer buffer;
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buffer);
    w.SetIndent(' ', 2);
    auto str = [&](const std::string& s) {
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    };
    auto field = [&](const char* key, const std::string& value) {
        if (!value.empty()) {
            w.Key(key);
            str(value);
        }
    };
    w.StartObject();
    w.Key("entente");
    w.Int(1);
    w.Key("sources");
    w.StartArray();
    for (Index s : sources) {
        const Source& src = kg.source(s);
        w.StartObject();
        field("id", src.id);
        field("title", src.title);
        field("author", src.author);
        field("publisher", src.publisher);
        field("date", src.date ? src.date->to_string() : "");
        field("url", src.url);
        field("note", src.note);
        w.EndObject();
    }
    w.EndArray();
    w.Key("relations");
    w.StartArray();
    for (Index r : relations) {
        const Relation& rel = kg.relation(r);
        if (rel.builtin) {
            continue;
        }
        w.StartObject();
        field("id", rel.id);
        field("label", rel.label);
        w.Key("polarity");
        w.Int(rel.polarity);
        w.Key("symmetric");
        w.Bool(rel.symmetric);
        field("note", rel.note);
        w.EndObject();
    }
    w.EndArray();
    w.Key("actors");
    w.StartArray();
    for (Index a : actors) {
        const Actor& actor = kg.actor(a);
        w.StartObject();
        field("id", actor.id);
        field("name", actor.name);
        field("kind", std::string(to_string(actor.kind)));
        if (!actor.aliases.empty()) {
            w.Key("aliases");
            w.StartArray();
            for (const auto& alias : actor.aliases) {
                str(alias);
            }
            w.EndArray();
        }
        field("holder", actor.holder == no_index ? "" : kg.actor(actor.holder).id);
        field("note", actor.note);
        w.EndObject();
    }
    w.EndArray();
    w.Key("claims");
    w.StartArray();
    for (Index i : selection.claims) {
        const Claim& c = kg.claim(i);
        w.StartObject();
        field("id", c.id);
        field("subject", kg.actor(c.subject).id);
        field("relation", kg.relation(c.relation).id);
        field("object", kg.actor(c.object).id);
        field("source", kg.source(c.source).id);
        field("quote", c.quote);
        field("asserted_by", c.asserted_by);
        if (c.confidence != 1.0) {
            w.Key("confidence");
            w.Double(c.confidence);
        }
        field("from", c.from ? c.from->to_string() : "");
        field("until", c.until ? c.until->to_string() : "");
        field("note", c.note);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace entente
