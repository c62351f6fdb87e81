// `procedura diff` as text: the versions, the changes element by element, then the scenarios
// and transcripts that would end differently.
#include <fmt/format.h>

#include <ostream>

#include "report/diff_report.h"
#include "util/visible_stream.h"

namespace procedura {
namespace {

// A value on one line: texts may hold line breaks (`|` blocks), shown as \n.
std::string one_line(const std::string& value) {
  std::string out;
  for (char c : value) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

std::string element_title(const ElementChange& change) {
  std::string section = change.section == "legal_basis" ? "legal basis" : change.section;
  return change.id.empty() ? section : fmt::format("{} {}", section, change.id);
}

// "outcome a → b; actions added: x; actions removed: y", or why it no longer finishes.
std::string what_differs(const ImpactItem& item) {
  const ReplayEnding& a = item.before;
  const ReplayEnding& b = item.after;
  if (a.finished() && !b.finished()) return "no longer finishes: " + b.detail;
  if (!a.finished() && b.finished())
    return fmt::format("now finishes at {} (before: {})", b.outcome, a.detail);
  std::vector<std::string> parts;
  if (a.outcome != b.outcome) parts.push_back(fmt::format("outcome {} → {}", a.outcome, b.outcome));
  if (!item.actions_added.empty())
    parts.push_back(fmt::format("actions added: {}", fmt::join(item.actions_added, ", ")));
  if (!item.actions_removed.empty())
    parts.push_back(fmt::format("actions removed: {}", fmt::join(item.actions_removed, ", ")));
  return fmt::format("{}", fmt::join(parts, "; "));
}

std::string item_title(const ImpactItem& item) {
  return item.source == ImpactItem::Source::Scenario ? fmt::format("scenario \"{}\"", item.name)
                                                     : fmt::format("transcript {}", item.name);
}

}  // namespace

void render_diff_text(const DiffResult& diff, std::ostream& target) {
  VisibleOstream out(target);  // texts and keys from both files, controls shown as escapes
  const Procedure& before = *diff.before;
  const Procedure& after = *diff.after;
  const std::vector<ElementChange>& changes = diff.changes;
  const Impact& impact = diff.impact;
  out << fmt::format("{} {} ({}) → {} {} ({})\n", before.id, before.version, diff.before_file,
                     after.id, after.version, diff.after_file);
  out << "\n";
  if (changes.empty()) {
    out << "No changes in content.\n";
  } else {
    out << fmt::format("Changes ({}):\n", changes.size());
    for (const ElementChange& change : changes) {
      const char mark = change.kind == ElementChange::Kind::Added     ? '+'
                        : change.kind == ElementChange::Kind::Removed ? '-'
                                                                      : '~';
      out << fmt::format("  {} {} {}\n", mark, element_title(change),
                         change_kind_name(change.kind));
      for (const FieldChange& f : change.fields) {
        if (f.before.empty()) {
          out << fmt::format("      {} added: {}\n", f.field, one_line(f.after));
        } else if (f.after.empty()) {
          out << fmt::format("      {} removed: {}\n", f.field, one_line(f.before));
        } else {
          out << fmt::format("      {}: {} → {}\n", f.field, one_line(f.before), one_line(f.after));
        }
      }
    }
  }
  out << "\n";
  size_t changed = 0;
  for (const ImpactItem& item : impact.items) changed += item.changed ? 1 : 0;
  out << fmt::format("Impact: {} scenario{} and {} transcript{} replayed against both versions\n",
                     impact.scenarios, impact.scenarios == 1 ? "" : "s", impact.transcripts,
                     impact.transcripts == 1 ? "" : "s");
  for (const ImpactItem& item : impact.items) {
    if (item.changed) out << fmt::format("  ! {}: {}\n", item_title(item), what_differs(item));
  }
  for (const std::string& note : impact.notes) out << "  note: " << note << "\n";
  if (changed == 0) {
    out << "No scenario or transcript ends differently.\n";
  } else {
    out << fmt::format("{} of {} would end differently.\n", changed, impact.items.size());
  }
}

}  // namespace procedura
