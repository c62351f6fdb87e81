#include <doctest/doctest.h>

#include <regex>
#include <sstream>

#include "export/graph.h"
#include "trainer_support.h"

using namespace procedura;
using namespace procedura::trainer_testing;

namespace {

std::string dot_of(const Procedure& p, const std::string& lang = "") {
  std::ostringstream out;
  write_dot(p, out, GraphOptions{lang});
  return out.str();
}

std::string mermaid_of(const Procedure& p, const std::string& lang = "") {
  std::ostringstream out;
  write_mermaid(p, out, GraphOptions{lang});
  return out.str();
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

}  // namespace

TEST_SUITE("export graph escaping") {
  TEST_CASE("DOT strings escape quotes, backslashes and line breaks") {
    CHECK(dot_quote("plain") == "\"plain\"");
    CHECK(dot_quote("a \"b\"") == "\"a \\\"b\\\"\"");
    CHECK(dot_quote("C:\\x\\y") == "\"C:\\\\x\\\\y\"");
    CHECK(dot_quote("one\ntwo") == "\"one\\ntwo\"");
    CHECK(dot_quote("tab\there\r") == "\"tab here \"");
    CHECK(dot_quote("zażółć <b> {r|s}") == "\"zażółć <b> {r|s}\"");
    CHECK(dot_quote(std::string("bad \xff byte")) == "\"bad \xEF\xBF\xBD byte\"");
  }

  TEST_CASE("Mermaid text uses entity codes for what would end or alter a label") {
    CHECK(mermaid_text("say \"hi\"") == "say #quot;hi#quot;");
    CHECK(mermaid_text("#quot;") == "#35;quot;");  // a literal entity stays literal
    CHECK(mermaid_text("a < b > c & d") == "a #60; b #62; c #38; d");
    CHECK(mermaid_text("x | y `z`") == "x #124; y #96;z#96;");
    CHECK(mermaid_text("one\ntwo") == "one<br/>two");
    CHECK(mermaid_text("[ok] (ok) {ok} ąę") == "[ok] (ok) {ok} ąę");
  }

  TEST_CASE("Mermaid ids keep letters, digits and underscores and avoid keywords") {
    CHECK(mermaid_id("zagrozenie") == "n_zagrozenie");
    CHECK(mermaid_id("a-b") == "n_a_b");
    CHECK(mermaid_id("end") == "n_end");
  }
}

TEST_SUITE("export graph dot") {
  TEST_CASE("each node kind has its own shape and the start is marked") {
    auto catalog = load_ok({fixture("basic")});
    std::string dot = dot_of(procedure(*catalog, "interwencja"));
    CHECK(contains(dot, "\"zagrozenie\" [shape=hexagon"));
    CHECK(contains(dot, "\"pogotowie\" [shape=box, style=\"filled\""));
    CHECK(contains(dot, "\"wedlug_wieku\" [shape=diamond"));
    CHECK(contains(dot, "\"opiekunowie\" [shape=box3d"));
    CHECK(contains(dot, "\"przekazany\" [shape=box, style=\"rounded,filled,bold\""));
    CHECK(contains(dot, "\" start\" -> \"zagrozenie\";"));
    CHECK(contains(dot, "label=\"Uczeń pod wpływem \\\"dopalaczy\\\"\\ninterwencja 1.2.0\""));
  }

  TEST_CASE("edges carry answers and conditions; answers' actions ride on their edge") {
    auto catalog = load_ok({fixture("basic")});
    std::string dot = dot_of(procedure(*catalog, "interwencja"));
    CHECK(contains(dot, "\"zagrozenie\" -> \"pogotowie\" [label=\"tak\"];"));
    CHECK(contains(
        dot,
        "\"zagrozenie\" -> \"wiek\" [label=\"nie\\n▸ Odizoluj ucznia pod opieką\\ndorosłego\"];"));
    // Branch edges carry the answers of the question tested, not the expression.
    CHECK(contains(dot, "\"wedlug_wieku\" -> \"opiekunowie\" [label=\"< 13 lat\"];"));
    CHECK(contains(
        dot, "\"wedlug_wieku\" -> \"dorosly\" [label=\"w przeciwnym razie\", style=dashed];"));
    CHECK(contains(dot, "\"wiek\" -> \"wedlug_wieku\";"));
    CHECK(contains(dot, "\"opiekunowie\" -> \"przekazany\";"));
  }

  TEST_CASE("notifications are compact lines with recipient and deadline") {
    auto catalog = load_ok({fixture("basic")});
    std::string dot = dot_of(procedure(*catalog, "interwencja"));
    CHECK(contains(dot, "✉ Dyrektor szkoły (natychmiast)"));
    CHECK(contains(dot, "✉ Sąd rejonowy — wydział rodzinny i\\nnieletnich (24 h)"));
    CHECK(contains(dot, "✎ Sporządź notatkę służbową (ścieżka\\nC:\\\\szkoła\\\\notatki)"));
    CHECK(contains(dot, "↪ Kontakt z rodzicami"));
  }

  TEST_CASE("--lang switches texts, answers and words") {
    auto catalog = load_ok({fixture("basic")});
    std::string dot = dot_of(procedure(*catalog, "interwencja"), "en");
    CHECK(contains(dot, "[label=\"yes\"]"));
    CHECK(contains(dot, "label=\"otherwise\""));
    CHECK(contains(dot, "✉ Head teacher (immediately)"));
    CHECK_FALSE(contains(dot, "Dyrektor"));
  }

  TEST_CASE("choice labels with quotes are escaped") {
    auto catalog = load_ok({fixture("basic")});
    std::string dot = dot_of(procedure(*catalog, "kontakt-z-rodzicami"));
    CHECK(contains(dot, "[label=\"Nie (\\\"brak kontaktu\\\")\"]"));
    CHECK(contains(dot, "[label=\"Tak, przyjadą\\n‼ ✉ Rodzice lub opiekunowie\\n(natychmiast)\"]"));
  }

  TEST_CASE("unreachable nodes are dashed") {
    TempDir dir;
    std::string file = dir.write("p.yaml",
                                 "format: 1\nid: p\nversion: 1.0.0\ntitle: P\nstart: a\nnodes:\n"
                                 "  a:\n    outcome: A\n  b:\n    step: B\n    next: a\n");
    auto catalog = std::make_unique<Catalog>(load_catalog({file}));
    std::string dot = dot_of(procedure(*catalog, "p"));
    CHECK(contains(dot, "\"b\" [shape=box, style=\"filled,dashed\""));
    CHECK(contains(dot, "\"a\" [shape=box, style=\"rounded,filled,bold\""));
  }
}

TEST_SUITE("export graph mermaid") {
  TEST_CASE("every line is a node, an edge, a class or the header") {
    for (const char* id : {"interwencja", "kontakt-z-rodzicami"}) {
      auto catalog = load_ok({fixture("basic")});
      std::string mermaid = mermaid_of(procedure(*catalog, id));
      std::vector<std::string> all = lines(mermaid);
      REQUIRE(all.size() > 6);
      CHECK(all[0] == "---");
      CHECK(all[3] == "flowchart TD");
      // A label is one quoted string: no raw quote may appear inside it.
      std::regex node(
          R"re(  n_[A-Za-z0-9_]+(\{\{|\[\[|\(\[|\[|\{)"[^"]*"(\}\}|\]\]|\]\)|\]|\}))re");
      std::regex edge(
          R"re(  (n_[A-Za-z0-9_]+|start_\(\(" "\)\)) (-->|-\.->)(\|"[^"]*"\|)? n_[A-Za-z0-9_]+)re");
      std::regex cls(R"re(  (classDef [a-z_]+ .+|class [A-Za-z0-9_,]+ [a-z_]+))re");
      for (size_t i = 4; i < all.size(); ++i) {
        INFO(all[i]);
        CHECK((std::regex_match(all[i], node) || std::regex_match(all[i], edge) ||
               std::regex_match(all[i], cls)));
      }
    }
  }

  TEST_CASE("shapes per kind, labelled edges and classes") {
    auto catalog = load_ok({fixture("basic")});
    std::string mermaid = mermaid_of(procedure(*catalog, "interwencja"));
    CHECK(contains(mermaid,
                   "  n_zagrozenie{{\"Czy życie lub zdrowie ucznia jest<br/>zagrożone?\"}}"));
    CHECK(contains(mermaid, "  n_wedlug_wieku{\"Ile lat ma uczeń?\"}"));
    CHECK(contains(mermaid, "  n_opiekunowie[[\"↪ Kontakt z rodzicami\"]]"));
    CHECK(contains(mermaid, "  n_dorosly([\"Pełnoletni"));
    CHECK(contains(mermaid, "  n_wedlug_wieku -->|\"#60; 13 lat\"| n_opiekunowie"));
    CHECK(contains(mermaid, "  n_wedlug_wieku -.->|\"w przeciwnym razie\"| n_dorosly"));
    CHECK(contains(mermaid, "▸ Zadzwoń na policję #124; 112"));
    // `call` is a Mermaid keyword: classes are named kind_*.
    CHECK(contains(mermaid, "  class n_zagrozenie,n_wiek kind_ask"));
    CHECK(contains(mermaid, "  classDef kind_call "));
    CHECK_FALSE(contains(mermaid, "classDef call "));
    CHECK(contains(mermaid, "title: \"Uczeń pod wpływem \\\"dopalaczy\\\" (interwencja 1.2.0)\""));
  }

  TEST_CASE("ids that sanitize alike stay distinct, and `end` is not a bare keyword") {
    auto catalog = load_ok({fixture("escaping")});
    std::string mermaid = mermaid_of(procedure(*catalog, "znaki"));
    CHECK(contains(mermaid, "  n_a_b{{"));
    CHECK(contains(mermaid, "  n_a_b_2[\"Krok --#62; z strzałką"));
    CHECK(contains(mermaid, "  n_a_b -->|\"[opcja] #quot;pierwsza#quot; #124; {1}\"| n_a_b_2"));
    CHECK(contains(mermaid, "  n_a_b -->|\"end\"| n_end"));
    CHECK(contains(mermaid, "  n_end([\"Koniec (graph) digraph { } #quot;#quot;\"])"));
  }
}
