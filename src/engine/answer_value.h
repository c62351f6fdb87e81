#pragma once
// Turning written answers (an answers file, a piped line) into the Value a question stores,
// and checking a Value against the question: type, options, min/max. Problems come back as
// structured errors so the interview can word them in the operator's language.
#include <optional>
#include <string>
#include <vector>

#include "model/procedure.h"
#include "model/value.h"

namespace procedura::engine {

struct AnswerError {
  // The longest text answer, in code points: a few pages of notes. A pasted file would
  // otherwise grow the transcript past what `verify` and `--resume` read back.
  static constexpr size_t kMaxTextAnswer = 4000;
  enum class Kind {
    NotAQuestion,     // the pending node is not a question
    NotYesNo,         // yes_no expects yes/no/true/false
    NotAnOption,      // detail: the value given
    DuplicateOption,  // multi: the same option twice; detail: the value
    TooFewChoices,    // multi: below min; limit
    TooManyChoices,   // multi: above max; limit
    NotANumber,       // detail: the text given
    BelowMin,         // limit
    AboveMax,         // limit
    Empty,            // text: nothing written
    TooLong,          // text: more code points than kMaxTextAnswer; limit
    NotAList,         // a list for a question that takes one value, or the reverse
  };
  Kind kind;
  std::string detail;
  double limit = 0;
};

// The canonical written form of a value ("yes"/"no", the number without ".0", the
// option value, list items joined by ", ").
std::string value_to_text(const Value& value);

// Parses the written values of an answer (one unless is_list) for `question`.
// yes_no: yes/no/true/false; number: decimal with '.' or ','; multi: a list (one value
// is accepted as a list of one). Returns the Value or the reason it is not acceptable.
struct ParsedAnswer {
  std::optional<Value> value;
  std::optional<AnswerError> error;
};
ParsedAnswer parse_answer(const Node& question, const std::vector<std::string>& values,
                          bool is_list);

// Checks a Value against the question; nullopt when acceptable.
std::optional<AnswerError> validate_answer(const Node& question, const Value& value);

// The option a yes_no or choice value selects (null for other types or no match).
const Option* chosen_option(const Node& question, const Value& value);

}  // namespace procedura::engine
