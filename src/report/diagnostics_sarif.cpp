#include "report/diagnostics_sarif.h"

#include <cctype>

#include "model/source_file.h"
#include "report/rule_docs.h"
#include "report/uri.h"
#include "util/json_writer.h"

namespace procedura {
namespace {

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";

std::string_view level(Severity severity) {
  return severity == Severity::Error ? "error" : "warning";
}

// Joins the hard-wrapped lines of Markdown paragraphs: SARIF viewers wrap plain text
// themselves, and would otherwise show the source line breaks.
std::string unwrap_paragraphs(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    bool single_break = text[i] == '\n' && (i + 1 == text.size() || text[i + 1] != '\n') &&
                        (i == 0 || text[i - 1] != '\n');
    out.push_back(single_break ? ' ' : text[i]);
  }
  return out;
}

void write_rule(JsonWriter& json, const RuleInfo& info) {
  std::optional<std::string_view> page = rule_doc(info.id);
  std::string_view checks = page ? rule_doc_section(*page, "What it checks") : "";
  std::string full = checks.empty() ? std::string(info.summary) : unwrap_paragraphs(checks);
  std::string help = full + "\n\nRun `procedura explain " + std::string(info.id) +
                     "` for examples and how to suppress it.";
  json.begin_object();
  json.member("id", info.id).member("name", pascal_case(info.id));
  json.key("shortDescription").begin_object().member("text", info.summary).end_object();
  json.key("fullDescription").begin_object().member("text", full).end_object();
  json.key("help").begin_object().member("text", help);
  if (page) json.member("markdown", *page);
  json.end_object();
  json.key("defaultConfiguration").begin_object();
  json.member("level", level(info.default_severity)).end_object();
  json.end_object();
}

// A physicalLocation; a whole-file location (line 0) points at line 1, since SARIF
// regions need a start line.
void write_physical_location(JsonWriter& json, const Location& where, uint32_t end_line,
                             uint32_t end_column) {
  json.key("physicalLocation").begin_object();
  json.key("artifactLocation").begin_object();
  json.member("uri", path_to_uri(where.file->path())).end_object();
  json.key("region").begin_object();
  json.member("startLine", where.line == 0 ? 1u : where.line);
  if (where.line != 0 && where.column != 0) json.member("startColumn", where.column);
  if (where.line != 0 && (end_line != 0 || end_column != 0)) {
    json.member("endLine", end_line != 0 ? end_line : where.line);
    if (end_column != 0) json.member("endColumn", end_column);
  }
  json.end_object();
  json.end_object();
}

void write_result(JsonWriter& json, const Diagnostic& d) {
  std::string text = d.message;
  for (const DiagnosticNote& note : d.notes) {
    if (note.location.file == nullptr) text += "\nnote: " + note.message;
  }
  json.begin_object();
  json.member("ruleId", rule_info(d.rule).id)
      .member("ruleIndex", static_cast<uint64_t>(d.rule))
      .member("level", level(d.severity));
  json.key("message").begin_object().member("text", text).end_object();
  if (d.location.file != nullptr) {
    json.key("locations").begin_array().begin_object();
    write_physical_location(json, d.location, d.end_line, d.end_column);
    json.end_object().end_array();
  }
  bool has_related = false;
  for (const DiagnosticNote& note : d.notes) has_related |= note.location.file != nullptr;
  if (has_related) {
    json.key("relatedLocations").begin_array();
    uint64_t id = 0;
    for (const DiagnosticNote& note : d.notes) {
      if (note.location.file == nullptr) continue;
      json.begin_object().member("id", id++);
      write_physical_location(json, note.location, 0, 0);
      json.key("message").begin_object().member("text", note.message).end_object();
      json.end_object();
    }
    json.end_array();
  }
  json.end_object();
}

}  // namespace

std::string pascal_case(std::string_view rule_id) {
  std::string name;
  bool upper = true;
  for (char c : rule_id) {
    if (c == '-' || c == '_') {
      upper = true;
      continue;
    }
    name.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return name;
}

void render_diagnostics_sarif(const std::vector<Diagnostic>& diagnostics, std::ostream& out,
                              const SarifOptions& options) {
  JsonWriter json(out, /*pretty=*/true);
  json.begin_object();
  json.member("$schema", kSchema).member("version", "2.1.0");
  json.key("runs").begin_array().begin_object();

  json.key("tool").begin_object().key("driver").begin_object();
  json.member("name", "procedura").member("version", options.tool_version);
  if (!options.information_uri.empty()) json.member("informationUri", options.information_uri);
  json.key("rules").begin_array();
  for (const RuleInfo& info : all_rules()) write_rule(json, info);
  json.end_array();
  json.end_object().end_object();

  json.member("columnKind", "unicodeCodePoints");
  json.key("results").begin_array();
  for (const Diagnostic& d : diagnostics) write_result(json, d);
  json.end_array();

  json.end_object().end_array();
  json.end_object();
}

}  // namespace procedura
