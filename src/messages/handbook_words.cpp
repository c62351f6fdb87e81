#include "messages/handbook_words.h"

namespace procedura::words {

namespace {
struct Entry {
  std::string_view pl;
  std::string_view en;
};

// Indexed by Word; keep in the enum's order.
constexpr Entry kWords[] = {
    {"tak", "yes"},
    {"nie", "no"},
    {"w przeciwnym razie", "otherwise"},
    {"natychmiast", "immediately"},
    {"Przebieg", "Flow"},
    {"Pytania", "Questions"},
    {"Czynności", "Steps"},
    {"Zakończenia", "Outcomes"},
    {"Adresaci zawiadomień", "Recipients"},
    {"Podstawy prawne", "Legal bases"},
    {"Spis treści", "Contents"},
    {"wersja", "version"},
    {"Dla", "For"},
    {"Do przeglądu do", "Review by"},
    {"Wyjaśnienie", "Help"},
    {"Podstawa prawna", "Legal basis"},
    {"Odpowiedzi", "Answers"},
    {"Lista kontrolna", "Checklist"},
    {"Wcześniej, zależnie od odpowiedzi, także", "Earlier, depending on the answers, also"},
    {"Zawiadamiany przez", "Notified by"},
    {"Początek", "Start"},
    {"Procedura", "Procedure"},
    {"dalej", "then"},
    {"koniec", "end"},
    {"rozstrzygnięcie według warunków", "decided by conditions"},
    {"liczba", "number"},
    {"tekst", "free text"},
    {"dowolne z", "any of"},
    {"zbiera", "collects"},
    {"nieosiągalny z początku", "not reachable from the start"},
    {"Obszar", "Area"},
    {"Słowa kluczowe", "Keywords"},
    {"NIE WOLNO", "DO NOT"},
    {"dotyczy", "concerns"},
    {"TERAZ", "NOW"},
    {"część", "part"},
    {"z", "of"},
    {"z części", "from part"},
    {"Przebieg jest podzielony na części, każda na osobnej stronie; strzałka „→ część N” "
     "prowadzi do dalszego ciągu, „← z części N” wskazuje, skąd się tu przychodzi.",
     "The flow is split into parts, each on its own page; an arrow \"→ part N\" leads on, "
     "\"← from part N\" shows where you come from."},
};

static_assert(sizeof(kWords) / sizeof(kWords[0]) == static_cast<size_t>(Word::FlowInParts) + 1,
              "one entry per Word");
}  // namespace

std::string_view word(Word w, std::string_view lang) {
  const Entry& entry = kWords[static_cast<size_t>(w)];
  return lang == "pl" ? entry.pl : entry.en;
}

}  // namespace procedura::words
