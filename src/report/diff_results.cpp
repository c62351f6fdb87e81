#include "report/diff_results.h"

#include <algorithm>

namespace procedura {

std::string_view change_kind_name(ElementChange::Kind kind) {
  switch (kind) {
    case ElementChange::Kind::Added:
      return "added";
    case ElementChange::Kind::Removed:
      return "removed";
    case ElementChange::Kind::Changed:
      return "changed";
  }
  return "changed";
}

std::string_view replay_status_name(ReplayEnding::Status status) {
  switch (status) {
    case ReplayEnding::Status::Finished:
      return "finished";
    case ReplayEnding::Status::Unanswered:
      return "unanswered";
    case ReplayEnding::Status::InvalidAnswer:
      return "invalid-answer";
    case ReplayEnding::Status::Loop:
      return "loop";
    case ReplayEnding::Status::Error:
      return "error";
  }
  return "error";
}

bool Impact::any_changed() const {
  return std::any_of(items.begin(), items.end(), [](const ImpactItem& i) { return i.changed; });
}

}  // namespace procedura
