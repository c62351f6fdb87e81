#pragma once
// A cache of parsed YAML trees, so that `run` does not parse the same procedure and
// library files with yaml-cpp at every start: parsing is nearly all of a run's start-up.
// An entry holds the file's bytes, compared in full before use, so an entry can only ever
// stand for the very content it was made from, and names the build of procedura that made
// it (whose parse and checks it stands for), so another build parses again; anything
// unexpected in it (a short or
// altered file, an index out of range, a node with two parents, nesting beyond the limit)
// makes it a miss, and the file is parsed as usual.
#include <optional>
#include <string>

#include "load/limits.h"
#include "load/yaml_tree.h"
#include "model/diagnostic.h"
#include "model/source_file.h"

namespace procedura {

// $XDG_CACHE_HOME/procedura/trees, else ~/.cache/procedura/trees; "" when neither is known.
std::string default_tree_cache_dir();

// The cached tree of `file`, or nullopt when there is none that matches it exactly.
std::optional<YamlDocument> read_cached_tree(const std::string& dir, const SourceFile& file,
                                             const Limits& limits);

// Stores `doc` (parsed from `file` without any diagnostic). Failures are ignored: the cache
// only saves time.
void write_cached_tree(const std::string& dir, const SourceFile& file, const Limits& limits,
                       const YamlDocument& doc);

// parse_yaml and the checks on the tree (control characters, quoted scalars), through the
// cache in `dir` ("" parses and checks every time). Only trees that gave no diagnostic at
// all are stored, so a cached file reports exactly what a parse and the checks would.
YamlDocument parse_yaml_checked(const SourceFile& file, const Limits& limits,
                                const std::string& dir, Diagnostics& diagnostics);

}  // namespace procedura
