// `procedura diff` as JSON: both versions, the changes, the impact of each replay.
#include <ostream>

#include "report/diff_report.h"
#include "util/json_writer.h"

namespace procedura {
namespace {

void write_ending(JsonWriter& json, const ReplayEnding& ending) {
  json.begin_object();
  json.member("status", replay_status_name(ending.status));
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

}  // namespace

void render_diff_json(const DiffResult& diff, std::ostream& out) {
  JsonWriter json(out, true);
  json.begin_object();
  auto side = [&](const char* name, const Procedure& p, const std::string& file) {
    json.key(name).begin_object();
    json.member("file", file).member("id", p.id).member("version", p.version);
    json.end_object();
  };
  side("old", *diff.before, diff.before_file);
  side("new", *diff.after, diff.after_file);
  json.key("changes").begin_array();
  for (const ElementChange& change : diff.changes) {
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
  for (const ImpactItem& item : diff.impact.items) {
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
  for (const std::string& note : diff.impact.notes) json.value(note);
  json.end_array();
  json.member("would_change", diff.impact.any_changed());
  json.end_object();
  out << "\n";
}

}  // namespace procedura
