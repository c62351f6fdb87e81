#pragma once
#include <cstdint>
// `procedura verify FILE`: checks a transcript's hash chain and seal.
#include <iosfwd>
#include <string>

namespace procedura {

// 0 sealed and intact, 1 intact but not sealed (resumable), 2 broken (the first bad line
// named) or unreadable.
int verify_transcript(const std::string& path, std::ostream& out, std::ostream& err,
                      uint64_t max_bytes = 8u << 20);

}  // namespace procedura
