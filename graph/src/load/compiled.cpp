#include "entente/load/compiled.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <tuple>

#include "load/compiled_format.hpp"
#include "load/rules.hpp"
#include "load/schema.hpp"

namespace entente {

namespace {

// A signature in the manner of PNG's: a high byte catches 7-bit transfers, and CR LF, ^Z and
// LF catch text-mode conversions.
constexpr std::string_view magic =
    "\x89"
    "ENTENTE\r\n\x1a\n";
constexpr std::size_t header_size = 12 + 4 + 8 + 8;  // magic, version, length, checksum

// A fast 64-bit checksum, eight bytes at a time: it catches damage, it is not a security seal.
std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
    std::size_t i = 0;
    for (; i + 8 <= bytes.size(); i += 8) {
        std::uint64_t w;
        std::memcpy(&w, bytes.data() + i, 8);
        h = std::rotl((h ^ w) * 0xff51afd7ed558ccdULL, 31) * 0xc4ceb9fe1a85ec53ULL;
    }
    for (; i < bytes.size(); ++i) {
        h = (h ^ static_cast<unsigned char>(bytes[i])) * 0x100000001b3ULL;
    }
    return h ^ (h >> 33);
}

// Little-endian whatever the machine, so a file moves between machines.
class Encoder {
  public:
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) { little_endian(v); }
    void u64(std::uint64_t v) { little_endian(v); }
    void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
    void str(std::string_view s) {
        u64(s.size());
        out_.append(s);
    }
    void date(const std::optional<Date>& d) {
        u8(d ? 1 : 0);
        if (d) {
            u32(static_cast<std::uint32_t>(d->year));
            u8(static_cast<std::uint8_t>(d->month));
            u8(static_cast<std::uint8_t>(d->day));
        }
    }
    std::string& out() { return out_; }

  private:
    template <class Unsigned>
    void little_endian(Unsigned v) {
        for (std::size_t i = 0; i < sizeof v; ++i) {
            u8(static_cast<std::uint8_t>(v >> (8 * i)));
        }
    }

    std::string out_;
};

// Thrown inside the decoder only; from_compiled turns them into diagnostics.
struct Damaged : std::runtime_error {
    using std::runtime_error::runtime_error;
};
struct OverLimit {};

class Decoder {
  public:
    explicit Decoder(std::string_view bytes) : bytes_(bytes) {}

    std::uint8_t u8() {
        need(1, "a byte");
        return static_cast<std::uint8_t>(bytes_[pos_++]);
    }
    std::uint32_t u32() { return little_endian<std::uint32_t>("a 4-byte number"); }
    std::uint64_t u64() { return little_endian<std::uint64_t>("an 8-byte number"); }
    double f64() { return std::bit_cast<double>(u64()); }
    std::string str() {
        const std::uint64_t n = u64();
        need(n, "a string");
        std::string s(bytes_.substr(pos_, static_cast<std::size_t>(n)));
        pos_ += static_cast<std::size_t>(n);
        return s;
    }
    // A count of records that each take at least `min_size` bytes: a damaged count cannot make
    // the reader reserve more than the file could hold.
    std::size_t count(std::size_t min_size, const char* what) {
        const std::uint64_t n = u64();
        if (n > (bytes_.size() - pos_) / min_size) {
            fail(std::string("a count of ") + std::to_string(n) + " " + what +
                 " that the file is too short to hold");
        }
        return static_cast<std::size_t>(n);
    }
    std::optional<Date> date() {
        if (u8() == 0) {
            return std::nullopt;
        }
        Date d;
        const std::uint32_t year = u32();
        d.month = u8();
        d.day = u8();
        // Parts no date can have are damage, refused here: every rule that orders dates (from
        // before until, overlapping claims) may then compute with them. Whether the parts make a
        // calendar date (no 30 February) is checked with every other value.
        if (year > 9999 || d.month > 12 || d.day > 31 || (d.month == 0 && d.day != 0)) {
            fail("a date with year " + std::to_string(year) + ", month " + std::to_string(d.month) +
                 ", day " + std::to_string(d.day));
        }
        d.year = static_cast<int>(year);
        return d;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw Damaged(what + " at byte " + std::to_string(header_size + pos_));
    }
    bool done() const { return pos_ == bytes_.size(); }

  private:
    template <class Unsigned>
    Unsigned little_endian(const char* what) {
        need(sizeof(Unsigned), what);
        Unsigned v = 0;
        for (std::size_t i = 0; i < sizeof(Unsigned); ++i) {
            v |= static_cast<Unsigned>(static_cast<unsigned char>(bytes_[pos_++])) << (8 * i);
        }
        return v;
    }
    void need(std::uint64_t n, const char* what) const {
        if (n > bytes_.size() - pos_) {
            fail(std::string("the data ends inside ") + what);
        }
    }

    std::string_view bytes_;
    std::size_t pos_ = 0;
};

Index index_in(Decoder& in, std::size_t size, bool optional, const char* what) {
    const std::uint32_t i = in.u32();
    if ((i == no_index && optional) || i < size) {
        return i;
    }
    in.fail(std::string("a reference to ") + what + " " + std::to_string(i) + " of " +
            std::to_string(size));
}

// Counts of records, checked against the limit as each table's count is read: a file within
// the byte limit can still hold more records than a command is allowed to build.
struct RecordBudget {
    std::size_t left;
    std::size_t take(std::size_t n) {
        if (n > left) {
            throw OverLimit{};
        }
        left -= n;
        return n;
    }
};

Dataset decode_dataset(Decoder& in, std::vector<Diagnostic>& warnings, std::size_t& files,
                       std::size_t& omitted, RecordBudget budget) {
    Dataset d;
    files = static_cast<std::size_t>(in.u64());
    omitted = static_cast<std::size_t>(in.u64());
    d.sources.resize(budget.take(in.count(7 * 8 + 1, "sources")));
    for (Source& s : d.sources) {
        s.id = in.str();
        s.title = in.str();
        s.author = in.str();
        s.publisher = in.str();
        s.url = in.str();
        s.text = in.str();
        s.note = in.str();
        s.date = in.date();
    }
    d.relations.resize(in.count(3 * 8 + 3, "relations"));
    for (Relation& r : d.relations) {
        r.id = in.str();
        r.label = in.str();
        r.note = in.str();
        r.polarity = static_cast<int>(static_cast<std::int8_t>(in.u8()));
        r.symmetric = in.u8() != 0;
        r.builtin = in.u8() != 0;
    }
    // The built-in vocabulary comes first, exactly as this build defines it: a file from a build
    // with another vocabulary needs compiling again, and a file cannot make its own built-ins.
    const auto builtins = builtin_relations();
    for (std::size_t i = 0; i < d.relations.size(); ++i) {
        const bool expected_builtin = i < builtins.size();
        if (d.relations[i].builtin != expected_builtin ||
            (expected_builtin && d.relations[i] != builtins[i])) {
            in.fail("relation " + std::to_string(i) +
                    " does not match this build's built-in relations");
        }
    }
    if (d.relations.size() < builtins.size()) {
        in.fail("fewer relations than this build's built-in ones");
    }
    // The built-in relations are in every dataset; only a dataset's own count as its records.
    budget.take(static_cast<std::size_t>(std::count_if(
        d.relations.begin(), d.relations.end(), [](const Relation& r) { return !r.builtin; })));
    d.actors.resize(budget.take(in.count(3 * 8 + 1 + 4 + 8, "actors")));
    for (Actor& a : d.actors) {
        a.id = in.str();
        a.name = in.str();
        a.note = in.str();
        const std::uint8_t kind = in.u8();
        if (kind >= std::size(all_actor_kinds)) {
            in.fail("an actor kind " + std::to_string(kind) + " that does not exist");
        }
        a.kind = all_actor_kinds[kind];
        a.holder = index_in(in, d.actors.size(), true, "actor");
        a.aliases.resize(in.count(8, "aliases"));
        for (std::string& alias : a.aliases) {
            alias = in.str();
        }
    }
    d.claims.resize(budget.take(in.count(4 * 8 + 2 + 5 * 4 + 8 + 2, "claims")));
    for (Claim& c : d.claims) {
        c.id = in.str();
        const std::uint8_t flags = in.u8();
        c.id_assigned = (flags & 1) != 0;
        c.hypothetical = (flags & 2) != 0;
        c.negated = (flags & 4) != 0;
        const std::uint8_t modality = in.u8();
        if (modality >= std::size(all_modalities)) {
            in.fail("a modality " + std::to_string(modality) + " that does not exist");
        }
        c.modality = all_modalities[modality];
        c.subject = index_in(in, d.actors.size(), false, "actor");
        c.relation = index_in(in, d.relations.size(), false, "relation");
        c.object = index_in(in, d.actors.size(), false, "actor");
        c.source = index_in(in, d.sources.size(), false, "source");
        c.asserted_by_actor = index_in(in, d.actors.size(), true, "actor");
        c.quote = in.str();
        c.asserted_by = in.str();
        c.note = in.str();
        c.confidence = in.f64();
        c.weight = in.f64();
        c.from = in.date();
        c.until = in.date();
    }
    warnings.resize(in.count(5 * 8 + 1, "diagnostics"));
    for (Diagnostic& w : warnings) {
        w.severity = in.u8() == 0 ? Severity::warning : Severity::error;
        if (w.severity == Severity::error) {
            in.fail("an error among the recorded warnings");
        }
        w.file = in.str();
        w.line = static_cast<std::size_t>(in.u64());
        w.column = static_cast<std::size_t>(in.u64());
        w.pointer = in.str();
        w.message = in.str();
    }
    if (!in.done()) {
        in.fail("bytes after the last record");
    }
    return d;
}

// A compiled file's records have no positions: findings point at their JSON pointers.
class CompiledSites : public detail::RecordSites {
  public:
    std::string site(detail::Table table, Index record) const override {
        return pointer(table, record);
    }
    static std::string pointer(detail::Table table, Index record) {
        return "/" + std::string(detail::table_spec(table).name) + "/" + std::to_string(record);
    }
};

// The text of a string field of a record, for the value checks.
std::string_view text_of(const Source& s, detail::Field f) {
    using detail::Field;
    switch (f) {
        case Field::id:
            return s.id;
        case Field::title:
            return s.title;
        case Field::author:
            return s.author;
        case Field::publisher:
            return s.publisher;
        case Field::url:
            return s.url;
        case Field::text:
            return s.text;
        case Field::note:
            return s.note;
        default:
            return {};
    }
}
std::string_view text_of(const Relation& r, detail::Field f) {
    using detail::Field;
    switch (f) {
        case Field::id:
            return r.id;
        case Field::label:
            return r.label;
        case Field::note:
            return r.note;
        default:
            return {};
    }
}
std::string_view text_of(const Actor& a, detail::Field f) {
    using detail::Field;
    switch (f) {
        case Field::id:
            return a.id;
        case Field::name:
            return a.name;
        case Field::note:
            return a.note;
        default:
            return {};
    }
}
std::string_view text_of(const Claim& c, detail::Field f) {
    using detail::Field;
    switch (f) {
        case Field::id:
            return c.id;
        case Field::quote:
            return c.quote;
        case Field::asserted_by:
            return c.asserted_by;
        case Field::note:
            return c.note;
        default:
            return {};
    }
}

// Values a load fills in rather than reads, which a JSON load does not check either: a claim's
// content id, and who asserts a claim when that is its source's author (or publisher, or title).
template <class Record>
bool filled_in(const Dataset&, const Record&, detail::Field) {
    return false;
}
template <>
bool filled_in(const Dataset& data, const Claim& c, detail::Field f) {
    if (f == detail::Field::id) {
        // An assigned id is still an id: an empty one is checked (and refused) like any other.
        return c.id_assigned && !c.id.empty();
    }
    if (f == detail::Field::asserted_by) {
        const Source& s = data.sources[c.source];
        const std::string& fallback = !s.author.empty()      ? s.author
                                      : !s.publisher.empty() ? s.publisher
                                                             : s.title;
        return c.asserted_by == fallback;
    }
    return false;
}

// Every string of every record through the same checks as a JSON file's values (the schema
// table): text, ids, lengths. References are indices here, range-checked by the decoder.
template <class Record>
void check_strings(const Dataset& data, const std::vector<Record>& records, detail::Table table,
                   std::size_t first, const LoadLimits& limits, std::vector<detail::Finding>& out) {
    using detail::ValueKind;
    for (std::size_t i = first; i < records.size(); ++i) {
        for (const detail::FieldSpec& f : detail::table_spec(table).fields) {
            if (f.kind != ValueKind::id && f.kind != ValueKind::name &&
                f.kind != ValueKind::long_text && f.kind != ValueKind::note) {
                continue;
            }
            // References are stored as indices, range-checked by the decoder.
            if ((f.kind == ValueKind::id && f.field != detail::Field::id)) {
                continue;
            }
            if (filled_in(data, records[i], f.field)) {
                continue;  // not read from a file: a JSON load does not check it either
            }
            const std::string_view value = text_of(records[i], f.field);
            if (value.empty()) {
                // Absent. A claim's id is optional in JSON but always there once loaded.
                if (f.required ||
                    (table == detail::Table::claims && f.field == detail::Field::id)) {
                    out.push_back({Severity::error, table, static_cast<Index>(i), std::nullopt,
                                   "missing required field \"" + std::string(f.name) + "\""});
                }
                continue;
            }
            if (auto problem = detail::check_string(f.kind, value, limits)) {
                out.push_back(
                    {Severity::error, table, static_cast<Index>(i), f.field, std::move(*problem)});
            }
        }
    }
}

std::string shortest(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.17g", value);
    return buffer;
}

// The value checks of the schema table on a decoded dataset.
void check_values(const Dataset& d, const LoadLimits& limits, std::vector<detail::Finding>& out) {
    using detail::Field;
    using detail::Table;
    check_strings(d, d.sources, Table::sources, 0, limits, out);
    check_strings(d, d.relations, Table::relations, builtin_relations().size(), limits, out);
    check_strings(d, d.actors, Table::actors, 0, limits, out);
    check_strings(d, d.claims, Table::claims, 0, limits, out);
    auto date = [&](const std::optional<Date>& value, Table table, std::size_t i, Field field) {
        if (value) {
            if (auto problem = detail::check_date(*value)) {
                out.push_back(
                    {Severity::error, table, static_cast<Index>(i), field, std::move(*problem)});
            }
        }
    };
    for (std::size_t i = 0; i < d.sources.size(); ++i) {
        date(d.sources[i].date, Table::sources, i, Field::date);
    }
    for (std::size_t i = builtin_relations().size(); i < d.relations.size(); ++i) {
        const int p = d.relations[i].polarity;
        if (p < -1 || p > 1) {
            out.push_back(
                {Severity::error, Table::relations, static_cast<Index>(i), Field::polarity,
                 "expected " + std::string(detail::expected(detail::ValueKind::polarity)) +
                     ", got a number (" + std::to_string(p) + ")"});
        }
    }
    for (std::size_t i = 0; i < d.actors.size(); ++i) {
        for (const auto& alias : d.actors[i].aliases) {
            if (auto problem = detail::check_string(detail::ValueKind::name, alias, limits)) {
                out.push_back({Severity::error, Table::actors, static_cast<Index>(i),
                               Field::aliases, std::move(*problem)});
            }
        }
    }
    for (std::size_t i = 0; i < d.claims.size(); ++i) {
        const Claim& c = d.claims[i];
        if (!detail::valid_confidence(c.confidence)) {
            out.push_back({Severity::error, Table::claims, static_cast<Index>(i), Field::confidence,
                           detail::confidence_problem(shortest(c.confidence))});
        }
        if (!detail::valid_weight(c.weight)) {
            out.push_back({Severity::error, Table::claims, static_cast<Index>(i), Field::weight,
                           detail::weight_problem(shortest(c.weight))});
        }
        date(c.from, Table::claims, i, Field::from);
        date(c.until, Table::claims, i, Field::until);
    }
}

}  // namespace

bool is_compiled(std::string_view bytes) {
    return bytes.substr(0, magic.size()) == magic;
}

std::string to_compiled(const KnowledgeGraph& graph, const LoadResult& loaded) {
    return to_compiled(graph, loaded.diagnostics, loaded.files, loaded.omitted_warnings);
}

std::string to_compiled(const KnowledgeGraph& graph, const std::vector<Diagnostic>& warnings,
                        std::size_t files, std::size_t omitted_warnings) {
    const Dataset& d = graph.data();
    Encoder e;
    e.out().reserve(header_size + 64 * (d.claims.size() + d.actors.size()));
    e.out().append(header_size, '\0');  // filled in once the payload is known
    e.u64(files);
    e.u64(omitted_warnings);
    e.u64(d.sources.size());
    for (const Source& s : d.sources) {
        e.str(s.id);
        e.str(s.title);
        e.str(s.author);
        e.str(s.publisher);
        e.str(s.url);
        e.str(s.text);
        e.str(s.note);
        e.date(s.date);
    }
    e.u64(d.relations.size());
    for (const Relation& r : d.relations) {
        e.str(r.id);
        e.str(r.label);
        e.str(r.note);
        e.u8(static_cast<std::uint8_t>(static_cast<std::int8_t>(r.polarity)));
        e.u8(r.symmetric ? 1 : 0);
        e.u8(r.builtin ? 1 : 0);
    }
    e.u64(d.actors.size());
    for (const Actor& a : d.actors) {
        e.str(a.id);
        e.str(a.name);
        e.str(a.note);
        e.u8(static_cast<std::uint8_t>(a.kind));
        e.u32(a.holder);
        e.u64(a.aliases.size());
        for (const auto& alias : a.aliases) {
            e.str(alias);
        }
    }
    e.u64(d.claims.size());
    for (const Claim& c : d.claims) {
        e.str(c.id);
        e.u8(static_cast<std::uint8_t>((c.id_assigned ? 1 : 0) | (c.hypothetical ? 2 : 0) |
                                       (c.negated ? 4 : 0)));
        e.u8(static_cast<std::uint8_t>(c.modality));
        e.u32(c.subject);
        e.u32(c.relation);
        e.u32(c.object);
        e.u32(c.source);
        e.u32(c.asserted_by_actor);
        e.str(c.quote);
        e.str(c.asserted_by);
        e.str(c.note);
        e.f64(c.confidence);
        e.f64(c.weight);
        e.date(c.from);
        e.date(c.until);
    }
    std::size_t kept = 0;
    for (const Diagnostic& w : warnings) {
        kept += w.severity == Severity::warning ? 1 : 0;
    }
    e.u64(kept);
    for (const Diagnostic& w : warnings) {
        if (w.severity != Severity::warning) {
            continue;
        }
        e.u8(0);
        e.str(w.file);
        e.u64(w.line);
        e.u64(w.column);
        e.str(w.pointer);
        e.str(w.message);
    }
    std::string& out = e.out();
    const std::string_view payload = std::string_view(out).substr(header_size);
    Encoder header;
    header.out().append(magic);
    header.u32(compiled_format_version);
    header.u64(payload.size());
    header.u64(checksum(payload));
    out.replace(0, header_size, header.out());
    return std::move(out);
}

namespace detail {

std::string with_matching_length(std::string bytes) {
    if (bytes.size() < header_size || !is_compiled(bytes)) {
        return bytes;
    }
    Encoder length;
    length.u64(bytes.size() - header_size);
    bytes.replace(magic.size() + 4, 8, length.out());  // after the signature and the version
    return bytes;
}

LoadResult decode_compiled(std::string_view bytes, const std::string& name, bool verify_checksum,
                           const LoadLimits& limits) {
    LoadResult result;
    result.files = 1;
    auto fail = [&](const std::string& message) {
        Diagnostic d;
        d.file = name;
        d.message = message;
        result.diagnostics.push_back(std::move(d));
        return std::move(result);
    };
    if (!is_compiled(bytes) || bytes.size() < header_size) {
        return fail("not a compiled entente dataset (the file is too short for its header)");
    }
    Decoder header(bytes.substr(magic.size(), header_size - magic.size()));
    const std::uint32_t version = header.u32();
    const std::uint64_t length = header.u64();
    const std::uint64_t sum = header.u64();
    if (version != compiled_format_version) {
        return fail("compiled dataset of format version " + std::to_string(version) +
                    "; this entente reads version " + std::to_string(compiled_format_version) +
                    ": compile it again from its JSON with `entente compile`");
    }
    const std::string_view payload = bytes.substr(header_size);
    if (length != payload.size()) {
        return fail("damaged compiled dataset: the header announces " + std::to_string(length) +
                    " bytes of data and the file holds " + std::to_string(payload.size()) +
                    " (truncated or appended to?)");
    }
    if (verify_checksum && checksum(payload) != sum) {
        return fail(
            "damaged compiled dataset: the checksum does not match its contents; compile it "
            "again from its JSON with `entente compile`");
    }
    try {
        Decoder in(payload);
        std::vector<Diagnostic> warnings;
        std::size_t files = 0;
        std::size_t omitted = 0;
        Dataset data = decode_dataset(in, warnings, files, omitted, {limits.max_records});
        result.files = files;
        // A valid checksum says the bytes are the ones written, not that whoever wrote them
        // kept the rules: every value and record is checked as a JSON file's are.
        std::vector<detail::Finding> findings;
        check_values(data, limits, findings);
        std::vector<Index> claim_slots;
        check_records(data, CompiledSites(), findings, &claim_slots);
        if (!findings.empty()) {
            // In table order, then record, then field: the order a JSON file reports them in.
            auto field_rank = [](const detail::Finding& f) {
                if (!f.field) {
                    return -1;
                }
                const auto fields = detail::table_spec(f.table).fields;
                for (std::size_t k = 0; k < fields.size(); ++k) {
                    if (fields[k].field == *f.field) {
                        return static_cast<int>(k);
                    }
                }
                return -1;
            };
            std::stable_sort(findings.begin(), findings.end(), [&](const auto& a, const auto& b) {
                return std::make_tuple(a.table, a.record, field_rank(a)) <
                       std::make_tuple(b.table, b.record, field_rank(b));
            });
            for (auto& f : findings) {
                std::string pointer = CompiledSites::pointer(f.table, f.record);
                if (f.field) {
                    pointer += "/" + std::string(detail::field_spec(f.table, *f.field).name);
                }
                result.diagnostics.push_back(
                    {f.severity, name, 0, 0, std::move(pointer), std::move(f.message)});
            }
            return result;
        }
        detail::complete_claims(data);
        result.omitted_warnings = omitted;
        result.diagnostics = std::move(warnings);
        result.graph.emplace(std::move(data), std::move(claim_slots));
        return result;
    } catch (const Damaged& damaged) {
        result.diagnostics.clear();
        return fail(std::string("damaged compiled dataset: ") + damaged.what());
    } catch (const OverLimit&) {
        result.diagnostics.clear();
        return fail("more than " + std::to_string(limits.max_records) +
                    " records (sources, relations, actors and claims together); one command "
                    "loads at most " +
                    std::to_string(limits.max_records) + " (--max-records)");
    }
}

}  // namespace detail

LoadResult from_compiled(std::string_view bytes, const std::string& name,
                         const LoadLimits& limits) {
    return detail::decode_compiled(bytes, name, true, limits);
}

}  // namespace entente
