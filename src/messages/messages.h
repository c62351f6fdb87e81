#pragma once
// Every string the interview, the run report and the run command show, in Polish and English.
// Texts are fmt format strings; `say(lang, Msg::X, args...)` picks and fills one.
#include <fmt/format.h>

#include <string>
#include <string_view>

#include "model/procedure.h"

namespace procedura::messages {

enum class Msg {
#define PROCEDURA_MESSAGE(symbol, pl, en) symbol,
#include "messages/messages.def"
#undef PROCEDURA_MESSAGE
};

// "pl" for Polish; any other code gets English.
std::string_view message(std::string_view lang, Msg id);

template <typename... Args>
std::string say(std::string_view lang, Msg id, Args&&... args) {
  return fmt::format(fmt::runtime(message(lang, id)), std::forward<Args>(args)...);
}

// "natychmiast" / "w ciągu 24 h" / "w ciągu 3 dni" and the English equivalents.
std::string deadline_text(std::string_view lang, const Deadline& deadline);
std::string channel_text(std::string_view lang, Channel channel);
// The same in a report's detail line, where every column counts ("tel." for phone).
std::string channel_brief(std::string_view lang, Channel channel);
std::string_view yes_word(std::string_view lang);
std::string_view no_word(std::string_view lang);

}  // namespace procedura::messages
