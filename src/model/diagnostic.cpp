#include "model/diagnostic.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "model/source_file.h"

namespace procedura {
namespace {
constexpr std::array kRules = {
#define PROCEDURA_RULE(symbol, id, severity, summary, emitted_in) \
  RuleInfo{Rule::symbol, id, Severity::severity, summary},
#include "model/rules.def"
#undef PROCEDURA_RULE
};
}  // namespace

std::span<const RuleInfo> all_rules() {
  return kRules;
}

const RuleInfo& rule_info(Rule rule) {
  return kRules[static_cast<size_t>(rule)];
}

std::optional<Rule> rule_from_id(std::string_view id) {
  for (const auto& info : kRules) {
    if (info.id == id) return info.rule;
  }
  return std::nullopt;
}

std::string_view severity_name(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

Diagnostic& Diagnostics::report(Rule rule, Location where, std::string message) {
  items_.push_back(
      Diagnostic{rule, rule_info(rule).default_severity, where, std::move(message), {}, 0, 0});
  return items_.back();
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

size_t Diagnostics::count(Severity severity) const {
  return static_cast<size_t>(std::count_if(
      items_.begin(), items_.end(), [&](const Diagnostic& d) { return d.severity == severity; }));
}

void Diagnostics::sort() {
  auto key = [](const Diagnostic& d) {
    std::string_view path = d.location.file ? std::string_view(d.location.file->path()) : "";
    return std::make_tuple(path, d.location.line, d.location.column, static_cast<int>(d.rule),
                           std::string_view(d.message));
  };
  std::stable_sort(items_.begin(), items_.end(),
                   [&](const Diagnostic& a, const Diagnostic& b) { return key(a) < key(b); });
}

}  // namespace procedura
