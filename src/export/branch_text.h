#pragma once
// Branches in words for trainers' prints: the question a branch decides on and, for each
// case, the answers it takes ("Zagrożenie dobra dziecka: tak / nie wiem") instead of the
// node id and the raw `when` expression.
#include <string>
#include <string_view>

#include "model/procedure.h"

namespace procedura::flow {

// The text of the question(s) whose answers `branch` tests, one per line; empty when its
// cases test no question (then the caller shows a generic word).
std::string branch_question(const Procedure& procedure, const Node& branch, std::string_view lang);

// What case `index` of `branch` takes, in the questions' own answer labels. When the branch
// tests one question only, the question is left out (the branch node shows it). Falls back
// to the `when` text for expressions it cannot put in words.
std::string case_text(const Procedure& procedure, const Node& branch, size_t index,
                      std::string_view lang);

}  // namespace procedura::flow
