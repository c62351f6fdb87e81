#pragma once
// The words that answer a yes_no question, in one table for every reader: an operator at
// the prompt types tak/t/yes/y or nie/n/no (true/false too at a yes_no question); an
// answers file or a test scenario writes yes/true/tak or no/false/nie. Matching ignores
// ASCII case.
#include <optional>
#include <string_view>

namespace procedura::engine {

enum class YesNoWords {
  Typed,    // short and long words: what a yes/no word typed at another question is
  Written,  // answers files and test scenarios: yes/true/tak, no/false/nie
  Any,      // at a yes_no prompt: all of them
};

// true for a yes word, false for a no word, nullopt for anything else.
std::optional<bool> yes_no_word(std::string_view word, YesNoWords set);

}  // namespace procedura::engine
