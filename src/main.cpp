// The entente command-line tool: parses the command line and maps typed errors to exit codes.
#include <iostream>

#include "cli.hpp"

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
