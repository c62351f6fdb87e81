#include "check/definition_checks.h"

#include <fmt/format.h>

namespace procedura {

void check_unused_definitions(Catalog& catalog) {
  for (const auto& proc : catalog.procedures) {
    if (proc->imported_only) continue;
    auto report = [&](const void* def, Location where, std::string_view what,
                      const std::string& id) {
      if (catalog.used.count(def)) return;
      catalog.diagnostics.report(Rule::UnusedDefinition, where,
                                 fmt::format("{} '{}' is defined but never used", what, id));
    };
    for (const auto& r : proc->recipients) report(r.get(), r->location, "recipient", r->id);
    for (const auto& a : proc->actions) report(a.get(), a->location, "action", a->id);
    for (const auto& b : proc->legal_bases) report(b.get(), b->location, "legal basis", b->id);
    for (const auto& c : proc->cautions) report(c.get(), c->location, "caution", c->id);
  }
}

void check_review_dates(Catalog& catalog, std::string_view today) {
  for (const auto& proc : catalog.procedures) {
    // ISO dates compare correctly as strings.
    if (!proc->review_by.empty() && proc->review_by < today) {
      catalog.diagnostics.report(
          Rule::ReviewOverdue, proc->review_by_location,
          fmt::format(
              "review date {} has passed (today is {}); re-check the content against current law",
              proc->review_by, today));
    }
  }
}

}  // namespace procedura
