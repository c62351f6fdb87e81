#pragma once
// Lexical checks of ids, versions, dates, deadlines and numbers as FORMAT.md defines them.
#include <optional>
#include <string_view>

#include "model/procedure.h"

namespace procedura {

bool is_procedure_id(std::string_view id);     // [a-z0-9][a-z0-9-]*
bool is_definition_id(std::string_view id);    // [A-Za-z0-9_][A-Za-z0-9_-]*
bool is_variable_name(std::string_view id);    // [A-Za-z_][A-Za-z0-9_-]*
bool is_language_code(std::string_view code);  // pl, en, pt-BR ...
bool is_semantic_version(std::string_view version);
bool is_iso_date(std::string_view date);  // a real calendar date YYYY-MM-DD
std::optional<Deadline> parse_deadline(std::string_view text);
std::optional<double> parse_number(std::string_view text);

}  // namespace procedura
