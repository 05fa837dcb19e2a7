#include "entente/export/csv.hpp"

#include <string>
#include <vector>

#include "entente/model/text.hpp"
#include "export/formatting.hpp"

namespace entente {

namespace {

using detail::shortest_number;

// A row is built from cells that say whether they hold the data's text (which may need
// neutralising) or entente's own (ids, numbers, headers: never a formula by construction).
struct Cell {
    std::string text;
    bool from_data = false;
};

class Writer {
  public:
    Writer(const CsvOptions& options, CsvReport& report) : options_(options), report_(report) {}

    void header(std::initializer_list<const char*> names) {
        std::vector<Cell> cells;
        for (const char* n : names) {
            cells.push_back({n, false});
        }
        row(cells);
    }
    void row(const std::vector<Cell>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i != 0) {
                out_ += ',';
            }
            const Cell& c = cells[i];
            if (c.from_data && !options_.raw && starts_formula(c.text)) {
                ++report_.neutralised;
                out_ += csv_field("'" + c.text);
            } else {
                out_ += csv_field(c.text);
            }
        }
        out_ += "\r\n";
    }
    std::string take() { return std::move(out_); }

  private:
    const CsvOptions& options_;
    CsvReport& report_;
    std::string out_;
};

Cell data(std::string text) {
    return {std::move(text), true};
}

// Overloads for a record's CompactString and SlimString, and own's for a literal (which would
// otherwise be ambiguous between the two), rather than one taking a string_view: with a std::string
// argument, ADL would then prefer std::data to a conversion.
Cell data(const CompactString& text) {
    return {text.str(), true};
}

Cell data(const SlimString& text) {
    return {text.str(), true};
}

Cell own(std::string text) {
    return {std::move(text), false};
}

Cell own(const CompactString& text) {
    return {text.str(), false};
}

Cell own(const char* text) {
    return {std::string(text), false};
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

// Items joined with `separator`; a separator inside an item is written as `stand_in` and
// counted, so that the importer's split gives back the items.
std::string joined_list(const std::vector<std::string>& items, char separator, const char* stand_in,
                        std::size_t& replaced) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i != 0) {
            out += separator;
        }
        for (char c : items[i]) {
            if (c == separator) {
                out += stand_in;
                ++replaced;
            } else {
                out += c;
            }
        }
    }
    return out;
}

std::string date_text(const std::optional<Date>& d) {
    return d ? d->to_string() : "";
}

const char* boolean(bool b) {
    return b ? "true" : "false";
}

}  // namespace

std::string csv_field(std::string_view text) {
    if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
        return std::string(text);
    }
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') {
            out += "\"\"";
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::pair<std::string, std::string> to_csv(const KnowledgeGraph& kg, const Selection& selection,
                                           const CsvOptions& options, CsvReport* report) {
    CsvReport local;
    CsvReport& r = report != nullptr ? *report : local;
    Writer nodes(options, r);
    Writer edges(options, r);
    auto holder_id = [&](const Actor& a) {
        return a.holder == no_index ? std::string() : kg.actor(a.holder).id;
    };
    switch (options.shape) {
        case CsvShape::plain:
            nodes.header({"id", "name", "kind", "aliases", "holder", "note"});
            for (Index a : selection.actors) {
                const Actor& actor = kg.actor(a);
                nodes.row({own(actor.id), data(actor.name), own(std::string(to_string(actor.kind))),
                           data(joined_list(actor.aliases, '|', "\u00A6", r.replaced)),
                           own(holder_id(actor)), data(actor.note)});
            }
            edges.header({"claim",
                          "subject",
                          "object",
                          "relation",
                          "label",
                          "polarity",
                          "symmetric",
                          "confidence",
                          "weight",
                          "source",
                          "source_title",
                          "source_author",
                          "source_publisher",
                          "source_date",
                          "source_url",
                          "quote",
                          "asserted_by",
                          "from",
                          "until",
                          "modality",
                          "negated",
                          "hypothetical",
                          "note"});
            break;
        case CsvShape::kumu:
            nodes.header({"ID", "Label", "Type", "Description", "Aliases", "Holder"});
            for (Index a : selection.actors) {
                const Actor& actor = kg.actor(a);
                nodes.row({own(actor.id), data(actor.name), own(std::string(to_string(actor.kind))),
                           data(actor.note),
                           data(joined_list(actor.aliases, '|', "\u00A6", r.replaced)),
                           own(holder_id(actor))});
            }
            edges.header({"ID", "From", "To", "Type", "Direction", "Polarity", "Confidence",
                          "Weight", "Source", "Quote", "Asserted by", "From date", "Until date",
                          "Modality", "Negated", "Hypothetical"});
            break;
        case CsvShape::neo4j:
            nodes.header({"id:ID", "name", "kind", "aliases:string[]", "holder", "note", ":LABEL"});
            for (Index a : selection.actors) {
                const Actor& actor = kg.actor(a);
                nodes.row({own(actor.id), data(actor.name), own(std::string(to_string(actor.kind))),
                           data(joined_list(actor.aliases, ';', "\u037E", r.replaced)),
                           own(holder_id(actor)), data(actor.note), own(neo4j_label(actor.kind))});
            }
            edges.header({":START_ID",
                          ":END_ID",
                          ":TYPE",
                          "claim",
                          "relation",
                          "label",
                          "symmetric:boolean",
                          "polarity:int",
                          "confidence:double",
                          "weight:double",
                          "source",
                          "source_title",
                          "quote",
                          "asserted_by",
                          "from",
                          "until",
                          "modality",
                          "negated:boolean",
                          "hypothetical:boolean",
                          "note"});
            break;
    }
    for (Index i : selection.claims) {
        const Claim& c = kg.claim(i);
        const Relation& rel = kg.relation(c.relation);
        const Source& s = kg.source(c.source);
        const std::string& subject = kg.actor(c.subject).id;
        const std::string& object = kg.actor(c.object).id;
        const std::string polarity = std::to_string(rel.polarity);
        const std::string confidence = shortest_number(c.confidence);
        const std::string weight = shortest_number(c.weight);
        const std::string modality(to_string(c.modality));
        switch (options.shape) {
            case CsvShape::plain:
                edges.row({own(c.id),
                           own(subject),
                           own(object),
                           own(rel.id),
                           data(rel.label),
                           own(polarity),
                           own(boolean(rel.symmetric)),
                           own(confidence),
                           own(weight),
                           own(s.id),
                           data(s.title),
                           data(s.author),
                           data(s.publisher),
                           own(date_text(s.date)),
                           data(s.url),
                           data(c.quote),
                           data(c.asserted_by),
                           own(date_text(c.from)),
                           own(date_text(c.until)),
                           own(modality),
                           own(boolean(c.negated)),
                           own(boolean(c.hypothetical)),
                           data(c.note)});
                break;
            case CsvShape::kumu:
                edges.row({own(c.id), own(subject), own(object), data(rel.label),
                           own(rel.symmetric ? "mutual" : "directed"), own(polarity),
                           own(confidence), own(weight), data(s.title.empty() ? s.id : s.title),
                           data(c.quote), data(c.asserted_by), own(date_text(c.from)),
                           own(date_text(c.until)), own(modality), own(boolean(c.negated)),
                           own(boolean(c.hypothetical))});
                break;
            case CsvShape::neo4j:
                edges.row({own(subject),
                           own(object),
                           own(neo4j_type(rel.id)),
                           own(c.id),
                           own(rel.id),
                           data(rel.label),
                           own(boolean(rel.symmetric)),
                           own(polarity),
                           own(confidence),
                           own(weight),
                           own(s.id),
                           data(s.title),
                           data(c.quote),
                           data(c.asserted_by),
                           own(date_text(c.from)),
                           own(date_text(c.until)),
                           own(modality),
                           own(boolean(c.negated)),
                           own(boolean(c.hypothetical)),
                           data(c.note)});
                break;
        }
    }
    return {nodes.take(), edges.take()};
}

}  // namespace entente
