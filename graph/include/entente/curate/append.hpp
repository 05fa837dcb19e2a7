#pragma once
/// @file Appending a claim to a dataset file as text, keeping the file's own layout (`entente
/// add`): the file is edited, not written again from the model.

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "entente/load/locations.hpp"
#include "entente/model/model.hpp"

namespace entente {

/// A claim as `entente add` writes it: every member as it goes into the file (ids, not names).
/// Empty strings and nullopt are left out.
struct NewClaim {
    std::string id;        ///< Claim id; empty: none (the loader gives one from the content).
    std::string subject;   ///< Actor id.
    std::string relation;  ///< Relation id.
    std::string object;    ///< Actor id.
    std::string source;    ///< Source id.
    std::string quote;     ///< The supporting sentence, possibly empty.
    Modality modality = Modality::stated;  ///< Written only when not stated (the default).
    bool negated = false;                  ///< Written only when true.
    std::string asserted_by;               ///< Who asserts it; empty: the loader's default.
    std::optional<double> confidence;      ///< In (0, 1]; nullopt: the default 1.
    std::optional<double> weight;          ///< Finite, >= 0; nullopt: the default 1.
    std::optional<Date> from;              ///< First date it holds.
    std::optional<Date> until;             ///< Last date it holds.
    std::string note;                      ///< Curator's note.
};

/// The next id in the scheme of `ids` (a file's claim ids, in file order): the prefix most of the
/// ids that end in digits carry ("kor-" of "kor-46"; among prefixes as common, the one of the
/// latest such id) with one more than the largest number any id of
/// that prefix carries, zero-padded to the width of the widest such id that was padded
/// ("ctx-09" gives "ctx-10"; "n7" and "n12" give "n13"), raised until `taken` says no. nullopt
/// when no id ends in digits. Throws std::bad_alloc.
std::optional<std::string> next_claim_id(const std::vector<std::string>& ids,
                                         const std::function<bool(const std::string&)>& taken);

/// `text` (a dataset file's JSON) with `claim` appended to its root "claims" array, at
/// `claims` (from locate_records; must be present), after `last` (the array's last record, or
/// nullptr when it is empty), in the file's layout: the last record's indentation, one member a
/// line with its members' indentation when it spans lines (else all on one line), its key
/// separator (": " or ":"), and the file's line ends (CRLF when it has any). Everything else is
/// kept byte for byte. Strings are escaped as JSON requires (quote, backslash, control
/// characters); other text, UTF-8 included, is written as it is. The confidence is written in the
/// shortest form that reads back to the same double. Throws std::bad_alloc.
std::string append_claim(std::string_view text, const ArrayLocation& claims,
                         const RecordLocation* last, const NewClaim& claim);

}  // namespace entente
