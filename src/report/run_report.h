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
  int width = 80;        // text wrapping; 0: none
  bool colour = false;   // text: emphasis with terminal escapes
  bool details = false;  // text: full texts instead of `short` forms, titles of acts uncut
};

// The report's groups of actions, most pressing first: urgent (`deadline: immediately`),
// within hours, within days, without a deadline. Inside a group, the order of collection.
enum class ActionGroup { Now, Hours, Days, None };
ActionGroup action_group(const Action& action);
// "now", "hours", "days", "none" (the JSON report's `group`).
std::string_view action_group_name(ActionGroup group);
// Indexes into session.actions() in report order: by group, then order of collection.
std::vector<size_t> report_order(const std::vector<engine::CollectedAction>& actions);

void render_run_report_text(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out);
void render_run_report_json(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out);
void render_run_report_markdown(const engine::Session& session, const RunReportOptions& options,
                                std::ostream& out);

// An answer as the operator reads it: tak/nie, option labels, number with unit, text.
std::string answer_display(const Node& question, const Value& value, std::string_view lang);
// "name, tel. ..." of a recipient for an urgent action ("" when unknown or without a phone).
std::string contact_phone(const ContactDirectory* directory, const std::string& recipient_id,
                          std::string_view lang);
// An action to do at once (`deadline: immediately`): shown as soon as it is reached and
// listed first in the reports.
bool is_urgent(const Action& action);
// The contact line for a recipient ("name, tel. ..., address, hours: ...", "" when unknown).
std::string contact_line(const ContactDirectory* directory, const std::string& recipient_id,
                         std::string_view lang);

}  // namespace procedura
