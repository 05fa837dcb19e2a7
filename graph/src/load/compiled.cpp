#include "entente/load/compiled.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <tuple>

#include "entente/model/claim_index.hpp"
#include "entente/model/errors.hpp"
#include "load/compiled_format.hpp"
#include "load/releaser.hpp"
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

// A fast 64-bit checksum: it catches damage, it is not a security seal. Four lanes of eight
// bytes each take the words in turn, so that the multiplications of one step do not wait on
// each other (a query on a mapped file checks every block it reads, a full load all of them).
std::uint64_t checksum(std::string_view bytes) {
    std::uint64_t lane[4] = {0x9e3779b97f4a7c15ULL ^ bytes.size(), 0xc2b2ae3d27d4eb4fULL,
                             0x165667b19e3779f9ULL, 0x27d4eb2f165667c5ULL};
    std::size_t i = 0;
    for (; i + 32 <= bytes.size(); i += 32) {
        for (std::size_t k = 0; k < 4; ++k) {
            std::uint64_t w;
            std::memcpy(&w, bytes.data() + i + 8 * k, 8);
            lane[k] = std::rotl((lane[k] ^ w) * 0xff51afd7ed558ccdULL, 31) * 0xc4ceb9fe1a85ec53ULL;
        }
    }
    std::uint64_t h =
        lane[0] ^ std::rotl(lane[1], 17) ^ std::rotl(lane[2], 31) ^ std::rotl(lane[3], 47);
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
    // `base`: where `bytes` start in the file, for the positions errors give.
    explicit Decoder(std::string_view bytes, std::size_t base = header_size)
        : bytes_(bytes), base_(base) {}

    std::uint8_t u8() {
        need(1, "a byte");
        return static_cast<std::uint8_t>(bytes_[pos_++]);
    }
    std::uint32_t u32() { return little_endian<std::uint32_t>("a 4-byte number"); }
    std::uint64_t u64() { return little_endian<std::uint64_t>("an 8-byte number"); }
    double f64() { return std::bit_cast<double>(u64()); }
    std::string str() { return std::string(view()); }
    // A string's bytes, read in place.
    std::string_view view() {
        const std::uint64_t n = u64();
        need(n, "a string");
        const std::string_view s = bytes_.substr(pos_, static_cast<std::size_t>(n));
        pos_ += static_cast<std::size_t>(n);
        return s;
    }
    // A claim's or a source's text: kept in `arena` when one is given and the text is too long
    // to be inline, as the JSON loader keeps it; else a string of its own.
    CompactString text(TextArena* arena) {
        const std::string_view s = view();
        return arena == nullptr ? CompactString(s) : arena->string(s);
    }
    // The same for a claim's SlimString texts (quote, asserted_by, note).
    SlimString slim(TextArena* arena) {
        const std::string_view s = view();
        return arena == nullptr ? SlimString(s) : arena->slim(s);
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
        d.year = static_cast<std::int16_t>(year);
        return d;
    }
    [[noreturn]] void fail(const std::string& what) const {
        throw Damaged(what + " at byte " + std::to_string(base_ + pos_));
    }
    bool done() const { return pos_ == bytes_.size(); }
    std::size_t position() const { return pos_; }

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
    std::size_t base_;
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

// A source's record; its texts are kept in `arena` when one is given.
Source decode_source(Decoder& in, TextArena* arena = nullptr) {
    Source s;
    s.id = in.text(arena);
    s.title = in.text(arena);
    s.author = in.text(arena);
    s.publisher = in.text(arena);
    s.url = in.slim(arena);
    s.text = in.slim(arena);
    s.note = in.slim(arena);
    s.date = in.date();
    return s;
}

void encode_source(Encoder& e, const Source& s) {
    e.str(s.id);
    e.str(s.title);
    e.str(s.author);
    e.str(s.publisher);
    e.str(s.url);
    e.str(s.text);
    e.str(s.note);
    e.date(s.date);
}

// The tables a query needs whatever it reads: files, omitted warnings, relations and actors.
// Sources and claims are sections of their own, read record by record where a query cites them.
Dataset decode_tables(Decoder& in, std::size_t& files, std::size_t& omitted, RecordBudget& budget) {
    Dataset d;
    files = static_cast<std::size_t>(in.u64());
    omitted = static_cast<std::size_t>(in.u64());
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
    return d;
}

// `sources`: how many sources the file holds (the dataset may hold only some of them); the
// claim's texts are kept in `arena` when one is given.
Claim decode_claim(Decoder& in, const Dataset& d, std::size_t sources, TextArena* arena = nullptr) {
    Claim c;
    c.id = in.text(arena);
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
    c.source = index_in(in, sources, false, "source");
    c.asserted_by_actor = index_in(in, d.actors.size(), true, "actor");
    c.quote = in.slim(arena);
    c.asserted_by = in.slim(arena);
    c.note = in.slim(arena);
    c.confidence = in.f64();
    c.weight = in.f64();
    c.from = in.date();
    c.until = in.date();
    return c;
}

void encode_claim(Encoder& e, const Claim& c) {
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

std::vector<Diagnostic> decode_warnings(Decoder& in) {
    std::vector<Diagnostic> warnings(in.count(5 * 8 + 1, "diagnostics"));
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
    return warnings;
}

// A compiled file's records have no positions: findings point at their JSON pointers.
// A subset of the claims (CompiledView::subset) points at each claim's place in the file.
class CompiledSites : public detail::RecordSites {
  public:
    explicit CompiledSites(const std::vector<Index>* claim_numbers = nullptr,
                           const std::vector<Index>* source_numbers = nullptr)
        : claim_numbers_(claim_numbers), source_numbers_(source_numbers) {}
    std::string site(detail::Table table, Index record) const override {
        return pointer(table, record);
    }
    std::string pointer(detail::Table table, Index record) const {
        if (table == detail::Table::claims && claim_numbers_ != nullptr &&
            record < claim_numbers_->size()) {
            record = (*claim_numbers_)[record];
        }
        if (table == detail::Table::sources && source_numbers_ != nullptr &&
            record < source_numbers_->size()) {
            record = (*source_numbers_)[record];
        }
        return "/" + std::string(detail::table_spec(table).name) + "/" + std::to_string(record);
    }

  private:
    const std::vector<Index>* claim_numbers_;
    const std::vector<Index>* source_numbers_;
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
        const CompactString& fallback = !s.author.empty()      ? s.author
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

// Findings as diagnostics, in table order, then record, then field: the order a JSON file
// reports them in.
std::vector<Diagnostic> diagnostics_of(std::vector<detail::Finding> findings,
                                       const CompiledSites& sites, const std::string& name) {
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
    std::vector<Diagnostic> out;
    for (auto& f : findings) {
        std::string pointer = sites.pointer(f.table, f.record);
        if (f.field) {
            pointer += "/" + std::string(detail::field_spec(f.table, *f.field).name);
        }
        out.push_back({f.severity, name, 0, 0, std::move(pointer), std::move(f.message)});
    }
    return out;
}

// The sections of a file, in file order (docs/data-format.md, The compiled form).
enum Section : std::size_t {
    tables_section,          // files, omitted warnings, relations, actors, record counts
    source_offsets_section,  // sources + 1 offsets (u64) into the sources section
    sources_section,         // the sources' records, back to back
    claim_offsets_section,   // claims + 1 offsets (u64) into the claims section
    claims_section,          // the claims' records, back to back
    warnings_section,        // the recorded warnings
    subject_start_section,   // ClaimIndexView::as_subject_start
    subject_ends_section,    // ClaimIndexView::as_subject
    object_start_section,    // ClaimIndexView::as_object_start
    object_ends_section,     // ClaimIndexView::as_object
    section_count,
};

// Checked in blocks, each with its checksum in the directory: a query on a mapped file checks
// the blocks it reads, when it first reads them, and a full load checks them all. A page each:
// a query reading scattered claims checks a page per claim (and one of their offsets), where
// 16 KiB blocks made `path` at 10^7 claims spend 0.3 s of its 1.35 s in checksums (0.15 s now),
// for a directory of 8 bytes a block (0.2% of the file).
constexpr std::uint64_t block_size = 4096;

constexpr std::uint64_t align8(std::uint64_t n) {
    return (n + 7) / 8 * 8;
}

// What the header and the directory say: where each section is, and each block's checksum.
struct Layout {
    std::array<std::string_view, section_count> sections;
    std::uint64_t data_start = 0;  // where the first block starts
    std::uint64_t blocks = 0;
    std::string_view sums;  // blocks x u64
};

std::uint64_t u64_at(std::string_view bytes, std::size_t i) {
    std::uint64_t v = 0;
    for (std::size_t k = 0; k < 8; ++k) {
        v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[8 * i + k])) << (8 * k);
    }
    return v;
}

// Thrown for a file this build cannot read at all (another version, a length that disagrees,
// a directory whose checksum fails): its message is the whole diagnostic.
struct Refused {
    std::string message;
};

constexpr std::string_view compile_again = "compile it again from its JSON with `entente compile`";

// Reads the header and the directory, checking what they say against the file's size: every
// section inside the file, in order, 8-byte aligned. O(sections + blocks).
Layout read_layout(std::string_view bytes, bool verify_checksum) {
    if (!is_compiled(bytes) || bytes.size() < header_size) {
        throw Refused{"not a compiled entente dataset (the file is too short for its header)"};
    }
    Decoder header(bytes.substr(magic.size(), header_size - magic.size()), magic.size());
    const std::uint32_t version = header.u32();
    const std::uint64_t length = header.u64();
    const std::uint64_t sum = header.u64();
    if (version != compiled_format_version) {
        throw Refused{"compiled dataset of format version " + std::to_string(version) +
                      "; this entente reads version " + std::to_string(compiled_format_version) +
                      ": " + std::string(compile_again)};
    }
    if (length != bytes.size() - header_size) {
        throw Refused{"damaged compiled dataset: the header announces " + std::to_string(length) +
                      " bytes of data and the file holds " +
                      std::to_string(bytes.size() - header_size) + " (truncated or appended to?)"};
    }
    // The directory's extent first (its block count sits at a fixed place), so that its
    // checksum is compared before anything in it is believed.
    Decoder dir(bytes.substr(header_size));
    if (bytes.size() < header_size + 16 + 16 * section_count + 8) {
        throw Damaged("the data ends inside the directory at byte " + std::to_string(bytes.size()));
    }
    Decoder blocks_at(bytes.substr(header_size + 16 + 16 * section_count),
                      header_size + 16 + 16 * section_count);
    Layout layout;
    layout.blocks = blocks_at.count(8, "block checksums");
    const std::size_t sums_at = header_size + 16 + 16 * section_count + 8;
    layout.sums = bytes.substr(sums_at, 8 * layout.blocks);
    layout.data_start = align8(sums_at + 8 * layout.blocks);
    if (layout.data_start > bytes.size()) {
        blocks_at.fail(std::to_string(layout.blocks) +
                       " block checksums, past the end of the file");
    }
    if (verify_checksum &&
        checksum(bytes.substr(header_size, layout.data_start - header_size)) != sum) {
        throw Refused{"damaged compiled dataset: the checksum of its directory does not match; " +
                      std::string(compile_again)};
    }
    if (const std::uint64_t size = dir.u64(); size != block_size) {
        dir.fail("a block size of " + std::to_string(size) + " (this entente writes " +
                 std::to_string(block_size) + ")");
    }
    if (const std::uint64_t count = dir.u64(); count != section_count) {
        dir.fail("a directory of " + std::to_string(count) + " sections (this entente writes " +
                 std::to_string(section_count) + ")");
    }
    std::array<std::pair<std::uint64_t, std::uint64_t>, section_count> places;
    for (auto& [offset, size] : places) {
        offset = dir.u64();
        size = dir.u64();
    }
    if (layout.blocks != (bytes.size() - layout.data_start + block_size - 1) / block_size) {
        blocks_at.fail(std::to_string(layout.blocks) + " block checksums for " +
                       std::to_string(bytes.size() - layout.data_start) + " bytes of sections");
    }
    std::uint64_t end = layout.data_start;
    for (std::size_t k = 0; k < section_count; ++k) {
        const auto [offset, size] = places[k];
        if (offset % 8 != 0 || offset < end || offset > bytes.size() ||
            size > bytes.size() - offset) {
            dir.fail("section " + std::to_string(k) + " at byte " + std::to_string(offset) +
                     " of " + std::to_string(size) + " bytes, outside the file or out of order");
        }
        layout.sections[k] = bytes.substr(offset, size);
        end = offset + size;
    }
    return layout;
}

// The checksum of block k of the file.
std::uint64_t block_sum(std::string_view bytes, const Layout& layout, std::uint64_t k) {
    const std::uint64_t at = layout.data_start + k * block_size;
    return checksum(bytes.substr(at, std::min(block_size, bytes.size() - at)));
}

// The counts of claims the tables section ends with: the claims, then the claims of each
// modality that are not negated, then the negated ones (what a scenario leaves out, counted
// without reading the claims).
struct ClaimCounts {
    std::uint64_t sources = 0;
    std::uint64_t claims = 0;
    std::array<std::uint64_t, 5> by_modality{};
    std::uint64_t negated = 0;
};

ClaimCounts count_claims(const std::vector<Claim>& claims) {
    ClaimCounts counts;
    counts.claims = claims.size();
    for (const Claim& c : claims) {
        (c.negated ? counts.negated : counts.by_modality[static_cast<std::size_t>(c.modality)])++;
    }
    return counts;
}

ClaimCounts decode_counts(Decoder& in) {
    ClaimCounts counts;
    counts.sources = in.u64();
    counts.claims = in.u64();
    for (auto& n : counts.by_modality) {
        n = in.u64();
    }
    counts.negated = in.u64();
    // References are 32-bit, FFFFFFFF meaning none: a table holds fewer records than that.
    if (counts.sources >= no_index || counts.claims >= no_index) {
        in.fail(std::to_string(counts.sources) + " sources and " + std::to_string(counts.claims) +
                " claims, more than 32-bit references reach");
    }
    std::uint64_t sum = counts.negated;
    for (auto n : counts.by_modality) {
        if (n > counts.claims - std::min(sum, counts.claims)) {
            in.fail("claim counts by modality that add up to more than the " +
                    std::to_string(counts.claims) + " claims");
        }
        sum += n;
    }
    if (sum != counts.claims) {
        in.fail("claim counts by modality that add up to " + std::to_string(sum) + ", not the " +
                std::to_string(counts.claims) + " claims");
    }
    if (!in.done()) {
        in.fail("bytes after the tables");
    }
    return counts;
}

// Where a section starts in the file, for messages.
std::size_t file_offset(std::string_view bytes, std::string_view section) {
    return static_cast<std::size_t>(section.data() - bytes.data());
}

// Checks the sizes the tables imply: offsets for every claim, index entries for every claim and
// starts for every actor.
void check_section_sizes(std::string_view bytes, const Layout& layout, std::size_t actors,
                         std::uint64_t sources, std::uint64_t claims, bool index_too = true) {
    auto expect = [&](Section k, std::uint64_t count, std::uint64_t each, const char* what) {
        const std::uint64_t size = layout.sections[k].size();
        if (size % each != 0 || size / each != count) {
            throw Damaged("a section of " + std::to_string(size) + " bytes for " +
                          std::to_string(count) + " " + what + " at byte " +
                          std::to_string(file_offset(bytes, layout.sections[k])));
        }
    };
    expect(source_offsets_section, sources + 1, 8, "source offsets");
    expect(claim_offsets_section, claims + 1, 8, "claim offsets");
    if (!index_too) {
        return;
    }
    expect(subject_start_section, actors + 1, 8, "index starts");
    expect(object_start_section, actors + 1, 8, "index starts");
    expect(subject_ends_section, claims, sizeof(ClaimEnd), "index entries");
    expect(object_ends_section, claims, sizeof(ClaimEnd), "index entries");
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
    // The sections first, at offsets from the first block; the directory, whose size depends on
    // theirs (a checksum per block), goes in front once they are known.
    std::array<std::string, section_count> sections;
    {
        Encoder e;
        e.u64(files);
        e.u64(omitted_warnings);
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
        const ClaimCounts counts = count_claims(d.claims);
        e.u64(d.sources.size());
        e.u64(counts.claims);
        for (auto n : counts.by_modality) {
            e.u64(n);
        }
        e.u64(counts.negated);
        sections[tables_section] = std::move(e.out());
    }
    {
        Encoder offsets;
        Encoder sources;
        for (const Source& source : d.sources) {
            offsets.u64(sources.out().size());
            encode_source(sources, source);
        }
        offsets.u64(sources.out().size());
        sections[source_offsets_section] = std::move(offsets.out());
        sections[sources_section] = std::move(sources.out());
    }
    {
        Encoder offsets;
        Encoder claims;
        claims.out().reserve(64 * d.claims.size());
        for (const Claim& c : d.claims) {
            offsets.u64(claims.out().size());
            encode_claim(claims, c);
        }
        offsets.u64(claims.out().size());
        sections[claim_offsets_section] = std::move(offsets.out());
        sections[claims_section] = std::move(claims.out());
    }
    {
        Encoder e;
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
        sections[warnings_section] = std::move(e.out());
    }
    {
        // The index as the arrays a mapped file is read through: little-endian u64 starts and
        // 16-byte ClaimEnd records.
        const ClaimIndex index(d);
        const ClaimIndexView view = index.view();
        auto starts = [](std::span<const std::uint64_t> values) {
            Encoder e;
            for (auto v : values) {
                e.u64(v);
            }
            return std::move(e.out());
        };
        auto ends = [](std::span<const ClaimEnd> values) {
            Encoder e;
            e.out().reserve(values.size() * sizeof(ClaimEnd));
            for (const ClaimEnd& v : values) {
                e.u32(v.other);
                e.u32(v.claim);
                e.u32(v.relation);
                e.u32(v.flags);
            }
            return std::move(e.out());
        };
        sections[subject_start_section] = starts(view.as_subject_start);
        sections[subject_ends_section] = ends(view.as_subject);
        sections[object_start_section] = starts(view.as_object_start);
        sections[object_ends_section] = ends(view.as_object);
    }
    std::array<std::uint64_t, section_count> at{};
    std::array<std::uint64_t, section_count> size{};
    std::uint64_t body = 0;
    for (std::size_t k = 0; k < section_count; ++k) {
        at[k] = body;
        size[k] = sections[k].size();
        body = align8(body + size[k]);
    }
    // No padding after the last section: the file ends where its data does.
    const std::uint64_t data_size = at.back() + size.back();
    const std::uint64_t blocks = (data_size + block_size - 1) / block_size;
    const std::uint64_t data_start =
        align8(header_size + 8 + 8 + 16 * section_count + 8 + 8 * blocks);
    std::string out(data_start + data_size, '\0');
    for (std::size_t k = 0; k < section_count; ++k) {
        std::memcpy(out.data() + data_start + at[k], sections[k].data(), size[k]);
        std::string().swap(sections[k]);
    }
    Encoder dir;
    dir.u64(block_size);
    dir.u64(section_count);
    for (std::size_t k = 0; k < section_count; ++k) {
        dir.u64(data_start + at[k]);
        dir.u64(size[k]);
    }
    dir.u64(blocks);
    for (std::uint64_t b = 0; b < blocks; ++b) {
        const std::uint64_t from = data_start + b * block_size;
        dir.u64(checksum(std::string_view(out).substr(from, block_size)));
    }
    std::memcpy(out.data() + header_size, dir.out().data(), dir.out().size());
    Encoder header;
    header.out().append(magic);
    header.u32(compiled_format_version);
    header.u64(out.size() - header_size);
    header.u64(checksum(std::string_view(out).substr(header_size, data_start - header_size)));
    std::memcpy(out.data(), header.out().data(), header_size);
    return out;
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

std::string resealed(std::string bytes) {
    try {
        const Layout layout = read_layout(bytes, false);
        std::string sums;
        Encoder e;
        for (std::uint64_t k = 0; k < layout.blocks; ++k) {
            e.u64(block_sum(bytes, layout, k));
        }
        const auto at = static_cast<std::size_t>(layout.sums.data() - bytes.data());
        bytes.replace(at, e.out().size(), e.out());
        Encoder sum;
        sum.u64(checksum(std::string_view(bytes).substr(
            header_size, static_cast<std::size_t>(layout.data_start) - header_size)));
        bytes.replace(header_size - 8, 8, sum.out());
    } catch (const Refused&) {
    } catch (const Damaged&) {
    }
    return bytes;
}

std::pair<std::size_t, std::size_t> section_place(std::string_view bytes, std::size_t k) {
    try {
        const Layout layout = read_layout(bytes, false);
        return {file_offset(bytes, layout.sections.at(k)), layout.sections.at(k).size()};
    } catch (const Refused&) {
        return {0, 0};
    } catch (const Damaged&) {
        return {0, 0};
    }
}

namespace {

// Decodes a section of records back to back (records.size() of them, sized by the caller),
// checking that each starts where its offset says and that nothing follows the last.
template <class Record, class DecodeOne>
void decode_records(std::string_view bytes, const Layout& layout, Section offsets_section,
                    Section records_section, const char* what, std::vector<Record>& records,
                    DecodeOne decode_one, const MappedFile* mapping) {
    const std::size_t start = file_offset(bytes, layout.sections[records_section]);
    Decoder in(layout.sections[records_section], start);
    const std::string_view offsets = layout.sections[offsets_section];
    Releaser records_read(mapping, start);
    Releaser offsets_read(mapping, file_offset(bytes, offsets));
    for (std::size_t i = 0; i < records.size(); ++i) {
        if (u64_at(offsets, i) != in.position()) {
            in.fail(std::string(what) + " " + std::to_string(i) + " where its offset does not say");
        }
        records[i] = decode_one(in);
        if ((i & 0xFFF) == 0) {
            records_read.read_to(start + in.position());
            offsets_read.read_to(file_offset(bytes, offsets) + 8 * i);
        }
    }
    if (u64_at(offsets, records.size()) != in.position() || !in.done()) {
        in.fail(std::string("bytes after the last ") + what);
    }
}

// The checks every loaded dataset passes, on tables decoded from a compiled file (all its claims,
// or a subset): the values as a JSON file's, then the records' rules. On success the graph, with
// the claims completed (asserted_by_actor and the like); else the findings as diagnostics.
LoadResult checked_graph(Dataset data, const std::string& name, const CompiledSites& sites,
                         const LoadLimits& limits) {
    LoadResult result;
    std::vector<detail::Finding> findings;
    check_values(data, limits, findings);
    std::vector<Index> claim_slots;
    check_records(data, sites, findings, &claim_slots);
    if (!findings.empty()) {
        result.diagnostics = diagnostics_of(std::move(findings), sites, name);
        return result;
    }
    detail::complete_claims(data);
    result.graph.emplace(std::move(data), std::move(claim_slots));
    return result;
}

LoadResult refusal(const std::string& name, std::string message) {
    LoadResult result;
    result.files = 1;
    Diagnostic d;
    d.file = name;
    d.message = std::move(message);
    result.diagnostics.push_back(std::move(d));
    return result;
}

std::string over_limit(const LoadLimits& limits) {
    return "more than " + std::to_string(limits.max_records) +
           " records (sources, relations, actors and claims together); one command loads at "
           "most " +
           std::to_string(limits.max_records) + " (--max-records)";
}

// True when the index sections hold exactly the index of `claims`' claims: a file could carry
// an index that disagrees with its claims, and a mapped query would then answer from it.
bool index_matches(const Layout& layout, const Dataset& data) {
    const ClaimIndex index(data);
    const ClaimIndexView view = index.view();
    auto starts_match = [](std::string_view bytes, std::span<const std::uint64_t> values) {
        for (std::size_t i = 0; i < values.size(); ++i) {
            if (u64_at(bytes, i) != values[i]) {
                return false;
            }
        }
        return true;
    };
    auto ends_match = [](std::string_view bytes, std::span<const ClaimEnd> values) {
        Decoder in(bytes);
        for (const ClaimEnd& v : values) {
            if (in.u32() != v.other || in.u32() != v.claim || in.u32() != v.relation ||
                in.u32() != v.flags) {
                return false;
            }
        }
        return true;
    };
    return starts_match(layout.sections[subject_start_section], view.as_subject_start) &&
           ends_match(layout.sections[subject_ends_section], view.as_subject) &&
           starts_match(layout.sections[object_start_section], view.as_object_start) &&
           ends_match(layout.sections[object_ends_section], view.as_object);
}

}  // namespace

LoadResult decode_compiled(std::string_view bytes, const std::string& name, bool verify_checksum,
                           const LoadLimits& limits, const MappedFile* mapping) {
    try {
        const Layout layout = read_layout(bytes, verify_checksum);
        if (verify_checksum) {
            Releaser checked(mapping, 0);
            for (std::uint64_t k = 0; k < layout.blocks; ++k) {
                checked.read_to(layout.data_start + k * block_size);
                if (block_sum(bytes, layout, k) != u64_at(layout.sums, k)) {
                    return refusal(name,
                                   "damaged compiled dataset: the checksum does not match its "
                                   "contents; " +
                                       std::string(compile_again));
                }
            }
        }
        const auto at = [&](Section k) { return file_offset(bytes, layout.sections[k]); };
        Decoder tables(layout.sections[tables_section], at(tables_section));
        std::size_t files = 0;
        std::size_t omitted = 0;
        RecordBudget budget{limits.max_records};
        Dataset data = decode_tables(tables, files, omitted, budget);
        const ClaimCounts counts = decode_counts(tables);
        check_section_sizes(bytes, layout, data.actors.size(), counts.sources, counts.claims,
                            false);
        // Texts go into one arena, as a JSON load's do, not a heap block each.
        const auto arena = std::make_shared<TextArena>();
        data.texts.arena = arena;
        data.sources.resize(budget.take(static_cast<std::size_t>(counts.sources)));
        decode_records(
            bytes, layout, source_offsets_section, sources_section, "source", data.sources,
            [&](Decoder& in) { return decode_source(in, arena.get()); }, mapping);
        data.claims.resize(budget.take(static_cast<std::size_t>(counts.claims)));
        decode_records(
            bytes, layout, claim_offsets_section, claims_section, "claim", data.claims,
            [&](Decoder& in) { return decode_claim(in, data, data.sources.size(), arena.get()); },
            mapping);
        arena->release_unused();  // the texts are all in: the block's unwritten pages go back
        Decoder warnings_in(layout.sections[warnings_section], at(warnings_section));
        std::vector<Diagnostic> warnings = decode_warnings(warnings_in);
        if (count_claims(data.claims).by_modality != counts.by_modality) {
            tables.fail("claim counts by modality that do not match the claims");
        }
        check_section_sizes(bytes, layout, data.actors.size(), counts.sources, counts.claims);
        // A valid checksum says the bytes are the ones written, not that whoever wrote them
        // kept the rules: every value and record is checked as a JSON file's are.
        LoadResult result = checked_graph(std::move(data), name, CompiledSites(), limits);
        result.files = files;
        if (!result.graph) {
            return result;
        }
        if (!index_matches(layout, result.graph->data())) {
            return refusal(name,
                           "damaged compiled dataset: its claim index does not match its "
                           "claims; " +
                               std::string(compile_again));
        }
        result.omitted_warnings = omitted;
        result.diagnostics = std::move(warnings);
        return result;
    } catch (const Refused& refused) {
        return refusal(name, refused.message);
    } catch (const Damaged& damaged) {
        return refusal(name, std::string("damaged compiled dataset: ") + damaged.what());
    } catch (const OverLimit&) {
        return refusal(name, over_limit(limits));
    }
}

}  // namespace detail

struct CompiledView::Impl {
    std::string_view bytes;
    std::string name;
    LoadLimits limits;
    Layout layout;
    bool verify = true;
    ClaimCounts counts;
    std::optional<KnowledgeGraph> tables;
    std::vector<std::uint64_t> subject_start, object_start;  // copied and checked at open
    ClaimIndexView index;
    mutable std::vector<unsigned char> checked;  // per block: 1 once its checksum matched

    [[noreturn]] void damaged(const std::string& what) const {
        throw DataError(name + ": damaged compiled dataset: " + what + "; " +
                        std::string(compile_again));
    }
    // Checks the blocks that bytes [from, from + size) of the file lie in, once each.
    void check_bytes(std::uint64_t from, std::uint64_t size) const {
        if (!verify || size == 0) {
            return;
        }
        const std::uint64_t first = (from - layout.data_start) / block_size;
        const std::uint64_t last = (from + size - 1 - layout.data_start) / block_size;
        for (std::uint64_t k = first; k <= last; ++k) {
            if (checked[k] == 0) {
                if (block_sum(bytes, layout, k) != u64_at(layout.sums, k)) {
                    damaged(
                        "block " + std::to_string(k) + " (bytes " +
                        std::to_string(layout.data_start + k * block_size) + " to " +
                        std::to_string(std::min<std::uint64_t>(
                                           layout.data_start + (k + 1) * block_size, bytes.size()) -
                                       1) +
                        ") does not match its checksum");
                }
                checked[k] = 1;
            }
        }
    }
    // Checks the blocks of a range of index entries, which must lie in one of the two sections of
    // entries (anything else is a caller's mistake, refused rather than trusted).
    void check_blocks(std::span<const ClaimEnd> entries) const {
        if (entries.empty()) {
            return;
        }
        const auto* first = reinterpret_cast<const char*>(entries.data());
        const auto* last = first + entries.size_bytes();
        bool inside = false;
        for (Section k : {subject_ends_section, object_ends_section}) {
            const std::string_view s = layout.sections[k];
            inside = inside || (first >= s.data() && last <= s.data() + s.size());
        }
        if (!inside) {
            throw std::invalid_argument("CompiledView: index entries not from this view's index()");
        }
        check_bytes(static_cast<std::uint64_t>(first - bytes.data()), entries.size_bytes());
    }
    void check_section(Section k) const {
        check_bytes(file_offset(bytes, layout.sections[k]), layout.sections[k].size());
    }
    // Record i of a section of records with offsets, its blocks checked; throws Damaged.
    std::string_view record(Section offsets_section, Section records_section, const char* what,
                            Index i) const {
        const std::string_view offsets = layout.sections[offsets_section];
        check_bytes(file_offset(bytes, offsets) + 8 * std::uint64_t{i}, 16);
        const std::uint64_t from = u64_at(offsets, i);
        const std::uint64_t to = u64_at(offsets, i + std::size_t{1});
        const std::string_view all = layout.sections[records_section];
        if (from > to || to > all.size()) {
            throw Damaged(std::string(what) + " " + std::to_string(i) + " with offsets " +
                          std::to_string(from) + " to " + std::to_string(to) + " outside its " +
                          std::to_string(all.size()) + " bytes of records");
        }
        const std::string_view record = all.substr(from, to - from);
        check_bytes(file_offset(bytes, record), record.size());
        return record;
    }
    // Decodes claim i (< counts.claims); throws Damaged.
    Claim claim(Index i) const {
        const std::string_view bytes_of = record(claim_offsets_section, claims_section, "claim", i);
        Decoder in(bytes_of, file_offset(bytes, bytes_of));
        Claim c = decode_claim(in, tables->data(), static_cast<std::size_t>(counts.sources));
        if (!in.done()) {
            in.fail("bytes after claim " + std::to_string(i));
        }
        return c;
    }
    // Checks index entries: their blocks, then every field in range; throws DataError.
    void check_entries(std::span<const ClaimEnd> entries) const {
        check_blocks(entries);
        const Dataset& d = tables->data();
        for (const ClaimEnd& e : entries) {
            if (e.other >= d.actors.size() || e.claim >= counts.claims ||
                e.relation >= d.relations.size() || e.flags > 15 || (e.flags & 7) > 4) {
                damaged("an index entry (actor " + std::to_string(e.other) + ", claim " +
                        std::to_string(e.claim) + ", relation " + std::to_string(e.relation) +
                        ", flags " + std::to_string(e.flags) + ") out of range at byte " +
                        std::to_string(reinterpret_cast<const char*>(&e) - bytes.data()));
            }
        }
    }
    // Polarity x confidence x weight of a claim; throws DataError.
    double signed_weight(Index i) const {
        if (i >= counts.claims) {
            damaged("a reference to claim " + std::to_string(i) + " of " +
                    std::to_string(counts.claims));
        }
        try {
            const Claim c = claim(i);
            return tables->relation(c.relation).polarity * c.confidence * c.weight;
        } catch (const Damaged& damaged_claim) {
            damaged(damaged_claim.what());
        }
    }
    // Decodes source i (< counts.sources); throws Damaged.
    Source source(Index i) const {
        const std::string_view bytes_of =
            record(source_offsets_section, sources_section, "source", i);
        Decoder in(bytes_of, file_offset(bytes, bytes_of));
        Source s = decode_source(in);
        if (!in.done()) {
            in.fail("bytes after source " + std::to_string(i));
        }
        return s;
    }
};

CompiledView::CompiledView(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CompiledView::CompiledView(CompiledView&&) noexcept = default;
CompiledView& CompiledView::operator=(CompiledView&&) noexcept = default;
CompiledView::~CompiledView() = default;

OpenedView CompiledView::open(std::string_view bytes, const std::string& name,
                              const LoadLimits& limits, bool verify_checksums) {
    OpenedView opened;
    opened.files = 1;
    auto refuse = [&](std::string message) {
        opened.diagnostics = detail::refusal(name, std::move(message)).diagnostics;
        return std::move(opened);
    };
    if constexpr (std::endian::native != std::endian::little) {
        return refuse("a compiled dataset is read in place only on a little-endian machine");
    }
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % 8 != 0) {
        return refuse("a compiled dataset is read in place only from 8-byte aligned memory");
    }
    try {
        auto impl = std::make_unique<Impl>();
        impl->bytes = bytes;
        impl->name = name;
        impl->limits = limits;
        impl->verify = verify_checksums;
        impl->layout = read_layout(bytes, verify_checksums);
        const Layout& layout = impl->layout;
        impl->checked.assign(layout.blocks, 0);
        // Read now, and so checked now: what is proportional to the actors, not the claims.
        for (Section k :
             {tables_section, warnings_section, subject_start_section, object_start_section}) {
            impl->check_section(k);
        }
        const auto at = [&](Section k) { return file_offset(bytes, layout.sections[k]); };
        Decoder tables(layout.sections[tables_section], at(tables_section));
        std::size_t files = 0;
        std::size_t omitted = 0;
        RecordBudget budget{limits.max_records};
        Dataset data = decode_tables(tables, files, omitted, budget);
        impl->counts = decode_counts(tables);
        check_section_sizes(bytes, layout, data.actors.size(), impl->counts.sources,
                            impl->counts.claims);
        budget.take(static_cast<std::size_t>(impl->counts.sources));
        budget.take(static_cast<std::size_t>(impl->counts.claims));
        Decoder warnings_in(layout.sections[warnings_section], at(warnings_section));
        std::vector<Diagnostic> warnings = decode_warnings(warnings_in);
        // The starts must rise from 0 to the number of claims: every list then lies inside its
        // section, whatever the entries hold. They are copied (8 bytes an actor each way), so
        // that what was checked is what is used even if the file changes under the mapping.
        for (Section k : {subject_start_section, object_start_section}) {
            const std::string_view starts = layout.sections[k];
            auto& copy = k == subject_start_section ? impl->subject_start : impl->object_start;
            copy.resize(data.actors.size() + 1);
            std::uint64_t previous = 0;
            for (std::size_t a = 0; a <= data.actors.size(); ++a) {
                const std::uint64_t v = u64_at(starts, a);
                if (v < previous || v > impl->counts.claims || (a == 0 && v != 0) ||
                    (a == data.actors.size() && v != impl->counts.claims)) {
                    Decoder(starts, at(k))
                        .fail("an index start of " + std::to_string(v) + " for actor " +
                              std::to_string(a));
                }
                copy[a] = v;
                previous = v;
            }
        }
        // The entries are read where they lie: the sections start 8-byte aligned in memory that
        // is (checked above), and hold little-endian 16-byte records (checked above too). The
        // bytes are a mapping, whose memory has no declared type, or a buffer of chars the
        // caller wrote them into.
        auto ends = [&](Section k) {
            return std::span<const ClaimEnd>(
                reinterpret_cast<const ClaimEnd*>(layout.sections[k].data()),
                layout.sections[k].size() / sizeof(ClaimEnd));
        };
        impl->index = {impl->subject_start, ends(subject_ends_section), impl->object_start,
                       ends(object_ends_section)};
        LoadResult checked = detail::checked_graph(std::move(data), name, CompiledSites(), limits);
        opened.files = files;
        if (!checked.graph) {
            opened.diagnostics = std::move(checked.diagnostics);
            return opened;
        }
        impl->tables.emplace(std::move(*checked.graph));
        opened.diagnostics = std::move(warnings);
        opened.omitted_warnings = omitted;
        opened.view.emplace(CompiledView(std::move(impl)));
        return opened;
    } catch (const Refused& refused) {
        return refuse(refused.message);
    } catch (const Damaged& damaged) {
        return refuse(std::string("damaged compiled dataset: ") + damaged.what());
    } catch (const OverLimit&) {
        return refuse(detail::over_limit(limits));
    } catch (const DataError& e) {
        // A block of the tables or the index starts whose checksum fails.
        std::string message = e.what();
        return refuse(message.substr(std::min(message.size(), name.size() + 2)));
    }
}

const KnowledgeGraph& CompiledView::tables() const {
    return *impl_->tables;
}

std::size_t CompiledView::claim_count() const {
    return static_cast<std::size_t>(impl_->counts.claims);
}

ClaimTally CompiledView::tally() const {
    ClaimTally t;
    t.claims = static_cast<std::size_t>(impl_->counts.claims);
    for (std::size_t m = 0; m < t.by_modality.size(); ++m) {
        t.by_modality[m] = static_cast<std::size_t>(impl_->counts.by_modality[m]);
    }
    t.negated = static_cast<std::size_t>(impl_->counts.negated);
    return t;
}

ClaimIndexView CompiledView::index() const {
    return impl_->index;
}

void CompiledView::check_entries(std::span<const ClaimEnd> entries) const {
    impl_->check_entries(entries);
}

double CompiledView::signed_weight(Index claim) const {
    return impl_->signed_weight(claim);
}

PathData CompiledView::path_data(std::uint32_t scope) const {
    // The functions hold the state, not the view: a view may be moved while they live.
    const Impl* m = impl_.get();
    PathData data;
    data.actors = m->tables->data().actors;
    data.relations = m->tables->data().relations;
    data.claims = m->index;
    data.scope = scope;
    data.signed_weight = [m](Index c) { return m->signed_weight(c); };
    data.check_entries = [m](std::span<const ClaimEnd> e) { m->check_entries(e); };
    return data;
}

LoadResult CompiledView::subset(std::vector<Index> claims) const {
    const Impl& m = *impl_;
    std::sort(claims.begin(), claims.end());
    claims.erase(std::unique(claims.begin(), claims.end()), claims.end());
    try {
        Dataset data;
        data.relations = m.tables->data().relations;
        data.actors = m.tables->data().actors;
        data.claims.reserve(claims.size());
        for (Index i : claims) {
            if (i >= m.counts.claims) {
                throw Damaged("a reference to claim " + std::to_string(i) + " of " +
                              std::to_string(m.counts.claims));
            }
            Claim c = m.claim(i);
            // The claim must be where the index puts it, at both ends: a query found it there.
            // The blocks of the list are checked first (each once, so a hub's long list costs a
            // pass over its block marks, not its bytes), then the entry found, field by field.
            auto listed = [&](std::span<const ClaimEnd> ends, Index other) {
                m.check_blocks(ends);
                auto it = std::lower_bound(ends.begin(), ends.end(), std::pair{other, i},
                                           [](const ClaimEnd& e, std::pair<Index, Index> key) {
                                               return std::pair{e.other, e.claim} < key;
                                           });
                if (it == ends.end()) {
                    return false;
                }
                m.check_entries(std::span<const ClaimEnd>(&*it, 1));
                return it->other == other && it->claim == i && it->relation == c.relation &&
                       it->flags == claim_end_flags(c);
            };
            if (!listed(m.index.subject_of(c.subject), c.object) ||
                !listed(m.index.object_of(c.object), c.subject)) {
                throw Damaged("claim " + std::to_string(i) +
                              " that the claim index does not list at its ends");
            }
            data.claims.push_back(std::move(c));
        }
        // Only the sources the claims cite, in file order; each claim's source renumbered.
        std::vector<Index> sources;
        for (const Claim& c : data.claims) {
            sources.push_back(c.source);
        }
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        for (Index i : sources) {
            data.sources.push_back(m.source(i));
        }
        for (Claim& c : data.claims) {
            c.source = static_cast<Index>(
                std::lower_bound(sources.begin(), sources.end(), c.source) - sources.begin());
        }
        // The subset's own name index is built only if a name is looked up in it (the tables'
        // may never be built: a query by ids needs none).
        LoadResult result = detail::checked_graph(std::move(data), m.name,
                                                  CompiledSites(&claims, &sources), m.limits);
        result.files = 1;
        return result;
    } catch (const Damaged& damaged) {
        return detail::refusal(m.name, std::string("damaged compiled dataset: ") + damaged.what());
    } catch (const DataError& e) {
        std::string message = e.what();
        return detail::refusal(m.name, message.substr(std::min(message.size(), m.name.size() + 2)));
    }
}

LoadResult from_compiled(std::string_view bytes, const std::string& name, const LoadLimits& limits,
                         const MappedFile* mapping) {
    if (mapping != nullptr && mapping->bytes().data() != bytes.data()) {
        mapping = nullptr;  // not the bytes read: nothing of it is given back
    }
    LoadResult result = detail::decode_compiled(bytes, name, true, limits, mapping);
    if (mapping != nullptr) {
        mapping->release(0, bytes.size());
    }
    return result;
}

}  // namespace entente
