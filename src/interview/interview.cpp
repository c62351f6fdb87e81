#include "interview/interview.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>

#include "engine/yes_no_words.h"
#include "interview/input.h"
#include "interview/menu.h"
#include "messages/messages.h"
#include "model/source_file.h"
#include "report/run_report.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura::interview {

using messages::Msg;
using messages::say;
namespace {

std::string wrapped(std::string_view text, int width, std::string_view indent = "") {
  size_t room = width > 0 && static_cast<size_t>(width) > indent.size() + 20
                    ? static_cast<size_t>(width) - indent.size()
                    : 0;
  std::string out;
  for (const std::string& line : utf8::wrap(visible_text(text), room))
    out += std::string(indent) + line + "\n";
  return out;
}

// Where an answers-file answer went wrong, as `file:line:column`: the value at fault (the
// one the error quotes, else the only one), else the key; the key's name without a file.
std::string answer_position(const Answer& answer, const engine::AnswerError& error) {
  Location at = answer.location;
  for (size_t i = 0; i < answer.values.size() && i < answer.value_locations.size(); ++i)
    if (answer.values.size() == 1 || answer.values[i] == error.detail) {
      at = answer.value_locations[i];
      break;
    }
  if (!at.file) return answer.var;
  return fmt::format("{}:{}:{}", at.file->path(), at.line, at.column);
}

class Interview {
 public:
  Interview(engine::Session& session, Terminal& terminal, const InterviewOptions& options)
      : session_(session),
        terminal_(terminal),
        options_(options),
        lang_(options.lang),
        shown_path_(0),  // the steps before the first question are instructions too
        announce_(options.replay.empty() && (!options.scripted || options.ask_missing)),
        hold_for_operator_(options.replay.empty() && options.scripted && options.ask_missing) {}

  InterviewResult run() {
    show_reached();
    while (session_.state() == engine::Session::State::Question) {
      std::optional<InterviewResult> stop = next();
      if (stop) return *stop;
      show_reached();
      if (!output_ok_) return {InterviewResult::End::OutputClosed, {}};
    }
    show_steps();  // steps an answers file passed after the operator's last question
    if (session_.state() == engine::Session::State::Error) {
      return {InterviewResult::End::RuntimeError, say(lang_, Msg::RuntimeError, session_.error())};
    }
    return {InterviewResult::End::Completed, {}};
  }

 private:
  using End = InterviewResult::End;

  void print(std::string_view text) { output_ok_ = terminal_.write(text) && output_ok_; }

  std::string bold(std::string_view text) const {
    std::string shown = visible_text(text);
    return terminal_.colour() ? fmt::format("\x1b[1m{}\x1b[0m", shown) : shown;
  }
  std::string alarm(std::string_view text) const {
    return terminal_.colour() ? fmt::format("\x1b[1;31m{}\x1b[0m", text) : std::string(text);
  }
  std::string echo_colour(std::string_view text) const {
    return terminal_.colour() ? fmt::format("\x1b[36m{}\x1b[0m", text) : std::string(text);
  }

  // What the last answer (or the start) reached: urgent actions first, then the steps.
  // Answers replayed from a transcript were seen before, and a whole run from an answers
  // file is read by nobody: only the operator's own answers get the urgent block. When an
  // answers file leaves a question to the operator, what its answers reached is held and
  // shown before that question (show_held).
  void show_reached() {
    if (shown_actions_ > session_.actions().size()) shown_actions_ = session_.actions().size();
    if (shown_cautions_ > session_.cautions().size()) shown_cautions_ = session_.cautions().size();
    if (announce_) {
      show_urgent();
      show_cautions();
    }
    if (announce_ || !hold_for_operator_) {
      shown_actions_ = session_.actions().size();
      shown_cautions_ = session_.cautions().size();
      show_steps();
    }
  }

  // The urgent actions and prohibitions reached by answers the operator did not type, shown
  // once the operator is asked: they are now the operator's to carry out.
  void show_held() {
    show_urgent();
    show_cautions();
    shown_actions_ = session_.actions().size();
    shown_cautions_ = session_.cautions().size();
    show_steps();  // held too, so that the urgent block comes first as it always does
  }

  // The urgent actions collected since the last look, as one block before anything else.
  void show_urgent() {
    std::vector<std::string> lines;
    const auto& actions = session_.actions();
    for (size_t i = shown_actions_; i < actions.size(); ++i) {
      const Action& action = *actions[i].action;
      if (!action.urgent()) continue;
      std::string line = action.text.in(lang_);
      if (const Text* about = actions[i].about()) line += " (" + about->in(lang_) + ")";
      if (action.recipient) {
        std::string phone = contact_phone(options_.directory, action.recipient->id, lang_);
        if (!phone.empty()) line += " (" + phone + ")";
      }
      lines.push_back(line);
    }
    show_block(say(lang_, Msg::UrgentHeading), lines);
  }

  // The prohibitions and warnings reached since the last look, right after the urgent block.
  void show_cautions() {
    std::vector<std::string> lines;
    const auto& cautions = session_.cautions();
    for (size_t i = shown_cautions_; i < cautions.size(); ++i) {
      std::string line = cautions[i].caution->text.in(lang_);
      if (const Text* about = cautions[i].about()) line += " (" + about->in(lang_) + ")";
      lines.push_back(line);
    }
    show_block(say(lang_, Msg::CautionHeading), lines);
  }

  // A block headed `head`: bold red lines at a colour terminal, else `HEAD: line` each.
  void show_block(const std::string& head, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    int width = terminal_.width();
    if (terminal_.colour()) {
      print("\n" + alarm(head) + "\n");
      for (const std::string& line : lines) {
        std::string text = wrapped(line, width, "    ");
        print(alarm("  ! ") + bold(text.substr(4, text.size() - 5)) + "\n");
      }
    } else {
      print("\n");
      std::string indent(utf8::display_width(head) + 2, ' ');
      for (const std::string& line : lines)
        print(wrapped(line, width, indent).replace(0, indent.size(), head + ": "));
    }
  }

  // Steps passed since the last look at the path are instructions for the operator.
  void show_steps() {
    const auto& path = session_.path();
    if (shown_path_ > path.size()) shown_path_ = path.size();
    for (; shown_path_ < path.size(); ++shown_path_) {
      const Node& node = *path[shown_path_].place.node;
      if (node.kind != NodeKind::Step) continue;
      print("\n" + wrapped(say(lang_, Msg::Step, node.text.in(lang_)), terminal_.width()));
      if (!node.bases().empty())
        print(wrapped(say(lang_, Msg::LegalBasis, joined_cites(node.bases())), terminal_.width()));
    }
  }

  std::optional<InterviewResult> record(const std::function<std::string()>& write) {
    if (!options_.transcript) return std::nullopt;
    std::string error = write();
    if (error.empty()) return std::nullopt;
    return InterviewResult{End::TranscriptError, say(lang_, Msg::TranscriptFailed, error)};
  }

  std::optional<InterviewResult> give(const Value& value, bool echo = false) {
    session_.answer(value);
    if (echo) {
      const engine::GivenAnswer& given = session_.answers().back();
      std::string echo =
          wrapped(answer_display(*given.place.node, given.value, lang_), terminal_.width(), "  ")
              .replace(0, 2, "→ ");
      if (!echo.empty()) echo.pop_back();
      print(echo_colour(echo) + "\n");
    }
    const engine::GivenAnswer& given = session_.answers().back();
    return record([&] { return options_.transcript->answer(given, options_.keep_personal); });
  }

  std::optional<InterviewResult> next() {
    const engine::Question& question = *session_.question();
    bool ask_again_note = false;
    announce_ = false;
    if (replayed_ < options_.replay.size()) {
      const TranscriptRecord& record = options_.replay[replayed_++];
      if (record.key != question.key) {
        return InterviewResult{
            End::ReplayMismatch,
            fmt::format("the transcript answers '{}' where the procedure asks '{}'", record.key,
                        question.key)};
      }
      if (!record.withheld) {
        if (auto error = session_.answer_written(record.values, record.is_list)) {
          return InterviewResult{End::ReplayMismatch,
                                 fmt::format("the transcript's answer to '{}' is not valid: {}",
                                             record.key, explain_answer_error(*error, lang_))};
        }
        return std::nullopt;
      }
      ask_again_note = true;
    } else if (options_.scripted && !overridden(question.key)) {
      engine::ScriptedAnswers script(*options_.scripted);
      engine::FeedResult prepared = script.prepare(session_);
      switch (prepared.stop) {
        case engine::FeedResult::Stop::Ready:
          return give(*prepared.value);
        case engine::FeedResult::Stop::InvalidAnswer: {
          const Answer& a = *prepared.answer;
          const std::string where = answer_position(a, *prepared.error);
          return InterviewResult{End::BadScript, say(lang_, Msg::BadScriptedAnswer, where,
                                                     question.node->text.in(lang_),
                                                     explain_answer_error(*prepared.error, lang_))};
        }
        case engine::FeedResult::Stop::Loop:
          return InterviewResult{End::BadScript, say(lang_, Msg::ScriptedLoop, question.key,
                                                     fmt::join(prepared.loop, " → "))};
        case engine::FeedResult::Stop::Unanswered:
          if (!options_.ask_missing) {
            return InterviewResult{End::Unanswered,
                                   say(lang_, Msg::Unanswered, question.node->text.in(lang_),
                                       node_position(*question.node), question.key)};
          }
          break;
        default:
          break;
      }
    }
    if (hold_for_operator_) show_held();
    announce_ = true;
    return ask(question, ask_again_note);
  }

  bool overridden(const std::string& key) const {
    return std::find(overridden_.begin(), overridden_.end(), key) != overridden_.end();
  }

  void show(const engine::Question& question) {
    const Node& node = *question.node;
    int width = terminal_.width();
    std::string header = question.place.calls.empty()
                             ? say(lang_, Msg::QuestionNumber, question.number)
                             : say(lang_, Msg::QuestionInCall, question.number,
                                   question.place.procedure->title.in(lang_));
    // A called procedure's title makes the heading long: wrapped like the rest, so the
    // terminal never breaks it inside a word.
    std::string heading = wrapped(header, width);
    if (!heading.empty()) heading.pop_back();
    print("\n" + bold(heading) + "\n");
    print(wrapped(node.text.in(lang_), width));
    if (!node.bases().empty())
      print(wrapped(say(lang_, Msg::LegalBasis, joined_cites(node.bases())), width));
    if (node.ask().personal && !options_.keep_personal)
      print(wrapped(say(lang_, Msg::PersonalNote), width));
    switch (node.ask().type) {
      case AnswerType::YesNo:
      case AnswerType::Choice:
      case AnswerType::Multi: {
        std::vector<Option> options = shown_options(node);
        for (size_t i = 0; i < options.size(); ++i) {
          std::string prefix = fmt::format("  {}) ", i + 1);
          print(
              wrapped(option_label(node, options[i], lang_), width, std::string(prefix.size(), ' '))
                  .replace(0, prefix.size(), prefix));
        }
        if (node.ask().type == AnswerType::Multi) {
          std::string how = !node.ask().min || *node.ask().min < 1 ? say(lang_, Msg::ChooseMany)
                            : *node.ask().min == 1
                                ? say(lang_, Msg::ChooseAtLeastOne)
                                : say(lang_, Msg::ChooseAtLeast,
                                      engine::value_to_text(Value::of_number(*node.ask().min)));
          print(wrapped(how, width));
        }
        break;
      }
      case AnswerType::Number: {
        std::string range;
        auto n = [](double v) { return engine::value_to_text(Value::of_number(v)); };
        if (node.ask().min && node.ask().max)
          range = say(lang_, Msg::Range, n(*node.ask().min), n(*node.ask().max));
        else if (node.ask().min)
          range = say(lang_, Msg::AtLeast, n(*node.ask().min));
        else if (node.ask().max)
          range = say(lang_, Msg::AtMost, n(*node.ask().max));
        std::string unit = node.ask().unit.present ? node.ask().unit.in(lang_) : "";
        std::string detail = range.empty() ? unit : unit.empty() ? range : range + ", " + unit;
        print(visible_text(say(lang_, Msg::EnterNumber) +
                           (detail.empty() ? "" : " (" + detail + ")") + ".\n"));
        break;
      }
      case AnswerType::Text:
        print(say(lang_, Msg::EnterText) + "\n");
        break;
    }
    print(say(lang_, help_for(question).empty() ? Msg::CommandsNoHelp : Msg::Commands) + "\n");
  }

  static Msg help_keys(const Node& node) {
    switch (node.ask().type) {
      case AnswerType::YesNo:
        return Msg::HelpKeysYesNo;
      case AnswerType::Choice:
      case AnswerType::Multi:
        return Msg::HelpKeysChoice;
      default:
        return Msg::HelpKeysOther;
    }
  }

  // Help is worth offering when there is more to read than the question screen shows.
  static bool has_help(const Node& node) {
    if (node.help().present) return true;
    for (const LegalBasis* basis : node.bases())
      if (basis->text.present || !basis->url.empty()) return true;
    return false;
  }

  // The nodes whose help `?` shows at this question: the question itself, then the steps
  // passed since the previous answer (a step has no prompt of its own), in path order.
  std::vector<const Node*> help_for(const engine::Question& question) const {
    std::vector<const Node*> steps;
    const auto& path = session_.path();
    for (size_t i = path.size(); i > 0 && path[i - 1].place.node->kind != NodeKind::Ask; --i)
      if (path[i - 1].place.node->kind == NodeKind::Step && has_help(*path[i - 1].place.node))
        steps.insert(steps.begin(), path[i - 1].place.node);
    std::vector<const Node*> nodes;
    if (has_help(*question.node)) nodes.push_back(question.node);
    nodes.insert(nodes.end(), steps.begin(), steps.end());
    return nodes;
  }

  void help(const engine::Question& question) {
    const Node& node = *question.node;
    int width = terminal_.width();
    std::vector<const Node*> nodes = help_for(question);
    if (nodes.empty()) {
      print(wrapped(say(lang_, Msg::NoHelp), width));
      print(wrapped(say(lang_, help_keys(node)), width));
      return;
    }
    print(say(lang_, Msg::HelpHeading) + "\n");
    // With steps' help too, each part is headed, so that none is read as another's.
    const bool headed = nodes.size() > 1 || nodes.front() != &node;
    for (const Node* about : nodes) {
      if (headed) {
        std::string head = about == &node ? say(lang_, Msg::QuestionNumber, question.number)
                                          : say(lang_, Msg::Step, about->text.in(lang_));
        print("  " + utf8::shorten(head, static_cast<size_t>(std::max(width - 3, 0))) + "\n");
      }
      const std::string indent = headed ? "    " : "  ";
      if (about->help().present) print(wrapped(about->help().in(lang_), width, indent));
      for (const LegalBasis* basis : about->bases()) {
        std::string text =
            basis->text.present ? basis->cite + ": " + basis->text.in(lang_) : basis->cite;
        if (!basis->url.empty()) text += " (" + basis->url + ")";
        print(wrapped(text, width, indent));
      }
    }
    print(wrapped(say(lang_, help_keys(node)), width));
  }

  std::optional<InterviewResult> go_back() {
    if (!session_.can_go_back()) {
      print(say(lang_, Msg::NothingToUndo) + "\n");
      return std::nullopt;
    }
    std::vector<engine::GivenAnswer> dropped = session_.back();
    std::vector<std::string> listed;
    for (const engine::GivenAnswer& answer : dropped) {
      overridden_.push_back(answer.key);
      std::string value = answer.personal && !options_.keep_personal
                              ? say(lang_, Msg::ReportPersonalOmitted)
                              : answer_display(*answer.place.node, answer.value, lang_);
      listed.push_back(say(lang_, Msg::DroppedAnswer, answer.place.node->text.in(lang_), value));
    }
    print(wrapped(say(lang_, Msg::WentBack, fmt::join(listed, "; ")), terminal_.width()));
    shown_path_ = session_.path().size();
    shown_actions_ = session_.actions().size();
    shown_cautions_ = session_.cautions().size();
    return record([&] { return options_.transcript->back(dropped, session_.answers().size()); });
  }

  // Asks until the operator answers, goes back or stops.
  std::optional<InterviewResult> ask(const engine::Question& question, bool ask_again_note) {
    show(question);
    if (ask_again_note) print(say(lang_, Msg::PersonalAskAgain) + "\n");
    for (;;) {
      if (!output_ok_) return InterviewResult{End::OutputClosed, {}};
      std::string line;
      Terminal::Read read = terminal_.read_line("> ", line);
      if (read == Terminal::Read::Interrupted)
        return InterviewResult{End::Interrupted, say(lang_, Msg::Interrupted)};
      if (read == Terminal::Read::EndOfInput) {
        return InterviewResult{End::EndOfInput,
                               say(lang_, Msg::EndOfInput, question.node->text.in(lang_),
                                   node_position(*question.node))};
      }
      Input input = interpret_input(*question.node, line, lang_);
      switch (input.kind) {
        case Input::Kind::Answer:
          return give(input.value, question.node->ask().type != AnswerType::Text);
        case Input::Kind::Help:
          help(question);
          break;
        case Input::Kind::Back:
          return go_back();
        case Input::Kind::Quit: {
          std::string confirm;
          print(
              wrapped(say(lang_, options_.transcript ? Msg::ConfirmQuit : Msg::ConfirmQuitUnsaved),
                      terminal_.width()));
          Terminal::Read r = terminal_.read_line("> ", confirm);
          if (r == Terminal::Read::Interrupted)
            return InterviewResult{End::Interrupted, say(lang_, Msg::Interrupted)};
          std::string folded = fold_case(confirm);
          while (!folded.empty() && folded.back() == ' ') folded.pop_back();
          if (r == Terminal::Read::EndOfInput ||
              engine::yes_no_word(folded, engine::YesNoWords::Typed).value_or(false)) {
            return InterviewResult{End::Quit, say(lang_, Msg::Quit)};
          }
          print(say(lang_, Msg::Continuing) + "\n");
          break;
        }
        case Input::Kind::Invalid:
          print(wrapped(input.reason + " " + say(lang_, Msg::TryAgain), terminal_.width()));
          break;
      }
    }
  }

  engine::Session& session_;
  Terminal& terminal_;
  const InterviewOptions& options_;
  std::string lang_;
  size_t shown_path_;
  size_t shown_actions_ = 0;
  size_t shown_cautions_ = 0;
  bool announce_;
  const bool hold_for_operator_;  // answers file at a terminal: see show_reached
  size_t replayed_ = 0;
  bool output_ok_ = true;
  std::vector<std::string> overridden_;  // answers-file answers the operator took back
};

}  // namespace

std::string node_position(const Node& node) {
  if (!node.location.file) return node.id;
  return fmt::format("{}:{}", node.location.file->path(), node.location.line);
}

InterviewResult run_interview(engine::Session& session, Terminal& terminal,
                              const InterviewOptions& options) {
  return Interview(session, terminal, options).run();
}

MenuChoice choose_procedure(const std::vector<const Procedure*>& procedures, Terminal& terminal,
                            const std::string& lang) {
  using Ended = MenuChoice::Ended;
  auto chosen = [](const Procedure* p) { return MenuChoice{p, Ended::Chosen, {}}; };
  if (procedures.empty()) return {nullptr, Ended::NothingToChoose, say(lang, Msg::MenuEmpty)};
  const std::vector<MenuGroup> groups = menu_groups(procedures, lang);
  std::string filter;  // folded; empty: everything
  for (;;) {
    int width = terminal.width();
    std::string screen =
        "\n" + say(lang, filter.empty() ? Msg::MenuHeading : Msg::MenuFiltered) + "\n";
    for (const MenuGroup& group : groups) {
      std::string block;
      for (const MenuEntry& entry : group.entries) {
        const Procedure& p = *entry.procedure;
        if (!filter.empty() && !menu_matches(p, filter, lang)) continue;
        std::string text = p.title.in(lang);
        if (!p.audience.empty())
          text += " — " + say(lang, Msg::MenuAudience, fmt::join(p.audience, ", "));
        std::string prefix = fmt::format("  {:>2}) ", entry.number);
        block +=
            wrapped(text, width, std::string(prefix.size(), ' ')).replace(0, prefix.size(), prefix);
      }
      if (!block.empty())
        screen += "\n" + (group.heading.empty() ? "" : group.heading + "\n") + block;
    }
    screen += "\n" + wrapped(say(lang, Msg::MenuPrompt), width);
    terminal.write(screen);
    std::string typed;
    switch (terminal.read_line("> ", typed)) {
      case Terminal::Read::Line:
        break;
      case Terminal::Read::EndOfInput:
        return {nullptr, Ended::EndOfInput, say(lang, Msg::MenuEndOfInput)};
      case Terminal::Read::Interrupted:
        return {nullptr, Ended::Interrupted, say(lang, Msg::Interrupted)};
    }
    std::string folded = fold_letters(typed);
    while (!folded.empty() && folded.back() == ' ') folded.pop_back();
    while (!folded.empty() && folded.front() == ' ') folded.erase(0, 1);
    if (folded == "q" || folded == "quit" || folded == "koniec") return {nullptr, Ended::Quit, {}};
    if (folded.empty()) {
      filter.clear();
      continue;
    }
    if (folded.find_first_not_of("0123456789") == std::string::npos) {
      size_t n = std::stoul(folded.substr(0, 9));
      // Any number of the full menu: numbers do not change while the menu is filtered.
      for (const MenuGroup& group : groups)
        for (const MenuEntry& entry : group.entries)
          if (entry.number == n) return chosen(entry.procedure);
      terminal.write(say(lang, Msg::ErrNotAnOption, typed) + "\n");
      continue;
    }
    std::vector<const Procedure*> matches;
    for (const Procedure* p : procedures)
      if (menu_matches(*p, folded, lang)) matches.push_back(p);
    if (matches.empty()) {
      terminal.write(say(lang, Msg::MenuNoMatch, typed) + "\n");
      continue;
    }
    if (matches.size() == 1) return chosen(matches.front());
    filter = folded;
  }
}

}  // namespace procedura::interview
