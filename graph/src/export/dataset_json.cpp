#include "entente/export/dataset_json.hpp"

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <set>

#include "entente/load/json_allocator.hpp"

namespace entente {

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
    // RapidJSON's default allocator leaves a failed growth unchecked (a crash); this one throws.
    using Buffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, ThrowingJsonAllocator>;
    Buffer buffer;
    rapidjson::PrettyWriter<Buffer, rapidjson::UTF8<>, rapidjson::UTF8<>, ThrowingJsonAllocator> w(
        buffer);
    w.SetIndent(' ', 2);
    auto str = [&](std::string_view s) {
        w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    };
    auto field = [&](const char* key, std::string_view value) {
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
        field("text", src.text);
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
        // Who asserts a claim defaults to its source's author (else publisher, else title); a
        // default is left for the loader to fill again, so that a long title never comes back
        // as an over-long name.
        const Source& s = kg.source(c.source);
        const CompactString& fallback = !s.author.empty()      ? s.author
                                        : !s.publisher.empty() ? s.publisher
                                                               : s.title;
        if (c.asserted_by != fallback) {
            field("asserted_by", c.asserted_by);
        }
        if (c.confidence != 1.0) {
            w.Key("confidence");
            w.Double(c.confidence);
        }
        if (c.weight != 1.0) {
            w.Key("weight");
            w.Double(c.weight);
        }
        field("from", c.from ? c.from->to_string() : "");
        field("until", c.until ? c.until->to_string() : "");
        if (c.modality != Modality::stated) {
            field("modality", std::string(to_string(c.modality)));
        }
        if (c.negated) {
            w.Key("negated");
            w.Bool(true);
        }
        field("note", c.note);
        w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    return std::string(buffer.GetString(), buffer.GetSize()) + "\n";
}

}  // namespace entente
