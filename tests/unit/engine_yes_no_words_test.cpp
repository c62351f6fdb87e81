// One table of yes/no words: what each reader accepts, and what it must not.
#include <doctest/doctest.h>

#include "engine/yes_no_words.h"

using procedura::engine::yes_no_word;
using procedura::engine::YesNoWords;

TEST_CASE("typed yes/no words: both languages, short forms, any case; not true/false") {
  for (const char* word : {"tak", "TAK", "t", "yes", "Y"})
    CHECK(yes_no_word(word, YesNoWords::Typed) == std::optional<bool>(true));
  for (const char* word : {"nie", "N", "no"})
    CHECK(yes_no_word(word, YesNoWords::Typed) == std::optional<bool>(false));
  CHECK_FALSE(yes_no_word("true", YesNoWords::Typed));
  CHECK_FALSE(yes_no_word("nie wiem", YesNoWords::Typed));
  CHECK_FALSE(yes_no_word("ta", YesNoWords::Typed));
}

TEST_CASE("written yes/no words: yes/true/tak and no/false/nie, never a single letter") {
  CHECK(yes_no_word("True", YesNoWords::Written) == std::optional<bool>(true));
  CHECK(yes_no_word("nie", YesNoWords::Written) == std::optional<bool>(false));
  CHECK_FALSE(yes_no_word("t", YesNoWords::Written));
  CHECK_FALSE(yes_no_word("n", YesNoWords::Written));
}

TEST_CASE("at a yes_no prompt every word of both lists answers") {
  for (const char* word : {"t", "true", "tak", "yes"})
    CHECK(yes_no_word(word, YesNoWords::Any) == std::optional<bool>(true));
  for (const char* word : {"n", "false", "nie", "no"})
    CHECK(yes_no_word(word, YesNoWords::Any) == std::optional<bool>(false));
  CHECK_FALSE(yes_no_word("", YesNoWords::Any));
}
