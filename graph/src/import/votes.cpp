// Roll-call votes into a dataset. Each input is identified by its header, the side tables (members,
// roll calls, issues) are read before the votes, and the dataset is built once every row is read
// and found sound, so a bad input gives every problem and no dataset.
#include "entente/import/votes.hpp"

#include <algorithm>
#include <array>
#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

#include "entente/import/csv.hpp"
#include "entente/model/text.hpp"

namespace entente {

namespace {

enum class Stance : std::uint8_t { yes, no, abstain, absent };
enum class Role { votes, roll_calls, issues, members, unknown };

constexpr std::size_t npos = std::string::npos;
// A roll call's title longer than this is cut in its name (the whole title stays in its note):
// names are what tables show, and the loader caps them at 1000 characters.
constexpr std::size_t max_title = 300;

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
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') {
            c = static_cast<char>(c - 'A' + 'a');
        }
    }
    return out;
}

// R writes missing values as NA; both packages' tables have them in optional fields.
bool missing(std::string_view text) {
    text = trim(text);
    return text.empty() || text == "NA";
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

std::string cut(std::string_view text, std::size_t max_chars) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++chars > max_chars) {
            return std::string(text.substr(0, i)) + "…";
        }
    }
    return std::string(text);
}

// The six issue codes of Voeten's data, with the names the unvotes package gives them.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> un_issues = {{
    {"me", "Palestinian conflict"},
    {"nu", "Nuclear weapons and nuclear material"},
    {"di", "Arms control and disarmament"},
    {"hr", "Human rights"},
    {"co", "Colonialism"},
    {"ec", "Economic development"},
}};

// Lets the tables of keys be searched with a string_view: no string is built per row.
struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const {
        return std::hash<std::string_view>{}(key);
    }
};
template <class Value>
using KeyMap = std::unordered_map<std::string, Value, KeyHash, std::equal_to<>>;

struct Voter {
    std::string key;
    std::string name;
    std::string alias;
};

struct Issue {
    std::string code;
    std::string name;
};

struct Item {
    std::string key;
    std::string title;
    std::vector<std::string> facts;  // "resolution R/73/5", "session 73", ...
    std::string description;
    std::optional<Date> date;
    std::vector<Index> issues;
    bool described = false;  // found in the roll-calls table (or described by the votes rows)
    std::size_t line = 0;    // where it was described, for duplicates
};

struct Vote {
    Index voter;
    Index item;
    Stance stance;
    std::optional<Date> date;
};

// The columns of one table, by role, as indices into its header (npos when absent).
struct Columns {
    std::size_t actor = npos;       // the voter's key
    std::size_t actor_name = npos;  // its name, when not the key
    std::size_t alias = npos;
    std::vector<std::size_t> item;  // joined by "-" into the roll call's key
    std::size_t vote = npos;
    std::size_t date = npos;
    std::size_t title = npos;
    std::size_t title_alt = npos;  // the title when `title` is empty (voteview's vote_question)
    std::size_t title2 = npos;     // a second part of the title (voteview's bill number)
    std::size_t description = npos;
    std::size_t unres = npos;
    std::size_t session = npos;
    std::size_t important = npos;
    std::size_t amend = npos;
    std::size_t para = npos;
    std::size_t issue_code = npos;
    std::size_t issue_name = npos;
    std::vector<std::pair<std::size_t, Index>> issue_flags;  // column, issue (Voeten's dummies)
};

struct Table {
    const VoteInput* input = nullptr;
    std::unique_ptr<CsvReader> reader;
    std::vector<std::string> header;
    Role role = Role::unknown;
};

bool has(const std::vector<std::string>& header, const std::string& name) {
    return find_column(header, name) != npos;
}

class Importer {
  public:
    Importer(std::span<const VoteInput> inputs, const VoteImportOptions& options,
             const ImportProgress& progress)
        : inputs_(inputs), options_(options), progress_(progress) {
        for (const auto& input : inputs) {
            total_ += input.size;
        }
        set_codes();
    }

    VoteImportResult run();

  private:
    void error(const std::string& file, std::size_t line, std::size_t column, std::string message) {
        result_.diagnostics.push_back(
            {Severity::error, file, line, column, std::string(), std::move(message)});
    }
    void set_codes();
    Role role_of(const std::vector<std::string>& header) const;
    std::string role_needs() const;
    bool find(Table& table, std::size_t& column, const std::string& name);
    void read_table(Table& table);
    void report_progress(bool last);
    Index voter(std::string_view key, std::string_view name, std::string_view alias);
    Index item(const std::string& key);
    Index issue(std::string_view code, std::string_view name);
    void key_of(const std::vector<std::string>& row, const Columns& columns,
                std::string& key) const;
    std::optional<Date> date_of(Table& table, std::size_t column);
    void describe(Table& table, const Columns& c, Index i);
    Dataset build();
    Source source() const;

    std::span<const VoteInput> inputs_;
    const VoteImportOptions& options_;
    const ImportProgress& progress_;
    std::uint64_t total_ = 0;
    std::uint64_t done_before_ = 0;  // bytes of the tables already read
    std::uint64_t reported_ = 0;
    const CsvReader* current_ = nullptr;
    VoteImportResult result_;

    KeyMap<Stance> codes_;
    std::string codes_text_;
    KeyMap<Index> voter_by_key_;
    std::vector<Voter> voters_;
    KeyMap<std::pair<std::string, std::string>> members_;  // key: name, alias
    KeyMap<Index> item_by_key_;
    std::vector<Item> items_;
    std::string roll_calls_file_;
    std::unordered_map<std::string, Index> issue_by_code_;
    std::vector<Issue> issues_;
    std::unordered_map<std::uint64_t, std::size_t> first_vote_line_;
    std::vector<Vote> votes_;
};

void Importer::set_codes() {
    VoteCodes codes;
    switch (options_.preset) {
        case VotePreset::columns:
            codes = {{"yes", "yea", "aye", "y"},
                     {"no", "nay", "n"},
                     {"abstain", "abstention", "present"},
                     {"absent", "not voting", "NA", ""}};
            break;
        case VotePreset::unvotes:
            codes = {{"yes"}, {"no"}, {"abstain"}, {}};
            break;
        case VotePreset::voeten:
            codes = {{"1"}, {"3"}, {"2"}, {"8", "9"}};
            break;
        case VotePreset::voteview:
            codes = {{"1", "2", "3"}, {"4", "5", "6"}, {"7", "8"}, {"0", "9"}};
            break;
    }
    const auto replace = [](std::vector<std::string>& to, const std::vector<std::string>& from) {
        if (!from.empty()) {
            to = from;
        }
    };
    replace(codes.yes, options_.codes.yes);
    replace(codes.no, options_.codes.no);
    replace(codes.abstain, options_.codes.abstain);
    replace(codes.absent, options_.codes.absent);
    const std::pair<const std::vector<std::string>*, Stance> lists[] = {
        {&codes.yes, Stance::yes},
        {&codes.no, Stance::no},
        {&codes.abstain, Stance::abstain},
        {&codes.absent, Stance::absent}};
    const char* names[] = {"yes", "no", "abstain", "absent"};
    std::size_t n = 0;
    for (const auto& [list, stance] : lists) {
        std::string text;
        for (const auto& value : *list) {
            const std::string key = lower_ascii(trim(value));
            const auto [at, inserted] = codes_.emplace(key, stance);
            if (!inserted && at->second != stance) {
                throw std::invalid_argument("the vote value " + quoted(value) + " is both --" +
                                            names[static_cast<int>(at->second)] + " and --" +
                                            names[n]);
            }
            text += (text.empty() ? "" : ", ") + (key.empty() ? std::string("\"\"") : key);
        }
        codes_text_ += std::string(codes_text_.empty() ? "" : "; ") + names[n] + ": " +
                       (text.empty() ? "none" : text);
        ++n;
    }
}

Role Importer::role_of(const std::vector<std::string>& header) const {
    switch (options_.preset) {
        case VotePreset::columns:
        case VotePreset::voeten:
            return Role::votes;
        case VotePreset::unvotes:
            if (has(header, "vote")) {
                return Role::votes;
            }
            if (has(header, "short_name") && has(header, "issue")) {
                return Role::issues;
            }
            if (has(header, "rcid") && has(header, "date")) {
                return Role::roll_calls;
            }
            return Role::unknown;
        case VotePreset::voteview:
            if (has(header, "cast_code")) {
                return Role::votes;
            }
            if (has(header, "bioname")) {
                return Role::members;
            }
            if (has(header, "rollnumber") && has(header, "date")) {
                return Role::roll_calls;
            }
            return Role::unknown;
    }
    return Role::unknown;
}

std::string Importer::role_needs() const {
    if (options_.preset == VotePreset::unvotes) {
        return "not one of the unvotes tables: the votes have a column \"vote\", the roll calls "
               "\"rcid\" and \"date\", the issues \"short_name\" and \"issue\"";
    }
    return "not one of Voteview's tables: the member votes have a column \"cast_code\", the "
           "members \"bioname\", the rollcalls \"rollnumber\" and \"date\"";
}

// Finds a required column, reporting its absence with the columns the header has.
bool Importer::find(Table& table, std::size_t& column, const std::string& name) {
    column = find_column(table.header, name);
    if (column != npos) {
        return true;
    }
    std::string names;
    for (const auto& h : table.header) {
        names += (names.empty() ? "" : ", ") + quoted(h);
    }
    error(table.input->name, table.reader->line(), 1,
          "no column " + quoted(name) + " in the header (it has " + names + ")");
    return false;
}

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

Index Importer::voter(std::string_view key, std::string_view name, std::string_view alias) {
    if (const auto at = voter_by_key_.find(key); at != voter_by_key_.end()) {
        return at->second;
    }
    const auto index = static_cast<Index>(voters_.size());
    voter_by_key_.emplace(std::string(key), index);
    voters_.push_back({std::string(key), std::string(name), std::string(trim(alias))});
    return index;
}

Index Importer::item(const std::string& key) {
    const auto [at, inserted] = item_by_key_.try_emplace(key, static_cast<Index>(items_.size()));
    if (inserted) {
        items_.push_back({});
        items_.back().key = key;
    }
    return at->second;
}

Index Importer::issue(std::string_view code, std::string_view name) {
    const std::string key(trim(code));
    const auto [at, inserted] = issue_by_code_.try_emplace(key, static_cast<Index>(issues_.size()));
    if (inserted) {
        issues_.push_back({key, std::string(trim(name))});
    }
    return at->second;
}

void Importer::key_of(const std::vector<std::string>& row, const Columns& c,
                      std::string& key) const {
    key.clear();
    for (const std::size_t column : c.item) {
        if (!key.empty()) {
            key += '-';
        }
        key += trim(row[column]);
    }
}

std::optional<Date> Importer::date_of(Table& table, std::size_t column) {
    const std::string_view text = trim(table.reader->fields()[column]);
    if (missing(text)) {
        return std::nullopt;
    }
    auto date = parse_date(text);
    if (!date) {
        error(table.input->name, table.reader->line_of(column), table.reader->column_of(column),
              "date " + quoted(text) + " is not a date of the form YYYY-MM-DD (or YYYY-MM, YYYY)");
    }
    return date;
}

// The roll call's title, facts and description from a row that describes it.
void Importer::describe(Table& table, const Columns& c, Index i) {
    const auto& row = table.reader->fields();
    Item& it = items_[i];
    it.described = true;
    it.line = table.reader->line();
    const auto field = [&](std::size_t column) {
        return column == npos || missing(row[column]) ? std::string_view() : trim(row[column]);
    };
    it.title = std::string(field(c.title).empty() ? field(c.title_alt) : field(c.title));
    if (!field(c.title2).empty()) {
        it.title += (it.title.empty() ? "" : " ") + std::string(field(c.title2));
    }
    it.facts.clear();
    if (!field(c.unres).empty()) {
        it.facts.push_back("resolution " + std::string(field(c.unres)));
    }
    if (!field(c.session).empty()) {
        it.facts.push_back("session " + std::string(field(c.session)));
    }
    if (field(c.important) == "1") {
        it.facts.emplace_back("an important vote");
    }
    if (field(c.amend) == "1") {
        it.facts.emplace_back("a vote on an amendment");
    }
    if (field(c.para) == "1") {
        it.facts.emplace_back("a vote on a paragraph");
    }
    it.description = std::string(field(c.description));
    if (c.date != npos) {
        it.date = date_of(table, c.date);
    }
    for (const auto& [column, issue_index] : c.issue_flags) {
        if (field(column) == "1" &&
            std::find(it.issues.begin(), it.issues.end(), issue_index) == it.issues.end()) {
            it.issues.push_back(issue_index);
        }
    }
}

void Importer::read_table(Table& table) {
    CsvReader& reader = *table.reader;
    current_ = &reader;
    const std::string& file = table.input->name;
    const bool is_votes = table.role == Role::votes;
    Columns c;
    const auto chosen = [](const std::string& option, const char* preset) {
        return option.empty() ? std::string(preset) : option;
    };
    bool ok = true;
    const auto need = [&](std::size_t& column, const std::string& name) {
        ok = find(table, column, name) && ok;
    };
    const auto optional = [&](std::size_t& column, const char* name) {
        column = find_column(table.header, name);
    };
    const auto need_item = [&](std::initializer_list<const char*> names) {
        for (const char* name : names) {
            c.item.push_back(npos);
            need(c.item.back(), name);
        }
    };
    switch (options_.preset) {
        case VotePreset::columns:
            if (options_.actor_column.empty() || options_.item_column.empty() ||
                options_.vote_column.empty()) {
                throw std::invalid_argument(
                    "without a preset, name the columns: --actor-column, --item-column and "
                    "--vote-column (and --date-column for dated votes)");
            }
            need(c.actor, options_.actor_column);
            c.item.push_back(npos);
            need(c.item.back(), options_.item_column);
            need(c.vote, options_.vote_column);
            if (!options_.date_column.empty()) {
                need(c.date, options_.date_column);
            }
            break;
        case VotePreset::unvotes:
            if (table.role == Role::votes) {
                need(c.actor, chosen(options_.actor_column, "country"));
                optional(c.alias, "country_code");
                c.item.push_back(npos);
                need(c.item.back(), chosen(options_.item_column, "rcid"));
                need(c.vote, chosen(options_.vote_column, "vote"));
                if (!options_.date_column.empty()) {
                    need(c.date, options_.date_column);
                }
            } else if (table.role == Role::roll_calls) {
                need_item({"rcid"});
                need(c.date, "date");
                optional(c.title, "short");
                optional(c.description, "descr");
                optional(c.unres, "unres");
                optional(c.session, "session");
                optional(c.important, "importantvote");
                optional(c.amend, "amend");
                optional(c.para, "para");
            } else {
                need_item({"rcid"});
                need(c.issue_code, "short_name");
                need(c.issue_name, "issue");
            }
            break;
        case VotePreset::voeten:
            need(c.actor, chosen(options_.actor_column, "Countryname"));
            optional(c.alias, "Country");
            c.item.push_back(npos);
            need(c.item.back(), chosen(options_.item_column, "rcid"));
            need(c.vote, chosen(options_.vote_column, "vote"));
            need(c.date, chosen(options_.date_column, "date"));
            optional(c.title, "short");
            optional(c.description, "descr");
            optional(c.unres, "unres");
            optional(c.session, "session");
            optional(c.important, "importantvote");
            optional(c.amend, "amend");
            optional(c.para, "para");
            for (const auto& [code, name] : un_issues) {
                const std::size_t column = find_column(table.header, std::string(code));
                if (column != npos) {
                    c.issue_flags.emplace_back(column, issue(code, name));
                }
            }
            break;
        case VotePreset::voteview:
            if (table.role == Role::votes) {
                need(c.actor, chosen(options_.actor_column, "icpsr"));
                need_item({"chamber", "congress", "rollnumber"});
                need(c.vote, chosen(options_.vote_column, "cast_code"));
            } else if (table.role == Role::members) {
                need(c.actor, "icpsr");
                need(c.actor_name, "bioname");
                optional(c.alias, "bioguide_id");
            } else {
                need_item({"chamber", "congress", "rollnumber"});
                need(c.date, "date");
                optional(c.title, "vote_desc");
                optional(c.title_alt, "vote_question");
                optional(c.title2, "bill_number");
                optional(c.description, "dtl_desc");
                optional(c.session, "session");
            }
            break;
    }
    if (!ok) {
        // Without its columns the table cannot be read; its bytes still count as done.
        while (reader.next()) {
        }
        done_before_ += reader.bytes_read();
        current_ = nullptr;
        return;
    }
    if (table.role == Role::roll_calls) {
        roll_calls_file_ = file;
    }
    const std::size_t width = table.header.size();
    std::string key;
    std::string lowered;
    while (reader.next()) {
        report_progress(false);
        const auto& row = reader.fields();
        if (is_votes) {
            ++result_.rows;
        }
        if (!reader.problems().empty()) {
            for (const auto& p : reader.problems()) {
                error(file, p.line, p.column, p.message);
            }
            continue;
        }
        if (row.size() != width) {
            error(file, reader.line(), 1,
                  "a row of " + std::to_string(row.size()) +
                      (row.size() == 1 ? " field" : " fields") + " where the header has " +
                      std::to_string(width));
            continue;
        }
        key_of(row, c, key);
        if (table.role == Role::members) {
            // One row per member per congress: the first names the member. A member without a
            // name is named by the number.
            const std::string member(trim(row[c.actor]));
            if (!member.empty() && members_.find(member) == members_.end()) {
                members_.emplace(member, std::make_pair(missing(row[c.actor_name])
                                                            ? "ICPSR " + member
                                                            : std::string(trim(row[c.actor_name])),
                                                        c.alias == npos || missing(row[c.alias])
                                                            ? std::string()
                                                            : std::string(trim(row[c.alias]))));
            }
            continue;
        }
        if (key.empty()) {
            error(file, reader.line_of(c.item.front()), reader.column_of(c.item.front()),
                  "no roll call: the column " + quoted(table.header[c.item.front()]) + " is empty");
            continue;
        }
        if (table.role == Role::roll_calls) {
            const Index i = item(key);
            if (items_[i].described) {
                error(file, reader.line(), 1,
                      "roll call " + quoted(key) + " listed twice (first on line " +
                          std::to_string(items_[i].line) + ")");
                continue;
            }
            describe(table, c, i);
            continue;
        }
        if (table.role == Role::issues) {
            const auto at = item_by_key_.find(key);
            if (at == item_by_key_.end() || !items_[at->second].described) {
                error(file, reader.line_of(c.item.front()), reader.column_of(c.item.front()),
                      "roll call " + quoted(key) + " is not in " +
                          (roll_calls_file_.empty() ? "the roll calls" : roll_calls_file_));
                continue;
            }
            if (missing(row[c.issue_code])) {
                error(file, reader.line_of(c.issue_code), reader.column_of(c.issue_code),
                      "no issue code: the column \"short_name\" is empty");
                continue;
            }
            const Index is =
                issue(row[c.issue_code],
                      missing(row[c.issue_name]) ? row[c.issue_code] : row[c.issue_name]);
            auto& list = items_[at->second].issues;
            if (std::find(list.begin(), list.end(), is) == list.end()) {
                list.push_back(is);
            }
            continue;
        }
        // A vote.
        const std::string_view value = trim(row[c.vote]);
        // Codes are short: lowered in a reused string, no allocation per row.
        lowered.assign(value);
        for (char& ch : lowered) {
            if (ch >= 'A' && ch <= 'Z') {
                ch = static_cast<char>(ch - 'A' + 'a');
            }
        }
        const auto code = codes_.find(lowered);
        bool bad = false;
        if (code == codes_.end()) {
            error(file, reader.line_of(c.vote), reader.column_of(c.vote),
                  "unknown vote " + quoted(value) + "; the votes are " + codes_text_ +
                      " (--yes, --no, --abstain and --absent set them)");
            bad = true;
        }
        const std::string_view actor_key = trim(row[c.actor]);
        if (actor_key.empty()) {
            error(file, reader.line_of(c.actor), reader.column_of(c.actor),
                  "no voter: the column " + quoted(table.header[c.actor]) + " is empty");
            bad = true;
        }
        std::optional<Date> date;
        if (c.date != npos) {
            const std::size_t before = result_.diagnostics.size();
            date = date_of(table, c.date);
            bad = bad || result_.diagnostics.size() != before;
        }
        Index i = no_index;
        const bool side_tables =
            options_.preset == VotePreset::unvotes || options_.preset == VotePreset::voteview;
        if (side_tables) {
            const auto at = item_by_key_.find(key);
            if (at == item_by_key_.end() || !items_[at->second].described) {
                error(file, reader.line_of(c.item.front()), reader.column_of(c.item.front()),
                      "roll call " + quoted(key) + " is not in " +
                          (roll_calls_file_.empty() ? "the roll calls" : roll_calls_file_));
                bad = true;
            } else {
                i = at->second;
            }
        }
        if (bad) {
            continue;
        }
        if (!side_tables) {
            // The first row of a roll call describes it (Voeten's rows all repeat it).
            i = item(key);
            if (!items_[i].described) {
                describe(table, c, i);
                if (options_.preset == VotePreset::columns) {
                    items_[i].title = key;
                }
            }
        }
        Index v = no_index;
        if (options_.preset == VotePreset::voteview) {
            const auto member = members_.find(actor_key);
            if (member == members_.end()) {
                error(file, reader.line_of(c.actor), reader.column_of(c.actor),
                      "member " + quoted(actor_key) + " is not in the members table");
                continue;
            }
            v = voter(actor_key, member->second.first, member->second.second);
        } else {
            v = voter(actor_key, actor_key,
                      c.alias == npos || missing(row[c.alias]) ? std::string_view()
                                                               : std::string_view(row[c.alias]));
        }
        const Stance stance = code->second;
        if (stance == Stance::absent) {
            ++result_.absent;
            continue;
        }
        const std::uint64_t pair = (static_cast<std::uint64_t>(v) << 32) | i;
        const auto [first, inserted] = first_vote_line_.try_emplace(pair, reader.line());
        if (!inserted) {
            error(file, reader.line(), 1,
                  quoted(voters_[v].name) + " votes twice on roll call " + quoted(key) +
                      " (first on line " + std::to_string(first->second) + ")");
            continue;
        }
        (stance == Stance::yes  ? result_.yes
         : stance == Stance::no ? result_.no
                                : result_.abstain)++;
        votes_.push_back({v, i, stance, c.date != npos ? date : items_[i].date});
    }
    done_before_ += reader.bytes_read();
    current_ = nullptr;
    if (table.input->stream->bad()) {
        error(file, 0, 0, "read error: the file could not be read to its end");
    }
}

Source Importer::source() const {
    Source s;
    switch (options_.preset) {
        case VotePreset::unvotes:
        case VotePreset::voeten:
            s.id = options_.preset == VotePreset::unvotes ? "unvotes" : "voeten-unvotes";
            s.title = "United Nations General Assembly Voting Data";
            s.author = "Erik Voeten";
            s.publisher = "Harvard Dataverse";
            s.url = "https://doi.org/10.7910/DVN/LEJUQZ";
            s.note = options_.preset == VotePreset::unvotes
                         ? "Roll calls in the shape of the unvotes package (D. Robinson), "
                           "imported by `entente import votes --preset unvotes`."
                         : "Voeten's UNVotes table, imported by `entente import votes --preset "
                           "voeten`.";
            break;
        case VotePreset::voteview:
            s.id = "voteview";
            s.title = "Voteview: Congressional Roll-Call Votes Database";
            s.author =
                "Jeffrey B. Lewis, Keith Poole, Howard Rosenthal, Adam Boche, Aaron "
                "Rudkin and Luke Sonnet";
            s.url = "https://voteview.com/";
            s.note = "Imported by `entente import votes --preset voteview`.";
            break;
        case VotePreset::columns: {
            // Not a conditional expression: its std::string result would die before the view.
            std::string_view name = "votes";
            if (!inputs_.empty()) {
                name = inputs_.front().name;
            }
            if (const auto slash = name.find_last_of('/'); slash != std::string_view::npos) {
                name.remove_prefix(slash + 1);
            }
            s.title = std::string(name);
            s.note = "Imported by `entente import votes`.";
            break;
        }
    }
    if (!options_.source_title.empty()) {
        s.title = options_.source_title;
        if (options_.preset != VotePreset::columns) {
            s.id.clear();
        }
    }
    if (!options_.source_id.empty()) {
        s.id = options_.source_id;
    }
    if (s.id.empty()) {
        s.id = slug(s.title);
    }
    if (s.id.empty()) {
        s.id = "votes";
    }
    return s;
}

Dataset Importer::build() {
    Dataset d;
    d.sources.push_back(source());
    const auto builtins = builtin_relations();
    d.relations.assign(builtins.begin(), builtins.end());
    const auto relation = [&](std::string_view id) {
        for (Index r = 0; r < d.relations.size(); ++r) {
            if (d.relations[r].id == id) {
                return r;
            }
        }
        throw std::logic_error("no built-in relation " + std::string(id));
    };
    const Index supports = relation("supports");
    const Index opposes = relation("opposes");
    const Index abstains_on = relation("abstains_on");
    const Index part_of = relation("part_of");
    const Source& s = d.sources.front();
    const std::string asserted_by = (!s.author.empty()      ? s.author
                                     : !s.publisher.empty() ? s.publisher
                                                            : s.title)
                                        .str();

    std::unordered_map<std::string, std::size_t> ids;
    // A second record with the same slug gets its key's slug appended, then a number.
    const auto unique_id = [&](std::string id, const std::string& key, const char* fallback) {
        if (id.empty()) {
            id = slug(key);
        }
        if (id.empty()) {
            id = fallback;
        }
        if (ids.count(id) != 0) {
            const std::string more = slug(key);
            if (!more.empty() && more != id) {
                id += "-" + more;
            }
        }
        std::string base = id;
        for (std::size_t n = 2; ids.count(id) != 0; ++n) {
            id = base + "-" + std::to_string(n);
        }
        ids.emplace(id, 0);
        return id;
    };
    const ActorKind kind = options_.actor_kind.value_or(
        options_.preset == VotePreset::voteview ? ActorKind::person : ActorKind::state);
    for (const Voter& v : voters_) {
        Actor a;
        a.id = unique_id(slug(v.name), v.key, "actor");
        a.name = v.name;
        a.kind = kind;
        if (!v.alias.empty() && v.alias != v.name) {
            a.aliases.push_back(v.alias);
        }
        d.actors.push_back(std::move(a));
    }
    // Titles shared by several roll calls (amendments, paragraphs) get the roll call's key.
    std::unordered_map<std::string, std::size_t> titles;
    for (const Item& it : items_) {
        ++titles[it.title];
    }
    const Index first_item = static_cast<Index>(d.actors.size());
    const std::string prefix = options_.preset == VotePreset::voteview ? "" : "rc-";
    for (const Item& it : items_) {
        Actor a;
        a.id = unique_id(prefix + slug(it.key), it.key, "roll-call");
        a.kind = ActorKind::position;
        const std::string title = cut(it.title, max_title);
        a.name = it.title.empty()       ? "Roll call " + it.key
                 : titles[it.title] > 1 ? title + " (roll call " + it.key + ")"
                                        : title;
        std::string note = "Roll call " + it.key;
        for (const auto& fact : it.facts) {
            note += ", " + fact;
        }
        if (it.date) {
            note += ", voted " + it.date->to_string();
        }
        note += ".";
        if (title != it.title) {
            note += " " + it.title + ".";
        }
        if (!it.description.empty()) {
            note += " " + it.description;
        }
        a.note = std::move(note);
        d.actors.push_back(std::move(a));
    }
    const Index first_issue = static_cast<Index>(d.actors.size());
    // Issues that no roll call is on are left out (Voeten's columns, all zero in a subset).
    std::vector<Index> issue_actor(issues_.size(), no_index);
    for (const Item& it : items_) {
        for (const Index is : it.issues) {
            issue_actor[is] = 0;
        }
    }
    for (Index is = 0; is < issues_.size(); ++is) {
        if (issue_actor[is] == no_index) {
            continue;
        }
        issue_actor[is] = static_cast<Index>(d.actors.size());
        Actor a;
        a.id = unique_id("issue-" + slug(issues_[is].code), issues_[is].code, "issue");
        a.name = issues_[is].name.empty() ? issues_[is].code : issues_[is].name;
        a.kind = ActorKind::position;
        // The code is in the id, not an alias: two-letter codes are also countries' ("hr" is
        // Croatia's), and an alias both answer to would make every lookup of it ambiguous.
        a.note = "Issue code \"" + issues_[is].code +
                 "\" of the roll calls; the roll calls on it are part_of it.";
        d.actors.push_back(std::move(a));
    }
    result_.voters = voters_.size();
    result_.roll_calls = items_.size();
    result_.issues = d.actors.size() - first_issue;

    d.claims.reserve(votes_.size());
    for (const Vote& v : votes_) {
        Claim c;
        const Actor& object = d.actors[first_item + v.item];
        c.id = object.id + "." + d.actors[v.voter].id;
        c.subject = v.voter;
        c.relation = v.stance == Stance::yes  ? supports
                     : v.stance == Stance::no ? opposes
                                              : abstains_on;
        c.object = first_item + v.item;
        c.source = 0;
        c.asserted_by = asserted_by;
        c.from = v.date;
        c.until = v.date;
        d.claims.push_back(std::move(c));
    }
    for (Index i = 0; i < items_.size(); ++i) {
        for (const Index is : items_[i].issues) {
            Claim c;
            c.id = d.actors[first_item + i].id + ".in." + d.actors[issue_actor[is]].id;
            c.subject = first_item + i;
            c.relation = part_of;
            c.object = issue_actor[is];
            c.source = 0;
            c.asserted_by = asserted_by;
            c.from = items_[i].date;
            c.until = items_[i].date;
            d.claims.push_back(std::move(c));
        }
    }
    return d;
}

VoteImportResult Importer::run() {
    if (inputs_.empty()) {
        throw std::invalid_argument("no input: name the file or files to import");
    }
    std::vector<Table> tables;
    for (const auto& input : inputs_) {
        Table t;
        t.input = &input;
        t.reader = std::make_unique<CsvReader>(*input.stream, input.delimiter);
        if (!t.reader->next()) {
            error(input.name, 0, 0, "empty file: no header line");
            continue;
        }
        for (const auto& p : t.reader->problems()) {
            error(input.name, p.line, p.column, p.message);
        }
        t.header = t.reader->fields();
        t.role = role_of(t.header);
        if (t.role == Role::unknown) {
            error(input.name, t.reader->line(), 1, role_needs());
            continue;
        }
        tables.push_back(std::move(t));
    }
    const auto count = [&](Role role) {
        return std::count_if(tables.begin(), tables.end(),
                             [&](const Table& t) { return t.role == role; });
    };
    const char* preset = options_.preset == VotePreset::unvotes    ? "unvotes"
                         : options_.preset == VotePreset::voteview ? "voteview"
                         : options_.preset == VotePreset::voeten   ? "voeten"
                                                                   : "";
    const std::pair<Role, const char*> roles[] = {{Role::votes, "votes"},
                                                  {Role::roll_calls, "roll calls"},
                                                  {Role::issues, "issues"},
                                                  {Role::members, "members"}};
    for (const auto& [role, name] : roles) {
        if (count(role) > 1) {
            throw std::invalid_argument(std::string("more than one table of ") + name +
                                        "; give each table once");
        }
    }
    if (result_.diagnostics.empty()) {
        const bool side =
            options_.preset == VotePreset::unvotes || options_.preset == VotePreset::voteview;
        if (count(Role::votes) == 0) {
            throw std::invalid_argument(std::string("no table of votes among the files") +
                                        (side ? std::string(" (the ") + preset +
                                                    " preset reads the votes, the roll calls" +
                                                    (options_.preset == VotePreset::voteview
                                                         ? " and the members)"
                                                         : " and, optionally, the issues)")
                                              : std::string()));
        }
        if (side && count(Role::roll_calls) == 0) {
            throw std::invalid_argument(
                std::string("no table of roll calls among the files; the ") + preset +
                " preset needs it for the roll calls' dates");
        }
        if (options_.preset == VotePreset::voteview && count(Role::members) == 0) {
            throw std::invalid_argument(
                "no table of members among the files; the voteview preset needs it for the "
                "members' names");
        }
    }
    // The side tables first: the votes refer to them.
    for (const Role role : {Role::members, Role::roll_calls, Role::issues, Role::votes}) {
        for (auto& t : tables) {
            if (t.role == role) {
                read_table(t);
            }
        }
    }
    report_progress(true);
    if (result_.diagnostics.empty()) {
        result_.dataset = build();
    }
    return std::move(result_);
}

}  // namespace

std::string slug(std::string_view name) {
    const std::string folded = fold_name(name);
    std::string out;
    bool separator = false;
    for (const char ch : folded) {
        const bool ascii_alnum = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
        if (ascii_alnum) {
            if (separator && !out.empty()) {
                out.push_back('-');
            }
            separator = false;
            out.push_back(ch);
        } else {
            separator = true;
        }
    }
    return out;
}

VoteImportResult import_votes(std::span<const VoteInput> inputs, const VoteImportOptions& options,
                              const ImportProgress& progress) {
    return Importer(inputs, options, progress).run();
}

}  // namespace entente
