#pragma once
// `procedura diff OLD NEW`: what changed between two versions of a procedure and which test
// scenarios and recorded transcripts would now end differently.
#include <iosfwd>
#include <string>
#include <vector>

namespace procedura {

enum class DiffFormat { Text, Json };

struct DiffOptions {
  std::string before;                       // OLD file
  std::string after;                        // NEW file
  std::vector<std::string> procedure_dirs;  // for callees neither file brings along
  std::string transcripts_dir;
  std::string lang;  // compare texts in this language only; empty: all
  DiffFormat format = DiffFormat::Text;
};

// Exit status: 0 no scenario or transcript ends differently (texts may have changed),
// 1 some would, 2 unusable input.
int run_diff(const DiffOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
