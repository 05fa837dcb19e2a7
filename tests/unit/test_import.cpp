// Importing roll-call votes: the delimited-text reader (RFC 4180, positions, errors) and
// import_votes (what becomes what, every bad row, the result loading back through the reader).

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "entente/export/dataset_json.hpp"
#include "entente/import/csv.hpp"
#include "entente/import/votes.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/selection.hpp"
#include "fixture.hpp"

namespace entente::test {

using namespace std::string_literals;

namespace {

struct Record {
    std::vector<std::string> fields;
    std::vector<std::string> where;  // "line:column" of each field
    std::vector<std::string> problems;
};

std::vector<Record> read_all(const std::string& text, char delimiter = ',') {
    std::istringstream in(text);
    CsvReader reader(in, delimiter);
    std::vector<Record> out;
    while (reader.next()) {
        Record r;
        r.fields = reader.fields();
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            r.where.push_back(std::to_string(reader.line_of(i)) + ":" +
                              std::to_string(reader.column_of(i)));
        }
        for (const auto& p : reader.problems()) {
            r.problems.push_back(std::to_string(p.line) + ":" + std::to_string(p.column) + " " +
                                 p.message);
        }
        out.push_back(r);
    }
    return out;
}

// Runs import_votes on in-memory tables named by their first element.
VoteImportResult import(const std::vector<std::pair<std::string, std::string>>& tables,
                        const VoteImportOptions& options) {
    std::vector<std::istringstream> streams;
    streams.reserve(tables.size());
    std::vector<VoteInput> inputs;
    for (const auto& [name, text] : tables) {
        streams.emplace_back(text);
        VoteInput input;
        input.name = name;
        input.stream = &streams.back();
        input.size = text.size();
        input.delimiter = name.ends_with(".tsv") ? '\t' : ',';
        inputs.push_back(input);
    }
    return import_votes(inputs, options);
}

std::string diagnostics(const VoteImportResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) {
        out.push_back(format_diagnostic(d));
    }
    return lines(out);
}

// The claims as "subject relation object from..until", in dataset order.
std::vector<std::string> claim_lines(const Dataset& d) {
    std::vector<std::string> out;
    for (const auto& c : d.claims) {
        out.push_back(d.actors[c.subject].id + " " + d.relations[c.relation].id + " " +
                      d.actors[c.object].id + " " + (c.from ? c.from->to_string() : "-") + ".." +
                      (c.until ? c.until->to_string() : "-") + " " + c.id);
    }
    return out;
}

const Actor& actor(const Dataset& d, const std::string& id) {
    for (const auto& a : d.actors) {
        if (a.id == id) {
            return a;
        }
    }
    FAIL("no actor " << id);
    throw std::logic_error("unreachable");
}

// The dataset as JSON, loaded back by the real reader: it must load without a diagnostic, and
// the compiled form too. `warnings`: the load's expected diagnostics, one per line.
void loads_back(Dataset dataset, const std::string& warnings = "") {
    const KnowledgeGraph graph(std::move(dataset));
    Selection whole;
    whole.whole = true;
    for (Index i = 0; i < graph.data().actors.size(); ++i) {
        whole.actors.push_back(i);
    }
    for (Index i = 0; i < graph.data().claims.size(); ++i) {
        whole.claims.push_back(i);
    }
    const auto json = load_text(to_dataset_json(graph, whole));
    CHECK(messages(json) == warnings);
    REQUIRE(json.graph);
    CHECK(json.graph->data() == graph.data());
    const auto compiled = from_compiled(to_compiled(graph, std::vector<Diagnostic>{}, 1), "x");
    // The compiled form carries the warnings it is given: an import gives none.
    CHECK(compiled.diagnostics.empty());
    REQUIRE(compiled.graph);
    CHECK(compiled.graph->data() == graph.data());
}

}  // namespace

TEST_CASE("csv: RFC 4180 fields, quotes doubled, CRLF, a BOM, blank lines, no final break") {
    const auto r = read_all(
        "\xEF\xBB\xBF"
        "a,\"b,c\",\"d\"\"e\"\r\n\r\nf,,\"\"\n\"g\nh\",é,i");
    REQUIRE(r.size() == 3);
    CHECK(r[0].fields == std::vector<std::string>{"a", "b,c", "d\"e"});
    CHECK(r[0].where == std::vector<std::string>{"1:1", "1:3", "1:9"});
    CHECK(r[1].fields == std::vector<std::string>{"f", "", ""});
    CHECK(r[1].where == std::vector<std::string>{"3:1", "3:3", "3:4"});
    CHECK(r[2].fields == std::vector<std::string>{"g\nh", "é", "i"});
    // Columns count characters: "é" is one.
    CHECK(r[2].where == std::vector<std::string>{"4:1", "5:4", "5:6"});
    for (const auto& record : r) {
        CHECK(record.problems.empty());
    }
}

TEST_CASE("csv: TSV is the same rules with a tab") {
    const auto r = read_all("x\t\"y\tz\"\n1\t2\n", '\t');
    REQUIRE(r.size() == 2);
    CHECK(r[0].fields == std::vector<std::string>{"x", "y\tz"});
    CHECK(r[1].fields == std::vector<std::string>{"1", "2"});
}

TEST_CASE("csv: syntax problems are located and reading goes on at the next record") {
    const auto r = read_all("a\"b,c\n\"d\"e,f\nok,\xC3\x28\nn\0ul,x\n\"open,g\nh\n"s);
    REQUIRE(r.size() == 5);
    CHECK(r[0].problems == std::vector<std::string>{
                               "1:2 a quote inside an unquoted field; quote the whole field and "
                               "write the quote twice (\"\")"});
    CHECK(r[1].problems == std::vector<std::string>{
                               "2:4 text after a closing quote; a quote inside a quoted field is "
                               "written twice (\"\")"});
    CHECK(r[1].fields == std::vector<std::string>{"d", "f"});
    CHECK(r[2].problems ==
          std::vector<std::string>{"3:4 not UTF-8 text (byte 0xC3); convert the file to UTF-8 "
                                   "first, for example with `iconv -f latin1 -t utf-8`"});
    CHECK(r[3].problems ==
          std::vector<std::string>{"4:2 a NUL character, which no output can carry"});
    CHECK(r[4].problems ==
          std::vector<std::string>{"5:1 a quoted field never closed: the file ends inside it"});
}

TEST_CASE("csv: records across the 1 MiB blocks read whole, with their lines") {
    std::string text;
    const int n = 100000;
    for (int i = 0; i < n; ++i) {
        text += "row" + std::to_string(i) + ",\"quoted " + std::to_string(i) + "\nsecond\"\n";
    }
    REQUIRE(text.size() > 2U * (1U << 20));
    std::istringstream in(text);
    CsvReader reader(in, ',');
    int count = 0;
    bool all_right = true;
    while (reader.next()) {
        const auto& f = reader.fields();
        all_right = all_right && f.size() == 2 && f[0] == "row" + std::to_string(count) &&
                    f[1] == "quoted " + std::to_string(count) + "\nsecond" &&
                    reader.line() == static_cast<std::size_t>(2 * count + 1) &&
                    reader.problems().empty();
        ++count;
    }
    CHECK(count == n);
    CHECK(all_right);
    CHECK(reader.bytes_read() == text.size());
}

TEST_CASE("slug: ASCII letters and digits of the folded name, joined by -") {
    CHECK(slug("Côte d'Ivoire") == "cote-d-ivoire");
    CHECK(slug("United Kingdom of Great Britain & Northern Ireland") ==
          "united-kingdom-of-great-britain-and-northern-ireland");
    CHECK(slug("  Łódź  ") == "lodz");
    CHECK(slug("PELOSI, Nancy") == "pelosi-nancy");
    CHECK(slug("中国") == "");
}

TEST_CASE("import votes, columns: one position per item, a claim per vote, dated, every stance") {
    VoteImportOptions o;
    o.actor_column = "member";
    o.item_column = "bill";
    o.vote_column = "vote";
    o.date_column = "day";
    const auto r = import({{"council.tsv",
                            "member\tbill\tvote\tday\n"
                            "Côte d'Ivoire\tB-1\tYea\t2020-03-01\n"
                            "Norway\tB-1\tnay\t2020-03-01\n"
                            "Peru\tB-1\tpresent\t2020-03-01\n"
                            "Norway\tB 2\tnot voting\t2020-04\n"
                            "Côte d'Ivoire\tB 2\tAYE\t2020-04\n"}},
                          o);
    CHECK(diagnostics(r) == "");
    REQUIRE(r.dataset);
    CHECK(r.rows == 5);
    CHECK(r.yes == 2);
    CHECK(r.no == 1);
    CHECK(r.abstain == 1);
    CHECK(r.absent == 1);
    CHECK(r.voters == 3);
    CHECK(r.roll_calls == 2);
    const Dataset& d = *r.dataset;
    REQUIRE(d.sources.size() == 1);
    CHECK(d.sources[0].id == "council-tsv");
    CHECK(d.sources[0].title == "council.tsv");
    CHECK(lines(claim_lines(d)) ==
          lines({"cote-d-ivoire supports rc-b-1 2020-03-01..2020-03-01 rc-b-1.cote-d-ivoire",
                 "norway opposes rc-b-1 2020-03-01..2020-03-01 rc-b-1.norway",
                 "peru abstains_on rc-b-1 2020-03-01..2020-03-01 rc-b-1.peru",
                 "cote-d-ivoire supports rc-b-2 2020-04..2020-04 rc-b-2.cote-d-ivoire"}));
    CHECK(actor(d, "rc-b-1").name == "B-1");
    CHECK(actor(d, "rc-b-1").kind == ActorKind::position);
    CHECK(actor(d, "rc-b-1").note == "Roll call B-1, voted 2020-03-01.");
    CHECK(actor(d, "cote-d-ivoire").name == "Côte d'Ivoire");
    CHECK(actor(d, "cote-d-ivoire").kind == ActorKind::state);
    loads_back(*r.dataset);
}

TEST_CASE("import votes, unvotes: tables told apart by their headers, issues as part_of") {
    VoteImportOptions o;
    o.preset = VotePreset::unvotes;
    const auto r =
        import({{"un_roll_call_issues.csv",
                 "rcid,short_name,issue\n7,hr,Human rights\n7,me,Palestinian "
                 "conflict\n8,hr,Human rights\n"},
                {"un_votes.csv",
                 "rcid,country,country_code,vote\n7,United States,US,no\n"
                 "7,Côte d’Ivoire,CI,yes\n8,United States,US,abstain\n"},
                {"un_roll_calls.csv",
                 "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
                 "7,73,1,2018-12-17,R/73/1,NA,NA,Same title,\"A long, quoted description\"\n"
                 "8,73,0,2018-12-18,R/73/1,1,NA,Same title,NA\n"}},
               o);
    CHECK(diagnostics(r) == "");
    REQUIRE(r.dataset);
    const Dataset& d = *r.dataset;
    CHECK(lines(claim_lines(d)) ==
          lines({"united-states opposes rc-7 2018-12-17..2018-12-17 rc-7.united-states",
                 "cote-d-ivoire supports rc-7 2018-12-17..2018-12-17 rc-7.cote-d-ivoire",
                 "united-states abstains_on rc-8 2018-12-18..2018-12-18 rc-8.united-states",
                 "rc-7 part_of issue-hr 2018-12-17..2018-12-17 rc-7.in.issue-hr",
                 "rc-7 part_of issue-me 2018-12-17..2018-12-17 rc-7.in.issue-me",
                 "rc-8 part_of issue-hr 2018-12-18..2018-12-18 rc-8.in.issue-hr"}));
    CHECK(actor(d, "united-states").aliases == std::vector<std::string>{"US"});
    // A title two roll calls share gets each one's key.
    CHECK(actor(d, "rc-7").name == "Same title (roll call 7)");
    CHECK(actor(d, "rc-7").note ==
          "Roll call 7, resolution R/73/1, session 73, an important vote, voted 2018-12-17. A "
          "long, quoted description");
    CHECK(actor(d, "rc-8").note ==
          "Roll call 8, resolution R/73/1, session 73, a vote on an amendment, voted 2018-12-18.");
    CHECK(actor(d, "issue-hr").name == "Human rights");
    CHECK(actor(d, "issue-hr").aliases.empty());
    CHECK(actor(d, "issue-hr").note ==
          "Issue code \"hr\" of the roll calls; the roll calls on it are part_of it.");
    CHECK(d.sources[0].id == "unvotes");
    CHECK(d.sources[0].author == "Erik Voeten");
    CHECK(d.claims[0].asserted_by == "Erik Voeten");
    CHECK(r.issues == 2);
    loads_back(*r.dataset);
}

TEST_CASE("import votes: every bad row reported with its place, and no dataset") {
    VoteImportOptions o;
    o.actor_column = "member";
    o.item_column = "bill";
    o.vote_column = "vote";
    o.date_column = "day";
    const auto r = import({{"bad.csv",
                            "member,bill,vote,day\n"
                            "Norway,B-1,yes,2020-03-01\n"
                            "Norway,B-1,no,2020-03-01\n"
                            ",B-2,yes,2020-03-02\n"
                            "Sweden,B-2,maybe,2020-03-32\n"
                            "Finland,B-5,yes\n"
                            "Sweden,,yes,2020\n"}},
                          o);
    CHECK_FALSE(r.dataset);
    CHECK(
        diagnostics(r) ==
        lines({"bad.csv:3:1: error: \"Norway\" votes twice on roll call \"B-1\" (first on line 2)",
               "bad.csv:4:1: error: no voter: the column \"member\" is empty",
               "bad.csv:5:12: error: unknown vote \"maybe\"; the votes are yes: yes, yea, aye, "
               "y; no: no, nay, n; abstain: abstain, abstention, present; absent: absent, not "
               "voting, na, \"\" (--yes, --no, --abstain and --absent set them)",
               "bad.csv:5:18: error: date \"2020-03-32\" is not a date of the form YYYY-MM-DD "
               "(or YYYY-MM, YYYY)",
               "bad.csv:6:1: error: a row of 3 fields where the header has 4",
               "bad.csv:7:8: error: no roll call: the column \"bill\" is empty"}));
}

TEST_CASE("import votes: a missing column, a roll call missing from its table, codes in conflict") {
    VoteImportOptions o;
    o.preset = VotePreset::unvotes;
    auto r = import({{"v.csv", "rcid,country,vote\n1,A,yes\n2,B,no\n"},
                     {"rc.csv", "rcid,date\n1,2018-01-02\n1,2018-01-03\n"}},
                    o);
    CHECK(diagnostics(r) ==
          lines({"rc.csv:3:1: error: roll call \"1\" listed twice (first on line 2)",
                 "v.csv:3:1: error: roll call \"2\" is not in rc.csv"}));
    r = import({{"v.csv", "rcid,name,vote\n1,A,yes\n"}, {"rc.csv", "rcid,date\n1,2018\n"}}, o);
    CHECK(diagnostics(r) == lines({"v.csv:1:1: error: no column \"country\" in the header (it has "
                                   "\"rcid\", \"name\", \"vote\")"}));
    CHECK_THROWS_WITH(import({{"v.csv", "rcid,country,vote\n"}}, o),
                      "no table of roll calls among the files; the unvotes preset needs it for "
                      "the roll calls' dates");
    VoteImportOptions c;
    c.actor_column = "a";
    c.item_column = "i";
    c.vote_column = "v";
    c.codes.no = {"Yes"};
    CHECK_THROWS_WITH(import({{"v.csv", "a,i,v\n"}}, c),
                      "the vote value \"Yes\" is both --yes and --no");
}

TEST_CASE("import votes, voeten: codes 1 2 3 read, 8 and 9 absent, issue columns") {
    VoteImportOptions o;
    o.preset = VotePreset::voeten;
    const auto r = import(
        {{"UNVotes.csv",
          "rcid,ccode,member,vote,Country,Countryname,year,session,abstain,yes,no,importantvote,"
          "date,unres,amend,para,short,descr,me,nu,di,hr,co,ec\n"
          "3,2,1,1,USA,United States of America,1946,1,4,29,19,0,1946-01-01,R/1/66,1,0,AMENDMENTS,"
          "\"TO ADOPT A ...\",0,0,0,1,0,0\n"
          "3,20,1,3,CAN,Canada,1946,1,4,29,19,0,1946-01-01,R/1/66,1,0,AMENDMENTS,x,0,0,0,1,0,0\n"
          "3,31,1,2,BHS,Bahamas,1946,1,4,29,19,0,1946-01-01,R/1/66,1,0,AMENDMENTS,x,0,0,0,1,0,0\n"
          "3,40,0,9,CUB,Cuba,1946,1,4,29,19,0,1946-01-01,R/1/66,1,0,AMENDMENTS,x,0,0,0,1,0,0\n"
          "4,2,1,8,USA,United States of America,1946,1,4,29,19,0,1946-01-02,R/1/67,0,0,OTHER,y,0,"
          "1,0,0,0,0\n"}},
        o);
    CHECK(diagnostics(r) == "");
    REQUIRE(r.dataset);
    const Dataset& d = *r.dataset;
    CHECK(lines(claim_lines(d)) ==
          lines({"united-states-of-america supports rc-3 1946-01-01..1946-01-01 "
                 "rc-3.united-states-of-america",
                 "canada opposes rc-3 1946-01-01..1946-01-01 rc-3.canada",
                 "bahamas abstains_on rc-3 1946-01-01..1946-01-01 rc-3.bahamas",
                 "rc-3 part_of issue-hr 1946-01-01..1946-01-01 rc-3.in.issue-hr",
                 "rc-4 part_of issue-nu 1946-01-02..1946-01-02 rc-4.in.issue-nu"}));
    CHECK(r.absent == 2);
    CHECK(actor(d, "canada").aliases == std::vector<std::string>{"CAN"});
    CHECK(actor(d, "rc-3").name == "AMENDMENTS");
    CHECK(actor(d, "rc-3").note ==
          "Roll call 3, resolution R/1/66, session 1, a vote on an amendment, voted 1946-01-01. "
          "TO ADOPT A ...");
    CHECK(actor(d, "issue-nu").name == "Nuclear weapons and nuclear material");
    CHECK(d.sources[0].id == "voeten-unvotes");
    loads_back(*r.dataset);
}

TEST_CASE("import votes, voteview: members by icpsr, roll calls by chamber, congress and number") {
    VoteImportOptions o;
    o.preset = VotePreset::voteview;
    const auto r =
        import({{"HS115_votes.csv",
                 "congress,chamber,rollnumber,icpsr,cast_code,prob\n"
                 "115,House,1,20301,1,99.9\n115,House,1,21500,6,99.9\n"
                 "115,House,1,29901,7,99.9\n115,House,1,29902,9,99.9\n"
                 "115,Senate,1,20301,4,99.9\n"},
                {"HS115_members.csv",
                 "congress,chamber,icpsr,state_icpsr,district_code,state_abbrev,party_code,bioname,"
                 "bioguide_id\n115,House,20301,1,1,AL,200,\"SMITH, John\",S000001\n"
                 "115,Senate,20301,1,0,AL,200,\"SMITH, John\",S000001\n"
                 "115,House,21500,1,2,AL,100,\"SMITH, John\",S000002\n"
                 "115,House,29901,1,3,AL,100,\"DOE, Jane\",D000003\n"
                 "115,House,29902,1,4,AL,100,\"ROE, Richard\",R000004\n"},
                {"HS115_rollcalls.csv",
                 "congress,chamber,rollnumber,date,session,vote_result,vote_desc,vote_question,"
                 "bill_number,dtl_desc\n115,House,1,2017-01-03,1,Passed,Election of the Speaker,"
                 "Call by States,,\n115,Senate,1,2017-01-04,1,Agreed,,On the Motion,S 1,\n"}},
               o);
    CHECK(diagnostics(r) == "");
    REQUIRE(r.dataset);
    const Dataset& d = *r.dataset;
    CHECK(
        lines(claim_lines(d)) ==
        lines({"smith-john supports house-115-1 2017-01-03..2017-01-03 house-115-1.smith-john",
               "smith-john-21500 opposes house-115-1 2017-01-03..2017-01-03 "
               "house-115-1.smith-john-21500",
               "doe-jane abstains_on house-115-1 2017-01-03..2017-01-03 house-115-1.doe-jane",
               "smith-john opposes senate-115-1 2017-01-04..2017-01-04 senate-115-1.smith-john"}));
    CHECK(actor(d, "smith-john").kind == ActorKind::person);
    CHECK(actor(d, "smith-john").aliases == std::vector<std::string>{"S000001"});
    CHECK(actor(d, "house-115-1").name == "Election of the Speaker");
    CHECK(actor(d, "senate-115-1").name == "On the Motion S 1");
    CHECK(r.absent == 1);
    // Two members of one name: distinct ids, and the loader's warning that the name is ambiguous.
    loads_back(*r.dataset,
               "test.json:22:5: warning: actor \"smith-john-21500\" shares the name \"smith "
               "john\" with actor \"smith-john\"; looking it up by that name is ambiguous (at "
               "/actors/1)\n");
}

TEST_CASE("import votes: progress counts the bytes of every table, ending at the total") {
    VoteImportOptions o;
    o.actor_column = "a";
    o.item_column = "i";
    o.vote_column = "v";
    std::string text = "a,i,v\n";
    for (int i = 0; i < 50000; ++i) {
        text += "actor " + std::to_string(i % 100) + "," + std::to_string(i / 100) + ",yes\n";
    }
    std::istringstream in(text);
    const VoteInput input{"big.csv", &in, text.size(), ','};
    std::vector<std::uint64_t> seen;
    const auto r = import_votes(std::span<const VoteInput>(&input, 1), o,
                                [&](std::uint64_t done, std::uint64_t total) {
                                    CHECK(total == text.size());
                                    seen.push_back(done);
                                });
    REQUIRE(r.dataset);
    CHECK(r.dataset->claims.size() == 50000);
    REQUIRE(seen.size() > 5);
    CHECK(std::is_sorted(seen.begin(), seen.end()));
    CHECK(seen.back() == text.size());
}

}  // namespace entente::test
