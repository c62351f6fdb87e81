#include "commands/drill/drill.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <istream>
#include <memory>
#include <optional>
#include <ostream>
#include <random>
#include <set>
#include <sstream>

#include "commands/diff/diff_load.h"
#include "commands/drill/drill_path.h"
#include "commands/drill/drill_score.h"
#include "commands/language_check.h"
#include "engine/answer_value.h"
#include "engine/scripted.h"
#include "engine/session.h"
#include "export/target.h"
#include "load/procedure_reader.h"
#include "load/yaml_tree.h"
#include "messages/messages.h"
#include "report/diagnostics_text.h"
#include "report/run_report.h"
#include "util/exit_status.h"
#include "util/seeded_random.h"
#include "util/utf8.h"
#include "util/visible_stream.h"

namespace procedura {
namespace {

enum class DrillMsg {
#define DRILL_MESSAGE(symbol, pl, en) symbol,
#include "messages/drill_messages.def"
#undef DRILL_MESSAGE
};

struct MessageTexts {
  std::string_view pl, en;
};
constexpr MessageTexts kDrillMessages[] = {
#define DRILL_MESSAGE(symbol, pl, en) {pl, en},
#include "messages/drill_messages.def"
#undef DRILL_MESSAGE
};

template <typename... Args>
std::string say(std::string_view lang, DrillMsg id, Args&&... args) {
  const MessageTexts& texts = kDrillMessages[static_cast<size_t>(id)];
  return fmt::format(fmt::runtime(lang == "pl" ? texts.pl : texts.en), std::forward<Args>(args)...);
}

std::optional<std::string> read_whole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// Every action the procedure (and what it calls) can collect, in file order, each once.
void actions_used(const Procedure& procedure, std::set<const Procedure*>& seen,
                  std::vector<const Action*>& out) {
  if (!seen.insert(&procedure).second) return;
  auto add = [&](const ActionUses& uses) {
    for (const ActionUse& use : uses) {
      if (use.action && std::find(out.begin(), out.end(), use.action) == out.end())
        out.push_back(use.action);
    }
  };
  for (const Node& node : procedure.nodes) {
    add(node.actions);
    for (const Option& o : node.ask().options) add(o.actions);
    for (const Case& c : node.branch().cases) add(c.actions);
    if (node.call().callee_procedure) actions_used(*node.call().callee_procedure, seen, out);
  }
}

// Every recipient in scope of the procedure and its callees, by id (a stable order: the
// scopes are hash maps).
void recipients_in_scope(const Procedure& procedure, std::set<const Procedure*>& seen,
                         std::vector<const Recipient*>& out) {
  if (!seen.insert(&procedure).second) return;
  for (const auto& [id, recipient] : procedure.recipient_scope) {
    if (std::find(out.begin(), out.end(), recipient) == out.end()) out.push_back(recipient);
  }
  for (const Node& node : procedure.nodes) {
    if (node.call().callee_procedure) recipients_in_scope(*node.call().callee_procedure, seen, out);
  }
}

// Required items of the path, then distractors: as many as required items of each kind
// (at least 3 actions and 2 recipients, when there are that many), drawn at random.
std::vector<DrillItem> quiz_items(const engine::Session& session, SeededRandom& random) {
  std::vector<DrillItem> items;
  std::vector<const Action*> on_path;
  std::vector<const Recipient*> notified;
  for (const engine::CollectedAction& c : session.actions()) {
    on_path.push_back(c.action);
    items.push_back({DrillItem::Kind::Action, c.action, nullptr, true});
    const Recipient* r = c.action->recipient;
    if (c.action->kind == ActionKind::Notify && r &&
        std::find(notified.begin(), notified.end(), r) == notified.end()) {
      notified.push_back(r);
    }
  }
  for (const Recipient* r : notified)
    items.push_back({DrillItem::Kind::Recipient, nullptr, r, true});

  std::set<const Procedure*> seen;
  std::vector<const Action*> all_actions;
  actions_used(session.procedure(), seen, all_actions);
  std::vector<const Action*> other_actions;
  for (const Action* a : all_actions) {
    if (std::find(on_path.begin(), on_path.end(), a) == on_path.end()) other_actions.push_back(a);
  }
  seen.clear();
  std::vector<const Recipient*> all_recipients;
  recipients_in_scope(session.procedure(), seen, all_recipients);
  std::sort(all_recipients.begin(), all_recipients.end(),
            [](const Recipient* a, const Recipient* b) { return a->id < b->id; });
  std::vector<const Recipient*> other_recipients;
  for (const Recipient* r : all_recipients) {
    if (std::find(notified.begin(), notified.end(), r) == notified.end())
      other_recipients.push_back(r);
  }
  random.shuffle(other_actions);
  random.shuffle(other_recipients);
  other_actions.resize(std::min(other_actions.size(), std::max<size_t>(3, on_path.size())));
  other_recipients.resize(std::min(other_recipients.size(), std::max<size_t>(2, notified.size())));
  for (const Action* a : other_actions)
    items.push_back({DrillItem::Kind::Action, a, nullptr, false});
  for (const Recipient* r : other_recipients)
    items.push_back({DrillItem::Kind::Recipient, nullptr, r, false});
  random.shuffle(items);
  return items;
}

std::string item_text(const DrillItem& item, const std::string& lang) {
  if (item.kind == DrillItem::Kind::Action)
    return fmt::format("[{}] {}", say(lang, DrillMsg::KindAction), item.action->text.in(lang));
  return fmt::format("[{}] {}", say(lang, DrillMsg::KindRecipient), item.recipient->name.in(lang));
}

void tell_story(const engine::Session& session, const std::string& lang, int width,
                std::ostream& out) {
  out << say(lang, DrillMsg::Story) << "\n";
  if (session.answers().empty()) out << "  " << say(lang, DrillMsg::NoQuestions) << "\n";
  int number = 0;
  for (const engine::GivenAnswer& answer : session.answers()) {
    const Node& node = *answer.place.node;
    ++number;
    std::string question = answer.place.calls.empty()
                               ? say(lang, DrillMsg::Question, number, node.text.in(lang))
                               : say(lang, DrillMsg::QuestionInCall, number,
                                     answer.place.procedure->title.in(lang), node.text.in(lang));
    utf8::print_wrapped(out, "  ", question, width);
    utf8::print_wrapped(out, "    ",
                        say(lang, DrillMsg::AnswerGiven, answer_display(node, answer.value, lang)),
                        width);
  }
}

void reveal(const engine::Session& session, const std::string& lang, int width, std::ostream& out) {
  out << "\n" << say(lang, DrillMsg::Reveal) << "\n";
  utf8::print_wrapped(out, "  ", say(lang, DrillMsg::Outcome, session.outcome()->text.in(lang)),
                      width);
  out << "  " << say(lang, DrillMsg::Checklist) << "\n";
  if (session.actions().empty()) out << "    " << say(lang, DrillMsg::NoActions) << "\n";
  int number = 0;
  std::vector<std::string> recipients;
  for (const engine::CollectedAction& c : session.actions()) {
    const Action& action = *c.action;
    std::vector<std::string> details;
    if (action.kind == ActionKind::Notify && action.recipient) {
      std::string name = action.recipient->name.in(lang);
      details.push_back(say(lang, DrillMsg::Notify, name));
      if (std::find(recipients.begin(), recipients.end(), name) == recipients.end())
        recipients.push_back(name);
    }
    if (action.deadline)
      details.push_back(
          say(lang, DrillMsg::Deadline, messages::deadline_text(lang, *action.deadline)));
    std::string line = action.text.in(lang);
    if (!details.empty()) line += fmt::format(" ({})", fmt::join(details, "; "));
    utf8::print_wrapped(out, fmt::format("    {}. ", ++number), line, width);
  }
  utf8::print_wrapped(out, "  ",
                      recipients.empty() ? say(lang, DrillMsg::NoRecipients)
                                         : say(lang, DrillMsg::Recipients,
                                               fmt::format("{}", fmt::join(recipients, "; "))),
                      width);
}

void print_score(const std::vector<DrillItem>& items, const DrillScore& score,
                 const std::string& lang, int width, std::ostream& out) {
  out << "\n";
  auto list = [&](DrillMsg label, const std::vector<size_t>& indices) {
    for (size_t i : indices)
      utf8::print_wrapped(out, fmt::format("  {}: {}. ", say(lang, label), i + 1),
                          item_text(items[i], lang), width);
  };
  list(DrillMsg::Correct, score.correct);
  list(DrillMsg::Missed, score.missed);
  list(DrillMsg::Wrong, score.wrong);
  out << say(lang, DrillMsg::Score, score.correct.size(), score.missed.size(), score.wrong.size(),
             score.percent)
      << "\n";
}

// The language of the drill: the one asked for, else the procedure's default, else Polish.
std::string drill_language(const Procedure& procedure, const std::string& asked) {
  if (!asked.empty()) return asked;
  return procedure.default_language().empty() ? "pl" : procedure.default_language();
}

// The answers of --answers, with the file they were read from: their locations point into it.
struct AnswersFile {
  std::unique_ptr<SourceFile> source;
  std::vector<Answer> answers;
};

// Each of the phases below returns the exit status to stop with (after saying why on `err`),
// or nothing to go on.

std::optional<int> read_scripted_answers(const std::string& path, const std::string& lang,
                                         AnswersFile& scripted, std::ostream& err) {
  auto content = read_whole(path);
  if (!content) {
    err << "procedura drill: " << say(lang, DrillMsg::AnswersUnreadable, path) << "\n";
    return kExitUsage;
  }
  scripted.source = std::make_unique<SourceFile>(path, *content);
  Diagnostics diagnostics;
  YamlDocument doc = parse_yaml(*scripted.source, Limits{}, diagnostics);
  if (doc.ok()) scripted.answers = read_answers(doc.root(), *scripted.source, diagnostics);
  if (diagnostics.has_errors()) {
    render_diagnostics_text(diagnostics.items(), err, TextOptions{false});
    return kExitUsage;
  }
  return std::nullopt;
}

// Follows the answers file to an outcome; a file that stops short of one is refused.
std::optional<int> play_scripted_path(engine::Session& session, const AnswersFile& scripted,
                                      const std::string& path, const std::string& lang,
                                      std::ostream& err) {
  engine::FeedResult fed = engine::ScriptedAnswers(scripted.answers).feed(session);
  if (fed.stop == engine::FeedResult::Stop::Finished) return std::nullopt;
  std::string why;
  if (fed.stop == engine::FeedResult::Stop::Error) {
    why = session.error();
  } else {
    const engine::Question& q = *session.question();
    why = fed.stop == engine::FeedResult::Stop::Unanswered
              ? say(lang, DrillMsg::AnswersOpen, q.node->text.in(lang), q.node->id, q.key)
              : say(lang, DrillMsg::AnswersInvalid, q.node->text.in(lang), q.node->id);
  }
  err << fmt::format("procedura drill: {}: {}\n", path, why);
  return fed.stop == engine::FeedResult::Stop::Unanswered ? kExitUnanswered : kExitUsage;
}

// A random walk can run into a branch no case of which holds; a few fresh tries (each in a
// new session) find another path, still determined by the seed.
std::optional<int> walk_random_outcome(std::unique_ptr<engine::Session>& session,
                                       const Procedure& procedure, SeededRandom& random,
                                       const std::string& lang, std::ostream& err) {
  WalkResult walk;
  for (int attempt = 0; attempt < 20; ++attempt) {
    if (attempt > 0) session = std::make_unique<engine::Session>(procedure);
    walk = walk_random_path(*session, random, say(lang, DrillMsg::AnyText));
    if (walk.end == WalkResult::End::Outcome) return std::nullopt;
  }
  std::string why = walk.end == WalkResult::End::Exhausted
                        ? say(lang, DrillMsg::Exhausted, walk.node)
                        : walk.error;
  err << "procedura drill: " << say(lang, DrillMsg::NoPath, why) << "\n";
  return kExitUsage;
}

// The heading, where the path came from (the seed that repeats it, or the answers file),
// and the questions answered along it.
void print_story(const engine::Session& session, const DrillOptions& options,
                 const std::string& lang, std::uint64_t seed, std::ostream& out) {
  const Procedure& procedure = session.procedure();
  out << say(lang, DrillMsg::Heading, procedure.title.in(lang), procedure.version) << "\n";
  if (options.answers_file.empty()) {
    out << say(lang, DrillMsg::SeedLine, seed, seed) << "\n";
  } else {
    out << say(lang, DrillMsg::FromAnswers, options.answers_file) << "\n";
  }
  out << "\n";
  tell_story(session, lang, options.width, out);
}

// Lists the items and asks which the path requires until the answer parses. Nothing when
// the input ends first (said on `err`).
std::optional<ParsedChoices> ask_choices(const std::vector<DrillItem>& items,
                                         const DrillOptions& options, const std::string& lang,
                                         std::istream& in, std::ostream& out, std::ostream& err) {
  out << "\n" << say(lang, DrillMsg::Task) << "\n";
  for (size_t i = 0; i < items.size(); ++i)
    utf8::print_wrapped(out, fmt::format("  {:>2}. ", i + 1), item_text(items[i], lang),
                        options.width);
  for (;;) {
    out << say(lang, DrillMsg::Prompt) << "\n> " << std::flush;
    std::string line;
    if (!std::getline(in, line)) {
      out << "\n";
      err << "procedura drill: " << say(lang, DrillMsg::EndOfInput) << "\n";
      return std::nullopt;
    }
    if (options.echo_input) out << line << "\n";
    ParsedChoices choices = parse_choices(line, items.size());
    if (choices.ok()) return choices;
    out << say(lang, DrillMsg::BadChoice, choices.bad, items.size()) << "\n";
  }
}

}  // namespace

int run_drill(const DrillOptions& options, std::istream& in, std::ostream& terminal,
              std::ostream& err) {
  VisibleOstream out(terminal);  // procedure texts never drive the trainee's terminal
  // A file is loaded from its own tree (imports and callees beside it), as `diff` does.
  auto target = names_a_file(options.target)
                    ? load_version(options.target, options.procedure_dirs, "drill", err)
                    : load_target(options.target, options.procedure_dirs, "drill", err);
  if (!target) return kExitUsage;
  const Procedure& procedure = *target->procedure;
  if (!check_language(procedure, options.lang, "drill", err)) return kExitUsage;
  const std::string lang = drill_language(procedure, options.lang);

  AnswersFile scripted;
  const bool from_answers = !options.answers_file.empty();
  if (from_answers) {
    if (auto stop = read_scripted_answers(options.answers_file, lang, scripted, err)) return *stop;
  }
  const std::uint64_t seed = options.seed ? *options.seed : std::random_device{}();
  SeededRandom random(seed);
  auto session = std::make_unique<engine::Session>(procedure);
  if (auto stop = from_answers
                      ? play_scripted_path(*session, scripted, options.answers_file, lang, err)
                      : walk_random_outcome(session, procedure, random, lang, err))
    return *stop;

  print_story(*session, options, lang, seed, out);
  std::vector<DrillItem> items = quiz_items(*session, random);
  std::optional<ParsedChoices> choices = ask_choices(items, options, lang, in, out, err);
  if (!choices) return kExitUnanswered;
  reveal(*session, lang, options.width, out);
  print_score(items, score_drill(items, choices->picked), lang, options.width, out);
  out.flush();
  return kExitOk;
}

}  // namespace procedura
