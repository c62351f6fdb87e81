#include "check/branch_coverage.h"

#include <fmt/format.h>

#include <set>
#include <string>

#include "check/sample_domains.h"
#include "expr/evaluate.h"
#include "load/variables.h"

namespace procedura {
namespace {

std::string describe(const std::vector<SampleDomain>& domains,
                     const std::vector<const Value*>& values) {
  std::string out;
  for (size_t i = 0; i < domains.size(); ++i) {
    out +=
        fmt::format("{}{} = {}", out.empty() ? "" : ", ", domains[i].name, answer_text(*values[i]));
  }
  return out;
}

std::string case_name(const Node& branch, size_t i) {
  return fmt::format("case {} (`{}`)", i + 1, branch.branch().cases[i].when);
}

void check_branch(const Node& branch, const VariableTable& table, Diagnostics& diags) {
  std::vector<const expr::Expr*> conditions;
  for (const Case& c : branch.branch().cases) {
    if (!c.condition) return;  // already reported by the expression compiler
    conditions.push_back(c.condition.get());
  }
  if (conditions.empty()) return;
  auto domains = sample_domains(conditions, table);
  if (!domains) return;

  const size_t n = conditions.size();
  std::vector<char> ever_true(n, 0), ever_first(n, 0);
  std::vector<std::set<size_t>> covered_by(n);
  std::string gap;
  bool complete = for_each_combination(
      *domains, kMaxBranchCombinations, [&](const std::vector<const Value*>& values) {
        auto lookup = [&](std::string_view name) -> const Value* {
          for (size_t i = 0; i < domains->size(); ++i) {
            if ((*domains)[i].name == name) return values[i];
          }
          return nullptr;
        };
        int first = -1;
        for (size_t i = 0; i < n; ++i) {
          if (!expr::evaluate(*conditions[i], lookup).value_or(false)) continue;
          ever_true[i] = 1;
          if (first < 0) {
            first = static_cast<int>(i);
            ever_first[i] = 1;
          } else {
            covered_by[i].insert(static_cast<size_t>(first));
          }
        }
        if (first < 0 && gap.empty()) gap = describe(*domains, values);
      });
  if (!complete) return;

  for (size_t i = 0; i < n; ++i) {
    if (ever_first[i]) continue;
    const Case& c = branch.branch().cases[i];
    std::string message;
    if (!ever_true[i]) {
      message = fmt::format("{} can never be taken: no answer makes it true", case_name(branch, i));
    } else {
      std::string earlier;
      for (size_t j : covered_by[i])
        earlier += (earlier.empty() ? "" : " and ") + case_name(branch, j);
      message =
          fmt::format("{} can never be taken: earlier {} already match{} every value it matches",
                      case_name(branch, i), earlier, covered_by[i].size() == 1 ? "es" : "");
    }
    diags.report(Rule::BranchShadowed, c.when_location, message);
  }
  if (!gap.empty() && !branch.branch().otherwise.present()) {
    diags.report(
        Rule::BranchGap, branch.location,
        fmt::format("no case of branch '{}' matches {}; add a case for it or an `otherwise`",
                    branch.id, gap));
  }
}

}  // namespace

void check_branch_coverage(Catalog& catalog) {
  for (const Procedure* proc : catalog.runnable()) {
    VariableTable table = variable_table(*proc);
    for (const Node& node : proc->nodes) {
      if (node.kind == NodeKind::Branch) check_branch(node, table, catalog.diagnostics);
    }
  }
}

}  // namespace procedura
