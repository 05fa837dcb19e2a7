#include "entente/model/errors.hpp"

namespace entente {

namespace {

std::string unknown_message(const std::string& what, const std::string& name,
                            const std::vector<std::string>& suggestions) {
    std::string out = "unknown " + what + " \"" + name + "\"";
    for (std::size_t i = 0; i < suggestions.size(); ++i) {
        out += i == 0 ? "; did you mean \"" : (i + 1 == suggestions.size() ? " or \"" : ", \"");
        out += suggestions[i] + "\"";
    }
    if (!suggestions.empty()) {
        out += "?";
    }
    return out;
}

std::string ambiguous_message(const std::string& name, const std::vector<std::string>& ids) {
    std::string out = "\"" + name + "\" names " + std::to_string(ids.size()) + " actors:";
    for (const auto& id : ids) {
        out += " " + id;
    }
    return out + "; use an id";
}

}  // namespace

UnknownNameError::UnknownNameError(std::string what, std::string name,
                                   std::vector<std::string> suggestions)
    : Error(unknown_message(what, name, suggestions)),
      what_kind_(std::move(what)),
      name_(std::move(name)),
      suggestions_(std::move(suggestions)) {}

AmbiguousNameError::AmbiguousNameError(std::string name, std::vector<std::string> candidates)
    : Error(ambiguous_message(name, candidates)),
      name_(std::move(name)),
      candidates_(std::move(candidates)) {}

}  // namespace entente
