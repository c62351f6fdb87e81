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
#include "util/text.h"
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
    order_ = report_order(actions);
    cautions_ = cautions_in_order();
    number_bases();
    if (session_.state() == engine::Session::State::Finished) {
      const Node& outcome = *session_.outcome();
      std::string refs;
      for (const LegalBasis* basis : outcome.bases()) refs += ref_of(basis);
      const std::string text = outcome.text.in(lang_);
      utf8::print_wrapped(out_, say(lang_, Msg::ReportOutcome) + ": ",
                          refs.empty() ? text : text + " " + refs, options_.width);
      // The outcome's help is shown on request, as a question's is at `?`: here --details.
      if (options_.details && outcome.help().present)
        utf8::print_wrapped(out_, "  ", outcome.help().in(lang_), options_.width);
    } else {
      utf8::print_wrapped(out_, "", say(lang_, Msg::ReportIncomplete), options_.width);
    }

    if (actions.empty()) out_ << "\n" << say(lang_, Msg::ReportNoActions) << "\n";
    std::optional<ActionGroup> group;
    const Text* about = nullptr;
    for (size_t i = 0; i < order_.size(); ++i) {
      const engine::CollectedAction& collected = actions[order_[i]];
      ActionGroup g = action_group(*collected.action);
      if (g != group) {
        out_ << (group ? "" : "\n") << group_heading(g) << "\n";
        group = g;
        about = nullptr;
      }
      if (!same_label(about, collected.about())) {
        about = collected.about();
        about_heading(about);
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

  // "[n]": the basis's number in the list at the end.
  std::string ref_of(const LegalBasis* basis) const {
    auto it = std::find(bases_.begin(), bases_.end(), basis);
    return fmt::format("[{}]", it - bases_.begin() + 1);
  }

  // The bases are numbered in order of first mention (the outcome's, the actions in report
  // order, then the cautions), except that the provisions of one act follow each other, so that the
  // list at the end names each act once, after its provisions.
  void number_bases() {
    std::vector<const LegalBasis*> mentioned;
    auto mention = [&](const std::vector<const LegalBasis*>& bases) {
      for (const LegalBasis* basis : bases)
        if (std::find(mentioned.begin(), mentioned.end(), basis) == mentioned.end())
          mentioned.push_back(basis);
    };
    if (session_.state() == engine::Session::State::Finished) mention(session_.outcome()->bases());
    for (size_t index : order_) mention(session_.actions()[index].action->bases);
    for (const engine::CollectedCaution* collected : cautions_) mention(collected->caution->bases);
    std::vector<std::string> acts;
    for (const LegalBasis* basis : mentioned) acts.push_back(act_of(*basis));
    std::vector<bool> placed(mentioned.size(), false);
    for (size_t i = 0; i < mentioned.size(); ++i) {
      for (size_t j = i; j < mentioned.size(); ++j) {
        if (placed[j] || (j != i && (acts[i].empty() || acts[j] != acts[i]))) continue;
        placed[j] = true;
        bases_.push_back(mentioned[j]);
        acts_.push_back(acts[j]);
      }
    }
  }

  // The title of a basis's act: its `text` up to the first ", ", "; " or " (", where the
  // notes on one provision begin ("…, stan prawny 2025; § 2a w mocy od…"); the whole text
  // with options.details, so that no note is lost there.
  std::string act_of(const LegalBasis& basis) const {
    if (!basis.text.present) return {};
    std::string title = basis.text.in(lang_);
    if (options_.details) return title;
    size_t cut = title.size();
    for (std::string_view mark : {", ", "; ", " ("}) cut = std::min(cut, title.find(mark));
    // A title that only repeats the citation ("statut szkoły") keeps what follows it.
    if (cut == 0 || cut == title.size() ||
        text::fold_case(title.substr(0, cut)) == text::fold_case(basis.cite))
      return title;
    return title.substr(0, cut);
  }

  void action_line(const engine::CollectedAction& collected, size_t number) {
    const Action& action = *collected.action;
    std::string prefix = fmt::format("{:>3}. [ ] ", number);
    std::string text = text_of(action).in(lang_);
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

  // Whom the actions below concern: the `about` label of the call they were collected in,
  // once per run of such actions within a group rather than beside each one, where it would
  // push most lines onto two; "other" marks a return to the procedure's own actions.
  void about_heading(const Text* about) {
    label_heading(about ? about->in(lang_) : say(lang_, Msg::ReportGeneralActions));
  }

  // A call's `about` label over the lines collected inside the call.
  void label_heading(const std::string& label) {
    // Wrapped before emphasis, so that the escapes do not count as columns.
    for (const std::string& line : utf8::wrap(label + ":", room_for(2)))
      out_ << "  " << strong(line) << "\n";
  }

  // The cautions in the order they are listed: those of the procedure itself first, then
  // those of each call's `about` label, in order of first collection.
  std::vector<const engine::CollectedCaution*> cautions_in_order() const {
    std::vector<const Text*> labels{nullptr};
    for (const engine::CollectedCaution& collected : session_.cautions())
      if (std::find_if(labels.begin(), labels.end(), [&](const Text* label) {
            return same_label(label, collected.about());
          }) == labels.end())
        labels.push_back(collected.about());
    std::vector<const engine::CollectedCaution*> ordered;
    for (const Text* label : labels)
      for (const engine::CollectedCaution& collected : session_.cautions())
        if (same_label(label, collected.about())) ordered.push_back(&collected);
    return ordered;
  }

  bool same_label(const Text* a, const Text* b) const {
    return a == b || (a && b && a->in(lang_) == b->in(lang_));
  }

  // The prohibitions reached, apart from the actions: what the operator must not do. The
  // `about` label heads the cautions collected inside a call, once, instead of being repeated
  // beside each: a prohibition must be read in one glance, not over two lines.
  void cautions() {
    if (cautions_.empty()) return;
    out_ << "\n" << alarm_heading(say(lang_, Msg::CautionHeading)) << "\n";
    const Text* label = nullptr;
    for (const engine::CollectedCaution* collected : cautions_) {
      if (!same_label(label, collected->about())) {
        label = collected->about();
        label_heading(label->in(lang_));
      }
      const Caution& caution = *collected->caution;
      std::string refs;
      for (const LegalBasis* basis : caution.bases) refs += ref_of(basis);
      const std::string text = text_of(caution).in(lang_);
      utf8::print_wrapped(out_, "  - ", refs.empty() ? text : text + " " + refs, options_.width);
    }
  }

  // One row per recipient: whom to contact is what the table answers. The row names every
  // channel used and the most pressing deadline (the report's order puts it first); the
  // action numbers lead to the rest.
  void notifications() {
    struct Row {
      const Recipient* recipient;
      std::string cells[4];
      std::vector<std::string> channels;
    };
    std::vector<Row> rows;
    const auto& actions = session_.actions();
    for (size_t i = 0; i < order_.size(); ++i) {
      const Action& action = *actions[order_[i]].action;
      if (action.kind != ActionKind::Notify || !action.recipient) continue;
      auto it = std::find_if(rows.begin(), rows.end(),
                             [&](const Row& row) { return row.recipient == action.recipient; });
      if (it == rows.end()) {
        std::string deadline =
            action.deadline ? messages::deadline_text(lang_, *action.deadline) : "—";
        rows.push_back({action.recipient,
                        {name_of(*action.recipient).in(lang_), "", deadline, std::to_string(i + 1)},
                        {}});
        it = rows.end() - 1;
      } else {
        it->cells[3] += ", " + std::to_string(i + 1);
      }
      if (action.channel) {
        std::string channel = messages::channel_text(lang_, *action.channel);
        if (std::find(it->channels.begin(), it->channels.end(), channel) == it->channels.end())
          it->channels.push_back(channel);
      }
    }
    for (Row& row : rows)
      row.cells[1] = row.channels.empty() ? "—" : fmt::format("{}", fmt::join(row.channels, ", "));
    if (rows.empty()) return;
    // The section's name heads the recipient column: one line less than a title above it.
    out_ << "\n";
    Row heading{nullptr,
                {say(lang_, Msg::ReportNotifications), say(lang_, Msg::TableChannel),
                 say(lang_, Msg::TableDeadline), say(lang_, Msg::TableActions)},
                {}};
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

  // One entry per act: its provisions' citations whole ("[3] art. 4 ust. 1 · [4] art. 9"),
  // then the title of the act, cut to the line ("…") unless options.details; the Markdown
  // and JSON reports carry it whole.
  void legal_bases() {
    if (bases_.empty()) return;
    out_ << "\n" << strong(say(lang_, Msg::ReportBases)) << "\n";
    for (size_t i = 0; i < bases_.size();) {
      size_t end = i + 1;
      const std::string& act = acts_[i];
      while (end < bases_.size() && !act.empty() && acts_[end] == act) ++end;
      std::vector<std::string> cites;
      const std::string_view shared = options_.details ? "" : shared_abbreviation(i, end);
      for (size_t k = i; k < end; ++k) {
        std::string_view cite = bases_[k]->cite;
        if (k + 1 < end && !shared.empty()) cite.remove_suffix(shared.size() + 1);
        cites.push_back(fmt::format("[{}] {}", k + 1, cite));
      }
      std::vector<std::string> lines = pack(cites, " · ", room_for(2));
      if (!act.empty()) {
        const size_t used = (lines.size() == 1 ? 2 : 4) + utf8::display_width(lines.back()) + 3;
        const bool cut = !options_.details && options_.width > 0 &&
                         static_cast<size_t>(options_.width) >= used + 12;
        if (cut) {
          lines.back() += " — " + utf8::shorten(act, options_.width - used);
        } else {
          const std::string last = lines.back() + " — " + act;
          lines.pop_back();
          for (std::string& line : utf8::wrap(last, room_for(2))) lines.push_back(std::move(line));
        }
      }
      for (size_t l = 0; l < lines.size(); ++l)
        out_ << (l == 0 ? "  " : "    ") << lines[l] << "\n";
      i = end;
    }
  }

  // The act's abbreviation that ends every citation of bases_[begin, end) ("k.p.k."): a word
  // with two dots or more, so "r." of a date is never taken. The list then names it once, at
  // its last provision, as citations do ("art. 304 · art. 185a k.p.k."); "" when none.
  std::string_view shared_abbreviation(size_t begin, size_t end) const {
    if (end - begin < 2) return {};
    std::string_view first = bases_[begin]->cite;
    const size_t space = first.rfind(' ');
    if (space == std::string_view::npos) return {};
    std::string_view word = first.substr(space + 1);
    if (std::count(word.begin(), word.end(), '.') < 2) return {};
    for (size_t k = begin + 1; k < end; ++k) {
      std::string_view cite = bases_[k]->cite;
      if (!cite.ends_with(first.substr(space))) return {};  // " k.p.k.", space included
    }
    return word;
  }

  // The items joined by the separator into lines of at most `room` columns (0: one line),
  // breaking only between items; an item wider than a line is wrapped on its own.
  static std::vector<std::string> pack(const std::vector<std::string>& items,
                                       std::string_view separator, size_t room) {
    std::vector<std::string> lines{std::string()};
    for (const std::string& item : items) {
      std::string joined =
          lines.back().empty() ? item : lines.back() + std::string(separator) + item;
      if (room == 0 || utf8::display_width(joined) <= room) {
        lines.back() = std::move(joined);
        continue;
      }
      if (lines.back().empty()) lines.pop_back();
      for (std::string& part : utf8::wrap(item, room)) lines.push_back(std::move(part));
    }
    return lines;
  }

  // Columns left for text after an indent (0: no wrapping).
  size_t room_for(size_t indent) const {
    return options_.width > 0 && static_cast<size_t>(options_.width) > indent + 20
               ? static_cast<size_t>(options_.width) - indent - 2
               : 0;
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
  std::vector<const engine::CollectedCaution*> cautions_;  // in the order they are listed
  std::vector<const LegalBasis*> bases_;  // numbered: first mention, one act's together
  std::vector<std::string> acts_;         // the act of each of bases_ ("" when none)
};

}  // namespace

void render_run_report_text(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out) {
  TextReport(session, options, out).render();
}

}  // namespace procedura
