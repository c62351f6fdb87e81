#pragma once
// `procedura lint`: load, check and report, in text, JSON, SARIF or GitHub annotations.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "load/limits.h"
#include "util/terminal.h"

namespace procedura {

enum class LintFormat { Text, Json, Sarif, Github };

struct LintOptions {
  std::vector<std::string> paths;  // files or directories; empty: the procedures search path
  LintFormat format = LintFormat::Text;
  ColorMode color = ColorMode::Auto;
  bool strict = false;  // warnings fail too
  std::vector<std::string> disabled_rules;
  std::string today;            // YYYY-MM-DD; empty: current date
  std::string procedures_root;  // imports must stay inside; empty: per input
  size_t jobs = 0;              // threads reading, parsing and checking; 0: one per core
  bool cache = false;           // reuse results of unchanged files (see lint_cache.h)
  std::string cache_dir;        // empty: default_lint_cache_dir()
  bool cache_stats = false;     // say on stderr how many files the cache replayed
  uint64_t max_file_bytes = Limits{}.max_file_bytes;
};

// Returns the exit status: 0 clean, 1 findings, 2 usage error or unreadable input.
int run_lint(const LintOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
