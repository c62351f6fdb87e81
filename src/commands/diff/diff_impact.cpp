#include "commands/diff/diff_impact.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "engine/answer_value.h"
#include "engine/scripted.h"
#include "engine/session.h"

namespace procedura {
namespace fs = std::filesystem;
namespace {

// Inline actions are named by their text: their address (file:line:column) differs
// between the two files even when nothing changed.
std::string action_key(const engine::CollectedAction& collected) {
  const Action& action = *collected.action;
  if (!action.is_inline()) return action.id;
  const Text& t = action.text;
  std::string text = !t.localized               ? t.plain
                     : t.translations().empty() ? std::string()
                                                : t.translations().front().second;
  return fmt::format("inline \"{}\"", text);
}

ReplayEnding ending_of(const engine::Session& session) {
  ReplayEnding ending;
  for (const engine::CollectedAction& c : session.actions())
    ending.actions.push_back(action_key(c));
  switch (session.state()) {
    case engine::Session::State::Finished:
      ending.status = ReplayEnding::Status::Finished;
      ending.outcome = session.outcome()->id;
      break;
    case engine::Session::State::Error:
      ending.status = ReplayEnding::Status::Error;
      ending.detail = session.error();
      break;
    case engine::Session::State::Question:
      ending.status = ReplayEnding::Status::Unanswered;
      ending.detail = fmt::format("no answer for '{}' (question '{}')", session.question()->key,
                                  session.question()->node->id);
      break;
  }
  return ending;
}

std::string invalid(const engine::Question& question) {
  return fmt::format("the answer for '{}' does not fit question '{}'", question.key,
                     question.node->id);
}

}  // namespace

ReplayEnding replay_answers(const Procedure& procedure, const std::vector<Answer>& answers) {
  engine::Session session(procedure);
  engine::FeedResult fed = engine::ScriptedAnswers(answers).feed(session);
  ReplayEnding ending = ending_of(session);
  if (fed.stop == engine::FeedResult::Stop::InvalidAnswer) {
    ending.status = ReplayEnding::Status::InvalidAnswer;
    ending.detail = invalid(*session.question());
  } else if (fed.stop == engine::FeedResult::Stop::Loop) {
    ending.status = ReplayEnding::Status::Loop;
    ending.detail = fmt::format("question '{}' would be asked again with the same answer ({})",
                                session.question()->node->id, fmt::join(fed.loop, " → "));
  }
  return ending;
}

ReplayEnding replay_records(const Procedure& procedure,
                            const std::vector<TranscriptRecord>& records) {
  engine::Session session(procedure);
  std::vector<bool> used(records.size(), false);
  while (session.state() == engine::Session::State::Question) {
    const engine::Question& question = *session.question();
    size_t i = 0;
    while (i < records.size() && (used[i] || records[i].key != question.key)) ++i;
    if (i == records.size()) break;  // unanswered
    used[i] = true;
    const TranscriptRecord& record = records[i];
    // A withheld (personal) answer is replayed as the same placeholder in both versions.
    std::vector<std::string> values =
        record.withheld ? std::vector<std::string>{"(withheld)"} : record.values;
    engine::ParsedAnswer parsed = engine::parse_answer(*question.node, values, record.is_list);
    if (!parsed.value || session.answer(*parsed.value)) {
      ReplayEnding ending = ending_of(session);
      ending.status = ReplayEnding::Status::InvalidAnswer;
      ending.detail = invalid(question);
      return ending;
    }
  }
  return ending_of(session);
}

void compare_endings(ImpactItem& item) {
  const ReplayEnding& a = item.before;
  const ReplayEnding& b = item.after;
  item.actions_added.clear();
  item.actions_removed.clear();
  for (const std::string& id : b.actions) {
    if (std::find(a.actions.begin(), a.actions.end(), id) == a.actions.end())
      item.actions_added.push_back(id);
  }
  for (const std::string& id : a.actions) {
    if (std::find(b.actions.begin(), b.actions.end(), id) == b.actions.end())
      item.actions_removed.push_back(id);
  }
  if (a.finished() != b.finished()) {
    item.changed = true;
  } else if (a.finished()) {
    item.changed =
        a.outcome != b.outcome || !item.actions_added.empty() || !item.actions_removed.empty();
  } else {
    item.changed = false;  // unfinished in both: nothing that ended now ends differently
  }
}

std::string assess_impact(const Procedure& before, const Procedure& after,
                          const std::string& transcripts_dir, Impact& impact) {
  std::set<std::string> names;
  for (const Procedure* p : {&before, &after}) {
    for (const TestCase& test : p->tests) {
      if (!names.insert(test.name).second) continue;
      ImpactItem item;
      item.source = ImpactItem::Source::Scenario;
      item.name = test.name;
      item.before = replay_answers(before, test.answers);
      item.after = replay_answers(after, test.answers);
      compare_endings(item);
      impact.items.push_back(std::move(item));
      ++impact.scenarios;
    }
  }
  if (transcripts_dir.empty()) return "";

  std::error_code ec;
  if (!fs::is_directory(transcripts_dir, ec))
    return fmt::format("'{}' is not a readable directory", transcripts_dir);
  std::vector<std::string> files;
  for (fs::directory_iterator it(transcripts_dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file() && it->path().extension() == ".jsonl")
      files.push_back(it->path().string());
  }
  if (ec) return fmt::format("cannot read '{}': {}", transcripts_dir, ec.message());
  std::sort(files.begin(), files.end());
  for (const std::string& file : files) {
    TranscriptContent content = read_transcript(file);
    if (!content.ok) {
      impact.notes.push_back(fmt::format(
          "skipped {}: {}{}", file,
          content.broken_line ? fmt::format("line {}: ", content.broken_line) : "", content.error));
      continue;
    }
    if (content.procedure_id != before.id && content.procedure_id != after.id) {
      impact.notes.push_back(
          fmt::format("skipped {}: a transcript of procedure '{}'", file, content.procedure_id));
      continue;
    }
    bool withheld = std::any_of(content.answers.begin(), content.answers.end(),
                                [](const TranscriptRecord& r) { return r.withheld; });
    if (withheld) {
      impact.notes.push_back(fmt::format(
          "{}: personal answers were not recorded; they are replayed as a placeholder", file));
    }
    ImpactItem item;
    item.source = ImpactItem::Source::Transcript;
    item.name = file;
    item.before = replay_records(before, content.answers);
    item.after = replay_records(after, content.answers);
    compare_endings(item);
    impact.items.push_back(std::move(item));
    ++impact.transcripts;
  }
  return "";
}

}  // namespace procedura
