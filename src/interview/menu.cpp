#include "interview/menu.h"

#include <algorithm>

#include "interview/input.h"
#include "messages/messages.h"

namespace procedura::interview {

using messages::Msg;
using messages::say;
std::string area_of(const Procedure& procedure, std::string_view lang) {
  return procedure.area.present ? procedure.area.in(lang) : std::string();
}

namespace {

// Every language's words: an operator may type Polish words in an English menu.
std::vector<std::string> keywords_of(const Procedure& procedure) {
  return procedure.keywords.all();
}

}  // namespace

std::vector<MenuGroup> menu_groups(const std::vector<const Procedure*>& procedures,
                                   std::string_view lang) {
  std::vector<MenuGroup> groups;
  MenuGroup general{say(lang, Msg::MenuOtherArea), {}};
  for (const Procedure* p : procedures) {
    // A YAML file that names no procedure (an answers file kept beside the procedures, a
    // file missing its id) is nothing an operator can choose; lint reports it.
    if (p->id.empty()) continue;
    std::string heading = area_of(*p, lang);
    if (heading.empty()) {
      general.entries.push_back({0, p});
      continue;
    }
    auto it = std::find_if(groups.begin(), groups.end(),
                           [&](const MenuGroup& g) { return g.heading == heading; });
    if (it == groups.end()) it = groups.insert(groups.end(), MenuGroup{heading, {}});
    it->entries.push_back({0, p});
  }
  // With no areas at all, the list needs no heading.
  if (groups.empty()) general.heading.clear();
  if (!general.entries.empty()) groups.push_back(std::move(general));
  size_t number = 0;
  for (MenuGroup& group : groups)
    for (MenuEntry& entry : group.entries) entry.number = ++number;
  return groups;
}

bool menu_matches(const Procedure& procedure, std::string_view typed, std::string_view lang) {
  std::string haystack = procedure.title.in(lang) + "\n" + procedure.id + "\n";
  for (const auto& [code, text] : procedure.title.translations()) haystack += text + "\n";
  haystack += area_of(procedure, lang) + "\n";
  for (const std::string& word : keywords_of(procedure)) haystack += word + "\n";
  haystack = fold_letters(haystack);
  std::string words = fold_letters(typed);
  bool any = false;
  for (size_t at = 0; at < words.size();) {
    size_t end = words.find(' ', at);
    if (end == std::string::npos) end = words.size();
    if (end > at) {
      any = true;
      if (haystack.find(words.substr(at, end - at)) == std::string::npos) return false;
    }
    at = end + 1;
  }
  return any;
}

}  // namespace procedura::interview
