// `entente diff OLD NEW`: the claims added, removed and changed between two datasets, and how
// alignment, roadblocks and camps move.
#include <iostream>

#include "cli.hpp"
#include "entente/curate/diff.hpp"

namespace entente::cli {

namespace {

struct DiffOptions {
    std::string before;
    std::string after;
    std::string format;
    LoadLimits limits;
};

// `embedded` names the dataset built in; anything else is a path, as --data takes it.
const KnowledgeGraph& load_side(const std::string& name, const LoadLimits& limits) {
    DataOptions data;
    data.limits = limits;
    if (name != "embedded") {
        data.data.push_back(name);
    }
    const Loaded loaded = load(data);
    if (!loaded.graph) {
        print_diagnostics(loaded);
        stop(exit_data);
    }
    return *loaded.graph;
}

std::string list_or_none(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) {
        out += (out.empty() ? "" : ", ") + id;
    }
    return out.empty() ? "(none)" : out;
}

std::string change_text(const AlignmentMove& m) {
    if (!m.before || !m.after) {
        return "-";
    }
    return signed_number(*m.after - *m.before);
}

void write_json(const DiffOptions& options, const KnowledgeGraph& a, const KnowledgeGraph& b,
                const DatasetDiff& diff) {
    Json json(&b);
    auto side = [&](const char* key, const std::string& name, const KnowledgeGraph& kg) {
        json.key(key);
        json.start_object();
        json.field("data", name);
        json.field("claims", kg.data().claims.size());
        json.end_object();
    };
    side("before", options.before, a);
    side("after", options.after, b);
    json.field("unchanged", diff.unchanged);
    json.key("added");
    json.start_array();
    for (Index c : diff.added) {
        json.claim_object(c);
    }
    json.end_array();
    json.use_graph(a);
    json.key("removed");
    json.start_array();
    for (Index c : diff.removed) {
        json.claim_object(c);
    }
    json.end_array();
    json.key("changed");
    json.start_array();
    for (const auto& change : diff.changed) {
        json.start_object();
        json.field("id_before", a.claim(change.before).id);
        json.field("id_after", b.claim(change.after).id);
        json.field("fields", change.fields);
        json.key("before");
        json.use_graph(a);
        json.claim_object(change.before);
        json.key("after");
        json.use_graph(b);
        json.claim_object(change.after);
        json.end_object();
    }
    json.end_array();
    json.use_graph(b);
    json.field("compared_actors", diff.compared_actors);
    json.key("alignment");
    json.start_array();
    for (const auto& m : diff.alignment) {
        json.start_object();
        json.key("a");
        json.actor(b.find_actor(m.a));
        json.key("b");
        json.actor(b.find_actor(m.b));
        json.field("before", m.before);
        json.field("after", m.after);
        json.field("shared_before", m.shared_before);
        json.field("shared_after", m.shared_after);
        json.end_object();
    }
    json.end_array();
    auto actors = [&](const std::vector<std::string>& ids, const KnowledgeGraph& kg) {
        std::vector<Index> out;
        for (const auto& id : ids) {
            out.push_back(kg.find_actor(id));
        }
        json.use_graph(kg);
        json.actors(out);
        json.use_graph(b);
    };
    json.key("roadblocks");
    json.start_array();
    for (const auto& m : diff.roadblocks) {
        json.start_object();
        json.key("a");
        json.actor(b.find_actor(m.a));
        json.key("b");
        json.actor(b.find_actor(m.b));
        json.key("before");
        actors(m.before, a);
        json.key("after");
        actors(m.after, b);
        json.end_object();
    }
    json.end_array();
    json.key("balance");
    json.start_object();
    json.field("frustration_before", diff.frustration_before);
    json.field("frustration_after", diff.frustration_after);
    json.key("moved");
    json.start_array();
    for (const auto& m : diff.camps) {
        json.start_object();
        json.key("actor");
        json.actor(b.find_actor(m.actor));
        json.key("mates_before");
        actors(m.before, a);
        json.key("mates_after");
        actors(m.after, b);
        json.end_object();
    }
    json.end_array();
    json.end_object();
    json.print();
}

int run(const DiffOptions& options) {
    const KnowledgeGraph& a = load_side(options.before, options.limits);
    const KnowledgeGraph& b = load_side(options.after, options.limits);
    const DatasetDiff diff = diff_datasets(a, b);
    if (options.format == "json") {
        write_json(options, a, b, diff);
        return exit_ok;
    }
    Lines& lines = out();
    lines.line("diff ", options.before, " (", plural(a.data().claims.size(), "claim", "claims"),
               ") -> ", options.after, " (", plural(b.data().claims.size(), "claim", "claims"),
               "): ", diff.added.size(), " added, ", diff.removed.size(), " removed, ",
               diff.changed.size(), " changed, ", diff.unchanged, " unchanged");
    if (!diff.added.empty()) {
        lines.blank();
        lines.line("added");
        for (Index c : diff.added) {
            print_claim(lines, b, c, "  ");
        }
    }
    if (!diff.removed.empty()) {
        lines.blank();
        lines.line("removed");
        for (Index c : diff.removed) {
            print_claim(lines, a, c, "  ");
        }
    }
    if (!diff.changed.empty()) {
        lines.blank();
        lines.line("changed");
        for (const auto& change : diff.changed) {
            std::string fields;
            for (const auto& f : change.fields) {
                fields += (fields.empty() ? "" : ", ") + f;
            }
            const std::string old_id = a.claim(change.before).id.str();
            const std::string new_id = b.claim(change.after).id.str();
            lines.line("  ", old_id == new_id ? new_id : old_id + " -> " + new_id, ": ", fields);
            print_claim(lines, a, change.before, "    - ");
            print_claim(lines, b, change.after, "    + ");
        }
    }
    lines.blank();
    lines.line("alignment: ", plural(diff.alignment.size(), "pair", "pairs"), " moved, of ",
               plural(diff.compared_actors, "actor", "actors"), " taking sides in both");
    if (!diff.alignment.empty()) {
        Table table({"  A", "B", "BEFORE", "AFTER", "CHANGE", "SHARED"});
        for (const auto& m : diff.alignment) {
            table.add({"  " + m.a, m.b, shown(m.before), shown(m.after), change_text(m),
                       std::to_string(m.shared_before) + " -> " + std::to_string(m.shared_after)});
        }
        table.print(lines);
    }
    lines.blank();
    lines.line("roadblocks: ", plural(diff.roadblocks.size(), "pair", "pairs"), " changed");
    for (const auto& m : diff.roadblocks) {
        lines.line("  ", m.a, " and ", m.b, ": ", list_or_none(m.before), " -> ",
                   list_or_none(m.after));
    }
    lines.blank();
    lines.line("camps: frustration index ", diff.frustration_before, " -> ", diff.frustration_after,
               "; ", plural(diff.camps.size(), "actor", "actors"), " with other camp-mates");
    for (const auto& m : diff.camps) {
        lines.line("  ", m.actor, ": with ", list_or_none(m.before), " -> with ",
                   list_or_none(m.after));
    }
    return exit_ok;
}

}  // namespace

void register_diff(CLI::App& app) {
    auto options = std::make_shared<DiffOptions>();
    CLI::App* command = app.add_subcommand(
        "diff",
        "Compare two datasets: the claims added, removed and changed (matched by id, then by "
        "subject, relation, object and source), and how the answers move over the actors that "
        "take sides in both: alignment of every pair, roadblocks of every pair, camps.");
    command
        ->add_option("old", options->before,
                     "The dataset before: a JSON file, a directory of them, a compiled dataset, "
                     "or `embedded` for the built-in one")
        ->type_name("OLD")
        ->required();
    command->add_option("new", options->after, "The dataset after, as OLD")
        ->type_name("NEW")
        ->required();
    add_format_option(*command, options->format);
    command->footer(
        "Examples:\n"
        "  entente diff embedded data/               # the built-in dataset against a checkout's\n"
        "  entente diff before/ after/ --format json | jq '.alignment[0]'");
    set_action(*command, [options] { return run(*options); });
}

}  // namespace entente::cli
