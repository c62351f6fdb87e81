// The run report for the operator: outcome, the ordered checklist, notifications grouped
// by recipient with deadline, channel, legal basis and (with --directory) the contact.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "interview/messages.h"
#include "report/run_report.h"
#include "util/utf8.h"

namespace procedura {

using interview::Msg;
using interview::say;

namespace {

// Prints `text` wrapped to the width, the first line after `first`, the rest indented to match.
void print_wrapped(std::ostream& out, std::string_view first, std::string_view text, int width) {
  size_t indent = utf8::display_width(first);
  size_t available = width > 0 && static_cast<size_t>(width) > indent + 20
                         ? static_cast<size_t>(width) - indent
                         : 0;
  std::vector<std::string> lines = utf8::wrap(text, available);
  if (lines.empty()) lines.emplace_back();
  out << first << lines[0] << "\n";
  for (size_t i = 1; i < lines.size(); ++i) out << std::string(indent, ' ') << lines[i] << "\n";
}

std::string details(const Action& action, std::string_view lang) {
  std::vector<std::string> parts;
  if (action.deadline)
    parts.push_back(
        say(lang, Msg::ReportDeadline, interview::deadline_text(lang, *action.deadline)));
  if (action.channel)
    parts.push_back(say(lang, Msg::ReportChannel, interview::channel_text(lang, *action.channel)));
  if (!action.bases.empty()) {
    std::vector<std::string> cites;
    for (const LegalBasis* basis : action.bases) cites.push_back(basis->cite);
    parts.push_back(say(lang, Msg::ReportBasis, fmt::join(cites, "; ")));
  }
  return fmt::format("{}", fmt::join(parts, " · "));
}

}  // namespace

void render_run_report_text(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out) {
  const std::string& lang = options.lang;
  const int width = options.width;
  const auto& actions = session.actions();
  out << "\n"
      << say(lang, Msg::ReportHeading) << ": " << session.procedure().title.in(lang) << "\n";
  bool completed = session.state() == engine::Session::State::Finished;
  if (!completed) print_wrapped(out, "", say(lang, Msg::ReportIncomplete), width);
  if (completed) {
    out << "\n" << say(lang, Msg::ReportOutcome) << "\n";
    print_wrapped(out, "  ", session.outcome()->text.in(lang), width);
  }

  out << "\n" << say(lang, Msg::ReportChecklist) << "\n";
  if (actions.empty()) out << "  " << say(lang, Msg::ReportNoActions) << "\n";
  int number = 0;
  for (const engine::CollectedAction& collected : actions) {
    const Action& action = *collected.action;
    std::string prefix = fmt::format("{:>3}. [ ] ", ++number);
    print_wrapped(out, prefix, action.text.in(lang), width);
    std::string more = details(action, lang);
    if (!more.empty())
      print_wrapped(out, std::string(utf8::display_width(prefix), ' '), more, width);
  }

  // Recipients in order of their first notification.
  std::vector<const Recipient*> recipients;
  for (const engine::CollectedAction& collected : actions) {
    const Recipient* r = collected.action->recipient;
    if (collected.action->kind == ActionKind::Notify && r &&
        std::find(recipients.begin(), recipients.end(), r) == recipients.end()) {
      recipients.push_back(r);
    }
  }
  if (!recipients.empty()) out << "\n" << say(lang, Msg::ReportNotifications) << "\n";
  for (const Recipient* recipient : recipients) {
    print_wrapped(out, "  ", recipient->name.in(lang), width);
    std::string contact = contact_line(options.directory, recipient->id, lang);
    if (!contact.empty()) print_wrapped(out, "    ", say(lang, Msg::ReportContact, contact), width);
    for (const engine::CollectedAction& collected : actions) {
      const Action& action = *collected.action;
      if (action.recipient != recipient || action.kind != ActionKind::Notify) continue;
      print_wrapped(out, "    - ", action.text.in(lang), width);
      std::string more = details(action, lang);
      if (!more.empty()) print_wrapped(out, "      ", more, width);
    }
  }
}

}  // namespace procedura
