#include "entente/load/loader.hpp"

#include <fcntl.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <memory>
#include <set>
#include <unordered_map>

#include "entente/load/compiled.hpp"
#include "entente/load/embedded.hpp"
#include "entente/model/text.hpp"
#include "load/dataset_rules.hpp"
#include "load/fast_loader.hpp"
#include "load/json_document.hpp"
#include "load/schema_check.hpp"

namespace entente {

namespace {

using detail::JsonDocument;
using detail::SchemaPart;
using rapidjson::Value;

// A record (one element of sources, relations, actors or claims) and where it came from.
struct Record {
    std::size_t file = 0;
    const Value* value = nullptr;
    std::string pointer;
};

std::string number_text(const Value& value) {
    rapidjson::StringBuffer buffer;
    rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
    value.Accept(writer);
    return buffer.GetString();
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
    std::string out;
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        out += i == 0 ? "; did you mean \"" : (i + 1 == suggestions.size() ? " or \"" : ", \"");
        out += suggestions[i] + "\"";
    }
    return suggestions.empty() ? out : out + "?";
}

// Members whose strings are long texts (LoadLimits::max_text_length); others are names.
constexpr std::string_view text_fields[] = {"quote", "note", "title", "url"};

// Suggesting near names compares the unknown one with every known one; past this many pairs of
// characters compared in one load, unknown names are reported without suggestions, so that a
// file full of bad references is still checked in seconds.
constexpr std::size_t suggestion_budget = 100'000'000;

class Loader {
  public:
    Loader(const std::vector<InputFile>& files, const LoadLimits& limits)
        : files_(files), limits_(limits) {}

    LoadResult run() {
        for (std::size_t i = 0; i < files_.size(); ++i) {
            parse_file(i);
        }
        load_sources();
        load_relations();
        load_actors();
        load_claims();
        check_claim_warnings();

        LoadResult result;
        result.files = files_.size();
        std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
            return std::tie(a.file, a.offset) < std::tie(b.file, b.offset);
        });
        for (auto& p : pending_) {
            result.diagnostics.push_back(std::move(p.diagnostic));
        }
        result.omitted_warnings =
            detail::cap_similar_warnings(result.diagnostics, limits_.max_similar_warnings);
        if (result.error_count() == 0) {
            result.graph.emplace(std::move(data_));
        }
        return result;
    }

  private:
    struct Pending {
        std::size_t file = 0;
        std::size_t offset = 0;
        Diagnostic diagnostic;
    };

    // ---- reporting ----

    void add(Severity severity, std::size_t file, std::size_t offset, std::string pointer,
             std::string message) {
        Diagnostic d;
        d.severity = severity;
        d.file = files_[file].name;
        const auto pos = docs_[file]->position_of(offset);
        d.line = pos.line;
        d.column = pos.column;
        d.pointer = std::move(pointer);
        d.message = std::move(message);
        pending_.push_back({file, offset, std::move(d)});
    }
    void report(Severity severity, const Record& r, const Value& at, const std::string& pointer,
                std::string message) {
        add(severity, r.file, docs_[r.file]->offset_of(at), pointer, std::move(message));
    }
    // Reports at a field of the record, or at the record itself when the field is absent.
    void report_field(Severity severity, const Record& r, const char* field, std::string message) {
        const Value* v = member(r, field);
        report(severity, r, v ? *v : *r.value, v ? field_pointer(r, field) : r.pointer,
               std::move(message));
    }
    std::string location(const Record& r, const Value& at) const {
        const auto pos = docs_[r.file]->position_of(docs_[r.file]->offset_of(at));
        return files_[r.file].name + ":" + std::to_string(pos.line) + ":" +
               std::to_string(pos.column);
    }

    // ---- field access that tolerates wrong types (the schema has reported those) ----

    static const Value* member(const Record& r, const char* name) {
        const auto it = r.value->FindMember(name);
        return it == r.value->MemberEnd() ? nullptr : &it->value;
    }
    static std::string field_pointer(const Record& r, const char* name) {
        return r.pointer + "/" + name;
    }
    // A string field the schema accepted, or nullptr (absent, or already reported as bad).
    const Value* good_string(const Record& r, const char* name) const {
        const Value* v = member(r, name);
        if (v == nullptr || !v->IsString() || bad_.count(field_pointer(r, name)) != 0) {
            return nullptr;
        }
        return v;
    }
    std::string text(const Record& r, const char* name) const {
        const Value* v = good_string(r, name);
        return v ? std::string(v->GetString(), v->GetStringLength()) : std::string();
    }

    // ---- parsing and the schema ----

    // A file past the byte limit is not parsed: the whole file gets one error.
    bool within_byte_limit(std::size_t i) {
        const std::uint64_t size = files_[i].text.size();
        bytes_ += size;
        if (bytes_ <= limits_.max_bytes) {
            return true;
        }
        const std::string limit = "one command loads at most " + std::to_string(limits_.max_bytes) +
                                  " bytes (--max-bytes)";
        Diagnostic d{
            Severity::error,
            files_[i].name,
            0,
            0,
            "",
            size > limits_.max_bytes
                ? "file of " + std::to_string(size) + " bytes; " + limit
                : "this file brings the data to " + std::to_string(bytes_) + " bytes; " + limit};
        pending_.push_back({i, 0, std::move(d)});
        docs_.push_back(std::make_unique<JsonDocument>(std::string_view()));
        return false;
    }

    void parse_file(std::size_t i) {
        if (!within_byte_limit(i)) {
            return;
        }
        const detail::StringLimits strings{limits_.max_name_length, limits_.max_text_length,
                                           text_fields};
        docs_.push_back(std::make_unique<JsonDocument>(files_[i].text, strings));
        const JsonDocument& doc = *docs_.back();
        for (const auto& problem : doc.problems()) {
            add(Severity::error, i, problem.offset, problem.pointer, problem.message);
        }
        if (!doc.ok()) {
            return;
        }
        const Value& root = doc.root();
        Record root_record{i, &root, ""};
        check(SchemaPart::root, root_record);
        if (!root.IsObject()) {
            return;
        }
        collect(root_record, "sources", SchemaPart::source, sources_);
        collect(root_record, "relations", SchemaPart::relation, relations_);
        collect(root_record, "actors", SchemaPart::actor, actors_);
        collect(root_record, "claims", SchemaPart::claim, claims_);
    }

    void check(SchemaPart part, const Record& r) {
        std::vector<detail::SchemaIssue> issues;
        detail::check_schema(part, *r.value, r.pointer, issues);
        for (auto& issue : issues) {
            bad_.insert(issue.pointer);
            report(Severity::error, r, *issue.at, issue.pointer, std::move(issue.message));
        }
    }

    void collect(const Record& root, const char* name, SchemaPart part, std::vector<Record>& out) {
        const Value* array = member(root, name);
        if (array == nullptr || !array->IsArray()) {
            return;
        }
        std::size_t k = 0;
        for (const auto& element : array->GetArray()) {
            Record r{root.file, &element, "/" + std::string(name) + "/" + std::to_string(k++)};
            if (records_++ == limits_.max_records) {
                report(Severity::error, r, element, r.pointer,
                       "more than " + std::to_string(limits_.max_records) +
                           " records (sources, relations, actors and claims together); one "
                           "command loads at most " +
                           std::to_string(limits_.max_records) + " (--max-records)");
            }
            if (records_ > limits_.max_records) {
                return;
            }
            check(part, r);
            if (element.IsObject()) {
                out.push_back(std::move(r));
            }
        }
    }

    // ---- tables ----

    // Registers an id; reports a duplicate with where it was first defined.
    bool register_id(std::unordered_map<std::string, Index>& ids,
                     std::vector<const Record*>& records, const char* what, const Record& r,
                     Index index) {
        const Value* v = good_string(r, "id");
        if (v == nullptr) {
            return false;
        }
        const auto [it, inserted] = ids.emplace(v->GetString(), index);
        if (!inserted) {
            const Record& first = *records[it->second];
            report_field(Severity::error, r, "id",
                         std::string("duplicate ") + what + " id \"" + v->GetString() +
                             "\" (first defined at " + location(first, *first.value) + ")");
        }
        return inserted;
    }

    std::optional<Date> date_field(const Record& r, const char* name) {
        const Value* v = good_string(r, name);
        if (v == nullptr) {
            return std::nullopt;
        }
        auto date = parse_date(v->GetString());
        if (!date) {
            report_field(Severity::error, r, name,
                         std::string("\"") + v->GetString() + "\" is not a calendar date");
        }
        return date;
    }

    void load_sources() {
        for (const Record& r : sources_) {
            Source s;
            s.id = text(r, "id");
            s.title = text(r, "title");
            s.author = text(r, "author");
            s.publisher = text(r, "publisher");
            s.url = text(r, "url");
            s.note = text(r, "note");
            s.date = date_field(r, "date");
            const auto index = static_cast<Index>(data_.sources.size());
            source_records_.push_back(&r);
            register_id(source_ids_, source_records_, "source", r, index);
            data_.sources.push_back(std::move(s));
        }
    }

    void load_relations() {
        for (const Relation& builtin : builtin_relations()) {
            relation_ids_.emplace(builtin.id, static_cast<Index>(data_.relations.size()));
            relation_records_.push_back(nullptr);
            data_.relations.push_back(builtin);
        }
        for (const Record& r : relations_) {
            Relation rel;
            rel.id = text(r, "id");
            rel.label = text(r, "label");
            rel.note = text(r, "note");
            if (const Value* p = member(r, "polarity"); p && p->IsInt()) {
                rel.polarity = p->GetInt();
            }
            if (const Value* s = member(r, "symmetric"); s && s->IsBool()) {
                rel.symmetric = s->GetBool();
            }
            if (const auto it = relation_ids_.find(rel.id);
                it != relation_ids_.end() && relation_records_[it->second] == nullptr) {
                report_field(
                    Severity::error, r, "id",
                    "relation \"" + rel.id + "\" is built in; a dataset cannot redefine it");
                continue;
            }
            const auto index = static_cast<Index>(data_.relations.size());
            relation_records_.push_back(&r);
            register_id(relation_ids_, relation_records_, "relation", r, index);
            data_.relations.push_back(std::move(rel));
        }
    }

    void load_actors() {
        for (const Record& r : actors_) {
            Actor a;
            a.id = text(r, "id");
            a.name = text(r, "name");
            a.note = text(r, "note");
            if (const Value* k = good_string(r, "kind")) {
                a.kind = parse_actor_kind(k->GetString()).value_or(ActorKind::state);
            }
            if (const Value* aliases = member(r, "aliases"); aliases && aliases->IsArray()) {
                for (const auto& alias : aliases->GetArray()) {
                    if (alias.IsString() && alias.GetStringLength() > 0) {
                        a.aliases.emplace_back(alias.GetString(), alias.GetStringLength());
                    }
                }
            }
            const auto index = static_cast<Index>(data_.actors.size());
            actor_records_.push_back(&r);
            register_id(actor_ids_, actor_records_, "actor", r, index);
            data_.actors.push_back(std::move(a));
        }
        names_ = std::make_unique<NameIndex>(data_.actors);
        // Holders refer to actors anywhere in the dataset, so they resolve once all are known.
        for (Index i = 0; i < data_.actors.size(); ++i) {
            const Record& r = *actor_records_[i];
            const Value* holder = good_string(r, "holder");
            if (holder == nullptr) {
                continue;
            }
            Actor& a = data_.actors[i];
            if (good_string(r, "kind") && a.kind != ActorKind::position) {
                report_field(Severity::error, r, "holder",
                             "\"holder\" is allowed only on positions, and \"" + a.id + "\" is a " +
                                 std::string(to_string(a.kind)));
                continue;
            }
            const Index h = resolve_actor(r, "holder");
            if (h == no_index) {
                continue;
            }
            if (!takes_sides(data_.actors[h].kind)) {
                report_field(Severity::error, r, "holder",
                             "holder \"" + data_.actors[h].id + "\" is a " +
                                 std::string(to_string(data_.actors[h].kind)) +
                                 "; a holder must be a state, organization, person or group");
                continue;
            }
            a.holder = h;
        }
        Sink sink(*this);
        detail::check_shared_names(data_, *names_, sink);
    }

    // Spends the suggestion budget on comparing `name` with names of `chars` characters in all;
    // false once it is spent (and from then on, so the cut-off does not depend on name lengths).
    bool afford_suggestions(const std::string& name, std::size_t chars) {
        const std::size_t cost = (name.size() + 1) * (chars + 1);
        if (cost > suggestions_left_) {
            suggestions_left_ = 0;
            return false;
        }
        suggestions_left_ -= cost;
        return true;
    }
    std::size_t actor_name_chars() {
        if (actor_name_chars_ == 0) {
            for (const Actor& a : data_.actors) {
                actor_name_chars_ += a.id.size() + a.name.size() + 1;
                for (const auto& alias : a.aliases) {
                    actor_name_chars_ += alias.size();
                }
            }
        }
        return actor_name_chars_;
    }

    Index resolve_actor(const Record& r, const char* field) {
        const Value* v = good_string(r, field);
        if (v == nullptr) {
            return no_index;
        }
        const std::string id = v->GetString();
        if (const auto it = actor_ids_.find(id); it != actor_ids_.end()) {
            return it->second;
        }
        // Someone who writes "usa" for "united-states" is helped by the aliases first.
        std::vector<std::string> suggestions;
        for (Index i : names_->find(id)) {
            // Two actors can share an id when the data defines one twice (reported apart).
            if (std::find(suggestions.begin(), suggestions.end(), data_.actors[i].id) ==
                suggestions.end()) {
                suggestions.push_back(data_.actors[i].id);
            }
        }
        if (suggestions.empty() && afford_suggestions(id, actor_name_chars())) {
            suggestions = names_->suggest(id);
        }
        report_field(Severity::error, r, field,
                     "unknown actor \"" + id + "\"" + did_you_mean(suggestions));
        return no_index;
    }

    Index resolve(const Record& r, const char* field, const char* what,
                  const std::unordered_map<std::string, Index>& ids) {
        const Value* v = good_string(r, field);
        if (v == nullptr) {
            return no_index;
        }
        const std::string id = v->GetString();
        if (const auto it = ids.find(id); it != ids.end()) {
            return it->second;
        }
        std::vector<std::string> known;
        std::size_t chars = 0;
        for (const auto& entry : ids) {
            known.push_back(entry.first);
            chars += entry.first.size();
        }
        report_field(Severity::error, r, field,
                     std::string("unknown ") + what + " \"" + id + "\"" +
                         did_you_mean(afford_suggestions(id, chars) ? nearest_names(id, known)
                                                                    : std::vector<std::string>{}));
        return no_index;
    }

    void load_claims() {
        std::unordered_map<std::string, Index> claim_ids;
        std::vector<const Record*> records;
        for (const Record& r : claims_) {
            Claim c;
            c.subject = resolve_actor(r, "subject");
            c.relation = resolve(r, "relation", "relation", relation_ids_);
            c.object = resolve_actor(r, "object");
            c.source = resolve(r, "source", "source", source_ids_);
            c.quote = text(r, "quote");
            c.asserted_by = text(r, "asserted_by");
            c.note = text(r, "note");
            if (c.subject != no_index && c.subject == c.object) {
                report_field(Severity::error, r, "object",
                             "subject and object are both \"" + data_.actors[c.subject].id +
                                 "\"; a claim relates two different actors");
            }
            if (const Value* conf = member(r, "confidence"); conf && conf->IsNumber()) {
                c.confidence = conf->GetDouble();
                if (!(c.confidence > 0.0 && c.confidence <= 1.0)) {
                    report_field(Severity::error, r, "confidence",
                                 "confidence must be greater than 0 and at most 1, got " +
                                     number_text(*conf));
                }
            }
            c.from = date_field(r, "from");
            c.until = date_field(r, "until");
            if (c.from && c.until && c.from->earliest() > c.until->latest()) {
                report_field(Severity::error, r, "from",
                             "\"from\" " + c.from->to_string() + " is after \"until\" " +
                                 c.until->to_string());
            }
            if (const auto it = actor_ids_.find(c.asserted_by); it != actor_ids_.end()) {
                c.asserted_by_actor = it->second;
            }
            const auto index = static_cast<Index>(data_.claims.size());
            records.push_back(&r);
            claim_records_.push_back(&r);
            if (register_id(claim_ids, records, "claim", r, index)) {
                c.id = text(r, "id");
            }
            data_.claims.push_back(std::move(c));
        }
        // Claims without an id get one from their content; a clash gets a numbered suffix.
        for (Claim& c : data_.claims) {
            if (!c.id.empty() || c.subject == no_index || c.relation == no_index ||
                c.object == no_index || c.source == no_index) {
                continue;
            }
            std::string id = detail::content_id(c, data_);
            for (int n = 2; claim_ids.count(id) != 0; ++n) {
                id = detail::content_id(c, data_) + "-" + std::to_string(n);
            }
            claim_ids.emplace(id, static_cast<Index>(&c - data_.claims.data()));
            c.id = std::move(id);
            c.id_assigned = true;
        }
        for (Claim& c : data_.claims) {
            if (c.asserted_by.empty() && c.source != no_index) {
                const Source& s = data_.sources[c.source];
                c.asserted_by = !s.author.empty()      ? s.author
                                : !s.publisher.empty() ? s.publisher
                                                       : s.title;
            }
        }
    }

    // Warnings go to the record they are about, in this loader's positions.
    class Sink : public detail::WarningSink {
      public:
        explicit Sink(Loader& loader) : loader_(loader) {}
        void warn_claim(Index claim, std::string message) override {
            const Record& r = *loader_.claim_records_[claim];
            loader_.report(Severity::warning, r, *r.value, r.pointer, std::move(message));
        }
        void warn_actor(Index actor, std::string message) override {
            const Record& r = *loader_.actor_records_[actor];
            loader_.report(Severity::warning, r, *r.value, r.pointer, std::move(message));
        }
        std::string claim_location(Index claim) const override {
            const Record& r = *loader_.claim_records_[claim];
            return loader_.location(r, *r.value);
        }

      private:
        Loader& loader_;
    };

    void check_claim_warnings() {
        Sink sink(*this);
        detail::check_claim_warnings(data_, sink);
    }

    const std::vector<InputFile>& files_;
    const LoadLimits& limits_;
    std::uint64_t bytes_ = 0;                           // bytes of the files parsed so far
    std::size_t records_ = 0;                           // records collected so far
    std::size_t suggestions_left_ = suggestion_budget;  // see afford_suggestions
    std::size_t actor_name_chars_ = 0;
    std::vector<std::unique_ptr<JsonDocument>> docs_;
    std::vector<Pending> pending_;
    std::set<std::string> bad_;  // pointers of values the schema rejected
    std::vector<Record> sources_, relations_, actors_, claims_;
    std::vector<const Record*> source_records_, relation_records_, actor_records_, claim_records_;
    std::unordered_map<std::string, Index> source_ids_, relation_ids_, actor_ids_;
    std::unique_ptr<NameIndex> names_;
    Dataset data_;
};

}  // namespace

std::size_t LoadResult::error_count() const {
    return static_cast<std::size_t>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t LoadResult::warning_count() const {
    return diagnostics.size() - error_count() + omitted_warnings;
}

namespace detail {

LoadResult thorough_load(const std::vector<InputFile>& files, const LoadLimits& limits) {
    return Loader(files, limits).run();
}

}  // namespace detail

LoadResult load_dataset(const std::vector<InputFile>& files, const LoadLimits& limits,
                        const LoadProgress& progress) {
    if (std::any_of(files.begin(), files.end(),
                    [](const InputFile& f) { return is_compiled(f.text); })) {
        if (files.size() == 1) {
            return from_compiled(files.front().text, files.front().name, limits);
        }
        // Merging would mean resolving JSON references against binary tables; compiling the
        // files together is simpler and as fast to load.
        LoadResult result;
        result.files = files.size();
        for (const auto& f : files) {
            if (is_compiled(f.text)) {
                Diagnostic d;
                d.file = f.name;
                d.message =
                    "a compiled dataset is loaded on its own; to add files to it, compile them "
                    "together (entente compile --data DATA --with FILE -o OUT)";
                result.diagnostics.push_back(std::move(d));
            }
        }
        return result;
    }
    // Most files are valid: one streaming pass builds them. Anything else takes the thorough
    // path, which finds and reports every problem with its position.
    if (auto fast = detail::fast_load(files, limits, progress)) {
        return std::move(*fast);
    }
    return detail::thorough_load(files, limits);
}

std::vector<InputFile> read_dataset_path(const std::filesystem::path& path,
                                         std::vector<Diagnostic>& diagnostics,
                                         const LoadLimits& limits) {
    namespace fs = std::filesystem;
    std::vector<InputFile> out;
    auto fail = [&](const std::string& name, const std::string& message) {
        Diagnostic d;
        d.file = name;
        d.message = message;
        diagnostics.push_back(std::move(d));
    };
    auto too_big = [&](const fs::path& file, std::uint64_t size) {
        fail(file.string(), "file of " + std::to_string(size) +
                                " bytes; one command loads at most " +
                                std::to_string(limits.max_bytes) + " bytes (--max-bytes)");
    };
    auto read = [&](const fs::path& file) {
        // Non-blocking, and checked once open: a path that became a FIFO must not hang us.
        const int fd = ::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            fail(file.string(), std::string("cannot read: ") + std::strerror(errno));
            return;
        }
        struct stat st {};
        if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
            ::close(fd);
            fail(file.string(), "not a regular file or a directory");
            return;
        }
        if (static_cast<std::uint64_t>(st.st_size) > limits.max_bytes) {
            ::close(fd);
            too_big(file, static_cast<std::uint64_t>(st.st_size));
            return;
        }
        // Read to the end but never past the limit: the size can change while we read.
        std::string text;
        char buffer[1 << 16];
        while (true) {
            const ssize_t n = ::read(fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR) {
                continue;
            }
            if (n < 0) {
                const int error = errno;
                ::close(fd);
                fail(file.string(), std::string("cannot read: ") + std::strerror(error));
                return;
            }
            if (n == 0) {
                break;
            }
            text.append(buffer, static_cast<std::size_t>(n));
            if (text.size() > limits.max_bytes) {
                ::close(fd);
                too_big(file, text.size());
                return;
            }
        }
        ::close(fd);
        out.push_back({file.string(), std::move(text)});
    };
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec && status.type() != fs::file_type::not_found) {
        fail(path.string(), "cannot read: " + ec.message());
    } else if (!fs::exists(status)) {
        fail(path.string(), "cannot read: no such file or directory");
    } else if (fs::is_directory(status)) {
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            if (entry.path().extension() == ".json" && entry.is_regular_file(ec)) {
                files.push_back(entry.path());
            }
        }
        if (ec) {
            fail(path.string(), "cannot read directory: " + ec.message());
        } else if (files.empty()) {
            fail(path.string(), "no *.json files in this directory");
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            read(file);
        }
    } else if (fs::is_regular_file(status)) {
        read(path);
    } else {
        fail(path.string(), "not a regular file or a directory");
    }
    return out;
}

}  // namespace entente

namespace entente {

// Defined by the source generated from graph/schema/ at build time.
std::span<const EmbeddedFile> embedded_schema();

std::string_view dataset_schema() {
    return embedded_schema().front().bytes;
}

}  // namespace entente
