#pragma once
/// @file Machine-coded event data (ICEWS, GDELT 1.0 and 2.0, or the CSV that the emitted SQL
/// produces) aggregated into one weighted, dated claim per directed dyad, relation class and
/// period (docs/events.md says what becomes what and where each rule comes from).

#include <cstdint>
#include <functional>
#include <istream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "entente/import/votes.hpp"
#include "entente/load/diagnostic.hpp"
#include "entente/model/model.hpp"

namespace entente {

/// The published layouts the event importer reads.
enum class EventPreset {
    icews,       ///< ICEWS coded event data (Harvard Dataverse), TSV with a header of 20 columns.
    gdelt1,      ///< GDELT 1.0 events: TSV without header, 57 columns (58 with SOURCEURL).
    gdelt2,      ///< GDELT 2.0 events: TSV without header, 61 columns.
    aggregated,  ///< The CSV that events_sql's query produces (header named in docs/events.md).
};

/// How an event's sign is read (docs/events.md, "Polarity").
enum class PolarityRule {
    cameo,      ///< CAMEO root codes 01-08 cooperative (+1), 09-20 conflictual (-1).
    quad,       ///< Quad classes 1-2 cooperative (+1), 3-4 conflictual (-1).
    goldstein,  ///< The Goldstein score's sign: > 0 is +1, < 0 is -1, 0 is neutral (no claim).
};

/// The length of the period a claim aggregates (docs/events.md, "Periods").
enum class EventPeriod {
    day,    ///< One calendar day.
    week,   ///< An ISO 8601 week, Monday to Sunday.
    month,  ///< A calendar month (the default).
    year,   ///< A calendar year.
};

/// What an actor key (a country code or name, an organisation's code or name) rolls up to.
struct EventActor {
    std::string id;                     ///< The entente actor id.
    std::string name;                   ///< Its display name.
    ActorKind kind = ActorKind::state;  ///< Its kind.
};

/// One row of an actor map: a key as the data writes it (compared ignoring ASCII case and
/// surrounding spaces) and the actor it rolls up to.
struct EventActorMapping {
    std::string key;   ///< A country code ("RUS"), country name ("Russian Federation"), ...
    EventActor actor;  ///< What it rolls up to.
};

/// Columns of a file with a header, by name, for shapes other than the presets' (each, when not
/// empty, replaces the preset's column of that role; with the icews preset the file is read by
/// its header, so any TSV or CSV with these roles can be read).
struct EventColumns {
    std::string id;               ///< The event's id.
    std::string date;             ///< Its date: YYYY-MM-DD or YYYYMMDD.
    std::string source;           ///< The source actor's roll-up key (its country).
    std::string target;           ///< The target actor's roll-up key.
    std::string source_fallback;  ///< Key when `source` is empty (its name, for organisations).
    std::string target_fallback;  ///< Key when `target` is empty.
    std::string code;             ///< The CAMEO event code (root code = its first two digits).
    std::string intensity;        ///< The Goldstein score (-10 to +10).
    std::string story;            ///< The story (or URL) duplicates are found by; optional.
};

/// What the event importer reads and how.
struct EventImportOptions {
    EventPreset preset = EventPreset::icews;      ///< The layout of the input.
    PolarityRule polarity = PolarityRule::cameo;  ///< How signs are read.
    EventPeriod period = EventPeriod::month;      ///< The period of a claim.
    bool keep_domestic = false;  ///< Keep same-actor events (docs/events.md, "Domestic events").
    /// Replaces the default actor map (default_event_actor_map) when not empty.
    std::vector<EventActorMapping> actor_map;
    EventColumns columns;      ///< Column names (icews preset only).
    std::size_t max_ids = 10;  ///< Event ids listed in a claim's note.
    std::size_t max_urls = 3;  ///< SOURCEURLs listed in a claim's note (GDELT).
    /// Replaces the sources' title and id stem (before " (cooperative events)" and "-cooperation",
    /// " (conflictual events)" and "-conflict") when not empty.
    std::string source_title;
    std::string source_id;  ///< See source_title.
};

/// One input file, read as a stream.
struct EventInput {
    std::string name;        ///< The name diagnostics give (the path as typed).
    std::istream* stream;    ///< Its bytes; read once, from where it stands.
    std::uint64_t size = 0;  ///< Its size in bytes for progress, 0 when unknown.
    char delimiter = '\t';   ///< '\t' for the ICEWS and GDELT presets; ',' for aggregated CSV.
};

/// The delimiter a file of `preset` named `path` is read with when none is asked for: GDELT's
/// files tab (even those named .CSV, as GDELT names them); ICEWS tab, or comma for a name ending
/// ".csv"; aggregated comma, or tab for a name ending ".tsv". Throws nothing.
char default_event_delimiter(EventPreset preset, std::string_view path);

/// What an event import found and made.
struct EventImportResult {
    std::optional<Dataset> dataset;  ///< The dataset, when no diagnostic is an error.
    /// Every problem found, in input order, as `FILE:LINE:COLUMN`.
    std::vector<Diagnostic> diagnostics;
    std::size_t rows = 0;        ///< Data rows read (aggregated: the events its rows count).
    std::size_t events = 0;      ///< Events counted in a claim.
    std::size_t duplicates = 0;  ///< Rows dropped as another coding of an event already counted.
    std::size_t domestic = 0;    ///< Events whose two sides roll up to one actor (dropped unless
                                 ///< keep_domestic).
    std::size_t unplaced = 0;    ///< Events with a side that has no key (no country, no name).
    std::size_t neutral = 0;     ///< Events whose polarity reads as 0 (no claim).
    std::size_t unmapped = 0;    ///< Distinct keys not in the actor map (ids made from the key).
    /// The most dyad-period groups held at once: the importer's memory grows with this (and
    /// with the duplicate keys, 16 bytes per distinct event), not with the rows.
    std::size_t groups = 0;
};

/// Reads event data from `inputs` and aggregates it (docs/events.md):
/// - each row's source and target keys roll up through the actor map (options.actor_map, else
///   default_event_actor_map(); a key not in it gets the id slug(key)); a row without a key on
///   a side is counted in `unplaced`; a row whose sides roll up to one actor in `domestic`
///   (kept only with keep_domestic, against that actor's `<id>-domestic` position);
/// - its sign comes from the polarity rule, its class (verbal or material cooperation or
///   conflict) from the CAMEO root code, its intensity is |Goldstein| in tenths;
/// - a row with the same story (ICEWS Story ID; GDELT SOURCEURL), the same two keys, the same
///   event code and the same day as one already read is a duplicate (not counted);
/// - each directed dyad, class and period becomes one claim dated from the period's first to its
///   last day, weight = summed intensity / 10, its note
///   `events=N; intensity_sum=S; intensity_mean=M; ids=...; urls=...` (docs/events.md).
/// Every bad row is reported (too few columns, a date, code, quad class or score that is not
/// one, text that is not UTF-8, a CSV syntax error), then no dataset is given. One pass over
/// each input; memory grows with the dyad-periods (result.groups) and the distinct events' keys,
/// not with the bytes. O(rows). Throws std::invalid_argument for options that cannot work (no
/// input, a missing column name), std::bad_alloc.
EventImportResult import_events(std::span<const EventInput> inputs,
                                const EventImportOptions& options,
                                const ImportProgress& progress = {});

/// The default actor map: CAMEO/ISO 3166-1 alpha-3 country codes, country names as ICEWS and
/// ISO 3166 write them, and the international organisations listed in docs/events.md, from
/// data/events/actors.csv (compiled in). Throws std::bad_alloc.
std::vector<EventActorMapping> default_event_actor_map();

/// Reads an actor map (CSV with the header `key,id,name,kind`, kind as in data files) from
/// `in`; problems are appended to `diagnostics` as `name:LINE:COLUMN`. O(bytes). Throws
/// std::bad_alloc.
std::vector<EventActorMapping> read_event_actor_map(std::istream& in, const std::string& name,
                                                    std::vector<Diagnostic>& diagnostics);

/// The SQL engines events_sql writes for.
enum class SqlDialect { sqlite, bigquery, spark };

/// The same aggregation as import_events with the gdelt2 preset (or gdelt1), as one SQL query
/// for `dialect` over the table `table` (GDELT's column names): duplicates dropped, the
/// polarity rule and the class applied, rows grouped by the two roll-up keys, class, sign and
/// period, with the number of events, the summed |Goldstein| and samples of ids and URLs. Its
/// result, saved as CSV with a header, is read by the aggregated preset, which rolls the keys up
/// through the actor map. The texts for the three engines differ only in the table name and the
/// date and aggregation functions (docs/events.md, "Past one machine"). Throws std::bad_alloc.
std::string events_sql(const EventImportOptions& options, SqlDialect dialect,
                       const std::string& table);

}  // namespace entente
