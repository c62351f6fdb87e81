#include "load/file_discovery.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>
#include <system_error>

#include "util/read_file.h"

namespace procedura {
namespace fs = std::filesystem;

namespace {

// Patterns of a folder's `.procedura-ignore`: one glob per line matched against the names
// of that folder's entries; blank lines and `#` comments are skipped. Lets YAML that is not
// a procedure (CI configuration, say) sit beside procedures without being linted.
std::vector<std::string> ignore_patterns(const fs::path& dir) {
  std::vector<std::string> patterns;
  ReadFileResult file = read_regular_file((dir / ".procedura-ignore").string(), 64 * 1024);
  if (!file.ok()) return patterns;
  std::istringstream lines(file.content);
  for (std::string line; std::getline(lines, line);) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || line[start] == '#') continue;
    patterns.push_back(line.substr(start));
  }
  return patterns;
}

bool ignored(const std::vector<std::string>& patterns, const std::string& name) {
  return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
    return ::fnmatch(pattern.c_str(), name.c_str(), 0) == 0;
  });
}

// A symbolic link whose target lies outside the walked directory: a link into /etc or a
// home directory would otherwise be read, and its first line quoted in a CI log.
bool leaves_tree(const fs::directory_entry& entry, const fs::path& tree) {
  std::error_code ec;
  if (!entry.is_symlink(ec) || ec) return false;
  fs::path target = fs::canonical(entry.path(), ec);
  if (ec) return false;  // dangling or a loop: reported as unreadable below
  auto rel = target.lexically_relative(tree);
  return rel.empty() || *rel.begin() == "..";
}

struct Walk {
  std::string root;  // the input as named
  fs::path tree;     // its canonical path
  std::set<fs::path>& visited;
  std::vector<FoundFile>& out;
  std::vector<std::string>* skipped;
  size_t max_files;
};

void walk(const fs::path& dir, Walk& w, int depth) {
  const std::string& root = w.root;
  std::set<fs::path>& visited = w.visited;
  std::vector<FoundFile>& out = w.out;
  const size_t max_files = w.max_files;
  std::error_code ec;
  fs::path canonical = fs::canonical(dir, ec);
  if (ec || !visited.insert(canonical).second)
    return;  // unreadable, or seen before: a symlink loop
  if (depth > 64) {
    out.push_back({dir.string(), root, false,
                   "is nested more than 64 directories deep; it was not searched", true});
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  const std::vector<std::string> skip = ignore_patterns(dir);
  for (const auto& entry : entries) {
    if (out.size() >= max_files) {
      // Reported once, by the directory where the walk stops; every caller up the tree returns.
      if (out.size() == max_files) {
        out.push_back({dir.string(), root, false,
                       "holds more files than the limit of " + std::to_string(max_files) +
                           "; the rest were not searched",
                       true});
      }
      return;
    }
    std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;  // hidden files and folders (.git, editors)
    if (ignored(skip, name)) continue;
    if (leaves_tree(entry, w.tree)) {
      if (w.skipped) w.skipped->push_back(entry.path().string());
      continue;
    }
    std::error_code sec;
    fs::file_status status = fs::status(entry.path(), sec);
    if (sec) {
      if (has_yaml_extension(name))
        out.push_back({entry.path().string(), root, false, "cannot be read: " + sec.message()});
      continue;
    }
    if (fs::is_directory(status)) {
      // A folder whose name ends in .yaml is still a folder: its files are walked like any
      // other's (only one named on the command line is taken for a file, and refused).
      walk(entry.path(), w, depth + 1);
    } else if (has_yaml_extension(name) && !is_data_file(name)) {
      std::string problem = fs::is_regular_file(status) ? "" : "is not a regular file";
      out.push_back({entry.path().string(), root, false, problem});
    }
  }
}
}  // namespace

bool has_yaml_extension(std::string_view path) {
  return path.ends_with(".yaml") || path.ends_with(".yml");
}

bool is_data_file(std::string_view path) {
  return path.ends_with(".answers.yaml") || path.ends_with(".answers.yml") ||
         path.ends_with(".contacts.yaml") || path.ends_with(".contacts.yml");
}

bool is_test_companion(std::string_view path) {
  return path.ends_with(".test.yaml") || path.ends_with(".test.yml");
}

std::vector<FoundFile> discover_files(const std::vector<std::string>& inputs, size_t max_files,
                                      std::vector<std::string>* skipped_links) {
  std::vector<FoundFile> out;
  std::set<fs::path> visited;
  for (const std::string& input : inputs) {
    std::error_code ec;
    fs::file_status status = fs::status(input, ec);
    if (ec || !fs::exists(status)) {
      out.push_back({input, "", true, "does not exist"});
      continue;
    }
    if (fs::is_directory(status)) {
      if (has_yaml_extension(input)) {
        out.push_back({input, "", true, "is a directory, not a procedure file"});
        continue;
      }
      Walk w{input, fs::canonical(input, ec), visited, out, skipped_links, max_files};
      walk(input, w, 0);
      continue;
    }
    std::string problem = fs::is_regular_file(status) ? "" : "is not a regular file";
    out.push_back({input, "", true, problem});
  }
  return out;
}

}  // namespace procedura
