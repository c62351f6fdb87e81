#include "load/procedure_headers.h"

#include <array>
#include <set>
#include <string_view>

#include "load/encoding_check.h"
#include "load/file_discovery.h"
#include "load/procedure_hints.h"
#include "load/procedure_reader.h"
#include "load/yaml_tree.h"
#include "util/read_file.h"

namespace procedura {
namespace {

// The keys the menu and the list show, and those that decide how they are read: `kind`
// (libraries are not listed), `format` and `languages` (how titles and keywords are read).
constexpr std::array<std::string_view, 9> kHeaderKeys = {
    "format", "kind", "id", "languages", "version", "title", "area", "keywords", "audience"};

bool is_header_key(std::string_view key) {
  for (std::string_view k : kHeaderKeys)
    if (k == key) return true;
  return false;
}

// An alias (`*name`) in a header block may name an anchor outside it, or one defined again
// between the two: only a parse of the whole file reads it for sure.
bool may_hold_alias(std::string_view text) {
  for (size_t i = text.find('*'); i != std::string_view::npos; i = text.find('*', i + 1)) {
    bool after_separator =
        i == 0 || std::string_view(" \t[{,:\n").find(text[i - 1]) != std::string_view::npos;
    bool before_name = i + 1 < text.size() && text[i + 1] != ' ' && text[i + 1] != '\t' &&
                       text[i + 1] != '\n' && text[i + 1] != '\r';
    if (after_separator && before_name) return true;
  }
  return false;
}

// The header blocks of a file, in file order; "" when none.
std::string header_text(std::string_view content, const ProcedureHints& hints) {
  std::string out;
  for (const TopLevelBlock& block : hints.blocks) {
    if (!is_header_key(block.key)) continue;
    out.append(content.substr(block.begin, block.end - block.begin));
    if (!out.empty() && out.back() != '\n') out += '\n';
  }
  return out;
}

enum class HeaderRead { Read, Skipped, InDoubt };

// One found file into `catalog`: Read (a header added), Skipped (no load would read the
// file: it holds no procedure) or InDoubt.
HeaderRead read_header(const FoundFile& found, const LoadOptions& options,
                       std::set<std::string>& ids, Catalog& catalog) {
  if (found.over_limit || !found.problem.empty() || is_test_companion(found.path))
    return HeaderRead::Skipped;
  ReadFileResult content = read_regular_file(found.path, options.limits.max_file_bytes);
  if (!content.ok()) return HeaderRead::Skipped;
  if (!encoding_ok(content.content)) return HeaderRead::Skipped;  // `procedura lint` reports it
  ProcedureHints hints = scan_procedure_hints(content.content);
  if (!hints.id_known || !ids.insert(hints.id).second) return HeaderRead::InDoubt;
  std::string header = header_text(content.content, hints);
  if (may_hold_alias(header)) return HeaderRead::InDoubt;
  auto file = std::make_unique<SourceFile>(found.path, std::move(header));
  Diagnostics ignored;  // reported by `procedura lint`; the menu shows none
  YamlDocument doc = parse_yaml(*file, options.limits, ignored);
  if (!doc.ok()) return HeaderRead::InDoubt;
  std::unique_ptr<Procedure> procedure = read_procedure(doc, *file, ignored);
  if (!procedure || procedure->id != hints.id) return HeaderRead::InDoubt;
  catalog.files.push_back(std::move(file));
  catalog.procedures.push_back(std::move(procedure));
  return HeaderRead::Read;
}

}  // namespace

std::optional<Catalog> load_procedure_headers(const std::vector<std::string>& dirs,
                                              const LoadOptions& options) {
  std::vector<FoundFile> found = discover_files(dirs, options.limits.max_files);
  if (sweeps_marked_root(found, options)) return std::nullopt;
  Catalog catalog;
  std::set<std::string> ids;
  for (const FoundFile& f : found) {
    if (read_header(f, options, ids, catalog) == HeaderRead::InDoubt) return std::nullopt;
  }
  return catalog;
}

}  // namespace procedura
