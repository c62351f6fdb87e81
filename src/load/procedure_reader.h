#pragma once
// Turns one parsed YAML document into a Procedure (or library), reporting structural
// problems: unknown, missing and duplicate keys, wrong types, bad ids, deadlines, versions,
// translations. References are resolved later by the linker.
#include <memory>

#include "load/limits.h"
#include "load/yaml_tree.h"
#include "model/diagnostic.h"
#include "model/procedure.h"

namespace procedura {

// Returns null when the document is not a procedure at all (empty, not a map).
std::unique_ptr<Procedure> read_procedure(const YamlDocument& doc, const SourceFile& file,
                                          Diagnostics& diagnostics);

// Reads a companion NAME.test.yaml (a list of tests, or a map with `tests:`) into `into`.
void read_test_file(const YamlDocument& doc, const SourceFile& file, Procedure& into,
                    Diagnostics& diagnostics);

// Reads an answers file (map variable -> value or list); reports problems.
std::vector<Answer> read_answers(const YamlNode* map, const SourceFile& file,
                                 Diagnostics& diagnostics);

}  // namespace procedura
