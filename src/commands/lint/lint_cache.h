#pragma once
// `procedura lint --cache`: a file's diagnostics are stored under a key hashing the bytes of
// the file and of every file it is linked with (imports, called procedures, files sharing
// an id), the procedura version and the options that change results. A warm run reads and
// hashes the files, replays the stored diagnostics of every file whose key still matches,
// and loads and checks only the others together with what they are linked with.
#include <string>
#include <vector>

#include "commands/lint/lint_run.h"

namespace procedura {

// $XDG_CACHE_HOME/procedura/lint, else ~/.cache/procedura/lint; "" when neither is known.
std::string default_lint_cache_dir();

// Lints `found` using the cache in `dir`. Problems with the cache itself (unwritable
// directory) are reported once on `warnings` and never change the result.
LintRun lint_with_cache(const std::vector<FoundFile>& found, const LintSettings& settings,
                        const std::string& dir, std::string& warnings);

}  // namespace procedura
