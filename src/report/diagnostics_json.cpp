#include "report/diagnostics_json.h"

#include "model/source_file.h"
#include "util/json_writer.h"

namespace procedura {
namespace {

void write_position(JsonWriter& json, const Location& where) {
  json.key("file");
  if (where.file != nullptr) {
    json.value(where.file->path());
  } else {
    json.null();
  }
  json.member("line", where.line).member("column", where.column);
}

}  // namespace

void render_diagnostics_json(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
  JsonWriter json(out, /*pretty=*/true);
  json.begin_array();
  for (const Diagnostic& d : diagnostics) {
    json.begin_object();
    write_position(json, d.location);
    json.member("severity", severity_name(d.severity))
        .member("rule", rule_info(d.rule).id)
        .member("message", d.message);
    if (d.end_line != 0) json.member("end_line", d.end_line);
    if (d.end_column != 0) json.member("end_column", d.end_column);
    if (!d.notes.empty()) {
      json.key("notes").begin_array();
      for (const DiagnosticNote& note : d.notes) {
        json.begin_object();
        write_position(json, note.location);
        json.member("message", note.message);
        json.end_object();
      }
      json.end_array();
    }
    json.end_object();
  }
  json.end_array();
}

}  // namespace procedura
