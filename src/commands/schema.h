#pragma once
// `procedura schema [procedure|test]`: prints the JSON Schema (draft-07) of procedure and
// library files, or of NAME.test.yaml test files, for editors and other validators. The
// schemas are embedded at build time from schema/*.schema.json.
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procedura {

// The schema text of `name` ("procedure" or "test"), or nullopt for an unknown name.
std::optional<std::string_view> embedded_schema(std::string_view name);

// The names of every embedded schema, in order.
std::vector<std::string_view> embedded_schema_names();

// Prints the named schema; an unknown name is a usage error (exit status 2).
int run_schema(const std::string& name, std::ostream& out, std::ostream& err);

}  // namespace procedura
