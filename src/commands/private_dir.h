#pragma once
// The lint cache directory holds findings that are replayed without checking the files
// again, so whoever can write there decides what lint reports: it must be private.
#include <string>

namespace procedura {

// Creates `dir` (missing parents with the usual mode, the directory itself 0700), or
// makes an existing directory of ours 0700. Returns "" when the directory is a private
// directory of this user, else why it cannot be used (owned by someone else, not a
// directory, cannot be created).
std::string private_cache_dir(const std::string& dir);

}  // namespace procedura
