#pragma once
// Drawing a random path for `procedura drill`: at each question a random valid answer. A
// number question draws from one value per region its branches tell apart (see
// check/sample_domains.h), so every interval has a chance; a text question from the strings
// it is compared with plus `any_text`. An answer already given to the same question is not
// drawn again, so a question loop (retry until "yes") always ends.
#include <string>

#include "engine/session.h"
#include "util/seeded_random.h"

namespace procedura {

struct WalkResult {
  enum class End { Outcome, Exhausted, Error };
  End end = End::Outcome;
  std::string node;   // Exhausted: the question whose answers were all given already
  std::string error;  // Error: Session::error()
};

// Answers `session` (fresh) until an outcome or a dead end; after a dead end the caller may
// try again with a fresh session (the generator has moved on).
WalkResult walk_random_path(engine::Session& session, SeededRandom& random,
                            const std::string& any_text);

}  // namespace procedura
