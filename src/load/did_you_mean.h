#pragma once
#include <span>
#include <string>
#include <string_view>

namespace procedura {

// The closest candidate by edit distance, if close enough to be a likely typo; else "".
std::string_view closest_match(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace procedura
