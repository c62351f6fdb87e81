#pragma once
// The quiz part of `procedura drill`: the candidates shown to the trainee (required actions
// and recipients of the path plus distractors), reading the trainee's picks, and the score.
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "model/procedure.h"

namespace procedura {

struct DrillItem {
  enum class Kind { Action, Recipient };
  Kind kind = Kind::Action;
  const Action* action = nullptr;        // Kind::Action
  const Recipient* recipient = nullptr;  // Kind::Recipient
  bool required = false;                 // the procedure requires it on the drilled path
};

struct DrillScore {
  std::vector<size_t> correct, missed, wrong;  // 0-based item indices, ascending
  int percent = 100;
};

// correct: picked and required; missed: required, not picked; wrong: picked, not required.
// percent = correct / (required + wrong), rounded to the nearest whole percent (100 when
// nothing is required and nothing is picked): every missed and every wrong pick costs.
DrillScore score_drill(const std::vector<DrillItem>& items, const std::set<size_t>& picked);

// The trainee's line: numbers (1-based) separated by spaces and/or commas; an empty line
// picks nothing. On a token that is not a number from 1 to `count`, `bad` names it.
struct ParsedChoices {
  std::set<size_t> picked;  // 0-based
  std::string bad;
  bool ok() const { return bad.empty(); }
};
ParsedChoices parse_choices(std::string_view line, size_t count);

}  // namespace procedura
