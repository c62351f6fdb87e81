#pragma once
// The forms of a path used to tell whether two names mean the same file, or to record where
// something was loaded from whatever the working directory is later.
#include <string>

namespace procedura {

// `path` made absolute and normalised (lexically: no link is followed); as given when the
// working directory cannot be read.
std::string absolute_path(const std::string& path);

// `path` with its links resolved as far as it exists, else absolute and normalised: one key
// for a file however it is named.
std::string canonical_path(const std::string& path);

// This user's cache folder for `name` (`$XDG_CACHE_HOME/procedura/NAME`, else
// `~/.cache/procedura/NAME`); empty when neither variable gives one.
std::string user_cache_dir(const std::string& name);

}  // namespace procedura
