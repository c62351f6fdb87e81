#pragma once
// `procedura run`: pick a procedure, interview the operator (or read scripted answers),
// print the final report, keep a transcript; `--resume` continues an interrupted one.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "load/limits.h"
#include "util/terminal.h"

namespace procedura {

enum class RunFormat { Text, Json, Markdown };

struct RunOptions {
  std::string target;  // procedure id or file; empty: the menu
  std::vector<std::string> procedure_dirs;
  std::string lang;  // pl|en; empty: the procedure's first language
  std::string answers_file;
  std::string directory_file;
  RunFormat format = RunFormat::Text;
  std::string operator_name;
  std::string transcript;  // explicit file
  bool no_transcript = false;
  bool keep_personal = false;
  std::string resume;  // transcript to continue
  bool plain = false;
  bool details = false;   // text report: full texts instead of the one-line `short` forms
  bool no_pager = false;  // never page the report (a report taller than the screen is paged)
  ColorMode color = ColorMode::Auto;
  uint64_t max_file_bytes = Limits{}.max_file_bytes;  // procedure, answers and transcript files
};

// Exit status: 0 completed, 2 bad input / transcript failure, 3 unanswered or end of
// input, 130 interrupted or quit.
int run_procedure(const RunOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
