#pragma once
// Finds the procedure files named by the command line: files as given, directories
// walked recursively for *.yaml / *.yml (symlink loops and unreadable folders tolerated,
// symlinks out of the walked directory not followed).
#include <string>
#include <vector>

namespace procedura {

struct FoundFile {
  std::string path;  // as the user will see it
  std::string root;  // the directory the input named (procedures root for imports)
  bool explicit_input = false;
  std::string problem;      // non-empty: cannot be read as a file (directory, FIFO, missing)
  bool over_limit = false;  // not a file: the walk stopped here at the file or depth limit
};

// Files named are read wherever they are; a directory walk does not follow a symbolic link
// whose target leaves the directory named: such links are left out, and listed in
// `skipped_links` when given.
std::vector<FoundFile> discover_files(const std::vector<std::string>& inputs, size_t max_files,
                                      std::vector<std::string>* skipped_links = nullptr);

bool has_yaml_extension(std::string_view path);
bool is_test_companion(std::string_view path);  // NAME.test.yaml / NAME.test.yml
// Answers files (NAME.answers.yaml) and contacts directories (NAME.contacts.yaml) are not
// procedures: directory walks skip them.
bool is_data_file(std::string_view path);

}  // namespace procedura
