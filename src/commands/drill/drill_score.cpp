#include "commands/drill/drill_score.h"

#include <cctype>

namespace procedura {

DrillScore score_drill(const std::vector<DrillItem>& items, const std::set<size_t>& picked) {
  DrillScore score;
  size_t required = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    bool chosen = picked.count(i) > 0;
    if (items[i].required) ++required;
    if (items[i].required && chosen) score.correct.push_back(i);
    if (items[i].required && !chosen) score.missed.push_back(i);
    if (!items[i].required && chosen) score.wrong.push_back(i);
  }
  size_t denominator = required + score.wrong.size();
  score.percent =
      denominator == 0
          ? 100
          : static_cast<int>((score.correct.size() * 100 + denominator / 2) / denominator);
  return score;
}

ParsedChoices parse_choices(std::string_view line, size_t count) {
  ParsedChoices result;
  size_t i = 0;
  while (i < line.size()) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (std::isspace(c) || c == ',') {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < line.size() && !std::isspace(static_cast<unsigned char>(line[end])) &&
           line[end] != ',')
      ++end;
    std::string_view token = line.substr(i, end - i);
    i = end;
    size_t number = 0;
    bool digits = token.size() <= 9;
    for (char d : token) {
      if (d < '0' || d > '9') digits = false;
      if (digits) number = number * 10 + static_cast<size_t>(d - '0');
    }
    if (!digits || number < 1 || number > count) {
      result.bad = std::string(token);
      result.picked.clear();
      return result;
    }
    result.picked.insert(number - 1);
  }
  return result;
}

}  // namespace procedura
