// `procedura complete WHAT [ARGS]`: hidden helper for completion/procedura.bash. The
// subcommands, their options and option values come from the CLI definition itself, so
// the completion script stays right as commands and flags are added.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/complete.h"
#include "util/exit_status.h"

namespace procedura::cli {
namespace {

const CLI::App* find_subcommand(const CLI::App& app, const std::string& name) {
  auto found = app.get_subcommands([&](const CLI::App* sub) { return sub->get_name() == name; });
  return found.empty() ? nullptr : found.front();
}

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// What an option's value is, from its type name: "TEXT:{a,b}" lists choices; RULE, ID,
// DIR and FILE (set with ->type_name()) name what to complete; anything else is free.
std::string value_kind(const CLI::Option& option) {
  if (option.get_expected_max() == 0) return "flag";
  std::string type = option.get_type_name();
  size_t brace = type.find(":{");
  if (brace != std::string::npos && type.back() == '}') {
    std::string values = type.substr(brace + 2, type.size() - brace - 3);
    std::replace(values.begin(), values.end(), ',', ' ');
    return "choice\t" + values;
  }
  std::string kind = lower(type);
  if (kind == "rule" || kind == "id" || kind == "dir" || kind == "file") return kind;
  return "value";
}

// What a subcommand's positional arguments are: a fixed choice, else by their names.
std::string positional_kind(const CLI::App& cmd) {
  for (const CLI::Option* option : cmd.get_options()) {
    if (!option->get_positional() || option->nonpositional()) continue;
    if (std::string kind = value_kind(*option); kind.starts_with("choice")) return kind;
    std::string name = lower(option->get_name(true, false));
    if (name.find("rule") != std::string::npos) return "rule";
    if (name == "id" || name == "procedure" || name.find("procedure") != std::string::npos)
      return "id";
    return "file";
  }
  return "none";
}

int print_options(const CLI::App& cmd, std::ostream& out) {
  for (const CLI::Option* option : cmd.get_options()) {
    if (!option->nonpositional() || option->get_group().empty()) continue;
    for (const std::string& name : option->get_lnames()) {
      if (name == "help") continue;
      out << "--" << name << '\t' << value_kind(*option) << '\n';
    }
  }
  return kExitOk;
}

int run(const CLI::App& app, const std::string& what, const std::vector<std::string>& args) {
  if (what == "commands") {
    for (const CLI::App* sub :
         app.get_subcommands([](const CLI::App* s) { return !s->get_group().empty(); })) {
      std::cout << sub->get_name() << '\n';
    }
    return kExitOk;
  }
  if (what == "ids") return run_complete_ids(args, std::cout);
  if (what == "rules") return run_complete_rules(std::cout);
  if (what == "options" || what == "positional") {
    const CLI::App* cmd = args.empty() ? &app : find_subcommand(app, args.front());
    if (!cmd) return kExitUsage;  // an unknown subcommand: nothing to offer
    if (what == "options") return print_options(*cmd, std::cout);
    std::cout << positional_kind(*cmd) << '\n';
    return kExitOk;
  }
  std::cerr << "procedura complete: expected commands, options CMD, positional CMD, ids [DIR...] "
               "or rules\n";
  return kExitUsage;
}

}  // namespace

void add_complete(CLI::App& app, Action& action) {
  auto what = std::make_shared<std::string>();
  auto args = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd =
      app.add_subcommand("complete", "Print completion candidates (used by the shell completion)");
  cmd->group("");  // hidden from --help
  cmd->add_option("what", *what, "commands | options CMD | positional CMD | ids [DIR...] | rules")
      ->required();
  cmd->add_option("args", *args, "Arguments");
  cmd->callback([&app, &action, what, args] {
    action = [&app, what, args] { return run(app, *what, *args); };
  });
}

}  // namespace procedura::cli
