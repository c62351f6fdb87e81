#pragma once
// The rule documentation pages (docs/rules/<rule-id>.md), embedded in the binary at build
// time so `procedura explain` and SARIF output work without the source tree.
#include <optional>
#include <string>
#include <string_view>

namespace procedura {

// The Markdown page of a rule id, or nullopt for an unknown id.
std::optional<std::string_view> rule_doc(std::string_view rule_id);

// The text under the "## <heading>" section of a page, up to the next "## " heading,
// trimmed of surrounding blank lines; empty if the page has no such section.
std::string_view rule_doc_section(std::string_view page, std::string_view heading);

}  // namespace procedura
