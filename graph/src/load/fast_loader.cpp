#include "load/fast_loader.hpp"

#include <rapidjson/reader.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "load/dataset_rules.hpp"
#include "load/json_document.hpp"
#include "model/id_table.hpp"

namespace entente::detail {

namespace {

// Ids are looked up by string_view while the parser's buffer still holds them: no copy.
struct ViewHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using IdMap = std::unordered_map<std::string, Index, ViewHash, std::equal_to<>>;

// Where a record starts, so that warnings point at it as the thorough loader's do.
struct Place {
    std::uint32_t file = 0;
    std::uint32_t element = 0;  // index in its file's array
    std::size_t offset = 0;     // byte offset of its '{'
};

enum class Table : std::uint8_t { none, sources, relations, actors, claims };

// Every field any record may have; one bit each in a record's "seen" mask.
enum class Field : std::uint8_t {
    id,
    title,
    author,
    publisher,
    date,
    url,
    note,
    label,
    polarity,
    symmetric,
    name,
    kind,
    aliases,
    holder,
    subject,
    relation,
    object,
    source,
    quote,
    asserted_by,
    confidence,
    from,
    until,
    unknown,
};

constexpr std::uint32_t bit(Field f) {
    return 1U << static_cast<unsigned>(f);
}

// The fields a table allows, as in graph/schema/dataset.schema.json.
Field field_of(Table table, std::string_view key) {
    static const std::unordered_map<std::string_view, Field> names = {
        {"id", Field::id},
        {"title", Field::title},
        {"author", Field::author},
        {"publisher", Field::publisher},
        {"date", Field::date},
        {"url", Field::url},
        {"note", Field::note},
        {"label", Field::label},
        {"polarity", Field::polarity},
        {"symmetric", Field::symmetric},
        {"name", Field::name},
        {"kind", Field::kind},
        {"aliases", Field::aliases},
        {"holder", Field::holder},
        {"subject", Field::subject},
        {"relation", Field::relation},
        {"object", Field::object},
        {"source", Field::source},
        {"quote", Field::quote},
        {"asserted_by", Field::asserted_by},
        {"confidence", Field::confidence},
        {"from", Field::from},
        {"until", Field::until},
    };
    static constexpr std::uint32_t allowed_sources =
        bit(Field::id) | bit(Field::title) | bit(Field::author) | bit(Field::publisher) |
        bit(Field::date) | bit(Field::url) | bit(Field::note);
    static constexpr std::uint32_t allowed_relations = bit(Field::id) | bit(Field::label) |
                                                       bit(Field::polarity) |
                                                       bit(Field::symmetric) | bit(Field::note);
    static constexpr std::uint32_t allowed_actors = bit(Field::id) | bit(Field::name) |
                                                    bit(Field::kind) | bit(Field::aliases) |
                                                    bit(Field::holder) | bit(Field::note);
    static constexpr std::uint32_t allowed_claims =
        bit(Field::id) | bit(Field::subject) | bit(Field::relation) | bit(Field::object) |
        bit(Field::source) | bit(Field::quote) | bit(Field::asserted_by) | bit(Field::confidence) |
        bit(Field::from) | bit(Field::until) | bit(Field::note);
    const auto it = names.find(key);
    if (it == names.end()) {
        return Field::unknown;
    }
    const std::uint32_t allowed = table == Table::sources     ? allowed_sources
                                  : table == Table::relations ? allowed_relations
                                  : table == Table::actors    ? allowed_actors
                                                              : allowed_claims;
    return (allowed & bit(it->second)) != 0 ? it->second : Field::unknown;
}

// The schema's id pattern: ^[a-z0-9]+([-_.][a-z0-9]+)*$
bool is_id(std::string_view s) {
    bool after_word = false;
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            after_word = true;
        } else if ((c == '-' || c == '_' || c == '.') && after_word) {
            after_word = false;
        } else {
            return false;
        }
    }
    return after_word;
}

// The schema's date pattern, then the calendar.
std::optional<Date> date_of(std::string_view s) {
    auto digits = [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            if (s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        return true;
    };
    const bool shaped = (s.size() == 4 && digits(0, 4)) ||
                        (s.size() == 7 && digits(0, 4) && s[4] == '-' && digits(5, 7)) ||
                        (s.size() == 10 && digits(0, 4) && s[4] == '-' && digits(5, 7) &&
                         s[7] == '-' && digits(8, 10));
    return shaped ? parse_date(s) : std::nullopt;
}

// A read-only stream over the text; Tell() is the byte offset in the whole text.
class TextStream {
  public:
    using Ch = char;
    TextStream(std::string_view text, std::size_t start)
        : begin_(text.data()), p_(text.data() + start), end_(text.data() + text.size()) {}
    Ch Peek() const { return p_ < end_ ? *p_ : '\0'; }
    Ch Take() { return p_ < end_ ? *p_++ : '\0'; }
    std::size_t Tell() const { return static_cast<std::size_t>(p_ - begin_); }
    Ch* PutBegin() { return nullptr; }
    void Put(Ch) {}
    void Flush() {}
    std::size_t PutEnd(Ch*) { return 0; }

  private:
    const char* begin_;
    const char* p_;
    const char* end_;
};

// A reference that named a record not yet seen (it may come later, or in another file).
struct PendingRef {
    Index claim;
    Field field;
    std::string id;
};

// Builds the tables straight from SAX events. Any handler returning false stops the parse:
// that is how anything unexpected sends the file to the thorough loader.
class Builder {
  public:
    explicit Builder(const LoadLimits& limits) : limits_(limits) {
        for (const Relation& builtin : builtin_relations()) {
            relation_ids_.emplace(builtin.id, static_cast<Index>(data_.relations.size()));
            data_.relations.push_back(builtin);
        }
    }

    bool parse(const InputFile& file, std::uint32_t file_index) {
        file_ = file_index;
        depth_ = 0;
        root_seen_ = 0;
        const std::string_view text = file.text;
        const std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
        TextStream stream(text, start);
        stream_ = &stream;
        // A claim takes at least ~60 bytes of JSON; reserving for that many saves moving
        // every claim each time the table doubles, and pages never written cost nothing.
        data_.claims.reserve(data_.claims.size() + text.size() / 64);
        claim_places_.reserve(data_.claims.capacity());
        rapidjson::Reader reader;
        reader.Parse<rapidjson::kParseValidateEncodingFlag>(stream, *this);
        stream_ = nullptr;
        done_before_ += text.size();
        // A NUL byte looks like the end to the reader; the thorough loader reports it.
        constexpr unsigned required = 1U | 4U | 8U;  // entente, actors, claims
        const bool ok = !reader.HasParseError() && stream.Tell() == text.size() &&
                        (root_seen_ & required) == required;
        if (ok && progress_ != nullptr) {
            (*progress_)(done_before_, total_);  // each file once it is read, however small
        }
        return ok;
    }

    // After every file: references, holders, ids, defaults. False when any would be an error.
    bool finish() {
        for (const auto& [actor, holder] : holders_) {
            const auto it = actor_ids_.find(holder);
            if (it == actor_ids_.end() || data_.actors[actor].kind != ActorKind::position ||
                !takes_sides(data_.actors[it->second].kind)) {
                return false;
            }
            data_.actors[actor].holder = it->second;
        }
        for (const PendingRef& ref : pending_) {
            Claim& c = data_.claims[ref.claim];
            const IdMap& ids = ref.field == Field::relation ? relation_ids_
                               : ref.field == Field::source ? source_ids_
                                                            : actor_ids_;
            const auto it = ids.find(ref.id);
            if (it == ids.end()) {
                return false;
            }
            (ref.field == Field::subject    ? c.subject
             : ref.field == Field::object   ? c.object
             : ref.field == Field::relation ? c.relation
                                            : c.source) = it->second;
        }
        pending_ = {};
        bool unnamed = false;
        for (Claim& c : data_.claims) {
            if (c.subject == c.object) {
                return false;
            }
            if (const auto it = actor_ids_.find(c.asserted_by); it != actor_ids_.end()) {
                c.asserted_by_actor = it->second;
            }
            unnamed = unnamed || c.id.empty();
        }
        const auto claim_id = [this](Index i) -> std::string_view { return data_.claims[i].id; };
        std::vector<Index> slots = make_id_slots(data_.claims.size());
        for (Index i = 0; i < data_.claims.size(); ++i) {
            if (!data_.claims[i].id.empty() && insert_id(slots, i, claim_id) != no_index) {
                return false;  // a repeated claim id
            }
        }
        if (unnamed) {
            // The same rule as the thorough loader: content ids, numbered on a clash.
            for (Index i = 0; i < data_.claims.size(); ++i) {
                Claim& c = data_.claims[i];
                if (!c.id.empty()) {
                    continue;
                }
                std::string id = content_id(c, data_);
                for (int n = 2; find_id(slots, id, claim_id) != no_index; ++n) {
                    id = content_id(c, data_) + "-" + std::to_string(n);
                }
                c.id = std::move(id);
                c.id_assigned = true;
                insert_id(slots, i, claim_id);
            }
        }
        for (Claim& c : data_.claims) {
            if (c.asserted_by.empty()) {
                const Source& s = data_.sources[c.source];
                c.asserted_by = !s.author.empty()      ? s.author
                                : !s.publisher.empty() ? s.publisher
                                                       : s.title;
            }
        }
        return true;
    }

    // Progress is reported every few thousand records, in bytes of all the files.
    void set_progress(const LoadProgress& progress, std::size_t total) {
        progress_ = progress ? &progress : nullptr;
        total_ = total;
    }

    Dataset& data() { return data_; }
    const std::vector<Place>& actor_places() const { return actor_places_; }
    const std::vector<Place>& claim_places() const { return claim_places_; }

    // ---- SAX events ----

    bool Null() { return false; }
    bool Bool(bool b) {
        if (depth_ != 3 || table_ != Table::relations || field_ != Field::symmetric) {
            return false;
        }
        relation_.symmetric = b;
        return true;
    }
    bool Int(int i) { return integer(i); }
    bool Uint(unsigned u) { return integer(static_cast<std::int64_t>(u)); }
    bool Int64(std::int64_t i) { return integer(i); }
    bool Uint64(std::uint64_t u) {
        return u <= static_cast<std::uint64_t>(INT64_MAX) && integer(static_cast<std::int64_t>(u));
    }
    bool Double(double d) {
        if (depth_ == 3 && table_ == Table::claims && field_ == Field::confidence) {
            return confidence(d);
        }
        return false;  // polarity and the format version are integers
    }
    bool RawNumber(const char*, rapidjson::SizeType, bool) { return false; }

    bool String(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view v(s, n);
        if (std::memchr(s, '\0', n) != nullptr) {
            return false;  // the thorough loader reads some fields as C strings
        }
        // Bytes bound characters from above: within the limit in bytes is within it in
        // characters; anything longer goes to the thorough loader, which counts exactly.
        const bool long_text = depth_ == 3 && (field_ == Field::quote || field_ == Field::note ||
                                               field_ == Field::title || field_ == Field::url);
        if (n > (long_text ? limits_.max_text_length : limits_.max_name_length)) {
            return false;
        }
        if (depth_ == 4) {
            if (v.empty()) {
                return false;
            }
            actor_.aliases.emplace_back(v);
            return true;
        }
        if (depth_ != 3) {
            return false;
        }
        switch (table_) {
            case Table::sources:
                return source_string(v);
            case Table::relations:
                return relation_string(v);
            case Table::actors:
                return actor_string(v);
            case Table::claims:
                return claim_string(v);
            case Table::none:
                return false;
        }
        return false;
    }

    bool StartObject() {
        if (depth_ == 0) {
            depth_ = 1;
            return true;
        }
        if (depth_ != 2) {
            return false;
        }
        depth_ = 3;
        seen_ = 0;
        if (++records_ > limits_.max_records) {
            return false;
        }
        place_ = {file_, element_++, stream_->Tell() - 1};
        switch (table_) {
            case Table::sources:
                source_ = {};
                break;
            case Table::relations:
                relation_ = {};
                break;
            case Table::actors:
                actor_ = {};
                holder_.clear();
                break;
            case Table::claims:
                start_claim();
                break;
            case Table::none:
                return false;
        }
        return true;
    }

    bool Key(const char* s, rapidjson::SizeType n, bool) {
        const std::string_view key(s, n);
        if (depth_ == 1) {
            unsigned b = 0;
            if (key == "entente") {
                b = 1;
                table_ = Table::none;
            } else if (key == "sources") {
                b = 2;
                table_ = Table::sources;
            } else if (key == "actors") {
                b = 4;
                table_ = Table::actors;
            } else if (key == "claims") {
                b = 8;
                table_ = Table::claims;
            } else if (key == "relations") {
                b = 16;
                table_ = Table::relations;
            }
            if (b == 0 || (root_seen_ & b) != 0) {
                return false;
            }
            root_seen_ |= b;
            return true;
        }
        if (depth_ != 3) {
            return false;
        }
        field_ = field_of(table_, key);
        if (field_ == Field::unknown || (seen_ & bit(field_)) != 0) {
            return false;
        }
        seen_ |= bit(field_);
        return true;
    }

    bool EndObject(rapidjson::SizeType) {
        if (depth_ == 1) {
            depth_ = 0;
            return true;
        }
        if (depth_ != 3) {
            return false;
        }
        depth_ = 2;
        if (progress_ != nullptr && (element_ & 0xFFF) == 0) {
            (*progress_)(done_before_ + stream_->Tell(), total_);
        }
        switch (table_) {
            case Table::sources:
                return end_source();
            case Table::relations:
                return end_relation();
            case Table::actors:
                return end_actor();
            case Table::claims:
                return end_claim();
            case Table::none:
                return false;
        }
        return false;
    }

    bool StartArray() {
        if (depth_ == 1 && table_ != Table::none) {
            depth_ = 2;
            element_ = 0;
            return true;
        }
        if (depth_ == 3 && table_ == Table::actors && field_ == Field::aliases) {
            depth_ = 4;
            return true;
        }
        return false;
    }

    bool EndArray(rapidjson::SizeType) {
        if (depth_ != 2 && depth_ != 4) {
            return false;
        }
        --depth_;
        return true;
    }

  private:
    bool integer(std::int64_t i) {
        if (depth_ == 1 && table_ == Table::none) {
            return i == 1;  // format version 1
        }
        if (depth_ != 3) {
            return false;
        }
        if (table_ == Table::relations && field_ == Field::polarity) {
            if (i < -1 || i > 1) {
                return false;
            }
            relation_.polarity = static_cast<int>(i);
            return true;
        }
        if (table_ == Table::claims && field_ == Field::confidence) {
            return confidence(static_cast<double>(i));
        }
        return false;
    }

    bool confidence(double d) {
        if (!(d > 0.0 && d <= 1.0)) {
            return false;
        }
        claim().confidence = d;
        return true;
    }

    // An id, as the schema's "id" definition asks.
    static bool id(std::string& out, std::string_view v) {
        if (!is_id(v)) {
            return false;
        }
        out.assign(v);
        return true;
    }

    // Non-empty text, as the schema's "text" definition asks.
    static bool text(std::string& out, std::string_view v) {
        if (v.empty()) {
            return false;
        }
        out.assign(v);
        return true;
    }

    bool source_string(std::string_view v) {
        switch (field_) {
            case Field::id:
                return id(source_.id, v);
            case Field::title:
                return text(source_.title, v);
            case Field::author:
                return text(source_.author, v);
            case Field::publisher:
                return text(source_.publisher, v);
            case Field::url:
                return text(source_.url, v);
            case Field::note:
                source_.note.assign(v);
                return true;
            case Field::date:
                return (source_.date = date_of(v)).has_value();
            default:
                return false;
        }
    }

    bool end_source() {
        if ((seen_ & (bit(Field::id) | bit(Field::title))) !=
            (bit(Field::id) | bit(Field::title))) {
            return false;
        }
        if (!source_ids_.emplace(source_.id, static_cast<Index>(data_.sources.size())).second) {
            return false;
        }
        data_.sources.push_back(std::move(source_));
        return true;
    }

    bool relation_string(std::string_view v) {
        switch (field_) {
            case Field::id:
                return id(relation_.id, v);
            case Field::label:
                return text(relation_.label, v);
            case Field::note:
                relation_.note.assign(v);
                return true;
            default:
                return false;
        }
    }

    bool end_relation() {
        constexpr std::uint32_t required =
            bit(Field::id) | bit(Field::label) | bit(Field::polarity);
        if ((seen_ & required) != required ||
            !relation_ids_.emplace(relation_.id, static_cast<Index>(data_.relations.size()))
                 .second) {
            return false;  // missing fields, a repeated id, or a built-in redefined
        }
        data_.relations.push_back(std::move(relation_));
        return true;
    }

    bool actor_string(std::string_view v) {
        switch (field_) {
            case Field::id:
                return id(actor_.id, v);
            case Field::name:
                return text(actor_.name, v);
            case Field::note:
                actor_.note.assign(v);
                return true;
            case Field::kind: {
                const auto kind = parse_actor_kind(v);
                if (!kind) {
                    return false;
                }
                actor_.kind = *kind;
                return true;
            }
            case Field::holder:
                return id(holder_, v);
            default:
                return false;
        }
    }

    bool end_actor() {
        constexpr std::uint32_t required = bit(Field::id) | bit(Field::name) | bit(Field::kind);
        const auto index = static_cast<Index>(data_.actors.size());
        if ((seen_ & required) != required || !actor_ids_.emplace(actor_.id, index).second) {
            return false;
        }
        if (!holder_.empty()) {
            holders_.emplace_back(index, holder_);
        }
        data_.actors.push_back(std::move(actor_));
        actor_places_.push_back(place_);
        return true;
    }

    Claim& claim() { return data_.claims.back(); }

    void start_claim() {
        data_.claims.emplace_back();
        claim_places_.push_back(place_);
    }

    // A reference resolves now when its record is known, else once every file is read.
    bool reference(Index& out, const IdMap& ids, std::string_view v) {
        if (!is_id(v)) {
            return false;
        }
        if (const auto it = ids.find(v); it != ids.end()) {
            out = it->second;
        } else {
            pending_.push_back(
                {static_cast<Index>(data_.claims.size() - 1), field_, std::string(v)});
        }
        return true;
    }

    bool claim_string(std::string_view v) {
        Claim& c = claim();
        switch (field_) {
            case Field::id:
                return id(c.id, v);
            case Field::subject:
                return reference(c.subject, actor_ids_, v);
            case Field::object:
                return reference(c.object, actor_ids_, v);
            case Field::relation:
                return reference(c.relation, relation_ids_, v);
            case Field::source:
                // Claims from one source tend to come together.
                if (v == last_source_.first && !v.empty()) {
                    c.source = last_source_.second;
                    return true;
                }
                if (!reference(c.source, source_ids_, v)) {
                    return false;
                }
                if (c.source != no_index) {
                    last_source_ = {std::string(v), c.source};
                }
                return true;
            case Field::quote:
                return text(c.quote, v);
            case Field::asserted_by:
                return text(c.asserted_by, v);
            case Field::note:
                c.note.assign(v);
                return true;
            case Field::from:
                return (c.from = date_of(v)).has_value();
            case Field::until:
                return (c.until = date_of(v)).has_value();
            default:
                return false;
        }
    }

    bool end_claim() {
        constexpr std::uint32_t required =
            bit(Field::subject) | bit(Field::relation) | bit(Field::object) | bit(Field::source);
        const Claim& c = claim();
        return (seen_ & required) == required &&
               !(c.from && c.until && c.from->earliest() > c.until->latest());
    }

    Dataset data_;
    IdMap source_ids_, relation_ids_, actor_ids_;
    std::vector<std::pair<Index, std::string>> holders_;
    std::vector<PendingRef> pending_;
    std::vector<Place> actor_places_, claim_places_;
    std::pair<std::string, Index> last_source_{"", no_index};

    const LoadLimits& limits_;
    std::size_t records_ = 0;  // in all files, as the limit counts them
    const LoadProgress* progress_ = nullptr;
    std::size_t total_ = 0;
    std::size_t done_before_ = 0;  // bytes of the files already parsed

    // The parse in progress.
    const TextStream* stream_ = nullptr;
    std::uint32_t file_ = 0;
    int depth_ = 0;
    unsigned root_seen_ = 0;
    Table table_ = Table::none;
    std::uint32_t element_ = 0;
    Field field_ = Field::unknown;
    std::uint32_t seen_ = 0;
    Place place_;
    Source source_;
    Relation relation_;
    Actor actor_;
    std::string holder_;
};

// Positions of records for warnings, computed only when a warning needs one.
class PlaceSink : public WarningSink {
  public:
    PlaceSink(const std::vector<InputFile>& files, const Builder& builder)
        : files_(files), builder_(builder), positions_(files.size()) {}

    void warn_claim(Index claim, std::string message) override {
        add(builder_.claim_places()[claim], "/claims/", std::move(message));
    }
    void warn_actor(Index actor, std::string message) override {
        add(builder_.actor_places()[actor], "/actors/", std::move(message));
    }
    std::string claim_location(Index claim) const override {
        const Place& p = builder_.claim_places()[claim];
        const TextPosition at = position(p);
        return files_[p.file].name + ":" + std::to_string(at.line) + ":" +
               std::to_string(at.column);
    }

    // The warnings by file, then position, as the thorough loader orders them.
    std::vector<Diagnostic> take() {
        std::stable_sort(out_.begin(), out_.end(), [](const auto& a, const auto& b) {
            return std::tie(a.first.file, a.first.offset) < std::tie(b.first.file, b.first.offset);
        });
        std::vector<Diagnostic> diagnostics;
        diagnostics.reserve(out_.size());
        for (auto& entry : out_) {
            diagnostics.push_back(std::move(entry.second));
        }
        return diagnostics;
    }

  private:
    void add(const Place& p, const char* table, std::string message) {
        Diagnostic d;
        d.severity = Severity::warning;
        d.file = files_[p.file].name;
        const TextPosition at = position(p);
        d.line = at.line;
        d.column = at.column;
        d.pointer = table + std::to_string(p.element);
        d.message = std::move(message);
        out_.emplace_back(p, std::move(d));
    }

    // Line and column as the thorough loader gives them; a file is indexed on its first warning.
    TextPosition position(const Place& p) const {
        auto& index = positions_[p.file];
        if (!index) {
            index.emplace(files_[p.file].text);
        }
        return index->at(p.offset);
    }

    const std::vector<InputFile>& files_;
    const Builder& builder_;
    mutable std::vector<std::optional<TextPositions>> positions_;
    std::vector<std::pair<Place, Diagnostic>> out_;
};

}  // namespace

std::optional<LoadResult> fast_load(const std::vector<InputFile>& files, const LoadLimits& limits,
                                    const LoadProgress& progress) {
    if (files.empty() || files.size() > UINT32_MAX) {
        return std::nullopt;
    }
    std::size_t total = 0;
    for (const auto& f : files) {
        total += f.text.size();
    }
    if (total > limits.max_bytes) {
        return std::nullopt;  // the thorough loader names the file that goes over
    }
    Builder builder(limits);
    builder.set_progress(progress, total);
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!builder.parse(files[i], static_cast<std::uint32_t>(i))) {
            return std::nullopt;
        }
    }
    if (!builder.finish()) {
        return std::nullopt;
    }

    LoadResult result;
    result.files = files.size();
    PlaceSink sink(files, builder);
    check_claim_warnings(builder.data(), sink);
    result.graph.emplace(std::move(builder.data()));
    check_shared_names(result.graph->data(), result.graph->names(), sink);
    result.diagnostics = sink.take();
    result.omitted_warnings = cap_similar_warnings(result.diagnostics, limits.max_similar_warnings);
    return result;
}

}  // namespace entente::detail
