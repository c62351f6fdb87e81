#pragma once
// The results of `procedura diff OLD NEW`: what `commands/diff` fills (the changes element by
// element, the replays of scenarios and transcripts against both versions) and the renderers
// (report/diff_report.h) print. Data only: comparing and replaying stay in commands/diff.
#include <string>
#include <string_view>
#include <vector>

#include "model/procedure.h"

namespace procedura {

// One changed property: `field` with its old and new value ("" when absent on that side).
struct FieldChange {
  std::string field;  // e.g. "text[pl]", "option yes: next", "case 1: when"
  std::string before;
  std::string after;
};

struct ElementChange {
  enum class Kind { Added, Removed, Changed };
  std::string section;  // metadata | node | action | recipient | legal_basis | invariant
  std::string id;       // empty for metadata
  Kind kind = Kind::Changed;
  std::vector<FieldChange> fields;  // Changed (and metadata)
};

std::string_view change_kind_name(ElementChange::Kind kind);

// How a replay ended.
struct ReplayEnding {
  enum class Status { Finished, Unanswered, InvalidAnswer, Loop, Error };
  Status status = Status::Error;
  std::string outcome;               // the outcome node id, when Finished
  std::vector<std::string> actions;  // collected, in path order (ids; inline ones described)
  std::string detail;                // why it did not finish
  bool finished() const { return status == Status::Finished; }
};

// "finished", "unanswered", "invalid-answer", "loop", "error".
std::string_view replay_status_name(ReplayEnding::Status status);

struct ImpactItem {
  enum class Source { Scenario, Transcript };
  Source source = Source::Scenario;
  std::string name;  // the scenario's name, or the transcript's path
  ReplayEnding before, after;
  bool changed = false;
  std::vector<std::string> actions_added, actions_removed;
};

struct Impact {
  std::vector<ImpactItem> items;
  std::vector<std::string> notes;  // transcripts skipped and why
  size_t scenarios = 0, transcripts = 0;
  bool any_changed() const;
};

// A whole comparison, for the renderers.
struct DiffResult {
  std::string before_file, after_file;  // OLD and NEW as named
  const Procedure* before = nullptr;
  const Procedure* after = nullptr;
  std::vector<ElementChange> changes;
  Impact impact;
};

}  // namespace procedura
