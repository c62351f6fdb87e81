#include <iostream>
#include <memory>

#include "cli/commands.h"
#include "commands/test/test.h"

namespace procedura::cli {

void add_test(CLI::App& app, Action& action) {
  auto options = std::make_shared<TestOptions>();
  auto format = std::make_shared<std::string>("text");
  auto min_coverage = std::make_shared<double>(-1);
  CLI::App* cmd = app.add_subcommand("test", "Run the test scenarios of procedures");
  cmd->add_option("paths", options->paths,
                  "Procedure or test files, or directories (default: the procedures search path)")
      ->type_name("PATH");
  add_procedures_option(cmd, options->procedure_dirs,
                        "Also load DIR, for procedures the tested ones call (repeatable)");
  cmd->add_option("--format", *format, "Output format")
      ->capture_default_str()
      ->check(one_of({"text", "json", "junit"}));
  cmd->add_flag("--coverage", options->coverage,
                "Report the nodes, options, outcomes and actions the tests reach");
  cmd->add_option(
         "--min-coverage", *min_coverage,
         "Fail when a procedure's coverage is below PCT on any measure (implies --coverage)")
      ->type_name("PCT")
      ->check(CLI::Range(0.0, 100.0));
  cmd->footer(
      "Examples:\n"
      "  procedura test procedures/\n"
      "  procedura test --coverage procedures/szkola/demoralizacja/s01-nietrzezwy-uczen.yaml\n"
      "  procedura test --min-coverage 90 --format junit procedures/ > junit.xml\n"
      "  procedura test --procedures procedures/ moja-procedura.yaml\n"
      "Exit status: 0 all tests passed (also when there are none), 1 a test failed or coverage\n"
      "is below --min-coverage, 2 usage error or procedures that do not load.");
  cmd->callback([&action, options, format, min_coverage] {
    options->format = *format == "json"    ? TestFormat::Json
                      : *format == "junit" ? TestFormat::Junit
                                           : TestFormat::Text;
    if (*min_coverage >= 0) options->min_coverage = *min_coverage;
    action = [options] { return run_tests(*options, std::cout, std::cerr); };
  });
}

}  // namespace procedura::cli
