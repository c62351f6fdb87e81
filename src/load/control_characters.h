#pragma once
// control-character: C0/C1 controls (tab and line breaks aside) and bidi controls in any
// key or scalar of a document, whether written raw or as a "\e"-style escape. They are
// invisible in an editor and in review, yet reach whoever reads the text later.
#include "load/yaml_tree.h"
#include "model/diagnostic.h"

namespace procedura {

// One diagnostic per key or scalar holding such a character, at the first one.
void check_control_characters(const YamlDocument& document, Diagnostics& diagnostics);

}  // namespace procedura
