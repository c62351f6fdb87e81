#pragma once
// What the operator typed at a question: a command (help, back, quit) or an answer, accepted
// by option number, by word in the interview language (tak/nie, yes/no) or by a unique
// prefix of an option's label or value. Invalid input comes back with the reason, worded in
// the interview language.
#include <optional>
#include <string>
#include <string_view>

#include "engine/answer_value.h"
#include "model/procedure.h"
#include "model/value.h"

namespace procedura::interview {

struct Input {
  enum class Kind { Answer, Help, Back, Quit, Invalid };
  Kind kind = Kind::Invalid;
  Value value;         // Answer
  std::string reason;  // Invalid
};

Input interpret_input(const Node& question, std::string_view typed, std::string_view lang);

// The label an option is shown with: its label, or tak/nie for yes_no.
std::string option_label(const Node& question, const Option& option, std::string_view lang);

// The reason an answer was refused, in the interview language.
std::string explain_answer_error(const engine::AnswerError& error, std::string_view lang);

// "tak", "Tak", "TAK" alike; ASCII and Polish letters are folded.
std::string fold_case(std::string_view text);

}  // namespace procedura::interview
