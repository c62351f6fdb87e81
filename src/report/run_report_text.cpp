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
  if (!completed) utf8::print_wrapped(out, "", say(lang, Msg::ReportIncomplete), width);
  if (completed) {
    out << "\n" << say(lang, Msg::ReportOutcome) << "\n";
    utf8::print_wrapped(out, "  ", session.outcome()->text.in(lang), width);
  }

  out << "\n" << say(lang, Msg::ReportChecklist) << "\n";
  if (actions.empty()) out << "  " << say(lang, Msg::ReportNoActions) << "\n";
  int number = 0;
  for (const engine::CollectedAction& collected : actions) {
    const Action& action = *collected.action;
    std::string prefix = fmt::format("{:>3}. [ ] ", ++number);
    utf8::print_wrapped(out, prefix, action.text.in(lang), width);
    std::string more = details(action, lang);
    if (!more.empty())
      utf8::print_wrapped(out, std::string(utf8::display_width(prefix), ' '), more, width);
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
    utf8::print_wrapped(out, "  ", recipient->name.in(lang), width);
    std::string contact = contact_line(options.directory, recipient->id, lang);
    if (!contact.empty())
      utf8::print_wrapped(out, "    ", say(lang, Msg::ReportContact, contact), width);
    for (const engine::CollectedAction& collected : actions) {
      const Action& action = *collected.action;
      if (action.recipient != recipient || action.kind != ActionKind::Notify) continue;
      utf8::print_wrapped(out, "    - ", action.text.in(lang), width);
      std::string more = details(action, lang);
      if (!more.empty()) utf8::print_wrapped(out, "      ", more, width);
    }
  }
}

}  // namespace procedura
