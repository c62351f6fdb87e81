#include "commands/explain.h"

#include <fmt/format.h>

#include <ostream>
#include <vector>

#include "load/did_you_mean.h"
#include "model/diagnostic.h"
#include "report/rule_docs.h"
#include "util/exit_status.h"

namespace procedura {

int run_explain(const std::string& rule_id, bool list, std::ostream& out, std::ostream& err) {
  if (list || rule_id.empty()) {
    for (const RuleInfo& info : all_rules()) {
      out << fmt::format("{:<22} {:<8} {}\n", info.id, severity_name(info.default_severity),
                         info.summary);
    }
    return kExitOk;
  }
  if (auto page = rule_doc(rule_id)) {
    out << *page;
    if (!page->empty() && page->back() != '\n') out << '\n';
    return kExitOk;
  }
  std::vector<std::string_view> ids;
  for (const RuleInfo& info : all_rules()) ids.push_back(info.id);
  std::string_view best = closest_match(rule_id, ids);
  err << fmt::format(
      "procedura explain: unknown rule '{}'{}; `procedura explain --list` shows all rules\n",
      rule_id, best.empty() ? "" : fmt::format(" (did you mean '{}'?)", best));
  return kExitUsage;
}

}  // namespace procedura
