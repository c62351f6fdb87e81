#pragma once
// What changed between two versions of a procedure, element by element: metadata, nodes
// (kind, texts per language, next targets, options, cases, actions, basis), the actions,
// recipients and legal bases in scope (own and imported), and invariants.
#include <string>
#include <vector>

#include "model/procedure.h"
#include "report/diff_results.h"

namespace procedura {

// `lang` empty: texts in every language are compared; else only texts in that language.
std::vector<ElementChange> diff_procedures(const Procedure& before, const Procedure& after,
                                           const std::string& lang = {});

}  // namespace procedura
