// Reading a contacts directory file (`procedura run --directory FILE`).
#include <fmt/format.h>

#include "load/encoding_check.h"
#include "load/yaml_tree.h"
#include "report/run_report.h"
#include "util/read_file.h"

namespace procedura {

bool load_contact_directory(const std::string& path, ContactDirectory& directory,
                            std::vector<std::string>& warnings, std::string& error) {
  ReadFileResult read = read_regular_file(path, Limits{}.max_file_bytes);
  if (!read.ok()) {
    error = fmt::format("cannot read the contacts directory '{}': it {}", path, read.error);
    return false;
  }
  SourceFile file(path, std::move(read.content));
  Diagnostics diagnostics;
  YamlDocument doc;
  if (check_encoding(file, diagnostics)) doc = parse_yaml(file, Limits{}, diagnostics);
  if (!doc.ok()) {
    const Diagnostic& d = diagnostics.items().front();
    error = fmt::format("{}:{}:{}: {}", path, d.location.line, d.location.column, d.message);
    return false;
  }
  const YamlNode* root = doc.root();
  if (!root || !root->is_map()) {
    error =
        fmt::format("{}: a contacts directory is a map of recipient id to contact details", path);
    return false;
  }
  for (const YamlNode::Entry& entry : root->entries()) {
    const std::string id(entry.key.scalar());
    auto where = [&](const YamlNode& node) {
      return fmt::format("{}:{}", path, doc.location_of(node).line);
    };
    if (!entry.value.is_map()) {
      warnings.push_back(
          fmt::format("{}: the contact for '{}' must be a map (name, phone, address, hours, email)",
                      where(entry.key), id));
      continue;
    }
    Contact contact;
    for (const YamlNode::Entry& field : entry.value.entries()) {
      std::string_view key = field.key.scalar();
      std::string* target = key == "name"      ? &contact.name
                            : key == "phone"   ? &contact.phone
                            : key == "address" ? &contact.address
                            : key == "hours"   ? &contact.hours
                            : key == "email"   ? &contact.email
                                               : nullptr;
      if (!target) {
        warnings.push_back(
            fmt::format("{}: unknown contact field '{}' (name, phone, address, hours, email)",
                        where(field.key), key));
      } else if (!field.value.is_scalar()) {
        warnings.push_back(
            fmt::format("{}: the contact field '{}' must be text", where(field.value), key));
      } else {
        *target = field.value.scalar();
      }
    }
    directory[id] = contact;
  }
  return true;
}

}  // namespace procedura
