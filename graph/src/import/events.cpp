// Event data into a dataset. One pass over each input: a row is checked, rolled up, read for its
// sign, class and intensity, checked against the duplicate keys, and added to its dyad-period
// group; the dataset is built from the groups once every row is read and found sound, so a bad
// input gives every problem and no dataset.
#include "entente/import/events.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

#include "entente/import/csv.hpp"
#include "entente/load/embedded.hpp"

namespace entente {

std::span<const EmbeddedFile> embedded_event_actors();

namespace {

constexpr std::size_t npos = std::string::npos;

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) {
        text.remove_prefix(1);
    }
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) {
        text.remove_suffix(1);
    }
    return text;
}

std::string lower_ascii(std::string_view text) {
    std::string out(trim(text));
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// Data quoted in a message: at most 80 characters, so one long field cannot flood a terminal.
std::string quoted(std::string_view text) {
    std::size_t chars = 0;
    std::size_t i = 0;
    for (; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > 80) {
            break;
        }
    }
    return "\"" + std::string(text.substr(0, i)) + (i < text.size() ? "…" : "") + "\"";
}

// Ids and URLs go into notes as words: spaces, control characters and a `;` (the note's field
// separator) become `_`, so a value from the data can neither break the note's form nor reach a
// terminal as a control sequence.
std::string word(std::string_view text, std::size_t max_bytes) {
    text = trim(text);
    std::size_t end = std::min(text.size(), max_bytes);
    // A cut inside a UTF-8 sequence leaves no partial character behind.
    while (end < text.size() && end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {
        --end;
    }
    std::string out;
    for (const char ch : text.substr(0, end)) {
        const auto c = static_cast<unsigned char>(ch);
        out.push_back(c < 0x20 || c == 0x7F || c == ' ' || c == ';' ? '_' : ch);
    }
    return out;
}

// FNV-1a, 64 bits (Fowler, Noll, Vo): the duplicate keys are hashes, 8 bytes each.
std::uint64_t fnv(std::uint64_t h, std::string_view text) {
    for (const char ch : text) {
        h ^= static_cast<unsigned char>(ch);
        h *= 0x100000001b3ULL;
    }
    h ^= 0xFF;  // a separator no UTF-8 text holds, so "ab"+"c" and "a"+"bc" differ
    h *= 0x100000001b3ULL;
    return h;
}

// An open-addressing set of 64-bit keys at most half full: 16 bytes per key at worst.
class KeySet {
  public:
    // True when `key` was not in the set (and is now).
    bool insert(std::uint64_t key) {
        key = key == 0 ? 1 : key;  // 0 marks an empty slot
        if ((size_ + 1) * 2 > slots_.size()) {
            grow();
        }
        std::size_t i = key & (slots_.size() - 1);
        while (slots_[i] != 0) {
            if (slots_[i] == key) {
                return false;
            }
            i = (i + 1) & (slots_.size() - 1);
        }
        slots_[i] = key;
        ++size_;
        return true;
    }

  private:
    void grow() {
        std::vector<std::uint64_t> old(std::max<std::size_t>(1024, slots_.size() * 2), 0);
        old.swap(slots_);
        size_ = 0;
        for (const auto key : old) {
            if (key != 0) {
                insert(key);
            }
        }
    }
    std::vector<std::uint64_t> slots_;
    std::size_t size_ = 0;
};

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "chrono-Compatible Low-Level
// Date Algorithms", days_from_civil), and back.
long days_from_civil(int y, int m, int d) {
    y -= m <= 2 ? 1 : 0;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<long>(y - era * 400);
    const long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const long doe = z - era * 146097;
    const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long mp = (5 * doy + 2) / 153;
    const long d = doy - (153 * mp + 2) / 5 + 1;
    const long m = mp + (mp < 10 ? 3 : -9);
    const long y = yoe + era * 400 + (m <= 2 ? 1 : 0);
    return make_date(static_cast<int>(y), static_cast<int>(m), static_cast<int>(d));
}

int as_number(const Date& d) {
    return d.year * 10000 + d.month * 100 + d.day;
}

Date from_number(int n) {
    return make_date(n / 10000, n / 100 % 100, n % 100);
}

// The first day of the period holding `day`, as YYYYMMDD.
int period_start(const Date& day, EventPeriod period) {
    switch (period) {
        case EventPeriod::day:
            return as_number(day);
        case EventPeriod::week: {
            const long days = days_from_civil(day.year, day.month, day.day);
            // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
            const long monday = days - ((days % 7 + 7 + 3) % 7);
            return as_number(civil_from_days(monday));
        }
        case EventPeriod::month:
            return day.year * 10000 + day.month * 100 + 1;
        case EventPeriod::year:
            return day.year * 10000 + 101;
    }
    return as_number(day);
}

// The claim's dates: a month or a year as a partial date (covering the whole period), a day or a
// week by its first and last days.
std::pair<Date, Date> period_dates(int start, EventPeriod period) {
    const Date first = from_number(start);
    switch (period) {
        case EventPeriod::day:
            return {first, first};
        case EventPeriod::week: {
            const long days = days_from_civil(first.year, first.month, first.day);
            return {first, civil_from_days(days + 6)};
        }
        case EventPeriod::month:
            return {{first.year, first.month, 0}, {first.year, first.month, 0}};
        case EventPeriod::year:
            return {{first.year, 0, 0}, {first.year, 0, 0}};
    }
    return {first, first};
}

// A date as the presets write it: YYYY-MM-DD (ICEWS), YYYYMMDD (GDELT's SQLDATE; only that
// when `compact_only`).
std::optional<Date> parse_event_date(std::string_view text, bool compact_only) {
    text = trim(text);
    if (compact_only && text.size() != 8) {
        return std::nullopt;
    }
    if (text.size() == 8 &&
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        const std::string iso = std::string(text.substr(0, 4)) + "-" +
                                std::string(text.substr(4, 2)) + "-" +
                                std::string(text.substr(6, 2));
        return parse_date(iso);
    }
    auto date = parse_date(text);
    if (date && date->day == 0) {
        return std::nullopt;
    }
    return date;
}

// A decimal number, all of the text.
std::optional<double> parse_number(std::string_view text) {
    text = trim(text);
    if (text.empty()) {
        return std::nullopt;
    }
    if (text.front() == '+') {
        text.remove_prefix(1);
    }
    double value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || ptr != text.data() + text.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::optional<long long> parse_count(std::string_view text) {
    text = trim(text);
    long long value = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || ptr != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

// The CAMEO root code (1-20) of an event code of 2 to 4 digits; 0 when it is not one.
int cameo_root(std::string_view code) {
    code = trim(code);
    if (code.size() < 2 || code.size() > 4 ||
        !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return 0;
    }
    const int root = (code[0] - '0') * 10 + (code[1] - '0');
    return root >= 1 && root <= 20 ? root : 0;
}

// The quad class of a root code: 01-05 verbal cooperation, 06-08 material cooperation, 09-13
// verbal conflict, 14-20 material conflict (Duval and Thompson's quad classes as GDELT applies
// them to CAMEO).
int quad_of_root(int root) {
    return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}

// The relation classes: verbal or material, cooperation or conflict; then the same four against
// an actor's own domestic position.
struct ClassInfo {
    const char* id;
    const char* label;
    int polarity;
    const char* note;
};
constexpr std::array<ClassInfo, 8> classes = {{
    {"verbal_cooperation", "cooperates verbally with", 1,
     "Event data: verbal cooperation (CAMEO roots 01-05, quad class 1: statements, appeals, "
     "intents to cooperate, consultations, diplomatic cooperation), or a verbal event read as "
     "cooperative by the polarity rule."},
    {"material_cooperation", "cooperates materially with", 1,
     "Event data: material cooperation (CAMEO roots 06-08, quad class 2: material cooperation, "
     "aid, yielding), or a material event read as cooperative by the polarity rule."},
    {"verbal_conflict", "is in verbal conflict with", -1,
     "Event data: verbal conflict (CAMEO roots 09-13, quad class 3: investigating, demanding, "
     "disapproving, rejecting, threatening), or a verbal event read as conflictual by the "
     "polarity rule."},
    {"material_conflict", "is in material conflict with", -1,
     "Event data: material conflict (CAMEO roots 14-20, quad class 4: protest, force posture, "
     "reducing relations, coercion, assault, fighting, mass violence), or a material event read "
     "as conflictual by the polarity rule."},
    {"domestic_verbal_cooperation", "cooperates verbally at home:", 1,
     "Event data: verbal cooperation within one actor (kept by --keep-domestic)."},
    {"domestic_material_cooperation", "cooperates materially at home:", 1,
     "Event data: material cooperation within one actor (kept by --keep-domestic)."},
    {"domestic_verbal_conflict", "is in verbal conflict at home:", -1,
     "Event data: verbal conflict within one actor (kept by --keep-domestic)."},
    {"domestic_material_conflict", "is in material conflict at home:", -1,
     "Event data: material conflict within one actor (kept by --keep-domestic)."},
}};

// 0-3: the class of an event of quad class `quad` (1-4) read with sign `sign` (+1 or -1).
int class_of(int quad, int sign) {
    const bool material = quad == 2 || quad == 4;
    return (material ? 1 : 0) + (sign < 0 ? 2 : 0);
}

// Lets a table of strings be searched with a string_view: no string is built per row.
struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
        return std::hash<std::string_view>{}(key);
    }
};

struct GroupKey {
    Index subject;
    Index object;
    int cls;
    int start;
    bool operator==(const GroupKey&) const = default;
};

struct GroupHash {
    std::size_t operator()(const GroupKey& k) const {
        std::uint64_t h = (static_cast<std::uint64_t>(k.subject) << 32) ^ k.object;
        h = h * 0x9E3779B97F4A7C15ULL ^ (static_cast<std::uint64_t>(k.start) << 3) ^
            static_cast<std::uint64_t>(k.cls);
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};

struct Group {
    std::uint64_t events = 0;
    std::int64_t tenths = 0;  // summed |Goldstein| in tenths: exact, whatever the order
    std::vector<std::string> ids;
    std::vector<std::string> urls;
};

// The columns of a row, as indices (npos when the layout has none).
struct Layout {
    std::size_t width = 0;  // required number of columns (GDELT); 0 for a header
    std::size_t alt_width = 0;
    std::size_t id = npos, date = npos, source = npos, source_fallback = npos, target = npos,
                target_fallback = npos, code = npos, root = npos, quad = npos, intensity = npos,
                story = npos;
    // aggregated
    std::size_t polarity = npos, events = npos, sum = npos, ids = npos, urls = npos;
};

// GDELT's event tables (GDELT 1.0 and 2.0 event codebooks): 0-based positions.
Layout gdelt_layout(EventPreset preset) {
    Layout l;
    l.id = 0;                // GLOBALEVENTID
    l.date = 1;              // SQLDATE
    l.source = 7;            // Actor1CountryCode
    l.source_fallback = 8;   // Actor1KnownGroupCode
    l.target = 17;           // Actor2CountryCode
    l.target_fallback = 18;  // Actor2KnownGroupCode
    l.code = 26;             // EventCode
    l.root = 28;             // EventRootCode
    l.quad = 29;             // QuadClass
    l.intensity = 30;        // GoldsteinScale
    if (preset == EventPreset::gdelt2) {
        l.width = 61;
        l.story = 60;  // SOURCEURL
    } else {
        l.width = 57;      // the backfiles to March 2013
        l.alt_width = 58;  // the daily files since April 2013 add SOURCEURL
        l.story = 57;
    }
    return l;
}

const char* preset_name(EventPreset preset) {
    switch (preset) {
        case EventPreset::icews:
            return "icews";
        case EventPreset::gdelt1:
            return "gdelt1";
        case EventPreset::gdelt2:
            return "gdelt2";
        case EventPreset::aggregated:
            return "aggregated";
    }
    return "";
}

class Importer {
  public:
    Importer(std::span<const EventInput> inputs, const EventImportOptions& options,
             const ImportProgress& progress)
        : inputs_(inputs), options_(options), progress_(progress) {
        for (const auto& input : inputs) {
            total_ += input.size;
        }
        const auto map = options.actor_map.empty() ? default_event_actor_map() : options.actor_map;
        for (const auto& m : map) {
            map_.emplace(lower_ascii(m.key), m.actor);
        }
    }

    EventImportResult run();

  private:
    void error(const EventInput& in, std::size_t line, std::size_t column, std::string message) {
        result_.diagnostics.push_back(
            {Severity::error, in.name, line, column, std::string(), std::move(message)});
    }
    void read(const EventInput& in);
    bool header_layout(const EventInput& in, CsvReader& reader, Layout& l);
    Index actor_of(std::string_view key, bool fallback_only);
    void add(Index subject, Index object, int quad, int sign, int start, std::int64_t tenths,
             std::uint64_t events, std::string_view ids, std::string_view urls);
    void report_progress(bool last);
    Dataset build();
    Source source() const;

    std::span<const EventInput> inputs_;
    const EventImportOptions& options_;
    const ImportProgress& progress_;
    std::uint64_t total_ = 0;
    std::uint64_t done_before_ = 0;
    std::uint64_t reported_ = 0;
    const CsvReader* current_ = nullptr;
    EventImportResult result_;

    std::unordered_map<std::string, EventActor> map_;
    // Raw key as written -> actor or no_index; [0] primary keys, [1] fallback keys.
    std::array<std::unordered_map<std::string, Index, KeyHash, std::equal_to<>>, 2> key_cache_;
    std::vector<EventActor> actors_;
    std::unordered_map<std::string, Index> actor_by_id_;
    std::unordered_map<GroupKey, Group, GroupHash> groups_;
    KeySet seen_;
};

void Importer::report_progress(bool last) {
    if (!progress_) {
        return;
    }
    const std::uint64_t done = done_before_ + (current_ != nullptr ? current_->bytes_read() : 0);
    if (last || done - reported_ >= (1U << 16)) {
        reported_ = done;
        progress_(std::min(done, total_), total_);
    }
}

// The actor a key rolls up to: the map's, else (for a primary key) one named by the key with
// the key's slug as id; no_index for an empty key, a fallback key not in the map, or a key
// without an ASCII letter or digit.
Index Importer::actor_of(std::string_view raw, bool fallback_only) {
    raw = trim(raw);
    if (raw.empty()) {
        return no_index;
    }
    // The raw key as written is looked up first: no string is built for a key seen before.
    auto& cache = key_cache_[fallback_only ? 1 : 0];
    if (const auto at = cache.find(raw); at != cache.end()) {
        return at->second;
    }
    EventActor actor;
    bool from_key = false;
    if (const auto at = map_.find(lower_ascii(raw)); at != map_.end()) {
        actor = at->second;
    } else if (!fallback_only) {
        // A key is a code or a name: a longer one is cut to 100 bytes (on a character's
        // boundary), so no field of the data can make a name the loader refuses.
        std::size_t end = std::min<std::size_t>(raw.size(), 100);
        while (end < raw.size() && (static_cast<unsigned char>(raw[end]) & 0xC0) == 0x80) {
            --end;
        }
        actor.name = std::string(raw.substr(0, end));
        actor.id = slug(actor.name);
        from_key = true;
    }
    Index index = no_index;
    if (!actor.id.empty()) {
        const auto [at, inserted] =
            actor_by_id_.try_emplace(actor.id, static_cast<Index>(actors_.size()));
        if (inserted) {
            actors_.push_back(actor);
            result_.unmapped += from_key ? 1 : 0;
        }
        index = at->second;
    }
    cache.emplace(std::string(raw), index);
    return index;
}

void Importer::add(Index subject, Index object, int quad, int sign, int start, std::int64_t tenths,
                   std::uint64_t events, std::string_view ids, std::string_view urls) {
    int cls = class_of(quad, sign);
    if (subject == object) {
        result_.domestic += events;
        if (!options_.keep_domestic) {
            return;
        }
        cls += 4;
    }
    result_.events += events;
    Group& g = groups_[GroupKey{subject, object, cls, start}];
    result_.groups = std::max(result_.groups, groups_.size());
    g.events += events;
    g.tenths += tenths;
    // The first ids and distinct URLs met, each a word (ids and URLs split at spaces).
    // The aggregated CSV lists several ids and URLs in one field, split at spaces; a row of
    // event data has one of each.
    const bool split = options_.preset == EventPreset::aggregated;
    const auto sample = [split](std::vector<std::string>& into, std::string_view text,
                                std::size_t max, bool distinct) {
        while (!text.empty() && into.size() < max) {
            const auto space = split ? text.find(' ') : std::string_view::npos;
            const std::string_view one = text.substr(0, space);
            text = space == std::string_view::npos ? std::string_view() : text.substr(space + 1);
            if (trim(one).empty()) {
                continue;
            }
            std::string w = word(one, 2000);
            if (!distinct || std::find(into.begin(), into.end(), w) == into.end()) {
                into.push_back(std::move(w));
            }
        }
    };
    sample(g.ids, ids, options_.max_ids, false);
    sample(g.urls, urls, options_.max_urls, true);
}

bool Importer::header_layout(const EventInput& in, CsvReader& reader, Layout& l) {
    const auto& header = reader.fields();
    bool ok = true;
    const auto find = [&](std::size_t& column, const std::string& given, const char* name,
                          bool required) {
        const std::string wanted = given.empty() ? std::string(name) : given;
        column = find_column(header, wanted);
        if (column == npos && required) {
            std::string names;
            for (const auto& h : header) {
                names += (names.empty() ? "" : ", ") + quoted(h);
            }
            error(in, reader.line(), 1,
                  "no column " + quoted(wanted) + " in the header (it has " + names + ")");
            ok = false;
        }
    };
    if (options_.preset == EventPreset::aggregated) {
        find(l.source, "", "source_country", true);
        find(l.source_fallback, "", "source_group", true);
        find(l.target, "", "target_country", true);
        find(l.target_fallback, "", "target_group", true);
        find(l.quad, "", "quad_class", true);
        find(l.polarity, "", "polarity", true);
        find(l.date, "", "period_start", true);
        find(l.events, "", "events", true);
        find(l.sum, "", "intensity_sum", true);
        find(l.ids, "", "event_ids", false);
        find(l.urls, "", "source_urls", false);
        return ok;
    }
    const auto& c = options_.columns;
    find(l.id, c.id, "Event ID", true);
    find(l.date, c.date, "Event Date", true);
    find(l.source, c.source, "Source Country", true);
    find(l.source_fallback, c.source_fallback, "Source Name", false);
    find(l.target, c.target, "Target Country", true);
    find(l.target_fallback, c.target_fallback, "Target Name", false);
    find(l.code, c.code, "CAMEO Code", true);
    find(l.intensity, c.intensity, "Intensity", true);
    find(l.story, c.story, "Story ID", false);
    return ok;
}

void Importer::read(const EventInput& in) {
    CsvReader reader(*in.stream, in.delimiter);
    current_ = &reader;
    const bool gdelt =
        options_.preset == EventPreset::gdelt1 || options_.preset == EventPreset::gdelt2;
    const bool aggregated = options_.preset == EventPreset::aggregated;
    Layout l;
    if (gdelt) {
        l = gdelt_layout(options_.preset);
    } else {
        if (!reader.next()) {
            error(in, 0, 0, "empty file: no header line");
            current_ = nullptr;
            return;
        }
        for (const auto& p : reader.problems()) {
            error(in, p.line, p.column, p.message);
        }
        if (!header_layout(in, reader, l)) {
            current_ = nullptr;
            return;
        }
    }
    std::size_t needed = 0;
    for (const std::size_t c :
         {l.id, l.date, l.source, l.source_fallback, l.target, l.target_fallback, l.code, l.root,
          l.quad, l.intensity, l.story, l.polarity, l.events, l.sum, l.ids, l.urls}) {
        if (c != npos && (gdelt ? c != l.story : true)) {
            needed = std::max(needed, c + 1);
        }
    }
    const char* layout_name = options_.preset == EventPreset::gdelt2   ? "GDELT 2.0 events"
                              : options_.preset == EventPreset::gdelt1 ? "GDELT 1.0 events"
                                                                       : nullptr;
    while (reader.next()) {
        report_progress(false);
        const auto& row = reader.fields();
        ++result_.rows;
        if (!reader.problems().empty()) {
            for (const auto& p : reader.problems()) {
                error(in, p.line, p.column, p.message);
            }
            continue;
        }
        if (gdelt && row.size() != l.width && row.size() != l.alt_width) {
            error(in, reader.line(), 1,
                  "expected " + std::to_string(l.width) +
                      (l.alt_width != 0 ? " or " + std::to_string(l.alt_width) : std::string()) +
                      " tab-separated columns (" + layout_name + "), found " +
                      std::to_string(row.size()));
            continue;
        }
        if (!gdelt && row.size() < needed) {
            error(in, reader.line(), 1,
                  "expected at least " + std::to_string(needed) +
                      " columns as in the header, found " + std::to_string(row.size()));
            continue;
        }
        const auto at = [&](std::size_t c) {
            return c != npos && c < row.size() ? trim(row[c]) : std::string_view();
        };
        const auto fail = [&](std::size_t c, const std::string& message) {
            error(in, reader.line_of(c), reader.column_of(c), message);
        };
        bool bad = false;
        // GDELT's SQLDATE is a number (the SQL computes periods from it): YYYYMMDD only.
        const auto date = parse_event_date(at(l.date), gdelt);
        if (!date) {
            fail(l.date, std::string(aggregated ? "period start " : "date ") + quoted(at(l.date)) +
                             " is not a date of the form " +
                             (gdelt ? "YYYYMMDD" : "YYYY-MM-DD (or YYYYMMDD)"));
            bad = true;
        }
        int root = 0;
        int quad = 0;
        int sign = 0;
        std::int64_t tenths = 0;
        std::uint64_t events = 1;
        if (aggregated) {
            const std::string_view q = at(l.quad);
            quad = q.size() == 1 && q[0] >= '1' && q[0] <= '4' ? q[0] - '0' : 0;
            if (quad == 0) {
                fail(l.quad, "quad class " + quoted(q) + " is not 1, 2, 3 or 4");
                bad = true;
            }
            const std::string_view p = at(l.polarity);
            sign = p == "1" ? 1 : p == "-1" ? -1 : p == "0" ? 0 : 2;
            if (sign == 2) {
                fail(l.polarity, "polarity " + quoted(p) + " is not 1, 0 or -1");
                bad = true;
            }
            const auto n = parse_count(at(l.events));
            if (!n || *n == 0) {
                fail(l.events, "events " + quoted(at(l.events)) + " is not a count above 0");
                bad = true;
            } else {
                events = static_cast<std::uint64_t>(*n);
                result_.rows += events - 1;  // rows count events, as in the streaming import
            }
            const auto s = parse_number(at(l.sum));
            if (!s || *s < 0 || *s > 1e15) {
                fail(l.sum,
                     "intensity_sum " + quoted(at(l.sum)) + " is not a number from 0 to 10^15");
                bad = true;
            } else {
                tenths = std::llround(*s * 10);
            }
        } else {
            const std::string_view code = at(l.code);
            root = cameo_root(l.root != npos ? at(l.root) : code);
            if (cameo_root(code) == 0) {
                fail(l.code, "CAMEO code " + quoted(code) +
                                 " is not one: 2 to 4 digits, the first two (the root code) "
                                 "01 to 20");
                bad = true;
            } else if (root == 0) {
                fail(l.root, "CAMEO root code " + quoted(at(l.root)) + " is not 01 to 20");
                bad = true;
            }
            quad = quad_of_root(root);
            if (l.quad != npos) {
                const std::string_view q = at(l.quad);
                quad = q.size() == 1 && q[0] >= '1' && q[0] <= '4' ? q[0] - '0' : 0;
                if (quad == 0) {
                    fail(l.quad, "quad class " + quoted(q) + " is not 1, 2, 3 or 4");
                    bad = true;
                }
            }
            const auto g = parse_number(at(l.intensity));
            if (!g || *g < -10 || *g > 10) {
                fail(l.intensity, std::string(gdelt ? "Goldstein score " : "intensity ") +
                                      quoted(at(l.intensity)) +
                                      " is not a number from -10 to 10 (the Goldstein scale)");
                bad = true;
            } else {
                tenths = std::llround(std::abs(*g) * 10);
                switch (options_.polarity) {
                    case PolarityRule::cameo:
                        sign = root == 0 ? 0 : root <= 8 ? 1 : -1;
                        break;
                    case PolarityRule::quad:
                        sign = quad <= 2 ? 1 : -1;
                        break;
                    case PolarityRule::goldstein:
                        sign = *g > 0 ? 1 : *g < 0 ? -1 : 0;
                        break;
                }
            }
        }
        if (bad) {
            continue;
        }
        const std::string_view source = at(l.source);
        const std::string_view target = at(l.target);
        const std::string_view story = at(l.story);
        if (!aggregated && !story.empty()) {
            // Another coding of an event already counted: same story, same two keys, same code,
            // same day.
            // The keys as written: for GDELT both of each side (as the SQL compares them), for
            // ICEWS the one rolled up (the country, else the name), so two sentences of a story
            // naming a ministry and its minister are one event.
            std::uint64_t h = 0xcbf29ce484222325ULL;
            h = fnv(h, story);
            if (gdelt) {
                h = fnv(fnv(h, source), at(l.source_fallback));
                h = fnv(fnv(h, target), at(l.target_fallback));
            } else {
                h = fnv(h, source.empty() ? at(l.source_fallback) : source);
                h = fnv(h, target.empty() ? at(l.target_fallback) : target);
            }
            h = fnv(h, at(l.code));
            h = (h ^ static_cast<std::uint64_t>(as_number(*date))) * 0x100000001b3ULL;
            if (!seen_.insert(h)) {
                ++result_.duplicates;
                continue;
            }
        }
        const Index subject =
            source.empty() ? actor_of(at(l.source_fallback), true) : actor_of(source, false);
        const Index object =
            target.empty() ? actor_of(at(l.target_fallback), true) : actor_of(target, false);
        if (subject == no_index || object == no_index) {
            result_.unplaced += events;
            continue;
        }
        if (sign == 0) {
            result_.neutral += events;
            continue;
        }
        add(subject, object, quad, sign, period_start(*date, options_.period), tenths, events,
            aggregated ? at(l.ids) : at(l.id), aggregated ? at(l.urls) : (gdelt ? story : ""));
    }
    done_before_ += reader.bytes_read();
    current_ = nullptr;
}

Source Importer::source() const {
    Source s;
    switch (options_.preset) {
        case EventPreset::icews:
            s.id = "icews";
            s.title = "ICEWS Coded Event Data";
            s.author =
                "Elizabeth Boschee, Jennifer Lautenschlager, Sean O'Brien, Steve Shellman, James "
                "Starz and Michael Ward";
            s.publisher = "Harvard Dataverse";
            s.url = "https://doi.org/10.7910/DVN/28075";
            break;
        case EventPreset::gdelt1:
            s.id = "gdelt1";
            s.title = "GDELT 1.0 Event Database";
            s.publisher = "The GDELT Project";
            s.url = "https://www.gdeltproject.org/data.html";
            break;
        case EventPreset::gdelt2:
        case EventPreset::aggregated:
            s.id = options_.preset == EventPreset::gdelt2 ? "gdelt2" : "gdelt-aggregated";
            s.title = options_.preset == EventPreset::gdelt2 ? "GDELT 2.0 Event Database"
                                                             : "GDELT events aggregated by SQL";
            s.publisher = "The GDELT Project";
            s.url = "https://www.gdeltproject.org/data.html";
            break;
    }
    std::vector<std::string> names;
    for (const auto& input : inputs_) {
        std::string_view name = input.name;
        if (const auto slash = name.find_last_of('/'); slash != std::string_view::npos) {
            name.remove_prefix(slash + 1);
        }
        names.push_back(word(name, 200));
    }
    s.title +=
        names.size() == 1 ? ": " + names.front() : ": " + std::to_string(names.size()) + " files";
    std::string files;
    constexpr std::size_t max_files = 20;
    for (std::size_t i = 0; i < names.size() && i < max_files; ++i) {
        files += (files.empty() ? "" : ", ") + names[i];
    }
    if (names.size() > max_files) {
        files += " and " + std::to_string(names.size() - max_files) + " more";
    }
    const char* rule = options_.polarity == PolarityRule::cameo  ? "cameo"
                       : options_.polarity == PolarityRule::quad ? "quad"
                                                                 : "goldstein";
    const char* period = options_.period == EventPeriod::day     ? "day"
                         : options_.period == EventPeriod::week  ? "week"
                         : options_.period == EventPeriod::month ? "month"
                                                                 : "year";
    s.note = std::string("Imported by `entente import events --preset ") +
             preset_name(options_.preset) + " --polarity " + rule + " --period " + period +
             (options_.keep_domestic ? " --keep-domestic" : "") + "` from " + files +
             ". One claim per directed dyad, relation class and " + period +
             "; weight = summed |Goldstein| / 10 (docs/events.md).";
    if (!options_.source_title.empty()) {
        s.title = options_.source_title;
    }
    if (!options_.source_id.empty()) {
        s.id = options_.source_id;
    }
    return s;
}

std::string tenths_text(std::int64_t tenths) {
    return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10);
}

Dataset Importer::build() {
    Dataset d;
    // Two sources, the cooperative events' and the conflictual events': a dyad with both in one
    // period is what event data records, not a source contradicting itself (the loader's
    // warning for a curated source that gives both signs at once).
    const Source base = source();
    std::array<Index, 2> source_of_sign{no_index, no_index};  // cooperative, conflictual
    for (const auto& [key, g] : groups_) {
        source_of_sign[classes[static_cast<std::size_t>(key.cls)].polarity > 0 ? 0 : 1] = 0;
    }
    const std::pair<const char*, const char*> signs[] = {{"-cooperation", " (cooperative events)"},
                                                         {"-conflict", " (conflictual events)"}};
    for (std::size_t i = 0; i < 2; ++i) {
        if (source_of_sign[i] == no_index) {
            continue;
        }
        source_of_sign[i] = static_cast<Index>(d.sources.size());
        Source s = base;
        s.id += signs[i].first;
        s.title += signs[i].second;
        d.sources.push_back(std::move(s));
    }
    const auto builtins = builtin_relations();
    d.relations.assign(builtins.begin(), builtins.end());
    // The classes used, in the order of `classes`.
    std::array<Index, classes.size()> relation{};
    relation.fill(no_index);
    for (const auto& [key, g] : groups_) {
        relation[static_cast<std::size_t>(key.cls)] = 0;
    }
    for (std::size_t c = 0; c < classes.size(); ++c) {
        if (relation[c] == no_index) {
            continue;
        }
        relation[c] = static_cast<Index>(d.relations.size());
        Relation r;
        r.id = classes[c].id;
        r.label = classes[c].label;
        r.polarity = classes[c].polarity;
        r.note = classes[c].note;
        d.relations.push_back(std::move(r));
    }
    // Actors sorted by id, so the dataset does not depend on the order of the rows.
    std::vector<Index> order(actors_.size());
    for (Index i = 0; i < order.size(); ++i) {
        order[i] = i;
    }
    std::sort(order.begin(), order.end(),
              [&](Index a, Index b) { return actors_[a].id < actors_[b].id; });
    std::vector<Index> actor_index(actors_.size(), no_index);
    std::vector<bool> used(actors_.size(), false);
    std::vector<bool> domestic(actors_.size(), false);
    for (const auto& [key, g] : groups_) {
        used[key.subject] = true;
        used[key.object] = true;
        if (key.cls >= 4) {
            domestic[key.subject] = true;
        }
    }
    for (const Index i : order) {
        if (!used[i]) {
            continue;
        }
        actor_index[i] = static_cast<Index>(d.actors.size());
        Actor a;
        a.id = actors_[i].id;
        a.name = actors_[i].name;
        a.kind = actors_[i].kind;
        d.actors.push_back(std::move(a));
    }
    std::vector<Index> domestic_index(actors_.size(), no_index);
    for (const Index i : order) {
        if (!domestic[i]) {
            continue;
        }
        domestic_index[i] = static_cast<Index>(d.actors.size());
        Actor a;
        a.id = actors_[i].id + "-domestic";
        a.name = actors_[i].name + " (domestic affairs)";
        a.kind = ActorKind::position;
        a.holder = actor_index[i];
        a.note = "Events within " + actors_[i].name +
                 " (both sides roll up to it), kept by --keep-domestic.";
        d.actors.push_back(std::move(a));
    }
    std::vector<std::pair<GroupKey, const Group*>> sorted;
    sorted.reserve(groups_.size());
    for (const auto& [key, g] : groups_) {
        sorted.emplace_back(key, &g);
    }
    std::sort(sorted.begin(), sorted.end(), [&](const auto& a, const auto& b) {
        const auto& x = a.first;
        const auto& y = b.first;
        if (x.subject != y.subject) {
            return actors_[x.subject].id < actors_[y.subject].id;
        }
        if (x.object != y.object) {
            return actors_[x.object].id < actors_[y.object].id;
        }
        if (x.cls != y.cls) {
            return x.cls < y.cls;
        }
        return x.start < y.start;
    });
    const std::string asserted_by = options_.preset == EventPreset::icews ? "ICEWS" : "GDELT";
    d.claims.reserve(sorted.size());
    for (const auto& [key, g] : sorted) {
        Claim c;
        c.subject = actor_index[key.subject];
        c.object = key.cls >= 4 ? domestic_index[key.subject] : actor_index[key.object];
        c.relation = relation[static_cast<std::size_t>(key.cls)];
        c.source = source_of_sign[classes[static_cast<std::size_t>(key.cls)].polarity > 0 ? 0 : 1];
        c.asserted_by = asserted_by;
        const auto [from, until] = period_dates(key.start, options_.period);
        c.from = from;
        c.until = until;
        // The period in the id: 2018 (year), 2018-01 (month), 2018-01-01 (day, week's Monday).
        const std::string label = from.to_string();
        c.id = d.actors[c.subject].id + "." + classes[static_cast<std::size_t>(key.cls)].id + "." +
               d.actors[c.object].id + "." + label;
        c.weight = static_cast<double>(g->tenths) / 100.0;
        // The note's fixed form: key=value pairs separated by "; " (docs/events.md).
        const std::int64_t mean_hundredths = static_cast<std::int64_t>(
            std::llround(static_cast<double>(g->tenths) * 10.0 / static_cast<double>(g->events)));
        std::string note = "events=" + std::to_string(g->events) +
                           "; intensity_sum=" + tenths_text(g->tenths) +
                           "; intensity_mean=" + std::to_string(mean_hundredths / 100) + "." +
                           (mean_hundredths % 100 < 10 ? "0" : "") +
                           std::to_string(mean_hundredths % 100) + "; ids=";
        for (std::size_t i = 0; i < g->ids.size(); ++i) {
            note += (i == 0 ? "" : " ") + g->ids[i];
        }
        if (g->events > g->ids.size()) {
            note += " (and " + std::to_string(g->events - g->ids.size()) + " more)";
        }
        if (!g->urls.empty()) {
            note += "; urls=";
            for (std::size_t i = 0; i < g->urls.size(); ++i) {
                note += (i == 0 ? "" : " ") + g->urls[i];
            }
        }
        c.note = std::move(note);
        d.claims.push_back(std::move(c));
    }
    return d;
}

EventImportResult Importer::run() {
    if (inputs_.empty()) {
        throw std::invalid_argument("no input: name the file or files to import");
    }
    for (const auto& input : inputs_) {
        read(input);
    }
    report_progress(true);
    if (result_.diagnostics.empty()) {
        result_.dataset = build();
    }
    return std::move(result_);
}

}  // namespace

std::vector<EventActorMapping> read_event_actor_map(std::istream& in, const std::string& name,
                                                    std::vector<Diagnostic>& diagnostics) {
    std::vector<EventActorMapping> out;
    CsvReader reader(in, ',');
    const auto error = [&](std::size_t line, std::size_t column, std::string message) {
        diagnostics.push_back(
            {Severity::error, name, line, column, std::string(), std::move(message)});
    };
    if (!reader.next()) {
        error(0, 0, "empty file: no header line");
        return out;
    }
    const auto& header = reader.fields();
    const std::size_t key = find_column(header, "key");
    const std::size_t id = find_column(header, "id");
    const std::size_t actor_name = find_column(header, "name");
    const std::size_t kind = find_column(header, "kind");
    if (key == npos || id == npos || actor_name == npos || kind == npos) {
        error(reader.line(), 1, "the header must name the columns key, id, name and kind");
        return out;
    }
    const std::size_t needed = std::max({key, id, actor_name, kind}) + 1;
    while (reader.next()) {
        for (const auto& p : reader.problems()) {
            error(p.line, p.column, p.message);
        }
        if (!reader.problems().empty()) {
            continue;
        }
        const auto& row = reader.fields();
        if (row.size() < needed) {
            error(reader.line(), 1,
                  "expected " + std::to_string(needed) + " columns, found " +
                      std::to_string(row.size()));
            continue;
        }
        EventActorMapping m;
        m.key = std::string(trim(row[key]));
        m.actor.id = std::string(trim(row[id]));
        m.actor.name = std::string(trim(row[actor_name]));
        const auto k = parse_actor_kind(trim(row[kind]));
        bool ok = true;
        if (m.key.empty()) {
            error(reader.line_of(key), reader.column_of(key), "empty key");
            ok = false;
        }
        if (m.actor.id.empty() || slug(m.actor.id) != m.actor.id) {
            error(reader.line_of(id), reader.column_of(id),
                  "id " + quoted(m.actor.id) +
                      " is not an actor id (lowercase ASCII letters and digits joined by -)");
            ok = false;
        }
        if (m.actor.name.empty()) {
            m.actor.name = m.key;
        }
        if (!k) {
            error(reader.line_of(kind), reader.column_of(kind),
                  "kind " + quoted(trim(row[kind])) +
                      " is not one of state, organization, person, group, region");
            ok = false;
        } else {
            m.actor.kind = *k;
        }
        if (ok) {
            out.push_back(std::move(m));
        }
    }
    return out;
}

char default_event_delimiter(EventPreset preset, std::string_view path) {
    switch (preset) {
        case EventPreset::aggregated:
            return path.ends_with(".tsv") ? '\t' : ',';
        case EventPreset::icews:
            return path.ends_with(".csv") ? ',' : '\t';
        case EventPreset::gdelt1:
        case EventPreset::gdelt2:
            break;
    }
    return '\t';
}

std::vector<EventActorMapping> default_event_actor_map() {
    std::vector<Diagnostic> diagnostics;
    const auto files = embedded_event_actors();
    std::istringstream in{std::string(files.front().bytes)};
    auto map = read_event_actor_map(in, std::string(files.front().name), diagnostics);
    if (!diagnostics.empty()) {
        throw std::logic_error("the embedded actor map is broken: " + diagnostics.front().message);
    }
    return map;
}

EventImportResult import_events(std::span<const EventInput> inputs,
                                const EventImportOptions& options, const ImportProgress& progress) {
    return Importer(inputs, options, progress).run();
}

}  // namespace entente

namespace entente {

namespace {

// What the three engines write differently: integer division (month, year), the week's Monday,
// and string aggregation. Everything else in the query is the same text.
struct Dialect {
    const char* name;
    std::string (*divide)(const std::string& value, int by);
    const char* week;
    const char* aggregate_open;
    const char* aggregate_close;
};

std::string divide_slash(const std::string& value, int by) {
    return value + " / " + std::to_string(by);
}
std::string divide_bigquery(const std::string& value, int by) {
    return "DIV(" + value + ", " + std::to_string(by) + ")";
}
std::string divide_spark(const std::string& value, int by) {
    return value + " DIV " + std::to_string(by);
}

const Dialect& dialect_of(SqlDialect d) {
    static const Dialect sqlite{
        "sqlite", divide_slash,
        "CAST(strftime('%Y%m%d', printf('%04d-%02d-%02d', day / 10000, day / 100 % 100, "
        "day % 100), 'weekday 0', '-6 days') AS INTEGER)",
        "group_concat(", ", ' ')"};
    static const Dialect bigquery{
        "BigQuery", divide_bigquery,
        "CAST(FORMAT_DATE('%Y%m%d', DATE_TRUNC(PARSE_DATE('%Y%m%d', CAST(day AS STRING)), "
        "ISOWEEK)) AS INT64)",
        "STRING_AGG(CAST(", " AS STRING), ' ')"};
    static const Dialect spark{
        "Spark SQL", divide_spark,
        "CAST(date_format(date_trunc('week', to_date(CAST(day AS STRING), 'yyyyMMdd')), "
        "'yyyyMMdd') AS INT)",
        "concat_ws(' ', collect_list(CAST(", " AS STRING)))"};
    return d == SqlDialect::sqlite ? sqlite : d == SqlDialect::bigquery ? bigquery : spark;
}

}  // namespace

std::string events_sql(const EventImportOptions& options, SqlDialect which,
                       const std::string& table) {
    const Dialect& d = dialect_of(which);
    const char* period_name = options.period == EventPeriod::day     ? "day"
                              : options.period == EventPeriod::week  ? "week"
                              : options.period == EventPeriod::month ? "month"
                                                                     : "year";
    std::string period;
    switch (options.period) {
        case EventPeriod::day:
            period = "day";
            break;
        case EventPeriod::week:
            period = d.week;
            break;
        case EventPeriod::month:
            period = d.divide("day", 100) + " * 100 + 1";
            break;
        case EventPeriod::year:
            period = d.divide("day", 10000) + " * 10000 + 101";
            break;
    }
    std::string sign;
    const char* rule = "cameo";
    switch (options.polarity) {
        case PolarityRule::cameo:
            sign = "CASE WHEN EventRootCode <= '08' THEN 1 ELSE -1 END";
            break;
        case PolarityRule::quad:
            rule = "quad";
            sign = "CASE WHEN QuadClass <= 2 THEN 1 ELSE -1 END";
            break;
        case PolarityRule::goldstein:
            rule = "goldstein";
            sign = "CASE WHEN GoldsteinScale > 0 THEN 1 WHEN GoldsteinScale < 0 THEN -1 ELSE 0 END";
            break;
    }
    const auto aggregate = [&](const std::string& value) {
        return std::string(d.aggregate_open) + value + d.aggregate_close;
    };
    const std::string keys =
        "source_country, source_group, target_country, target_group, quad_class, polarity, "
        "period_start";
    std::string sql;
    sql += std::string("-- `entente import events --preset ") + preset_name(options.preset) +
           " --polarity " + rule + " --period " + period_name + "` as one query for " + d.name +
           ".\n";
    sql += std::string("-- Save its result as CSV with the header and read it with\n") +
           "--   entente import events --preset aggregated --period " + period_name +
           " RESULT.csv -o OUT\n" +
           "-- which rolls the keys up to actors and writes one claim per directed dyad, class "
           "and period\n-- (docs/events.md, \"Past one machine\").\n";
    sql +=
        "WITH coded AS (\n"
        "  SELECT GLOBALEVENTID AS id,\n"
        "         SQLDATE AS day,\n"
        "         COALESCE(Actor1CountryCode, '') AS source_country,\n"
        "         COALESCE(Actor1KnownGroupCode, '') AS source_group,\n"
        "         COALESCE(Actor2CountryCode, '') AS target_country,\n"
        "         COALESCE(Actor2KnownGroupCode, '') AS target_group,\n"
        "         EventCode AS code,\n"
        "         QuadClass AS quad_class,\n"
        "         " +
        sign +
        " AS polarity,\n"
        "         ABS(GoldsteinScale) AS intensity,\n"
        "         COALESCE(SOURCEURL, '') AS url\n"
        "  FROM " +
        table +
        "\n"
        "),\n"
        "-- Codings of one event (same story, same actors, same code, same day) count once; the\n"
        "-- code fixes class, sign and score, so the lowest id stands for them.\n"
        "deduplicated AS (\n"
        "  SELECT MIN(id) AS id, day, source_country, source_group, target_country, "
        "target_group,\n"
        "         MIN(quad_class) AS quad_class, MIN(polarity) AS polarity, "
        "MIN(intensity) AS intensity, url\n"
        "  FROM coded\n"
        "  GROUP BY url, source_country, source_group, target_country, target_group, code, "
        "day,\n"
        "           CASE WHEN url = '' THEN id END\n"
        "),\n"
        "dated AS (\n"
        "  SELECT id, source_country, source_group, target_country, target_group, quad_class,\n"
        "         polarity, intensity, url,\n"
        "         " +
        period +
        " AS period_start\n"
        "  FROM deduplicated\n"
        "),\n"
        "numbered AS (\n"
        "  SELECT dated.*,\n"
        "         ROW_NUMBER() OVER (PARTITION BY " +
        keys +
        "\n"
        "                            ORDER BY id) AS n\n"
        "  FROM dated\n"
        ")\n"
        "SELECT " +
        keys +
        ",\n"
        "       COUNT(*) AS events,\n"
        "       SUM(intensity) AS intensity_sum,\n"
        "       " +
        aggregate("CASE WHEN n <= " + std::to_string(options.max_ids) + " THEN id END") +
        " AS event_ids,\n"
        "       " +
        aggregate("CASE WHEN n <= " + std::to_string(options.max_urls) +
                  " AND url <> '' THEN url END") +
        " AS source_urls\n"
        "FROM numbered\n"
        "GROUP BY " +
        keys +
        "\n"
        "ORDER BY " +
        keys + ";\n";
    return sql;
}

}  // namespace entente
