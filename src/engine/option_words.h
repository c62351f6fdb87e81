#pragma once
// Written answers (answers files, test scenarios) name a choice by its value. Authors and
// checkers also write it the way they would say it: "nie wiadomo" for `nie_wiem`, "Tak" or
// "yes" for `tak`, a label, or the value without Polish letters. This finds the one option
// such a word means; exact values always win, and an ambiguous word matches nothing.
#include <optional>
#include <string>
#include <string_view>

#include "model/procedure.h"

namespace procedura::engine {

// The value of the option of `question` that `word` names, or nullopt.
std::optional<std::string> option_for_word(const Node& question, std::string_view word);

}  // namespace procedura::engine
