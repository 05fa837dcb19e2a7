// Actor hierarchy roll-up (query/roll_up.hpp) on tests/data/good/roll-up.json: a ministry, an
// official, an army, a body part of two states, a cycle, and a state's membership.
#include <doctest/doctest.h>

#include <string>

#include "entente/query/roll_up.hpp"
#include "entente/query/scenario.hpp"
#include "entente/query/ties.hpp"
#include "fixture.hpp"

using namespace entente;

namespace {

KnowledgeGraph roll_up_graph() {
    return test::load_file(ENTENTE_TEST_DATA "/good/roll-up.json");
}

std::string target_of(const KnowledgeGraph& kg, const RollUpPlan& plan, const char* id) {
    return kg.actor(plan.target[kg.find_actor(id)]).id;
}

}  // namespace

TEST_CASE("roll-up: each actor goes to the nearest actor of the kind up its chain") {
    const KnowledgeGraph kg = roll_up_graph();
    const RollUpPlan plan = plan_roll_up(kg.data(), ActorKind::state);
    CHECK(target_of(kg, plan, "russia-mfa") == "russia");  // part_of, one level
    CHECK(target_of(kg, plan, "lavrov") == "russia");      // member_of then part_of
    CHECK(target_of(kg, plan, "pakistan-army") == "pakistan");
    CHECK(target_of(kg, plan, "russia") == "russia");            // a state never moves
    CHECK(target_of(kg, plan, "sco") == "sco");                  // no chain from it
    CHECK(target_of(kg, plan, "cycle-a") == "cycle-a");          // a cycle reaching no state
    CHECK(target_of(kg, plan, "joint-commission") == "russia");  // first claim's parent
    REQUIRE(plan.ambiguous.size() == 1);
    CHECK(kg.actor(plan.ambiguous.front()).id == "joint-commission");
    // Rolling up to organisations moves the state into the organisation it is a member of.
    const RollUpPlan orgs = plan_roll_up(kg.data(), ActorKind::organization);
    CHECK(target_of(kg, orgs, "russia") == "sco");
    CHECK(target_of(kg, orgs, "lavrov") == "russia-mfa");
}

TEST_CASE("roll-up: claims moved, notes say from where, claims within one actor left out") {
    const KnowledgeGraph kg = roll_up_graph();
    Dataset data = kg.data();
    const RollUpReport report = roll_up(data, ActorKind::state);
    // Moved: h6 (joint-commission part_of pakistan -> russia part_of pakistan), e1, e2, e3.
    // Within: h1, h2, h3, h5 (the hierarchy) and e4 (Lavrov supports his own state).
    CHECK(report.moved == 4);
    CHECK(report.within == 5);
    std::string kept;
    for (const Claim& c : data.claims) {
        kept += c.id + " ";
    }
    CHECK(kept == "h4 h6 h7 h8 e1 e2 e3 e5 ");
    const KnowledgeGraph rolled(std::move(data));
    const Claim& e1 = rolled.claim(rolled.find_claim("e1"));
    CHECK(rolled.actor(e1.subject).id == "russia");
    CHECK(rolled.actor(e1.object).id == "pakistan");
    CHECK(e1.note == "rolled up from lavrov -> pakistan-army");
    // Russia and Pakistan now share a stance on India: both hostile.
    const TieTable ties(rolled);
    const Tie* ri = ties.find(rolled.find_actor("russia"), rolled.find_actor("india"));
    const Tie* pi = ties.find(rolled.find_actor("pakistan"), rolled.find_actor("india"));
    REQUIRE(ri);
    REQUIRE(pi);
    CHECK(ri->value == -1.0);
    CHECK(pi->value == -1.0);
}

TEST_CASE("roll-up: through apply_scenario, after the other filters, with its report") {
    const KnowledgeGraph kg = roll_up_graph();
    Scenario scenario;
    scenario.roll_up = ActorKind::state;
    scenario.without = {"e2"};
    CHECK_FALSE(scenario.empty_for(kg));
    RollUpReport report;
    const KnowledgeGraph out = apply_scenario(kg, scenario, &report);
    CHECK(report.moved == 3);  // e2 was left out first
    CHECK(report.within == 5);
    CHECK(out.data().claims.size() == 7);
}

TEST_CASE("roll-up: a position's holder rolls up with it; negated hierarchy claims do not count") {
    auto result = test::load_text(R"({"entente": 1, "sources": [{"id": "s", "title": "S"}],
 "actors": [{"id": "st", "name": "State", "kind": "state"},
  {"id": "min", "name": "Ministry", "kind": "organization"},
  {"id": "other", "name": "Other", "kind": "state"},
  {"id": "pos", "name": "The ministry's line", "kind": "position", "holder": "min"}],
 "claims": [{"id": "p", "subject": "min", "relation": "part_of", "object": "st", "source": "s"},
  {"id": "n", "subject": "min", "relation": "part_of", "object": "other", "source": "s",
   "negated": true}]})");
    REQUIRE_MESSAGE(result.graph, test::messages(result));
    Dataset data = result.graph->data();
    const RollUpPlan plan = plan_roll_up(data, ActorKind::state);
    CHECK(plan.ambiguous.empty());  // the negated claim is no second parent
    roll_up(data, ActorKind::state);
    CHECK(data.actors[3].holder == 0);  // the position is now held by the state
}
