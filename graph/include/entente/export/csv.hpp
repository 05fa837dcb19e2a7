#pragma once
/// @file CSV nodes and edges: plain, for Kumu, for Neo4j.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "entente/model/knowledge_graph.hpp"
#include "entente/query/selection.hpp"

namespace entente {

/// Which importer the two CSV files are shaped for.
enum class CsvShape {
    /// Any spreadsheet or script: nodes `id,name,kind,aliases,holder,note`; edges `claim,subject,
    /// object,relation,label,polarity,symmetric,confidence,source,source_title,
    /// source_author,source_publisher,source_date,source_url,quote,asserted_by,from,until,
    /// hypothetical,note`. Aliases joined with "|".
    plain,
    /// Kumu's spreadsheet import (docs.kumu.io, "Structure your data for Kumu"): elements `ID,
    /// Label,Type,Description,Aliases,Holder`, connections `ID,From,To,Type,Direction,
    /// Polarity,Confidence,Source,Quote,Asserted by,From date,Until date,Hypothetical`.
    /// From and To are element IDs (entente ids, which never hold "|"), so names that repeat or
    /// hold "|" cannot split or merge a connection; Direction is "mutual" for symmetric
    /// relations, else "directed". Kumu splits multi-value cells on "|": Aliases are joined
    /// with it, and a "|" inside one alias is written as U+00A6 (counted as replaced).
    kumu,
    /// neo4j-admin database import (Neo4j Operations Manual, "Import"): nodes `id:ID,name,kind,
    /// aliases:string[],holder,note,:LABEL`, relationships `:START_ID,:END_ID,:TYPE,claim,
    /// relation,label,symmetric:boolean,polarity:int,confidence:double,source,
    /// source_title,quote,asserted_by,from,until,hypothetical:boolean,note`. Property names have
    /// no spaces; :LABEL is the kind capitalised ("State"), :TYPE the relation id in capitals
    /// with '-' and '.' as '_'. Aliases are joined with ";" (the importer's default array
    /// delimiter), a ";" inside one alias written as U+037E (counted as replaced). Text holding
    /// line breaks needs the importer's `--multiline-fields=true`.
    neo4j,
};

/// How to_csv writes.
struct CsvOptions {
    CsvShape shape = CsvShape::plain;
    /// False (the default): a text cell from the data that a spreadsheet would run as a formula
    /// (starts_formula in model/text.hpp) gets a leading apostrophe (OWASP's advice against CSV
    /// injection), counted in CsvReport::neutralised. True: every cell exactly as in the data.
    bool raw = false;
};

/// What to_csv had to change in the data's text.
struct CsvReport {
    std::size_t neutralised = 0;  ///< Cells given a leading apostrophe.
    std::size_t replaced = 0;     ///< Characters replaced (the shapes' separators, above).
};

/// Two CSV files, (nodes, edges), in RFC 4180's form: CRLF line ends, a header row, a field
/// quoted when it holds a comma, quote, carriage return or line feed, its quotes doubled. One
/// node row per selected actor and one edge row per selected claim, in the selection's order,
/// with the columns of `options.shape` (above). Numbers: polarity as an integer, confidence and
/// weight in the shortest form that reads back the same double; dates as in data files; booleans
/// "true"/"false". `selection` must come from `kg`. O(size of the selection's text); throws
/// std::bad_alloc.
std::pair<std::string, std::string> to_csv(const KnowledgeGraph& kg, const Selection& selection,
                                           const CsvOptions& options = {},
                                           CsvReport* report = nullptr);

/// One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF, quotes doubled.
/// Throws std::bad_alloc.
std::string csv_field(std::string_view text);

}  // namespace entente
