#pragma once
// What changed between two versions of a procedure, element by element: metadata, nodes
// (kind, texts per language, next targets, options, cases, actions, basis), the actions,
// recipients and legal bases in scope (own and imported), and invariants.
#include <string>
#include <vector>

#include "model/procedure.h"

namespace procedura {

// One changed property: `field` with its old and new value ("" when absent on that side).
struct FieldChange {
  std::string field;  // e.g. "text[pl]", "option yes: next", "case 1: when"
  std::string before;
  std::string after;
};

struct ElementChange {
  enum class Kind { Added, Removed, Changed };
  std::string section;  // metadata | node | action | recipient | legal_basis | invariant
  std::string id;       // empty for metadata
  Kind kind = Kind::Changed;
  std::vector<FieldChange> fields;  // Changed (and metadata)
};

// `lang` empty: texts in every language are compared; else only texts in that language.
std::vector<ElementChange> diff_procedures(const Procedure& before, const Procedure& after,
                                           const std::string& lang = {});

std::string_view change_kind_name(ElementChange::Kind kind);

}  // namespace procedura
