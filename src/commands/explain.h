#pragma once
#include <iosfwd>
#include <string>

namespace procedura {

// `procedura explain RULE`: prints the rule's documentation page; `--list` lists all rules.
int run_explain(const std::string& rule_id, bool list, std::ostream& out, std::ostream& err);

}  // namespace procedura
