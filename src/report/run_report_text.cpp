// The run report for the operator, made to fit a screen: the outcome sentence, the actions
// grouped by how pressing they are (urgent first), one line each plus one short detail line,
// the notifications as a compact table, and the legal bases once, numbered, at the end.
// Actions, cautions and recipients show their `short` forms unless options.details; the
// full texts are in the Markdown and JSON reports and were shown when urgent ones were reached.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "messages/messages.h"
#include "report/run_report.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura {

using messages::Msg;
using messages::say;

namespace {

// Narrower than this, a recipient's name would break into a word per line.
constexpr size_t kMinRecipientColumn = 16;

class TextReport {
 public:
  TextReport(const engine::Session& session, const RunReportOptions& options, std::ostream& out)
      : session_(session), options_(options), lang_(options.lang), out_(out) {}

  void render() {
    const auto& actions = session_.actions();
    out_ << "\n";
    // Wrapped before emphasis, so that the escapes do not count as columns.
    const std::string heading =
        say(lang_, Msg::ReportHeading) + ": " + session_.procedure().title.in(lang_);
    for (const std::string& line :
         utf8::wrap(heading, options_.width > 0 ? static_cast<size_t>(options_.width) : 0))
      out_ << strong(line) << "\n";
    if (session_.state() == engine::Session::State::Finished) {
      utf8::print_wrapped(out_, say(lang_, Msg::ReportOutcome) + ": ",
                          session_.outcome()->text.in(lang_), options_.width);
    } else {
      utf8::print_wrapped(out_, "", say(lang_, Msg::ReportIncomplete), options_.width);
    }

    order_ = report_order(actions);
    if (actions.empty()) out_ << "\n" << say(lang_, Msg::ReportNoActions) << "\n";
    std::optional<ActionGroup> group;
    for (size_t i = 0; i < order_.size(); ++i) {
      const engine::CollectedAction& collected = actions[order_[i]];
      ActionGroup g = action_group(*collected.action);
      if (g != group) {
        out_ << (group ? "" : "\n") << group_heading(g) << "\n";
        group = g;
      }
      action_line(collected, i + 1);
    }
    cautions();
    notifications();
    legal_bases();
  }

 private:
  std::string strong(std::string_view text) const {
    return options_.colour ? fmt::format("\x1b[1m{}\x1b[0m", text) : std::string(text);
  }

  std::string alarm_heading(const std::string& text) const {
    return options_.colour ? fmt::format("\x1b[1;31m{}\x1b[0m", text) : text;
  }

  std::string group_heading(ActionGroup group) const {
    switch (group) {
      case ActionGroup::Now:
        return alarm_heading(say(lang_, Msg::GroupNow));
      case ActionGroup::Hours:
        return strong(say(lang_, Msg::GroupHours));
      case ActionGroup::Days:
        return strong(say(lang_, Msg::GroupDays));
      case ActionGroup::None:
        return strong(say(lang_, Msg::GroupNone));
    }
    return {};
  }

  // "[1][3]": the numbers of the action's legal bases in the list at the end.
  std::string basis_refs(const Action& action) {
    std::string refs;
    for (const LegalBasis* basis : action.bases) refs += ref_of(basis);
    return refs;
  }

  // "[n]": the basis's number in the list at the end, numbered in order of first mention.
  std::string ref_of(const LegalBasis* basis) {
    auto it = std::find(bases_.begin(), bases_.end(), basis);
    if (it == bases_.end()) it = bases_.insert(bases_.end(), basis);
    return fmt::format("[{}]", it - bases_.begin() + 1);
  }

  void action_line(const engine::CollectedAction& collected, size_t number) {
    const Action& action = *collected.action;
    std::string prefix = fmt::format("{:>3}. [ ] ", number);
    std::string text = with_about(text_of(action).in(lang_), collected.about());
    std::vector<std::string> parts;
    if (action.recipient) parts.push_back(name_of(*action.recipient).in(lang_));
    if (action.channel) parts.push_back(messages::channel_brief(lang_, *action.channel));
    // Under the "now" heading "immediately" would only repeat the heading.
    if (action.deadline && action_group(action) != ActionGroup::Now)
      parts.push_back(messages::deadline_text(lang_, *action.deadline));
    std::string refs = basis_refs(action);
    if (!refs.empty()) parts.push_back(refs);
    if (parts.empty()) {
      utf8::print_wrapped(out_, prefix, text, options_.width);
      return;
    }
    std::string detail = fmt::format("{}", fmt::join(parts, " · "));
    if (options_.width <= 0) {
      utf8::print_wrapped(out_, prefix, text + " — " + detail, options_.width);
      return;
    }
    // The detail follows the text on its last line when it fits there, else it takes the
    // line below: never more than one line of its own.
    const size_t indent = utf8::display_width(prefix);
    const size_t room = static_cast<size_t>(options_.width) > indent + 20
                            ? static_cast<size_t>(options_.width) - indent
                            : 0;
    std::vector<std::string> lines = utf8::wrap(text, room);
    if (lines.empty()) lines.emplace_back();
    std::string joined = lines.back() + " — " + detail;
    if (room == 0 || utf8::display_width(joined) <= room) {
      lines.back() = std::move(joined);
    } else {
      for (std::string& part : utf8::wrap(detail, room)) lines.push_back(std::move(part));
    }
    for (size_t i = 0; i < lines.size(); ++i)
      out_ << (i == 0 ? prefix : std::string(indent, ' ')) << lines[i] << "\n";
  }

  std::string with_about(const std::string& text, const Text* about) const {
    return about ? text + " (" + about->in(lang_) + ")" : text;
  }

  // The prohibitions reached, apart from the actions: what the operator must not do.
  void cautions() {
    const auto& cautions = session_.cautions();
    if (cautions.empty()) return;
    out_ << "\n" << alarm_heading(say(lang_, Msg::CautionHeading)) << "\n";
    for (const engine::CollectedCaution& collected : cautions) {
      const Caution& caution = *collected.caution;
      std::string refs;
      for (const LegalBasis* basis : caution.bases) refs += ref_of(basis);
      std::string text = with_about(text_of(caution).in(lang_), collected.about());
      utf8::print_wrapped(out_, "  - ", refs.empty() ? text : text + " " + refs, options_.width);
    }
  }

  // One row per recipient, channel and deadline, naming the actions by their numbers.
  void notifications() {
    struct Row {
      const Recipient* recipient;
      std::string cells[4];
    };
    std::vector<Row> rows;
    const auto& actions = session_.actions();
    for (size_t i = 0; i < order_.size(); ++i) {
      const Action& action = *actions[order_[i]].action;
      if (action.kind != ActionKind::Notify || !action.recipient) continue;
      std::string channel = action.channel ? messages::channel_text(lang_, *action.channel) : "—";
      std::string deadline =
          action.deadline ? messages::deadline_text(lang_, *action.deadline) : "—";
      auto same = [&](const Row& row) {
        return row.recipient == action.recipient && row.cells[1] == channel &&
               row.cells[2] == deadline;
      };
      auto it = std::find_if(rows.begin(), rows.end(), same);
      if (it == rows.end()) {
        rows.push_back(
            {action.recipient,
             {name_of(*action.recipient).in(lang_), channel, deadline, std::to_string(i + 1)}});
      } else {
        it->cells[3] += ", " + std::to_string(i + 1);
      }
    }
    if (rows.empty()) return;
    // The section's name heads the recipient column: one line less than a title above it.
    out_ << "\n";
    Row heading{nullptr,
                {say(lang_, Msg::ReportNotifications), say(lang_, Msg::TableChannel),
                 say(lang_, Msg::TableDeadline), say(lang_, Msg::TableActions)}};
    size_t widths[4] = {0, 0, 0, 0};
    for (const Row* row : all(heading, rows))
      for (int c = 0; c < 4; ++c)
        widths[c] = std::max(widths[c], utf8::display_width(row->cells[c]));
    // Recipient names are long ("dyrektor szkoły (lub wicedyrektor / …)"): their column
    // takes what the others leave and wraps inside it, so each row stays a row.
    const size_t others = widths[1] + widths[2] + widths[3] + 6;
    if (options_.width > 0) {
      const size_t room =
          static_cast<size_t>(options_.width) - std::min<size_t>(options_.width, 2 + others);
      widths[0] = std::min(widths[0], std::max<size_t>(room, kMinRecipientColumn));
    }
    std::vector<const Recipient*> contacted;
    for (const Row* row : all(heading, rows)) {
      std::vector<std::string> names = utf8::wrap(row->cells[0], widths[0]);
      if (names.empty()) names.emplace_back();
      for (size_t l = 0; l < names.size(); ++l) {
        std::string line = "  " + names[l];
        if (l == 0) {
          line +=
              std::string(widths[0] - std::min(widths[0], utf8::display_width(names[l])) + 2, ' ');
          for (int c = 1; c < 4; ++c) {
            line += row->cells[c];
            if (c < 3) line += std::string(widths[c] - utf8::display_width(row->cells[c]) + 2, ' ');
          }
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out_ << (row->recipient ? line : strong(line)) << "\n";
      }
      if (!row->recipient ||
          std::find(contacted.begin(), contacted.end(), row->recipient) != contacted.end())
        continue;
      contacted.push_back(row->recipient);
      std::string contact = contact_line(options_.directory, row->recipient->id, lang_);
      if (!contact.empty())
        utf8::print_wrapped(out_, "    ", say(lang_, Msg::ReportContact, contact), options_.width);
    }
  }

  template <typename Row>
  static std::vector<const Row*> all(const Row& heading, const std::vector<Row>& rows) {
    std::vector<const Row*> list{&heading};
    for (const Row& row : rows) list.push_back(&row);
    return list;
  }

  // One line each: the citation whole, the title of the act cut to the line ("…") unless
  // options.details; the Markdown and JSON reports carry it whole.
  void legal_bases() {
    if (bases_.empty()) return;
    out_ << "\n" << strong(say(lang_, Msg::ReportBases)) << "\n";
    for (size_t i = 0; i < bases_.size(); ++i) {
      const LegalBasis& basis = *bases_[i];
      std::string prefix = fmt::format("  [{}] ", i + 1);
      std::string text = basis.cite;
      if (basis.text.present) {
        const size_t used = utf8::display_width(prefix) + utf8::display_width(basis.cite) + 3;
        const bool cut = !options_.details && options_.width > 0 &&
                         static_cast<size_t>(options_.width) > used + 12;
        text += " — " + (cut ? utf8::shorten(basis.text.in(lang_), options_.width - used)
                             : basis.text.in(lang_));
      }
      utf8::print_wrapped(out_, prefix, text, options_.width);
    }
  }

  template <typename Item>
  const Text& text_of(const Item& item) const {
    return options_.details ? item.text : item.checklist_text();
  }
  const Text& name_of(const Recipient& recipient) const {
    return options_.details ? recipient.name : recipient.checklist_name();
  }

  const engine::Session& session_;
  const RunReportOptions& options_;
  const std::string& lang_;
  std::ostream& out_;
  std::vector<size_t> order_;
  std::vector<const LegalBasis*> bases_;  // in order of first mention
};

}  // namespace

void render_run_report_text(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out) {
  TextReport(session, options, out).render();
}

}  // namespace procedura
