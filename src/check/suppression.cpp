#include "check/suppression.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <optional>

#include "util/text.h"

namespace procedura {
namespace {

struct FileDirectives {
  std::map<uint32_t, std::set<Rule>> by_line;  // line a directive applies to -> rules
  std::set<Rule> whole_file;
};

using text::trim;

// Finds "# procedura:" outside quotes on a line; returns the text after it.
std::optional<std::pair<size_t, std::string_view>> find_directive(std::string_view line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      // A quote starts a quoted scalar only at a value position; inside plain text it is a
      // character.
      if (i == 0 || line[i - 1] == ' ' || line[i - 1] == '[' || line[i - 1] == ',' ||
          line[i - 1] == ':')
        quote = c;
      continue;
    }
    if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      std::string_view rest = trim(line.substr(i + 1));
      if (rest.substr(0, 10) == "procedura:") return std::make_pair(i, trim(rest.substr(10)));
      return std::nullopt;
    }
  }
  return std::nullopt;
}

FileDirectives scan(const SourceFile& file, Diagnostics& out) {
  FileDirectives d;
  for (uint32_t line = 1; line <= file.line_count(); ++line) {
    std::string_view text = file.line_text(line);
    auto found = find_directive(text);
    if (!found) continue;
    auto [hash, body] = *found;
    Location at{&file, line, file.column_of(file.offset_of(line, 1) + hash)};
    bool whole = false;
    if (body.substr(0, 13) == "disable-file=") {
      whole = true;
      body.remove_prefix(13);
    } else if (body.substr(0, 8) == "disable=") {
      body.remove_prefix(8);
    } else {
      out.report(
          Rule::BadSuppression, at,
          "a `# procedura:` comment must be `disable=RULE[,RULE]` or `disable-file=RULE[,RULE]`");
      continue;
    }
    bool comment_only = trim(text.substr(0, hash)).empty();
    uint32_t target = comment_only ? line + 1 : line;
    size_t start = 0;
    while (start <= body.size()) {
      size_t comma = body.find(',', start);
      std::string_view id = trim(body.substr(
          start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
      // Stop at a trailing comment or explanation after the ids.
      if (size_t space = id.find(' '); space != std::string_view::npos) id = id.substr(0, space);
      if (auto rule = rule_from_id(id)) {
        (whole ? d.whole_file : d.by_line[target]).insert(*rule);
      } else {
        out.report(Rule::BadSuppression, at,
                   fmt::format("unknown rule '{}' in a suppression comment", id));
      }
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
  }
  return d;
}

}  // namespace

void apply_suppressions(Diagnostics& diagnostics,
                        const std::vector<std::unique_ptr<SourceFile>>& files,
                        const std::set<Rule>& disabled) {
  std::map<const SourceFile*, FileDirectives> directives;
  Diagnostics warnings;
  for (const auto& file : files) directives.emplace(file.get(), scan(*file, warnings));
  auto suppressed = [&](const Diagnostic& d) {
    if (disabled.count(d.rule)) return true;
    if (!d.location.file) return false;
    const FileDirectives& fd = directives[d.location.file];
    if (fd.whole_file.count(d.rule)) return true;
    auto it = fd.by_line.find(d.location.line);
    return it != fd.by_line.end() && it->second.count(d.rule);
  };
  auto& items = diagnostics.items();
  items.erase(std::remove_if(items.begin(), items.end(), suppressed), items.end());
  for (const Diagnostic& w : warnings.items()) {
    if (!disabled.count(w.rule)) items.push_back(w);
  }
}

}  // namespace procedura
