#pragma once
// The few fixed words the exports print around a procedure's own texts (headings, yes/no,
// "otherwise"), in Polish and English. Any other language falls back to English.
#include <string_view>

namespace procedura::words {

enum class Word {
  Yes,
  No,
  Otherwise,
  Immediately,
  Flow,
  Questions,
  Steps,
  Outcomes,
  Recipients,
  LegalBases,
  Contents,
  Version,
  Audience,
  ReviewBy,
  Help,
  LegalBasis,
  Answers,
  Checklist,
  OnTheWay,
  Notified,
  Start,
  CallsProcedure,
  Then,
  End,
  Decides,
  Number,
  FreeText,
  AnyOf,
  Collects,
  Unreachable,
  Area,
  Keywords,
  Cautions,
  Concerns,
  Urgent,
  Part,
  PartOf,
  FromPart,
  FlowInParts,
};

std::string_view word(Word w, std::string_view lang);

}  // namespace procedura::words
