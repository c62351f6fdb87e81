#pragma once
// `procedura drill ID|FILE`: a training mode. Tells the story of one path (random, or the
// path of an answers file), asks the trainee which actions and recipients it requires among
// distractors, then reveals the procedure's checklist and scores the choice.
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace procedura {

struct DrillOptions {
  std::string target;  // procedure id or file
  std::vector<std::string> procedure_dirs;
  std::optional<std::uint64_t> seed;  // none: a fresh one, printed so the drill can be repeated
  std::string answers_file;
  std::string lang;  // empty: the procedure's first language
  bool echo_input = false;
  int width = 0;  // wrap long texts to this many columns; 0: no wrapping  // repeat the choice line
                  // (input from a pipe is not shown otherwise)
};

// Reads the trainee's choice from `in` (lines; works without a terminal).
// Exit status: 0 scored, 2 bad input, 3 end of input before the choice (or an answers file
// that leaves a question unanswered).
int run_drill(const DrillOptions& options, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace procedura
