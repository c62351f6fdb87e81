#include "commands/diff/diff.h"

#include <fmt/format.h>

#include <ostream>

#include "commands/diff/diff_changes.h"
#include "commands/diff/diff_impact.h"
#include "commands/diff/diff_load.h"
#include "commands/language_check.h"
#include "util/exit_status.h"
#include "util/json_writer.h"
#include "util/visible_stream.h"

namespace procedura {

namespace {

std::string status_name(ReplayEnding::Status status) {
  switch (status) {
    case ReplayEnding::Status::Finished:
      return "finished";
    case ReplayEnding::Status::Unanswered:
      return "unanswered";
    case ReplayEnding::Status::InvalidAnswer:
      return "invalid-answer";
    case ReplayEnding::Status::Loop:
      return "loop";
    case ReplayEnding::Status::Error:
      return "error";
  }
  return "error";
}

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

void render_text(const DiffOptions& options, const Procedure& before, const Procedure& after,
                 const std::vector<ElementChange>& changes, const Impact& impact,
                 std::ostream& out) {
  out << fmt::format("{} {} ({}) → {} {} ({})\n", before.id, before.version, options.before,
                     after.id, after.version, options.after);
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

void write_ending(JsonWriter& json, const ReplayEnding& ending) {
  json.begin_object();
  json.member("status", status_name(ending.status));
  json.key("outcome");
  if (ending.finished()) {
    json.value(ending.outcome);
  } else {
    json.null();
  }
  json.key("actions").begin_array();
  for (const std::string& a : ending.actions) json.value(a);
  json.end_array();
  if (!ending.detail.empty()) json.member("detail", ending.detail);
  json.end_object();
}

void render_json(const DiffOptions& options, const Procedure& before, const Procedure& after,
                 const std::vector<ElementChange>& changes, const Impact& impact,
                 std::ostream& out) {
  JsonWriter json(out, true);
  json.begin_object();
  auto side = [&](const char* name, const Procedure& p, const std::string& file) {
    json.key(name).begin_object();
    json.member("file", file).member("id", p.id).member("version", p.version);
    json.end_object();
  };
  side("old", before, options.before);
  side("new", after, options.after);
  json.key("changes").begin_array();
  for (const ElementChange& change : changes) {
    json.begin_object();
    json.member("element", change.section);
    json.key("id");
    if (change.id.empty()) {
      json.null();
    } else {
      json.value(change.id);
    }
    json.member("change", std::string(change_kind_name(change.kind)));
    json.key("fields").begin_array();
    for (const FieldChange& f : change.fields) {
      json.begin_object();
      json.member("field", f.field);
      json.key("old");
      f.before.empty() ? json.null() : json.value(f.before);
      json.key("new");
      f.after.empty() ? json.null() : json.value(f.after);
      json.end_object();
    }
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("impact").begin_array();
  for (const ImpactItem& item : impact.items) {
    json.begin_object();
    json.member("source", item.source == ImpactItem::Source::Scenario ? "scenario" : "transcript");
    json.member("name", item.name);
    json.member("changed", item.changed);
    json.key("old");
    write_ending(json, item.before);
    json.key("new");
    write_ending(json, item.after);
    json.key("actions_added").begin_array();
    for (const std::string& a : item.actions_added) json.value(a);
    json.end_array();
    json.key("actions_removed").begin_array();
    for (const std::string& a : item.actions_removed) json.value(a);
    json.end_array();
    json.end_object();
  }
  json.end_array();
  json.key("notes").begin_array();
  for (const std::string& note : impact.notes) json.value(note);
  json.end_array();
  json.member("would_change", impact.any_changed());
  json.end_object();
  out << "\n";
}

}  // namespace

int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err) {
  // Each version in its own catalog: they usually share the procedure id.
  auto before = load_version(options.before, options.procedure_dirs, "diff", err);
  if (!before) return kExitUsage;
  auto after = load_version(options.after, options.procedure_dirs, "diff", err);
  if (!after) return kExitUsage;
  if (!options.lang.empty() && (!check_language(*before->procedure, options.lang, "diff", err) ||
                                !check_language(*after->procedure, options.lang, "diff", err))) {
    return kExitUsage;
  }
  std::vector<ElementChange> changes =
      diff_procedures(*before->procedure, *after->procedure, options.lang);
  Impact impact;
  std::string error =
      assess_impact(*before->procedure, *after->procedure, options.transcripts_dir, impact);
  if (!error.empty()) {
    err << "procedura diff: --transcripts: " << error << "\n";
    return kExitUsage;
  }
  if (options.format == DiffFormat::Json) {
    render_json(options, *before->procedure, *after->procedure, changes, impact, out);
  } else {
    VisibleOstream text(out);  // texts and keys from both files, controls shown as escapes
    render_text(options, *before->procedure, *after->procedure, changes, impact, text);
  }
  out.flush();
  return impact.any_changed() ? kExitFindings : kExitOk;
}

}  // namespace procedura
