#pragma once
// What the operator typed at a question: a command (help, back, quit) or an answer. Accepted:
// the option's number, its exact value or label, or a unique start (3 letters or more) of a
// word of a label, ignoring case and Polish letters; tak/nie/yes/no/t/n/y only at yes_no
// questions. Nothing else is guessed: a hidden value is never matched by its start, and an
// ambiguous start lists the candidates. Invalid input comes back with the reason, worded in
// the interview language.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/answer_value.h"
#include "model/procedure.h"
#include "model/value.h"
#include "util/text.h"

namespace procedura::interview {

// Typed answers are matched case- and letter-folded (util/text.h).
using text::fold_case;
using text::fold_letters;

struct Input {
  enum class Kind { Answer, Help, Back, Quit, Invalid };
  Kind kind = Kind::Invalid;
  Value value;         // Answer
  std::string reason;  // Invalid
};

Input interpret_input(const Node& question, std::string_view typed, std::string_view lang);

// The label an option is shown with: its label, or tak/nie for yes_no.
std::string option_label(const Node& question, const Option& option, std::string_view lang);

// The options a question lists: its own, or tak/nie for a yes_no question written with `next`.
std::vector<Option> shown_options(const Node& question);

// The reason an answer was refused, in the interview language.
std::string explain_answer_error(const engine::AnswerError& error, std::string_view lang);

}  // namespace procedura::interview
