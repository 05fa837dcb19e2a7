// The entente command-line tool: parses the command line and maps typed errors to exit codes.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli.hpp"
#include "entente/model/text.hpp"

int main(int argc, char** argv) {
    using namespace entente::cli;
    CLI::App app(
        "entente: a knowledge graph of political actors and the sourced claims between them.\n"
        "Every edge is a claim with its source, quote, who asserts it and a confidence. With no\n"
        "--data it answers from the curated dataset compiled into it.",
        "entente");
    app.set_version_flag("--version", "entente " ENTENTE_VERSION);
    app.require_subcommand(1);
    app.footer(
        "Examples:\n"
        "  entente validate\n"
        "  entente show russia\n"
        "  entente align russia pakistan\n"
        "  entente diverge russia pakistan\n"
        "  entente balance\n"
        "  entente path pakistan united-states --k 3\n"
        "  entente diverge russia pakistan --diagram diverge.svg\n"
        "  entente export -o entente.graphml\n"
        "  entente actors --kind position\n"
        "  entente stats --format json\n"
        "  entente compile --data big/ -o big.entente        # then --data big.entente\n"
        "Run `entente COMMAND --help` for a command's options. Exit status: 0 success, 1 usage\n"
        "error, 2 data error, 3 unknown name.");
    register_validate(app);
    register_stats(app);
    register_actors(app);
    register_show(app);
    register_align(app);
    register_diverge(app);
    register_balance(app);
    register_path(app);
    register_neighbors(app);
    register_export(app);
    register_compile(app);
    // A mistyped command would otherwise get CLI11's "A subcommand is required".
    if (argc > 1 && argv[1][0] != '-') {
        std::vector<std::string> names;
        for (const CLI::App* sub : app.get_subcommands({})) {
            names.push_back(sub->get_name());
        }
        if (std::find(names.begin(), names.end(), argv[1]) == names.end()) {
            std::cerr << "entente: unknown command \"" << argv[1] << "\"";
            const auto near = entente::nearest_names(argv[1], names, 1);
            if (!near.empty()) {
                std::cerr << "; did you mean \"" << near.front() << "\"?";
            }
            std::cerr << "\nRun with --help for the commands.\n";
            return exit_usage;
        }
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    } catch (const Exit& e) {
        return e.code;
    } catch (const entente::UnknownNameError& e) {
        std::cerr << "entente: " << e.what() << '\n';
        return exit_unknown_name;
    } catch (const entente::AmbiguousNameError& e) {
        std::cerr << "entente: " << e.what() << '\n';
        return exit_unknown_name;
    } catch (const std::exception& e) {
        std::cerr << "entente: " << e.what() << '\n';
        return exit_data;
    }
    return exit_ok;
}
