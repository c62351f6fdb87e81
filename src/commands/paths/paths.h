#pragma once
// `procedura paths`: how many distinct routes a procedure has from start to an outcome.
//
// A path is a sequence of edges: each option of a yes_no or choice question is its own
// edge (two options leading to the same node are two paths, since the answers differ);
// a multi, number or text question is one edge (the subset or value chosen does not change
// the route); each branch case and `otherwise` is its own edge, whether or not its
// condition can hold. A call contributes the callee's paths times the paths after it.
// Only paths that end at an outcome count. Numbers are exact (arbitrary precision).
#include <iosfwd>
#include <string>
#include <vector>

#include "commands/paths/paths_big_uint.h"
#include "model/procedure.h"

namespace procedura {

struct PathCount {
  bool infinite = false;
  std::string loop_node;       // a node on the loop, when infinite
  std::string loop_procedure;  // the procedure holding it
  bool through_question = false;
  BigUint count;
};

PathCount count_paths(const Procedure& procedure);

// What `procedura paths` computes: the number of paths, or the scenarios (paths_list.h).
enum class PathsMode { None, Count, List };

struct PathsOptions {
  std::string target;                   // a procedure file, or a procedure id on the search path
  std::vector<std::string> procedures;  // --procedures DIR (for an id)
  PathsMode mode = PathsMode::None;
  size_t limit = 100;  // List: at most this many scenarios
};

// Exit status: 0 printed (a listing stopped at the limit too), 2 usage or a procedure that cannot
// be loaded.
int run_paths(const PathsOptions& options, std::ostream& out, std::ostream& err);

}  // namespace procedura
