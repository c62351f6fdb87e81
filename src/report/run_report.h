#pragma once
// The final report of an interview, from a Session: text (the operator's checklist),
// JSON (the shape the issue fixes, for other programs) and Markdown (an official note).
// Answers to `personal: true` questions are left out unless keep_personal.
#include <ctime>
#include <iosfwd>
#include <map>
#include <string>
#include <vector>

#include "engine/session.h"
#include "model/diagnostic.h"

namespace procedura {

// A concrete contact for a recipient id (`--directory FILE`).
struct Contact {
  std::string name, phone, address, hours, email;
};
using ContactDirectory = std::map<std::string, Contact>;

// Reads a directory file: a YAML map recipient id → {name, phone, address, hours, email}.
// Returns false (with `error`) when it cannot be read at all; problems in entries are warnings.
bool load_contact_directory(const std::string& path, ContactDirectory& directory,
                            std::vector<std::string>& warnings, std::string& error);

struct RunReportOptions {
  std::string lang = "pl";
  bool keep_personal = false;
  std::string operator_name;     // Markdown only
  std::time_t now = 0;           // Markdown date and time (local)
  std::string procedure_sha256;  // of the procedure's own file
  const ContactDirectory* directory = nullptr;
  int width = 80;  // text wrapping; 0: none
};

void render_run_report_text(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out);
void render_run_report_json(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out);
void render_run_report_markdown(const engine::Session& session, const RunReportOptions& options,
                                std::ostream& out);

// An answer as the operator reads it: tak/nie, option labels, number with unit, text.
std::string answer_display(const Node& question, const Value& value, std::string_view lang);
// The contact line for a recipient ("name, tel. ..., address, hours: ...", "" when unknown).
std::string contact_line(const ContactDirectory* directory, const std::string& recipient_id,
                         std::string_view lang);

}  // namespace procedura
