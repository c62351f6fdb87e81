// The run report as an official note (notatka służbowa) in Markdown, ready to paste:
// date, time, operator, procedure, answers, actions with check boxes grouped by how pressing
// they are (urgent first, then the order of collection), outcome.
#include <fmt/format.h>

#include <optional>
#include <ostream>

#include "messages/messages.h"
#include "report/run_report.h"
#include "util/visible_text.h"

namespace procedura {

using messages::Msg;
using messages::say;

namespace {

// Markdown text on one line: line breaks become spaces, controls visible escapes, markup
// characters are escaped.
std::string inline_md(std::string_view text) {
  std::string out;
  for (char c : visible_text(text)) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '*' || c == '_' || c == '`' || c == '[' || c == ']' || c == '<' || c == '>' ||
        c == '|' || c == '\\')
      out += '\\';
    out += c;
  }
  return out;
}

std::string group_title(std::string_view lang, ActionGroup group) {
  switch (group) {
    case ActionGroup::Now:
      return say(lang, Msg::GroupNow);
    case ActionGroup::Hours:
      return say(lang, Msg::GroupHours);
    case ActionGroup::Days:
      return say(lang, Msg::GroupDays);
    case ActionGroup::None:
      return say(lang, Msg::GroupNone);
  }
  return {};
}

std::string question_text(const engine::GivenAnswer& answer, std::string_view lang) {
  return answer.place.node->text.in(lang);
}

}  // namespace

void render_run_report_markdown(const engine::Session& session, const RunReportOptions& options,
                                std::ostream& out) {
  const std::string& lang = options.lang;
  const Procedure& procedure = session.procedure();
  std::tm local{};
  localtime_r(&options.now, &local);
  char date[16], time[8];
  std::strftime(date, sizeof date, "%Y-%m-%d", &local);
  std::strftime(time, sizeof time, "%H:%M", &local);
  bool completed = session.state() == engine::Session::State::Finished;

  out << "# " << say(lang, Msg::NoteTitle) << "\n\n";
  out << "- **" << say(lang, Msg::NoteDate) << ":** " << date << "\n";
  out << "- **" << say(lang, Msg::NoteTime) << ":** " << time << "\n";
  if (!options.operator_name.empty()) {
    out << "- **" << say(lang, Msg::NoteOperator) << ":** " << inline_md(options.operator_name)
        << "\n";
  }
  out << "- **" << say(lang, Msg::NoteProcedure) << ":** " << inline_md(procedure.title.in(lang))
      << " (`" << procedure.id << "`, " << say(lang, Msg::NoteVersion, procedure.version) << ")\n";
  out << "- **" << say(lang, Msg::NoteStatus) << ":** "
      << say(lang, completed ? Msg::NoteCompleted : Msg::NoteNotCompleted) << "\n";

  out << "\n## " << say(lang, Msg::ReportAnswers) << "\n\n";
  for (const engine::GivenAnswer& answer : session.answers()) {
    std::string value = answer.personal && !options.keep_personal
                            ? say(lang, Msg::ReportPersonalOmitted)
                            : answer_display(*answer.place.node, answer.value, lang);
    out << "- " << inline_md(question_text(answer, lang)) << " — **" << inline_md(value) << "**\n";
  }

  out << "\n## " << say(lang, Msg::NoteActions) << "\n";
  if (session.actions().empty()) out << "\n" << say(lang, Msg::ReportNoActions) << "\n";
  std::optional<ActionGroup> group;
  for (size_t index : report_order(session.actions())) {
    const engine::CollectedAction& collected = session.actions()[index];
    const Action& action = *collected.action;
    if (action_group(action) != group) {
      group = action_group(action);
      out << "\n### " << group_title(lang, *group) << "\n\n";
    }
    std::vector<std::string> parts;
    if (action.recipient) {
      std::string who = action.recipient->name.in(lang);
      std::string contact = contact_line(options.directory, action.recipient->id, lang);
      if (!contact.empty()) who += " (" + contact + ")";
      parts.push_back(who);
    }
    if (action.deadline)
      parts.push_back(
          say(lang, Msg::ReportDeadline, messages::deadline_text(lang, *action.deadline)));
    if (action.channel)
      parts.push_back(say(lang, Msg::ReportChannel, messages::channel_text(lang, *action.channel)));
    if (!action.bases.empty()) {
      parts.push_back(say(lang, Msg::ReportBasis, joined_cites(action.bases)));
    }
    out << "- [ ] " << inline_md(action.text.in(lang));
    if (const Text* about = collected.about()) out << " (" << inline_md(about->in(lang)) << ")";
    if (!parts.empty()) out << " — " << inline_md(fmt::format("{}", fmt::join(parts, "; ")));
    out << "\n";
  }
  if (!session.cautions().empty()) {
    out << "\n## " << say(lang, Msg::CautionHeading) << "\n\n";
    for (const engine::CollectedCaution& collected : session.cautions()) {
      const Caution& caution = *collected.caution;
      out << "- " << inline_md(caution.text.in(lang));
      if (const Text* about = collected.about()) out << " (" << inline_md(about->in(lang)) << ")";
      if (!caution.bases.empty()) {
        out << " — " << inline_md(say(lang, Msg::ReportBasis, joined_cites(caution.bases)));
      }
      out << "\n";
    }
  }
  if (completed) {
    const Node& outcome = *session.outcome();
    out << "\n## " << say(lang, Msg::ReportOutcome) << "\n\n" << inline_md(outcome.text.in(lang));
    if (!outcome.bases().empty()) {
      out << " — " << inline_md(say(lang, Msg::ReportBasis, joined_cites(outcome.bases())));
    }
    out << "\n";
    if (outcome.help().present) out << "\n" << inline_md(outcome.help().in(lang)) << "\n";
  }
}

}  // namespace procedura
