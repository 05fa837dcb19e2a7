#pragma once
/// @file The claim model: sources, relations, actors and the claims between them.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace entente {

/// Position of a record in one of a dataset's tables.
using Index = std::uint32_t;
/// Marks an absent index (no holder, asserted by free text).
inline constexpr Index no_index = std::numeric_limits<Index>::max();

/// What sort of thing an actor is.
enum class ActorKind : std::uint8_t {
    state,
    organization,
    person,
    group,
    position,
    project,
    region,
    event,
};

/// Every actor kind, in declaration order.
inline constexpr ActorKind all_actor_kinds[] = {
    ActorKind::state,    ActorKind::organization, ActorKind::person, ActorKind::group,
    ActorKind::position, ActorKind::project,      ActorKind::region, ActorKind::event,
};

/// The kind's name as used in data files ("state", "organization", ...).
std::string_view to_string(ActorKind kind);
/// Parses a kind name; nullopt when it names no kind.
std::optional<ActorKind> parse_actor_kind(std::string_view text);
/// True for the kinds that take sides (state, organization, person, group).
bool takes_sides(ActorKind kind);

/// A calendar date that may be partial (year only, or year and month).
struct Date {
    int year = 0;   ///< Four-digit year.
    int month = 0;  ///< 1-12, or 0 when only the year is known.
    int day = 0;    ///< 1-31, or 0 when unknown.

    /// The first day the date can mean, as a sortable number (YYYYMMDD).
    int earliest() const;
    /// The last day the date can mean, as a sortable number (YYYYMMDD).
    int latest() const;
    /// The date as written in data files: "2024", "2024-05" or "2024-05-22".
    std::string to_string() const;
    /// Equal when all three parts are equal.
    bool operator==(const Date&) const = default;
};

/// Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD", checking that the day exists in that month.
std::optional<Date> parse_date(std::string_view text);

/// Where a claim comes from.
struct Source {
    std::string id;            ///< Stable slug.
    std::string title;         ///< Title of the article, document or page.
    std::string author;        ///< Author, empty when unknown.
    std::string publisher;     ///< Publisher, empty when unknown.
    std::optional<Date> date;  ///< Publication date, when known.
    std::string url;           ///< Address, empty when unknown.
    std::string note;          ///< Curator's note.
    /// Equal when every field is equal.
    bool operator==(const Source&) const = default;
};

/// A relation type with its sign.
struct Relation {
    std::string id;          ///< Slug used in claims ("supports").
    std::string label;       ///< Human label ("supports").
    int polarity = 0;        ///< +1 cooperative, -1 hostile, 0 structural.
    bool symmetric = false;  ///< True when "a R b" also means "b R a".
    bool builtin = false;    ///< True for the vocabulary every dataset starts with.
    std::string note;        ///< Curator's note.
    /// Equal when every field is equal.
    bool operator==(const Relation&) const = default;
};

/// The relation vocabulary every dataset starts with.
std::span<const Relation> builtin_relations();

/// A political actor, or a position, project, region or event that actors relate to.
struct Actor {
    std::string id;                     ///< Stable slug.
    std::string name;                   ///< Display name.
    ActorKind kind = ActorKind::state;  ///< What sort of actor this is.
    std::vector<std::string> aliases;   ///< Other names it is looked up by.
    Index holder = no_index;            ///< For positions: the actor whose position it is.
    std::string note;                   ///< Curator's note.
    /// Equal when every field is equal.
    bool operator==(const Actor&) const = default;
};

/// One sourced statement: subject relation object.
struct Claim {
    std::string id;                      ///< Stable id, given or assigned from the content.
    bool id_assigned = false;            ///< True when the file gave no id.
    Index subject = no_index;            ///< Actor the claim is about.
    Index relation = no_index;           ///< Relation type.
    Index object = no_index;             ///< Actor, position or project on the other end.
    Index source = no_index;             ///< Where the claim comes from.
    std::string quote;                   ///< The sentence in the source that supports it.
    std::string asserted_by;             ///< Whose view it is: an actor id or free text.
    Index asserted_by_actor = no_index;  ///< The actor asserting it, when asserted_by names one.
    double confidence = 1.0;             ///< In (0, 1].
    std::optional<Date> from;            ///< First date the claim holds, when known.
    std::optional<Date> until;           ///< Last date the claim holds, when known.
    std::string note;                    ///< Curator's note.
    bool hypothetical = false;           ///< True for a what-if assumption, not sourced data.
    /// Equal when every field is equal.
    bool operator==(const Claim&) const = default;
};

/// The tables of a loaded dataset; indices in claims and actors point into them.
struct Dataset {
    std::vector<Source> sources;      ///< All sources.
    std::vector<Relation> relations;  ///< Built-in relations first, then the dataset's own.
    std::vector<Actor> actors;        ///< All actors.
    std::vector<Claim> claims;        ///< All claims, in file order.
    /// Equal when every table is equal, record by record.
    bool operator==(const Dataset&) const = default;
};

}  // namespace entente
