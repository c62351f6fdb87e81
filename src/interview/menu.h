#pragma once
// The procedures an operator chooses from, as the menu of `procedura run` and the listing of
// `procedura list` show them: grouped under their `area` (those without one under a general
// heading), numbered once in that order so a number never changes while the menu is
// filtered, and found by words of the title, id, keywords or area, ignoring case and Polish
// letters.
#include <string>
#include <string_view>
#include <vector>

#include "model/procedure.h"

namespace procedura::interview {

struct MenuEntry {
  size_t number = 0;  // 1-based, stable while filtering
  const Procedure* procedure = nullptr;
};

struct MenuGroup {
  std::string heading;  // the area in the menu language, the general heading, or "" (no areas)
  std::vector<MenuEntry> entries;
};

// The procedure's area in `lang`, "" when it has none.
std::string area_of(const Procedure& procedure, std::string_view lang);

// Groups in order of their first procedure; procedures in the given order within a group;
// the general group (no area) last.
std::vector<MenuGroup> menu_groups(const std::vector<const Procedure*>& procedures,
                                   std::string_view lang);

// True when every word typed is found in the procedure's title, id, keywords or area.
bool menu_matches(const Procedure& procedure, std::string_view typed, std::string_view lang);

}  // namespace procedura::interview
