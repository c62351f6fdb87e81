#pragma once
// Findings of the loader and the checks, with their rule, severity and place.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/location.h"

namespace procedura {

enum class Severity { Error, Warning };

enum class Rule {
#define PROCEDURA_RULE(symbol, id, severity, summary, emitted_in) symbol,
#include "model/rules.def"
#undef PROCEDURA_RULE
};

struct RuleInfo {
  Rule rule;
  std::string_view id;
  Severity default_severity;
  std::string_view summary;
};

std::span<const RuleInfo> all_rules();
const RuleInfo& rule_info(Rule rule);
std::optional<Rule> rule_from_id(std::string_view id);
std::string_view severity_name(Severity severity);

struct DiagnosticNote {
  Location location;
  std::string message;
};

struct Diagnostic {
  Rule rule;
  Severity severity;
  Location location;
  std::string message;
  std::vector<DiagnosticNote> notes;
  // Optional end of the offending span (same line for most rules); 0 = unknown.
  uint32_t end_line = 0;
  uint32_t end_column = 0;
};

// Collects diagnostics; severities default from the rule table.
class Diagnostics {
 public:
  Diagnostic& report(Rule rule, Location where, std::string message);
  void add(Diagnostic diagnostic) { items_.push_back(std::move(diagnostic)); }
  void append(const Diagnostics& other);

  const std::vector<Diagnostic>& items() const { return items_; }
  std::vector<Diagnostic>& items() { return items_; }
  size_t count(Severity severity) const;
  bool has_errors() const { return count(Severity::Error) > 0; }
  // Orders by file path, line, column, then rule for stable output.
  void sort();

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace procedura
