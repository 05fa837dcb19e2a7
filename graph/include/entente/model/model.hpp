#pragma once
/// @file The claim model: sources, relations, actors and the claims between them.
///
/// Text in every record is UTF-8. A loaded dataset's text is valid UTF-8 without NUL, within
/// LoadLimits' lengths (the loader refuses anything else, see docs/data-format.md); lengths below
/// are in characters (code points).

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/model/compact_string.hpp"
#include "entente/model/slim_string.hpp"
#include "entente/model/text_arena.hpp"

namespace entente {

/// Position of a record in one of a dataset's tables (0-based, 32 bits: at most 2^32 - 1 records
/// per table).
using Index = std::uint32_t;
/// Marks an absent index (no holder, asserted by free text, a reference not resolved).
inline constexpr Index no_index = std::numeric_limits<Index>::max();

/// What sort of thing an actor is (docs/data-format.md, Actor).
enum class ActorKind : std::uint8_t {
    state,         ///< A sovereign state.
    organization,  ///< An alliance, bloc, UN body or publisher.
    person,        ///< A person.
    group,         ///< A non-state group, such as an armed group.
    position,      ///< A stance, claim, policy, resolution or issue that actors take sides on.
    project,       ///< A corridor, deal or agreement.
    region,        ///< A region.
    event,         ///< An event.
};

/// Every actor kind, in declaration order (the order of ActorKind's values, 0 to 7).
inline constexpr ActorKind all_actor_kinds[] = {
    ActorKind::state,    ActorKind::organization, ActorKind::person, ActorKind::group,
    ActorKind::position, ActorKind::project,      ActorKind::region, ActorKind::event,
};

/// The kind's name as used in data files ("state", "organization", ...); `kind` must be one of
/// the enumerators. Throws nothing.
std::string_view to_string(ActorKind kind);
/// Parses a kind name exactly as to_string writes it (lowercase ASCII); nullopt when it names no
/// kind. Throws nothing.
std::optional<ActorKind> parse_actor_kind(std::string_view text);
/// True for the kinds that take sides (state, organization, person, group): the vertices of
/// balance, the candidates of a ranking, the roadblocks of a divergence. Throws nothing.
bool takes_sides(ActorKind kind);

/// A calendar date (proleptic Gregorian) that may be partial: year only, or year and month. A
/// partial date covers its whole period: "2019" is 1 January to 31 December 2019.
/// Four bytes, and an OptionalDate too, so that a claim's two dates take 8 bytes, not 32.
struct Date {
    std::int16_t year = 0;   ///< In [0, 9999]: four digits in data files.
    std::uint8_t month = 0;  ///< In [1, 12], or 0 when only the year is known.
    /// In [1, days in that month], or 0 when unknown (always 0 without a month).
    std::uint8_t day = 0;

    /// The first day the date can mean, as a sortable number YYYYMMDD (2019 gives 20190101).
    /// Throws nothing.
    int earliest() const;
    /// The last day the date can mean, as a sortable number YYYYMMDD, leap years counted (2024-02
    /// gives 20240229). Throws nothing.
    int latest() const;
    /// The date as written in data files: "2024", "2024-05" or "2024-05-22". The year is written
    /// without leading zeros, so a year before 1000 comes out with fewer than four digits (which
    /// parse_date refuses). Throws std::bad_alloc.
    std::string to_string() const;
    /// Equal when all three parts are equal.
    bool operator==(const Date&) const = default;
};

/// A date from its parts as ints: `year` in [0, 9999], `month` in [0, 12], `day` in [0, 31]
/// (what Date's fields hold; anything else is cut to the field's width). Throws nothing.
constexpr Date make_date(int year, int month, int day) {
    return Date{static_cast<std::int16_t>(year), static_cast<std::uint8_t>(month),
                static_cast<std::uint8_t>(day)};
}

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" (ISO 8601 calendar dates, ASCII digits only),
/// checking that the month is in 1-12 and the day exists in that month (leap years counted);
/// nullopt for anything else. Throws nothing.
std::optional<Date> parse_date(std::string_view text);

/// A Date or none in the four bytes of a Date, where std::optional<Date> takes eight: the type of
/// a claim's `from` and `until`, which a dataset holds 10^6 times. Reads as std::optional<Date>
/// does (has_value, bool, *, ->, value, value_or, reset, == with nullopt), converts to and from
/// it implicitly, and is none by default. None is kept as the year -1, which no Date holds
/// (years are 0 to 9999). Throws nothing, except value() without a date
/// (std::bad_optional_access).
class OptionalDate {
  public:
    /// No date.
    constexpr OptionalDate() noexcept = default;
    /// No date.
    constexpr OptionalDate(std::nullopt_t) noexcept {}
    /// `date`, whose year must be in [0, 9999].
    constexpr OptionalDate(Date date) noexcept : value_(date) {}
    /// The date `date` holds, if any.
    constexpr OptionalDate(const std::optional<Date>& date) noexcept {
        if (date) {
            value_ = *date;
        }
    }
    /// The same, as a std::optional.
    constexpr operator std::optional<Date>() const noexcept {
        return has_value() ? std::optional<Date>(value_) : std::nullopt;
    }
    /// True when there is a date.
    constexpr bool has_value() const noexcept { return value_.year >= 0; }
    /// True when there is a date.
    constexpr explicit operator bool() const noexcept { return has_value(); }
    /// The date; there must be one.
    constexpr const Date& operator*() const noexcept { return value_; }
    /// The date; there must be one.
    constexpr Date& operator*() noexcept { return value_; }
    /// The date's members; there must be one.
    constexpr const Date* operator->() const noexcept { return &value_; }
    /// The date's members; there must be one.
    constexpr Date* operator->() noexcept { return &value_; }
    /// The date. Throws std::bad_optional_access when there is none.
    constexpr const Date& value() const {
        if (!has_value()) {
            throw std::bad_optional_access();
        }
        return value_;
    }
    /// The date, or `fallback` when there is none.
    constexpr Date value_or(Date fallback) const noexcept {
        return has_value() ? value_ : fallback;
    }
    /// Makes it no date.
    constexpr void reset() noexcept { value_ = none; }
    /// Equal when both are no date, or both the same date.
    friend constexpr bool operator==(const OptionalDate&, const OptionalDate&) = default;
    /// True when there is no date.
    friend constexpr bool operator==(const OptionalDate& a, std::nullopt_t) noexcept {
        return !a.has_value();
    }

  private:
    static constexpr Date none{-1, 0, 0};
    Date value_ = none;
};

static_assert(sizeof(OptionalDate) == sizeof(Date));

/// How a claim's source puts it (docs/data-format.md, Claim; docs/queries.md, Modality). Only
/// stated claims make ties unless a scenario widens its modalities.
enum class Modality : std::uint8_t {
    stated,       ///< Said as so: the default.
    predicted,    ///< Said as what will be ("India will be a roadblock").
    recommended,  ///< Said as what should be ("Russia should explore ...").
    questioned,   ///< Asked, not said (a headline ending in "?").
    hedged,       ///< Said with the author's own hedge ("seems", "arguably", "can be argued").
};

/// Every modality, in declaration order (the order of Modality's values, 0 to 4).
inline constexpr Modality all_modalities[] = {
    Modality::stated,     Modality::predicted, Modality::recommended,
    Modality::questioned, Modality::hedged,
};

/// The modality's name as used in data files ("stated", "predicted", ...); `modality` must be
/// one of the enumerators. Throws nothing.
std::string_view to_string(Modality modality);
/// Parses a modality name exactly as to_string writes it (lowercase ASCII); nullopt when it names
/// none. Throws nothing.
std::optional<Modality> parse_modality(std::string_view text);

/// Where a claim comes from. Its texts are CompactStrings, and SlimStrings for those mostly
/// empty (url, text, note), as a claim's are, so that a source is 96 bytes, not 240: generated
/// and imported data may have one source to a few claims.
struct Source {
    CompactString id;         ///< Stable slug, unique among sources (^[a-z0-9]+([-_.][a-z0-9]+)*$).
    CompactString title;      ///< Title of the article, document or page; never empty once loaded.
    CompactString author;     ///< Author, empty when unknown.
    CompactString publisher;  ///< Publisher, empty when unknown.
    std::optional<Date> date;  ///< Publication date, when known.
    SlimString url;            ///< Address, empty when unknown.
    /// Path of a plain-text (UTF-8) file holding the source's text, relative to the directory of
    /// the dataset file that declares the source (POSIX separators), as written there; empty when
    /// none. Only `entente lint` reads it (docs/data-format.md, Source).
    SlimString text;
    SlimString note;  ///< Curator's note, possibly empty.
    /// Equal when every field is equal.
    bool operator==(const Source&) const = default;
};

/// A relation type with its sign.
struct Relation {
    std::string id;          ///< Slug used in claims ("supports"), unique among relations.
    std::string label;       ///< Human label used in sentences ("is allied with"); never empty.
    int polarity = 0;        ///< +1 cooperative, -1 hostile, 0 structural; nothing else.
    bool symmetric = false;  ///< True when "a R b" also means "b R a".
    bool builtin = false;    ///< True for the vocabulary every dataset starts with.
    std::string note;        ///< Curator's note, possibly empty.
    /// Equal when every field is equal.
    bool operator==(const Relation&) const = default;
};

/// The relation vocabulary every dataset starts with: 16 relations (6 cooperative, 7 hostile, 2
/// structural, and abstains_on, the neutral stance of a roll-call abstention; table in
/// docs/data-format.md), each with `builtin` set, in the order they take
/// at the start of Dataset::relations. Static storage; throws nothing.
std::span<const Relation> builtin_relations();

/// A political actor, or a position, project, region or event that actors relate to.
struct Actor {
    std::string id;                     ///< Stable slug, unique among actors.
    std::string name;                   ///< Display name (any script); never empty once loaded.
    ActorKind kind = ActorKind::state;  ///< What sort of actor this is.
    std::vector<std::string> aliases;   ///< Other names it is looked up by, in file order.
    /// For positions only: the actor whose position it is, an index into Dataset::actors of an
    /// actor that takes sides; no_index when none.
    Index holder = no_index;
    std::string note;  ///< Curator's note, possibly empty.
    /// Equal when every field is equal.
    bool operator==(const Actor&) const = default;
};

/// One sourced statement: subject relation object.
struct Claim {
    // The members are grouped by size (texts, numbers, indices, dates, flags); the id is a
    // CompactString (16 bytes, 15 inline), the texts that are mostly empty or long SlimStrings
    // (8 bytes), the dates OptionalDates of four bytes each, so that a claim takes 88 bytes (200
    // with std::strings and optional int dates): a dataset of 10^6 claims holds 10^6 of them.

    /// Stable id, unique among claims: as given, or assigned from the content ("c-" and ten
    /// hex digits, "-2", "-3", ... on a clash; see docs/data-format.md, Claim).
    CompactString id;
    SlimString quote;  ///< The sentence in the source that supports it; possibly empty.
    /// Whose view it is: an actor id or free text. The loader fills it in when the file leaves it
    /// out: the source's author, else its publisher, else its title.
    SlimString asserted_by;
    SlimString note;          ///< Curator's note, possibly empty.
    double confidence = 1.0;  ///< How sure the reading is: a fraction in (0, 1].
    /// How much: a finite number >= 0, 1 by default (a number of events, a summed intensity
    /// in units of one full claim). Separate from confidence; a tie adds polarity x confidence x
    /// weight (docs/queries.md, Ties).
    double weight = 1.0;
    Index subject = no_index;   ///< Index into Dataset::actors: the actor the claim is about.
    Index relation = no_index;  ///< Index into Dataset::relations: the relation type.
    /// Index into Dataset::actors: the actor, position or project on the other end; never the
    /// subject itself once loaded.
    Index object = no_index;
    Index source = no_index;  ///< Index into Dataset::sources: where the claim comes from.
    /// Index into Dataset::actors of the actor whose id `asserted_by` is exactly; no_index when
    /// it names none.
    Index asserted_by_actor = no_index;
    OptionalDate from;   ///< First date the claim holds, when known; not after `until`.
    OptionalDate until;  ///< Last date the claim holds, when known.
    Modality modality = Modality::stated;  ///< How the source puts it; stated by default.
    /// True when the source says the relation does NOT hold ("ties aren't aimed at any third
    /// party"): such a claim makes no tie (docs/queries.md, Modality).
    bool negated = false;
    /// True for a what-if assumption (apply_scenario), not sourced data. A JSON file cannot set
    /// it; the compiled form keeps it.
    bool hypothetical = false;
    bool id_assigned = false;  ///< True when the file gave no id and `id` was assigned.
    /// Equal when every field is equal.
    bool operator==(const Claim&) const = default;
};

/// The tables of a loaded dataset; indices in claims and actors point into them.
struct Dataset {
    std::vector<Source> sources;  ///< All sources, in file order (files in the order given).
    /// Built-in relations first (builtin_relations(), in its order), then the dataset's own in
    /// file order.
    std::vector<Relation> relations;
    std::vector<Actor> actors;  ///< All actors, in file order.
    std::vector<Claim> claims;  ///< All claims, in file order.
    /// The arena the texts of claims and sources may borrow (CompactString::borrowing,
    /// SlimString::borrowing): the JSON loader keeps them there. Moving a claim or source out of
    /// the dataset keeps borrowing, so whoever does so keeps this too; a copy owns its text.
    SharedTexts texts;
    /// Equal when every table is equal, record by record (wherever the texts are kept).
    bool operator==(const Dataset&) const = default;
};

}  // namespace entente
