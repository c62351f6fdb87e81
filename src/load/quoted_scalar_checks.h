#pragma once
// yaml-syntax checks yaml-cpp does not make on quoted scalars (found with the
// yaml-test-suite): an escape YAML does not define ("\'"), a continuation line indented no
// deeper than the key it belongs to, and a `#` right after the closing quote (a comment
// needs a space before it). yaml-cpp reads all three as text, so a typo would change a
// procedure's wording instead of being reported.
#include "load/yaml_tree.h"
#include "model/diagnostic.h"

namespace procedura {

void check_quoted_scalars(const YamlDocument& document, Diagnostics& diagnostics);

}  // namespace procedura
