#pragma once
// The output layer of the entente tool: every command renders its answer through it, as lines and
// tables for people (with what a terminal would execute escaped), as CSV where the answer is a
// table, or as JSON under one convention (docs/cli.md, "The JSON convention"):
//   - every --format json output is one object;
//   - a query's object opens with "scenario" and closes with "claims" (the full claim objects the
//     answer cites, once each, in dataset order) and "sources" (the sources of those claims);
//   - actors are referenced as {"id", "name", "kind"}; claims, sources and relations by id;
//   - counts are numbers, lists are lists, unset values null (fields are never left out).

#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "entente/load/json_allocator.hpp"
#include "entente/model/knowledge_graph.hpp"
#include "entente/query/ties.hpp"

namespace entente::cli {

/// `text` as a terminal may show it: C0 controls (U+0000-U+001F, ESC included), DEL, C1
/// controls (U+0080-U+009F) and the bidirectional overrides and isolates (U+202A-U+202E,
/// U+2066-U+2069) become visible escapes (`\n`, `\t`, `\r`, else `\u001b`, `\u202e`), and bytes
/// that are not UTF-8 become `\xHH`; everything else, valid UTF-8 included, is unchanged.
std::string terminal_safe(std::string_view text);

/// Writes a message for people to stderr: "entente: " and the text, escaped, and a newline.
void print_error(std::string_view message);
/// Writes a command's message to stderr: "entente COMMAND: " and the text, escaped.
void print_error(std::string_view command, std::string_view message);

/// Text for people, written line by line, each line escaped with terminal_safe (a line break
/// inside data shows as `\n`, never breaks the layout).
class Lines {
  public:
    /// Writes to `out`.
    explicit Lines(std::ostream& out) : out_(&out) {}
    /// Writes the pieces (strings, numbers) as one line.
    template <class... Pieces>
    void line(const Pieces&... pieces) {
        std::ostringstream text;
        (text << ... << pieces);
        write(text.str());
    }
    /// Writes an empty line.
    void blank();

  private:
    void write(std::string_view text);
    std::ostream* out_;
};

/// Lines on stdout.
Lines& out();

/// A table: left-aligned text for people (widths in characters, the last column unpadded), or
/// CSV (RFC 4180 quoting, "\n" line ends); in both, cells are escaped with terminal_safe.
class Table {
  public:
    /// Starts a table with these column headers.
    explicit Table(std::vector<std::string> headers);
    /// Adds a row; missing cells are empty, extra ones dropped.
    void add(std::vector<std::string> row);
    /// Writes the table for people, headers first.
    void print(Lines& lines) const;
    /// Writes the table as CSV, headers first: RFC 4180 with CRLF line ends, cells escaped as
    /// terminal_safe escapes them, a cell a spreadsheet would run as a formula (starts_formula)
    /// given a leading apostrophe.
    void print_csv(std::ostream& out) const;
    /// Rows added so far (the headers not counted).
    std::size_t rows() const { return rows_.size() - 1; }

  private:
    std::vector<std::vector<std::string>> rows_;
};

/// The buffer every JSON output grows in: RapidJSON's string buffer with an allocator that
/// throws std::bad_alloc rather than crashing when memory runs out.
using JsonBuffer = rapidjson::GenericStringBuffer<rapidjson::UTF8<>, ThrowingJsonAllocator>;
/// RapidJSON's pretty writer over a JsonBuffer, its own stack on the same allocator.
using JsonWriter = rapidjson::PrettyWriter<JsonBuffer, rapidjson::UTF8<>, rapidjson::UTF8<>,
                                           ThrowingJsonAllocator>;

/// One JSON object printed to stdout: two-space indentation, UTF-8, controls escaped by RapidJSON.
/// Values are written with value() or field(); objects and arrays opened and closed in order.
class Json {
  public:
    /// Starts the object; records of `kg` (actors, claims, sources) can then be written.
    explicit Json(const KnowledgeGraph* kg = nullptr);
    Json(const Json&) = delete;
    Json& operator=(const Json&) = delete;
    virtual ~Json() = default;

    /// Writes a key of the current object.
    void key(std::string_view name);
    /// Writes a value: a string, a boolean, an integer, a number (non-finite as null), a
    /// std::optional of one of these (null when empty), or a list of strings.
    template <class T>
    void value(const T& v) {
        if constexpr (std::is_same_v<T, bool>) {
            writer_.Bool(v);
        } else if constexpr (std::is_integral_v<T> && std::is_signed_v<T>) {
            writer_.Int64(static_cast<std::int64_t>(v));
        } else if constexpr (std::is_integral_v<T>) {
            writer_.Uint64(static_cast<std::uint64_t>(v));
        } else if constexpr (std::is_floating_point_v<T>) {
            number(static_cast<double>(v));
        } else if constexpr (std::is_convertible_v<const T&, std::string_view>) {
            string(v);
        } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
            start_array();
            for (const auto& item : v) {
                string(item);
            }
            end_array();
        } else {
            v ? value(*v) : null();
        }
    }
    /// Writes "key": value.
    template <class T>
    void field(std::string_view name, const T& v) {
        key(name);
        value(v);
    }
    /// Writes null.
    void null() { writer_.Null(); }
    /// Opens an object.
    void start_object() { writer_.StartObject(); }
    /// Closes an object.
    void end_object() { writer_.EndObject(); }
    /// Opens an array.
    void start_array() { writer_.StartArray(); }
    /// Closes an array.
    void end_array() { writer_.EndArray(); }

    /// Writes an actor reference {"id", "name", "kind"}, or null for no_index.
    void actor(Index actor);
    /// Writes a list of actor references.
    void actors(const std::vector<Index>& actors);
    /// Writes a claim as its full object (see docs/cli.md, "The claim object").
    void claim_object(Index claim);
    /// Writes a source as its full object.
    void source_object(Index source);
    /// Writes the records that follow (actors, claims, sources) from `kg` instead: an answer
    /// about two datasets (diff) writes each one's records from its own graph.
    void use_graph(const KnowledgeGraph& kg) { kg_ = &kg; }

    /// Closes the object and returns it as text (no final newline); call once, last. Throws
    /// std::bad_alloc.
    std::string text();
    /// Closes the object and prints it to stdout with a newline (text(), then "\n").
    void print();

  protected:
    /// The graph records come from.
    const KnowledgeGraph& graph() const { return *kg_; }
    /// Hook run before the object is closed.
    virtual void before_close() {}

  private:
    void string(std::string_view s);
    void number(double v);
    const KnowledgeGraph* kg_;
    JsonBuffer buffer_;
    JsonWriter writer_;
};

/// Prints a JSON answer's text (Json::text()) to stdout with a newline, and flushes.
void print_json(const std::string& text);

/// What a query was asked under: the what-if options as given.
struct ScenarioText {
    std::string as_of;                 ///< --as-of DATE, empty when not given.
    std::string from;                  ///< --from DATE, empty when not given.
    std::string until;                 ///< --until DATE, empty when not given.
    std::vector<std::string> assume;   ///< --assume, in order.
    std::vector<std::string> without;  ///< --without, in order.
    /// --modality, as given ("stated", "hedged", "all"); empty for the command's default.
    std::vector<std::string> modality;
    /// With no --modality, keep every claim, negated ones too (show, export), instead of the
    /// stated claims queries count by default.
    bool every_claim = false;
    /// Filled in by load_scenario: the modalities counted (empty: every claim kept) and how many
    /// claims they left out, by modality and as negated.
    std::vector<std::string> counted;
    std::size_t left_out_by_modality = 0;  ///< Claims out of scope by their modality.
    std::size_t left_out_negated = 0;      ///< Negated claims left out (they make no tie).
    /// --roll-up KIND as given, empty when not given; and, filled in by load_scenario, the claims
    /// it moved, those it left out as within one actor, and the actors it found ambiguous (ids).
    std::string roll_up;
    std::size_t rolled_up = 0;
    std::size_t rolled_within = 0;
    std::vector<std::string> roll_up_ambiguous;
};

/// A query's JSON answer: opens with "scenario", closes with "claims" (every claim it cited, as
/// full objects, in dataset order) and "sources" (their sources, in dataset order).
class JsonAnswer : public Json {
  public:
    /// Starts {"scenario": ...} for an answer over `kg`.
    JsonAnswer(const KnowledgeGraph& kg, const ScenarioText& scenario);
    /// Writes a claim reference (its id) and cites the claim.
    void claim(Index claim);
    /// Writes a list of claim references and cites them.
    void claims(const std::vector<Index>& claims);
    /// Writes a tie {"value", "derived_only", "evidence": [{"claim", "derived", "weight"}]}, or
    /// null, and cites its claims.
    void tie(const Tie* tie);
    /// Cites a claim without writing it.
    void cite(Index claim) { claims_.insert(claim); }
    /// Cites every claim behind a tie without writing it.
    void cite(const Tie& tie);
    /// Lists a source at the end even when no cited claim comes from it (stats: every source).
    void cite_source(Index source) { sources_.insert(source); }

  private:
    void before_close() override;
    std::set<Index> claims_;
    std::set<Index> sources_;
};

/// A signed number with two decimals: "+0.71", "-1.00", "0.00".
std::string signed_number(double value);
/// A score for a table: signed_number, or "-" when undefined.
std::string shown(const std::optional<double>& value);
/// A score for CSV: rounded to 4 decimals in its shortest form ("0.8133", "-1"), empty when
/// undefined.
std::string csv_number(const std::optional<double>& value);
/// A number in its shortest exact form ("1", "0.85").
std::string format_number(double value);
/// "1 claim" / "3 claims".
std::string plural(std::size_t n, const std::string& singular, const std::string& plural_form);
/// A polarity or sign as "+1", "-1" or "0".
std::string sign_text(int sign);
/// Who asserts a claim, by name when it is an actor of the dataset.
std::string asserted_by_name(const KnowledgeGraph& kg, const Claim& claim);
/// " · weight 12.5" for a claim whose weight is not the default 1, else empty.
std::string weight_text(const Claim& claim);
/// When a claim holds: "from 2019-08", "until 2020", "2019 to 2021".
std::string holds_text(const Claim& claim);
/// Writes one claim for people: "ID  SENTENCE[suffix]  [hypothetical]", its quote, and who
/// asserts it, its source, confidence and dates; then its note when `note` is set.
void print_claim(Lines& lines, const KnowledgeGraph& kg, Index claim, const std::string& indent,
                 const std::string& suffix = "", bool note = false);
/// "  [predicted]", "  [negated: makes no tie]" (both when both), or "" for a stated claim.
std::string modality_marks(const Claim& claim);
/// How many items a text list shows unless --all is given: the claims behind a tie, unbalanced
/// triangles, frustrated ties. A dense graph has hundreds of thousands of unbalanced triangles;
/// JSON always lists every one.
inline constexpr std::size_t text_list_limit = 20;
/// The largest limit: every item.
inline constexpr std::size_t no_list_limit = static_cast<std::size_t>(-1);
/// Writes "INDENT… and N more (--all to list them)" when `shown` < `total`.
void print_more(Lines& lines, std::size_t total, std::size_t shown, const std::string& indent);
/// Writes the claims behind a tie, each with its weight (and, when derived, through whom): the
/// first `limit`, then how many more there are.
void print_evidence(Lines& lines, const KnowledgeGraph& kg, const Tie& tie,
                    const std::string& indent, std::size_t limit = no_list_limit);

}  // namespace entente::cli
