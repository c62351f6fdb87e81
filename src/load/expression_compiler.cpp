#include "load/expression_compiler.h"

#include <fmt/format.h>

#include "expr/parser.h"
#include "expr/typecheck.h"
#include "load/scalar_position.h"
#include "load/variables.h"
#include "util/parallel.h"

namespace procedura {
namespace {

Rule rule_for(expr::ExprError::Kind kind) {
  switch (kind) {
    case expr::ExprError::Kind::Syntax:
      return Rule::BadExpression;
    case expr::ExprError::Kind::TypeMismatch:
      return Rule::TypeMismatch;
    case expr::ExprError::Kind::UnknownVariable:
      return Rule::DanglingRef;
    case expr::ExprError::Kind::TooComplex:
      return Rule::LimitExceeded;
  }
  return Rule::BadExpression;
}

void check_shared_variables(const Procedure& proc, Diagnostics& diags) {
  std::unordered_map<std::string, const Node*> first;
  for (const Node& node : proc.nodes) {
    if (node.kind != NodeKind::Ask || node.ask().var.empty()) continue;
    auto [it, inserted] = first.emplace(node.ask().var, &node);
    if (inserted) continue;
    expr::VariableInfo a = variable_info(*it->second), b = variable_info(node);
    if (a.type != b.type || a.is_multi != b.is_multi) {
      Diagnostic& d =
          diags.report(Rule::TypeMismatch, node.ask().var_location,
                       fmt::format("variable '{}' is a {} here but a {} in question '{}'",
                                   node.ask().var, answer_type_name(node.ask().type),
                                   answer_type_name(it->second->ask().type), it->second->id));
      d.notes.push_back({it->second->ask().var_location, "first set here"});
    }
  }
}

void compile_case(Case& c, const VariableTable& table, const Limits& limits, Diagnostics& diags) {
  std::vector<expr::ExprError> errors;
  expr::ParseLimits parse_limits{limits.max_expression_chars, limits.max_expression_depth};
  expr::ExprPtr root = expr::parse(c.when, errors, parse_limits);
  if (root && errors.empty()) {
    auto lookup = [&](std::string_view name) -> std::optional<expr::VariableInfo> {
      auto it = table.find(std::string(name));
      if (it == table.end()) return std::nullopt;
      return it->second.info;
    };
    expr::typecheck(*root, lookup, errors);
  }
  for (const expr::ExprError& e : errors) {
    Location at = position_in_scalar(c.when_location, e.offset);
    Diagnostic& d = diags.report(rule_for(e.kind), at, e.message);
    if (e.length > 0) {
      Location end = position_in_scalar(c.when_location, e.offset + e.length);
      d.end_line = end.line;
      d.end_column = end.column;
    }
  }
  if (root && errors.empty()) c.condition = std::shared_ptr<const expr::Expr>(std::move(root));
}

void check_test_answers(const Procedure& proc, const VariableTable& table, Diagnostics& diags) {
  for (const TestCase& test : proc.tests) {
    for (const Answer& answer : test.answers) {
      if (table.count(answer.var)) continue;
      diags.report(
          Rule::DanglingRef, answer.location,
          fmt::format(
              "test '{}' answers '{}', which no question of '{}' (or of a procedure it calls) sets",
              test.name, answer.var, proc.id));
    }
  }
}

}  // namespace

void compile_expressions(Catalog& catalog, const Limits& limits, size_t jobs) {
  // Procedures compile independently (a callee is only read, for its variables' types);
  // each gathers its own diagnostics, appended in catalog order so output ignores --jobs.
  std::vector<Diagnostics> found(catalog.procedures.size());
  parallel_for(catalog.procedures.size(), jobs, [&](size_t i) {
    Procedure& proc = *catalog.procedures[i];
    if (proc.is_library) return;
    check_shared_variables(proc, found[i]);
    VariableTable table = variable_table(proc);
    for (Node& node : proc.nodes) {
      if (node.kind != NodeKind::Branch) continue;
      for (Case& c : node.branch().cases) {
        if (!c.when.empty()) compile_case(c, table, limits, found[i]);
      }
    }
    check_test_answers(proc, table, found[i]);
  });
  for (Diagnostics& part : found) {
    for (Diagnostic& d : part.items()) catalog.diagnostics.add(std::move(d));
  }
}

}  // namespace procedura
