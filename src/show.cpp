// `entente show`: every claim touching one actor, grouped by relation, with quote and source.
#include "cli.hpp"
#include "entente/model/errors.hpp"
#include "entente/query/actor_profile.hpp"

namespace entente::cli {

namespace {

struct ShowOptions {
    QueryOptions query;
    std::string actor;
};

void write_json(const KnowledgeGraph& kg, const ActorProfile& p, const ScenarioText& scenario) {
    const Actor& a = kg.actor(p.actor);
    JsonAnswer json(kg, scenario);
    json.key("actor");
    json.actor(p.actor);
    json.field("aliases", a.aliases);
    json.key("holder");
    json.actor(a.holder);
    json.field("note", a.note.empty() ? std::nullopt : std::optional<std::string>(a.note));
    json.key("positions_held");
    json.actors(p.positions_held);
    json.key("groups");
    json.start_array();
    for (const RelationGroup& g : p.groups) {
        const Relation& r = kg.relation(g.relation);
        json.start_object();
        json.field("relation", r.id);
        json.field("label", r.label);
        json.field("polarity", r.polarity);
        json.key("claims");
        json.claims(g.claims);
        json.end_object();
    }
    json.end_array();
    json.print();
}

// The graph the profile is drawn from and the actor in it. From a compiled file read in place,
// only the actor's own claims are decoded, into a graph of their own: the index lists them.
std::pair<const KnowledgeGraph*, Index> graph_for(ShowOptions& options) {
    if (const InPlace in_place = open_in_place(options.query); in_place.view != nullptr) {
        const CompiledView& view = *in_place.view;
        const Index actor = view.tables().find_actor(options.actor);
        std::vector<Index> claims;
        const ClaimIndexView index = view.index();
        for (const auto ends : {index.subject_of(actor), index.object_of(actor)}) {
            view.check_entries(ends);
            for (const ClaimEnd& e : ends) {
                if (((in_place.scope >> e.flags) & 1) != 0) {
                    claims.push_back(e.claim);
                }
            }
        }
        const KnowledgeGraph& kg = in_place_subset(view, claims);
        // The index listed these claims under the actor; each claim must name it too.
        for (const Claim& c : kg.data().claims) {
            if (c.subject != actor && c.object != actor) {
                throw DataError(options.query.data.data.front() +
                                ": damaged compiled dataset: the claim index lists claim " + c.id +
                                " under an actor it does not name");
            }
        }
        return {&kg, actor};
    }
    const KnowledgeGraph& kg = load_scenario(options.query);
    return {&kg, kg.find_actor(options.actor)};
}

int run(ShowOptions& options) {
    // Show is where a claim is read, whatever its modality: every claim unless --modality says.
    options.query.scenario.every_claim = true;
    const auto [graph, actor] = graph_for(options);
    const KnowledgeGraph& kg = *graph;
    const ActorProfile p = actor_profile(kg, actor);
    if (options.query.format == "json") {
        write_json(kg, p, options.query.scenario);
        return exit_ok;
    }
    const Actor& a = kg.actor(p.actor);
    Lines& lines = out();
    lines.line(a.name, " (", a.id, "), ", to_string(a.kind),
               a.holder != no_index ? ", held by " + kg.actor(a.holder).name : "");
    if (!a.aliases.empty()) {
        std::string aliases;
        for (const auto& alias : a.aliases) {
            aliases += (aliases.empty() ? "" : ", ") + alias;
        }
        lines.line("also known as: ", aliases);
    }
    if (!a.note.empty()) {
        lines.line("note: ", a.note);
    }
    if (!p.positions_held.empty()) {
        std::string held;
        for (Index position : p.positions_held) {
            held += (held.empty() ? "" : ", ") + kg.actor(position).id;
        }
        lines.line("positions held: ", held);
    }
    if (const std::string line = scenario_line(options.query.scenario); !line.empty()) {
        lines.line("scenario: ", line);
    }
    lines.line(plural(p.claims.size(), "claim", "claims"));
    for (const RelationGroup& g : p.groups) {
        const Relation& r = kg.relation(g.relation);
        lines.blank();
        lines.line(r.id, " (", sign_text(r.polarity), ")");
        for (Index ci : g.claims) {
            const Claim& c = kg.claim(ci);
            lines.line("  ", c.id, "  ", claim_sentence(kg, c), modality_marks(c),
                       c.hypothetical ? "  [hypothetical]" : "");
            if (!c.quote.empty()) {
                lines.line("      \u201c", c.quote, "\u201d");
            }
            lines.line("      asserted by ", asserted_by_name(kg, c), " \u00b7 source ",
                       kg.source(c.source).id, " \u00b7 confidence ", format_number(c.confidence),
                       weight_text(c), c.from || c.until ? " \u00b7 holds " + holds_text(c) : "");
            if (!c.note.empty()) {
                lines.line("      note: ", c.note);
            }
        }
    }
    if (!p.sources.empty()) {
        lines.blank();
        lines.line("sources");
        for (Index s : p.sources) {
            const Source& source = kg.source(s);
            lines.line("  ", source.id, "  ", source_citation(source),
                       source.url.empty() ? "" : "  " + source.url);
        }
    }
    return exit_ok;
}

}  // namespace

void register_show(CLI::App& app) {
    auto options = std::make_shared<ShowOptions>();
    CLI::App* command = app.add_subcommand(
        "show",
        "Show every claim that touches an actor, grouped by relation, each with its quote, who "
        "asserts it, its confidence and its source. The actor may be given by id, name or alias; "
        "case and accents are ignored.");
    add_query_options(*command, options->query, {"table", "json"}, false);
    // The claims it shows are every claim, predicted and negated ones too, unless --modality
    // narrows them.
    command->get_option_group("What-if")
        ->get_option("--modality")
        ->description(
            "Show only the non-negated claims of these modalities: stated, predicted, "
            "recommended, questioned, hedged, or all (comma-separated; default: every "
            "claim, each marked)");
    command->add_option("actor", options->actor, "Actor id, name or alias")
        ->type_name("ACTOR")
        ->required();
    command->footer(
        "Examples:\n"
        "  entente show russia\n"
        "  entente show \"New Delhi\"\n"
        "  entente show russia --as-of 2015\n"
        "  entente show india-jk-reorganisation --format json\n"
        "A compiled dataset (entente compile) given alone to --data is read in place: only the\n"
        "actor's claims and their sources are read, and --max-bytes does not apply. --as-of,\n"
        "--from, --until, --assume, --without and --roll-up load it whole.");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
