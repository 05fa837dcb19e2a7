// Importing event data: the ICEWS, GDELT 1.0 and GDELT 2.0 layouts (tests/data/events, written by
// make_samples.py) aggregated into claims whose weights and notes are worked out by hand below;
// roll-up, duplicates, domestic events, the polarity rules and periods; streaming work counted;
// the SQL texts of the three engines.

#include <doctest/doctest.h>

#include <fstream>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "entente/export/dataset_json.hpp"
#include "entente/import/events.hpp"
#include "entente/load/compiled.hpp"
#include "entente/query/selection.hpp"
#include "fixture.hpp"

namespace entente::test {

namespace {

std::string data_path(const std::string& name) {
    return std::string(ENTENTE_TEST_DATA) + "/events/" + name;
}

EventImportResult import_file(const std::string& name, EventImportOptions options) {
    std::ifstream in(data_path(name), std::ios::binary);
    REQUIRE(in);
    EventInput input;
    input.name = "events/" + name;
    input.stream = &in;
    return import_events(std::span<const EventInput>(&input, 1), options);
}

EventImportResult import_text(const std::string& text, EventImportOptions options,
                              char delimiter = '\t') {
    std::istringstream in(text);
    EventInput input;
    input.name = "x.tsv";
    input.stream = &in;
    input.delimiter = delimiter;
    return import_events(std::span<const EventInput>(&input, 1), options);
}

// Each claim as "subject relation object from..until | note up to the ids".
std::string claims_of(const Dataset& d) {
    std::vector<std::string> out;
    for (const auto& c : d.claims) {
        std::string note(c.note.view().substr(0, c.note.view().find("; ids=")));
        out.push_back(d.actors[c.subject].id + " " + d.relations[c.relation].id + " " +
                      d.actors[c.object].id + " " + c.from->to_string() + ".." +
                      c.until->to_string() + " | " + note);
    }
    return lines(out);
}

std::string errors_of(const EventImportResult& r) {
    std::vector<std::string> out;
    for (const auto& d : r.diagnostics) {
        out.push_back(format_diagnostic(d));
    }
    return lines(out);
}

// The dataset loads back through the real reader (JSON and compiled) without a diagnostic.
void loads_back(Dataset dataset) {
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
    CHECK(messages(json) == "");
    REQUIRE(json.graph);
    CHECK(json.graph->data() == graph.data());
    const auto compiled = from_compiled(to_compiled(graph, std::vector<Diagnostic>{}, 1), "x");
    REQUIRE(compiled.graph);
    CHECK(compiled.graph->data() == graph.data());
}

}  // namespace

TEST_CASE("events: ICEWS by month, the CAMEO rule, worked by hand") {
    EventImportOptions o;
    const auto r = import_file("icews.tab", o);
    REQUIRE(errors_of(r) == "");
    REQUIRE(r.dataset);
    // 13 rows: 103 repeats 102 (story 9001, Russian Federation -> Iran, code 051, 2018-01-03);
    // 107 is Russian police against Russian citizens (domestic); 109's source has no country
    // and a name not in the map (unplaced). The other 10 are counted.
    CHECK(r.rows == 13);
    CHECK(r.events == 10);
    CHECK(r.duplicates == 1);
    CHECK(r.domestic == 1);
    CHECK(r.unplaced == 1);
    CHECK(r.neutral == 0);
    CHECK(r.unmapped == 0);
    // Intensity = |Goldstein|; weight = summed intensity / 10.
    // russia -> iran, January: 101 (013, 0.4) + 102 (051, 3.4) = 3.8 over 2 events, mean 1.9.
    // russia -> iran, February: 106 (036, 4.0). iran -> russia: 110 (057, root 05: verbal,
    // 8.0) and 111 (061, root 06: material, 6.4). iran -> japan: 113 (012, -0.4): root 01 is
    // cooperative under the CAMEO rule, whatever the score's sign. japan -> iran: 112 (010,
    // 0.0): cooperative with no intensity (weight 0). united-nations: 108 by its name, as the
    // source has no country. Claims sort by subject, object, class, period.
    CHECK(claims_of(*r.dataset) ==
          "iran verbal_cooperation japan 2018-01..2018-01 | events=1; intensity_sum=0.4; "
          "intensity_mean=0.40\n"
          "iran verbal_cooperation russia 2018-01..2018-01 | events=1; intensity_sum=8.0; "
          "intensity_mean=8.00\n"
          "iran material_cooperation russia 2018-01..2018-01 | events=1; intensity_sum=6.4; "
          "intensity_mean=6.40\n"
          "japan verbal_cooperation iran 2018-01..2018-01 | events=1; intensity_sum=0.0; "
          "intensity_mean=0.00\n"
          "russia verbal_cooperation iran 2018-01..2018-01 | events=2; intensity_sum=3.8; "
          "intensity_mean=1.90\n"
          "russia verbal_cooperation iran 2018-02..2018-02 | events=1; intensity_sum=4.0; "
          "intensity_mean=4.00\n"
          "russia material_conflict ukraine 2018-01..2018-01 | events=1; intensity_sum=10.0; "
          "intensity_mean=10.00\n"
          "ukraine verbal_conflict russia 2018-01..2018-01 | events=1; intensity_sum=2.0; "
          "intensity_mean=2.00\n"
          "united-nations verbal_cooperation iran 2018-01..2018-01 | events=1; "
          "intensity_sum=1.9; intensity_mean=1.90\n");
    const Dataset& d = *r.dataset;
    // Provenance: the source names the data set and the file; the note lists the event ids.
    // Two sources, so that cooperation and conflict in one dyad and month are not read as a
    // source contradicting itself.
    REQUIRE(d.sources.size() == 2);
    CHECK(d.sources[0].id == "icews-cooperation");
    CHECK(d.sources[0].title == "ICEWS Coded Event Data: icews.tab (cooperative events)");
    CHECK(d.sources[1].id == "icews-conflict");
    CHECK(d.sources[1].title == "ICEWS Coded Event Data: icews.tab (conflictual events)");
    CHECK(d.sources[0].url == "https://doi.org/10.7910/DVN/28075");
    CHECK(d.claims[6].source == 1);
    const auto& c = d.claims[4];
    CHECK(c.id == "russia.verbal_cooperation.iran.2018-01");
    CHECK(c.note == "events=2; intensity_sum=3.8; intensity_mean=1.90; ids=101 102");
    CHECK(c.asserted_by == "ICEWS");
    CHECK(d.relations[c.relation].polarity == 1);
    CHECK_FALSE(d.relations[c.relation].symmetric);
    // The actors come from the map: ids as entente's curated data spells them.
    std::vector<std::string> actors;
    for (const auto& a : d.actors) {
        actors.push_back(a.id + " " + a.name + " " + std::string(to_string(a.kind)));
    }
    CHECK(lines(actors) ==
          "iran Iran state\njapan Japan state\nrussia Russia state\nukraine Ukraine state\n"
          "united-nations United Nations organization\n");
    loads_back(*r.dataset);
}

TEST_CASE("events: the weight is the summed intensity over ten") {
    EventImportOptions o;
    const auto r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    const auto& claims = r.dataset->claims;
    CHECK(claims[0].weight == doctest::Approx(0.04));  // 0.4 / 10
    CHECK(claims[2].weight == doctest::Approx(0.64));  // 6.4 / 10
    CHECK(claims[3].weight == doctest::Approx(0.0));   // a statement of intensity 0
    CHECK(claims[4].weight == doctest::Approx(0.38));  // (0.4 + 3.4) / 10
    CHECK(claims[6].weight == doctest::Approx(1.0));   // one event of intensity 10
}

TEST_CASE("events: periods: a year, an ISO week, a day") {
    EventImportOptions o;
    o.period = EventPeriod::year;
    auto r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    // January's 3.8 and February's 4.0 in one claim: 3 events, 7.8, mean 2.6.
    CHECK(claims_of(*r.dataset)
              .find("russia verbal_cooperation iran 2018..2018 | events=3; "
                    "intensity_sum=7.8; intensity_mean=2.60\n") != std::string::npos);
    CHECK(r.dataset->claims.size() == 8);
    o.period = EventPeriod::week;
    r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    // 2018-01-03 was a Wednesday: its ISO week runs Monday 1 to Sunday 7 January. 2018-01-20
    // (Saturday) is in the week of Monday 15 January.
    const auto week = claims_of(*r.dataset);
    CHECK(week.find("russia verbal_cooperation iran 2018-01-01..2018-01-07 | events=2;") !=
          std::string::npos);
    CHECK(week.find("russia material_conflict ukraine 2018-01-15..2018-01-21 | events=1;") !=
          std::string::npos);
    // 113 (2018-01-28, a Sunday) is in the week of Monday 22 January.
    CHECK(r.dataset->claims[0].id == "iran.verbal_cooperation.japan.2018-01-22");
    o.period = EventPeriod::day;
    r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    CHECK(claims_of(*r.dataset).find("ukraine verbal_conflict russia 2018-01-21..2018-01-21") !=
          std::string::npos);
}

TEST_CASE("events: the Goldstein and quad rules") {
    EventImportOptions o;
    o.polarity = PolarityRule::goldstein;
    auto r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    // 112 (010, 0.0) is neutral: no claim. 113 (012, -0.4) reads as conflict, verbal by its
    // root code (01).
    CHECK(r.neutral == 1);
    CHECK(r.events == 9);
    const auto g = claims_of(*r.dataset);
    CHECK(g.find("iran verbal_conflict japan 2018-01..2018-01 | events=1; intensity_sum=0.4") !=
          std::string::npos);
    CHECK(g.find("\njapan ") == std::string::npos);
    o.polarity = PolarityRule::quad;
    r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    // The quad class of a root code: 01-05 verbal cooperation, so 113 is cooperative again.
    CHECK(claims_of(*r.dataset).find("iran verbal_cooperation japan") != std::string::npos);
}

TEST_CASE("events: --keep-domestic keeps same-country events against a domestic position") {
    EventImportOptions o;
    o.keep_domestic = true;
    const auto r = import_file("icews.tab", o);
    REQUIRE(r.dataset);
    CHECK(r.domestic == 1);
    CHECK(r.events == 11);
    const Dataset& d = *r.dataset;
    // 107: Police (Russia) arrest Citizen (Russia): 173, root 17, material conflict, 5.0.
    CHECK(claims_of(d).find("russia domestic_material_conflict russia-domestic 2018-01..2018-01 "
                            "| events=1; intensity_sum=5.0") != std::string::npos);
    const auto at = std::find_if(d.actors.begin(), d.actors.end(),
                                 [](const Actor& a) { return a.id == "russia-domestic"; });
    REQUIRE(at != d.actors.end());
    CHECK(at->kind == ActorKind::position);
    REQUIRE(at->holder != no_index);
    CHECK(d.actors[at->holder].id == "russia");
    CHECK(at->name == "Russia (domestic affairs)");
    loads_back(d);
}

TEST_CASE("events: GDELT 2.0, 61 columns, worked by hand") {
    EventImportOptions o;
    o.preset = EventPreset::gdelt2;
    const auto r = import_file("gdelt2.tsv", o);
    REQUIRE(errors_of(r) == "");
    REQUIRE(r.dataset);
    // 1002 repeats 1001 (same SOURCEURL, USA -> CHN, 036, 20240503), 1011 repeats 1010; 1008 is
    // USA -> USA; 1009 has no source. 1003 has 1001's dyad and code on another URL: counted.
    CHECK(r.rows == 13);
    CHECK(r.duplicates == 2);
    CHECK(r.domestic == 1);
    CHECK(r.unplaced == 1);
    CHECK(r.events == 9);
    CHECK(r.unmapped == 1);  // XYZ: an actor named by its code
    // UNO, the known-group code of 1007 (no country), rolls up to the United Nations.
    CHECK(claims_of(*r.dataset) ==
          "china verbal_cooperation united-states 2024-05..2024-05 | events=1; "
          "intensity_sum=0.4; intensity_mean=0.40\n"
          "china verbal_conflict united-states 2024-05..2024-05 | events=1; intensity_sum=2.0; "
          "intensity_mean=2.00\n"
          "iran verbal_conflict israel 2024-05..2024-05 | events=1; intensity_sum=7.0; "
          "intensity_mean=7.00\n"
          "russia material_conflict ukraine 2024-05..2024-05 | events=1; intensity_sum=10.0; "
          "intensity_mean=10.00\n"
          "russia material_conflict ukraine 2024-06..2024-06 | events=1; intensity_sum=10.0; "
          "intensity_mean=10.00\n"
          "united-nations material_cooperation ukraine 2024-05..2024-05 | events=1; "
          "intensity_sum=7.0; intensity_mean=7.00\n"
          "united-states verbal_cooperation china 2024-05..2024-05 | events=2; "
          "intensity_sum=8.0; intensity_mean=4.00\n"
          "xyz verbal_cooperation united-states 2024-05..2024-05 | events=1; "
          "intensity_sum=2.8; intensity_mean=2.80\n");
    const Dataset& d = *r.dataset;
    CHECK(d.sources[0].title == "GDELT 2.0 Event Database: gdelt2.tsv (cooperative events)");
    // Provenance: the ids and the distinct SOURCEURLs.
    CHECK(d.claims[6].note ==
          "events=2; intensity_sum=8.0; intensity_mean=4.00; ids=1001 1003; "
          "urls=https://example.org/a https://example.org/b");
    CHECK(d.actors.back().id == "xyz");
    CHECK(d.actors.back().name == "XYZ");
    loads_back(*r.dataset);
}

TEST_CASE("events: GDELT 1.0, 57 columns (backfiles) and 58 (daily files, with SOURCEURL)") {
    EventImportOptions o;
    o.preset = EventPreset::gdelt1;
    const auto r = import_file("gdelt1.tsv", o);
    REQUIRE(errors_of(r) == "");
    REQUIRE(r.dataset);
    // 2001 and 2002 have no SOURCEURL: nothing to find duplicates by, both counted.
    CHECK(r.duplicates == 0);
    CHECK(claims_of(*r.dataset) ==
          "france verbal_cooperation germany 2013-04..2013-04 | events=1; intensity_sum=8.0; "
          "intensity_mean=8.00\n"
          "united-states verbal_cooperation russia 1995-01..1995-01 | events=2; "
          "intensity_sum=3.8; intensity_mean=1.90\n");
}

TEST_CASE("events: every bad row, located") {
    EventImportOptions o;
    auto r = import_file("bad-icews.tab", o);
    CHECK_FALSE(r.dataset);
    CHECK(errors_of(r) ==
          "events/bad-icews.tab:2:5: error: date \"2018-13-03\" is not a date of the form "
          "YYYY-MM-DD (or YYYYMMDD)\n"
          "events/bad-icews.tab:3:60: error: CAMEO code \"51x\" is not one: 2 to 4 digits, the "
          "first two (the root code) 01 to 20\n"
          "events/bad-icews.tab:4:64: error: intensity \"12.5\" is not a number from -10 to 10 "
          "(the Goldstein scale)\n"
          "events/bad-icews.tab:5:60: error: CAMEO code \"251\" is not one: 2 to 4 digits, the "
          "first two (the root code) 01 to 20\n"
          "events/bad-icews.tab:6:1: error: expected at least 12 columns as in the header, found "
          "3\n");
    o.preset = EventPreset::gdelt2;
    r = import_file("bad-gdelt2.tsv", o);
    CHECK_FALSE(r.dataset);
    CHECK(errors_of(r) ==
          "events/bad-gdelt2.tsv:1:88: error: quad class \"5\" is not 1, 2, 3 or 4\n"
          "events/bad-gdelt2.tsv:2:6: error: date \"2024-05-03\" is not a date of the form "
          "YYYYMMDD\n"
          "events/bad-gdelt2.tsv:3:90: error: Goldstein score \"strong\" is not a number from -10 "
          "to 10 (the Goldstein scale)\n"
          "events/bad-gdelt2.tsv:4:1: error: expected 61 tab-separated columns (GDELT 2.0 "
          "events), found 57\n");
    // A header without the columns the preset reads.
    r = import_text("id\tday\n1\t2018-01-01\n", EventImportOptions{});
    CHECK(errors_of(r) ==
          "x.tsv:1:1: error: no column \"Event ID\" in the header (it has \"id\", \"day\")\n"
          "x.tsv:1:1: error: no column \"Event Date\" in the header (it has \"id\", \"day\")\n"
          "x.tsv:1:1: error: no column \"Source Country\" in the header (it has \"id\", \"day\")\n"
          "x.tsv:1:1: error: no column \"Target Country\" in the header (it has \"id\", \"day\")\n"
          "x.tsv:1:1: error: no column \"CAMEO Code\" in the header (it has \"id\", \"day\")\n"
          "x.tsv:1:1: error: no column \"Intensity\" in the header (it has \"id\", \"day\")\n");
}

TEST_CASE("events: column options read other shapes; an actor map overrides the default") {
    EventImportOptions o;
    o.columns = {"id", "day", "from", "to", "", "", "cameo", "goldstein", "story"};
    o.actor_map = {{"RU", {"russia", "Russia", ActorKind::state}},
                   {"UA", {"ukraine", "Ukraine", ActorKind::state}},
                   {"moscow", {"russia", "Russia", ActorKind::state}}};
    const auto r = import_text(
        "id,day,from,to,cameo,goldstein,story\n"
        "1,20220224,RU,UA,190,-10,s1\n"
        "2,2022-02-25,Moscow,ua,111,-2,s2\n"
        "3,2022-02-25,Kyiv,RU,111,-2,s3\n",
        o, ',');
    REQUIRE(errors_of(r) == "");
    REQUIRE(r.dataset);
    // Keys compare ignoring case; "Kyiv" is not in the map: its id is its slug.
    CHECK(r.unmapped == 1);
    CHECK(claims_of(*r.dataset) ==
          "kyiv verbal_conflict russia 2022-02..2022-02 | events=1; intensity_sum=2.0; "
          "intensity_mean=2.00\n"
          "russia verbal_conflict ukraine 2022-02..2022-02 | events=1; intensity_sum=2.0; "
          "intensity_mean=2.00\n"
          "russia material_conflict ukraine 2022-02..2022-02 | events=1; intensity_sum=10.0; "
          "intensity_mean=10.00\n");
}

TEST_CASE("events: the aggregated CSV: groups merged after the roll-up, bad rows located") {
    EventImportOptions o;
    o.preset = EventPreset::aggregated;
    const std::string header =
        "source_country,source_group,target_country,target_group,quad_class,polarity,"
        "period_start,events,intensity_sum,event_ids,source_urls\n";
    // USA and "United States" roll up to one actor: their rows make one claim, 3 + 2 events and
    // 7.5 + 2.5 = 10.0. RUS -> RUS is domestic; XXX (a known group not in the map) is unplaced.
    auto r = import_text(header +
                             "USA,,CHN,,1,1,20240501,3,7.5,1 2 3,u1 u2\n"
                             "United States,,CHN,,1,1,20240501,2,2.5000000001,4 5,u1\n"
                             "RUS,,RUS,,4,-1,20240501,1,10,6,\n"
                             ",XXX,CHN,,1,1,20240501,4,4,7,\n",
                         o, ',');
    REQUIRE(errors_of(r) == "");
    REQUIRE(r.dataset);
    CHECK(r.rows == 10);
    CHECK(r.events == 5);
    CHECK(r.domestic == 1);
    CHECK(r.unplaced == 4);
    CHECK(claims_of(*r.dataset) ==
          "united-states verbal_cooperation china 2024-05..2024-05 | events=5; "
          "intensity_sum=10.0; intensity_mean=2.00\n");
    CHECK(r.dataset->claims[0].note ==
          "events=5; intensity_sum=10.0; intensity_mean=2.00; ids=1 2 3 4 5; urls=u1 u2");
    r = import_text(header +
                        "USA,,CHN,,7,1,20240501,3,7.5,,\n"
                        "USA,,CHN,,1,2,20240501,3,7.5,,\n"
                        "USA,,CHN,,1,1,2024-13-01,0,-1,,\n",
                    o, ',');
    CHECK(errors_of(r) ==
          "x.tsv:2:11: error: quad class \"7\" is not 1, 2, 3 or 4\n"
          "x.tsv:3:13: error: polarity \"2\" is not 1, 0 or -1\n"
          "x.tsv:4:15: error: period start \"2024-13-01\" is not a date of the form YYYY-MM-DD (or "
          "YYYYMMDD)\n"
          "x.tsv:4:26: error: events \"0\" is not a count above 0\n"
          "x.tsv:4:28: error: intensity_sum \"-1\" is not a number from 0 to 10^15\n");
}

TEST_CASE("events: a long key not in the map names its actor cut to 100 bytes") {
    EventImportOptions o;
    o.columns = {"id", "day", "from", "to", "", "", "cameo", "goldstein", ""};
    const std::string long_key(150, 'k');
    const auto r = import_text(
        "id,day,from,to,cameo,goldstein\n1,2022-02-24," + long_key + ",RUS,042,1.9\n", o, ',');
    REQUIRE(r.dataset);
    CHECK(r.dataset->actors[0].name == std::string(100, 'k'));
    CHECK(r.dataset->actors[0].id == std::string(100, 'k'));
    loads_back(*r.dataset);
}

TEST_CASE("events: the actor map reader") {
    std::istringstream good(
        "key,id,name,kind\nRUS,russia,Russia,state\nUNO,united-nations,"
        "United Nations,organization\n");
    std::vector<Diagnostic> problems;
    const auto map = read_event_actor_map(good, "map.csv", problems);
    CHECK(problems.empty());
    REQUIRE(map.size() == 2);
    CHECK(map[1].actor.kind == ActorKind::organization);
    std::istringstream bad("key,id,name,kind\n,Russia,Russia,state\nUSA,usa,USA,country\n");
    read_event_actor_map(bad, "map.csv", problems);
    CHECK(located(problems) ==
          "map.csv:2:1: error: empty key []\n"
          "map.csv:2:2: error: id \"Russia\" is not an actor id (lowercase ASCII letters and "
          "digits joined by -) []\n"
          "map.csv:3:13: error: kind \"country\" is not one of state, organization, person, group, "
          "region []\n");
    // The default map: codes and names of the same country give one actor.
    const auto defaults = default_event_actor_map();
    const auto find = [&](const std::string& key) {
        for (const auto& m : defaults) {
            if (m.key == key) {
                return m.actor.id;
            }
        }
        return std::string("(none)");
    };
    CHECK(find("RUS") == "russia");
    CHECK(find("Russian Federation") == "russia");
    CHECK(find("USA") == "united-states");
    CHECK(find("United States") == "united-states");
    CHECK(find("IRN") == "iran");
    CHECK(find("Occupied Palestinian Territory") == "palestine");
    CHECK(find("UNO") == "united-nations");
}

TEST_CASE("events: one pass, memory by dyad-periods: 30,000 rows held as 6 groups") {
    // 30,000 GDELT 2.0 rows over 3 dyads and 2 months, each a distinct event: the importer holds
    // 6 groups however many rows there are, and reports progress as it reads.
    std::string text;
    const char* dyads[3][2] = {{"USA", "CHN"}, {"RUS", "UKR"}, {"IND", "PAK"}};
    for (int i = 0; i < 30000; ++i) {
        std::vector<std::string> cols(61);
        cols[0] = std::to_string(i);
        cols[1] = i % 2 == 0 ? "20240503" : "20240604";
        cols[7] = dyads[i % 3][0];
        cols[17] = dyads[i % 3][1];
        cols[26] = "042";
        cols[28] = "04";
        cols[29] = "1";
        cols[30] = "1.9";
        cols[60] = "https://example.org/" + std::to_string(i);
        for (std::size_t c = 0; c < cols.size(); ++c) {
            text += (c == 0 ? "" : "\t") + cols[c];
        }
        text += '\n';
    }
    EventImportOptions o;
    o.preset = EventPreset::gdelt2;
    std::istringstream in(text);
    EventInput input{"many.tsv", &in, text.size(), '\t'};
    std::uint64_t calls = 0;
    std::uint64_t last = 0;
    bool monotonic = true;
    const auto r = import_events(std::span<const EventInput>(&input, 1), o,
                                 [&](std::uint64_t done, std::uint64_t total) {
                                     monotonic = monotonic && done >= last && total == text.size();
                                     last = done;
                                     ++calls;
                                 });
    REQUIRE(r.dataset);
    CHECK(r.events == 30000);
    CHECK(r.groups == 6);
    CHECK(r.dataset->claims.size() == 6);
    // 5,000 events of 1.9 in each group: 9,500.0.
    CHECK(r.dataset->claims[0].note.view().starts_with("events=5000; intensity_sum=9500.0;"));
    // Ten ids listed, the rest counted.
    CHECK(r.dataset->claims[0].note.view().find("(and 4990 more)") != std::string::npos);
    CHECK(monotonic);
    CHECK(last == text.size());
    CHECK(calls >= text.size() / 65536);
}

TEST_CASE("events: text from the data stays inert in notes and names") {
    EventImportOptions o;
    o.preset = EventPreset::gdelt2;
    std::vector<std::string> cols(61);
    cols[0] = "7\x1b[31m";
    cols[1] = "20240503";
    cols[7] = "USA";
    cols[17] = "CHN";
    cols[26] = "042";
    cols[28] = "04";
    cols[29] = "1";
    cols[30] = "1.9";
    cols[60] = "https://example.org/a;b c";
    std::string text;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        text += (c == 0 ? "" : "\t") + cols[c];
    }
    const auto r = import_text(text + "\n", o);
    REQUIRE(r.dataset);
    CHECK(r.dataset->claims[0].note ==
          "events=1; intensity_sum=1.9; intensity_mean=1.90; ids=7_[31m; "
          "urls=https://example.org/a_b_c");
}

TEST_CASE("events: the SQL of the three engines differs only in table, dates and aggregation") {
    EventImportOptions o;
    o.preset = EventPreset::gdelt2;
    for (const auto period :
         {EventPeriod::day, EventPeriod::week, EventPeriod::month, EventPeriod::year}) {
        o.period = period;
        auto sqlite = events_sql(o, SqlDialect::sqlite, "events");
        auto bigquery = events_sql(o, SqlDialect::bigquery, "`gdelt-bq.gdeltv2.events`");
        auto spark = events_sql(o, SqlDialect::spark, "gdelt.events");
        // Normalise what may differ: the first line (the engine's name), the table, integer
        // division, the week's Monday and string aggregation.
        const auto normalise = [](std::string s, const std::string& table) {
            s = s.substr(s.find('\n') + 1);
            s = std::regex_replace(
                s,
                std::regex("FROM " + std::regex_replace(table, std::regex(R"([.`\-])"), R"(\$&)")),
                "FROM TABLE");
            s = std::regex_replace(s, std::regex(R"(DIV\((\w+), (\d+)\))"), "$1 / $2");
            s = std::regex_replace(s, std::regex(R"((\w+) DIV (\d+))"), "$1 / $2");
            s = std::regex_replace(s, std::regex(R"(CAST\((strftime|FORMAT_DATE|date_format).*)"),
                                   "WEEK AS period_start");
            s = std::regex_replace(s, std::regex(R"(STRING_AGG\(CAST\((.*) AS STRING\), ' '\))"),
                                   "AGG($1)");
            s = std::regex_replace(
                s, std::regex(R"(concat_ws\(' ', collect_list\(CAST\((.*) AS STRING\)\)\))"),
                "AGG($1)");
            s = std::regex_replace(s, std::regex(R"(group_concat\((.*), ' '\))"), "AGG($1)");
            return s;
        };
        const auto a = normalise(sqlite, "events");
        CHECK(a == normalise(bigquery, "`gdelt-bq.gdeltv2.events`"));
        CHECK(a == normalise(spark, "gdelt.events"));
        CHECK(a.find("AGG(CASE WHEN n <= 10 THEN id END) AS event_ids") != std::string::npos);
        CHECK(sqlite.find("FROM events\n") != std::string::npos);
    }
}

}  // namespace entente::test
