#pragma once
// Small text helpers shared by every layer: trimming, and the case and letter folding that
// lets an operator type "zrodlo" for "Źródło". Polish letters are the only non-ASCII ones
// folded; other text passes through unchanged.
#include <string>
#include <string_view>

namespace procedura::text {

// Without leading and trailing spaces, tabs, carriage returns and newlines.
std::string_view trim(std::string_view text);

// Lower case: ASCII letters and the nine Polish capitals (Ą → ą).
std::string fold_case(std::string_view text);

// Lower case with Polish letters as their ASCII base letters (Ż → z, ó → o).
std::string fold_letters(std::string_view text);

}  // namespace procedura::text
