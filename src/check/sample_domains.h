#pragma once
// Finite sets of sample values that stand for every answer a group of `when` expressions
// can tell apart. Numbers are decimals (reals): a number variable compared with constants
// c1 < ... < cn behaves the same on each constant and on each open interval between them,
// so one value per region suffices (each constant, a point between neighbours, one below
// and one above), restricted to the question's min/max. yes_no has two values, choice its
// options, multi every subset of its options, text the strings it is compared with plus one
// other string.
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "expr/ast.h"
#include "load/variables.h"
#include "model/value.h"

namespace procedura {

struct SampleDomain {
  std::string name;
  std::vector<Value> values;
};

// The variables read by `expressions` (in order of first appearance) with their samples.
// std::nullopt when the expressions compare two variables with each other, read an unknown
// variable, or a multi question has more than `max_multi_options` options: then samples do
// not decide every case.
std::optional<std::vector<SampleDomain>> sample_domains(
    const std::vector<const expr::Expr*>& expressions, const VariableTable& table,
    size_t max_multi_options = 12);

// The constants each variable is compared with (`x < 13`, `x in ["a", "b"]`). Names
// without a dot get `prefix` (to key a called procedure's variables as `callee.var`).
// `decidable` turns false when two variables are compared with each other.
struct ComparedConstants {
  std::map<std::string, std::vector<double>> numbers;
  std::map<std::string, std::set<std::string>> strings;
  bool decidable = true;
};
void collect_constants(const expr::Expr& expression, const std::string& prefix,
                       ComparedConstants& out);

// Samples of one variable given the constants it is compared with.
std::vector<Value> number_samples(const std::vector<double>& constants, std::optional<double> min,
                                  std::optional<double> max);

// How a value is written in an answers file: yes/no, 12.5, text, [a, b].
std::string answer_text(const Value& value);

// Calls `visit` with a lookup for every combination of the domains' values, up to `limit`
// combinations; returns false (and visits nothing) when there are more.
bool for_each_combination(const std::vector<SampleDomain>& domains, size_t limit,
                          const std::function<void(const std::vector<const Value*>&)>& visit);

}  // namespace procedura
