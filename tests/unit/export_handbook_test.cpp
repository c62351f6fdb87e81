#include <doctest/doctest.h>

#include <sstream>

#include "export/handbook.h"
#include "export/handbook_facts.h"
#include "trainer_support.h"

using namespace procedura;
using namespace procedura::trainer_testing;

namespace {

std::vector<std::string> texts(const std::vector<const Action*>& actions) {
  std::vector<std::string> out;
  for (const Action* a : actions) out.push_back(a->id.empty() ? a->text.in("pl") : a->id);
  return out;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int node(const Procedure& p, const std::string& id) {
  return p.index_of(id);
}

}  // namespace

TEST_SUITE("export handbook escaping") {
  TEST_CASE("HTML escaping covers markup, attributes and line breaks") {
    CHECK(html_escape("a < b & \"c\" 'd' >") == "a &lt; b &amp; &quot;c&quot; &#39;d&#39; &gt;");
    CHECK(html_escape("one\ntwo") == "one<br>two");
    CHECK(html_escape("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  TEST_CASE("Markdown escaping neutralises emphasis, links, tables and HTML") {
    CHECK(markdown_escape("*a* _b_ [c](d) <e> | f # g `h` ~i~ &amp; \\") ==
          "\\*a\\* \\_b\\_ \\[c\\](d) \\<e\\> \\| f \\# g \\`h\\` \\~i\\~ \\&amp; \\\\");
    CHECK(markdown_escape("one\ntwo", "   ") == "one\\\n   two");
    CHECK(markdown_escape("zażółć 1. - +") == "zażółć 1. - +");
  }
}

TEST_SUITE("export handbook facts") {
  TEST_CASE("an outcome's checklist: its own actions, then what paths to it collect earlier") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    auto adult = handbook::OutcomeChecklists(p).of(node(p, "dorosly"));
    CHECK(texts(adult.own) == std::vector<std::string>{"Zadzwoń na policję | 112", "notatka"});
    // The court notice is on the case leading to the call only, never on the way to "dorosly".
    CHECK(texts(adult.earlier) == std::vector<std::string>{"izoluj", "powiadom_dyrektora"});
    auto handed = handbook::OutcomeChecklists(p).of(node(p, "przekazany"));
    CHECK(texts(handed.own) == std::vector<std::string>{"notatka"});
    CHECK(texts(handed.earlier) == std::vector<std::string>{"izoluj", "powiadom_dyrektora",
                                                            "zawiadom_sad", "wezwij_rodzicow"});
  }

  TEST_CASE("recipients and legal bases, through the called procedure too, in first-use order") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    std::vector<std::string> recipients;
    for (const auto& r : handbook::recipients_notified(p)) recipients.push_back(r.recipient->id);
    CHECK(recipients == std::vector<std::string>{"dyrektor", "sad_rodzinny", "rodzice"});
    std::vector<std::string> bases;
    for (const LegalBasis* b : handbook::bases_cited(p)) bases.push_back(b->id);
    CHECK(bases == std::vector<std::string>{"upn-art-4", "kpc-572"});
  }

  TEST_CASE("nodes are numbered in reading order, breadth-first from the start") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    auto numbers = handbook::node_numbers(p);
    CHECK(numbers[node(p, "zagrozenie")] == 1);
    CHECK(numbers[node(p, "pogotowie")] == 2);
    CHECK(numbers[node(p, "wiek")] == 3);
    CHECK(numbers[node(p, "wedlug_wieku")] == 4);
    CHECK(numbers[node(p, "opiekunowie")] == 5);
    CHECK(numbers[node(p, "dorosly")] == 6);
    CHECK(numbers[node(p, "przekazany")] == 7);
  }
}

TEST_SUITE("export handbook html") {
  TEST_CASE("one self-contained document; A4 pages, the flow on a named A1 poster page") {
    auto catalog = load_ok({fixture("basic")});
    std::ostringstream out;
    HandbookOptions options;
    options.flow = FlowStyle::Outline;
    options.poster = true;
    CHECK(write_handbook_html({&procedure(*catalog, "interwencja")}, out, options).empty());
    std::string html = out.str();
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"pl\">", 0) == 0);
    CHECK(contains(html, "@page { size: A4;"));
    CHECK(contains(html, "@page poster { size: 841mm 594mm;"));
    CHECK(contains(html, "body.poster .flow { page: poster; }"));
    CHECK(contains(html, "<body class=\"poster\">"));
    CHECK_FALSE(contains(html, "<script"));
    CHECK_FALSE(contains(html, "src="));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "<svg"));
    CHECK(contains(html, "<title>Uczeń pod wpływem &quot;dopalaczy&quot;</title>"));
    CHECK(contains(html, "Postępowanie nauczyciela &lt;krok po kroku&gt; &amp; bez zwłoki."));
    CHECK(html.substr(html.size() - 8) == "</html>\n");
  }

  TEST_CASE(
      "questions carry help and legal basis; outcomes their checklists; bases their text and url") {
    auto catalog = load_ok({fixture("basic")});
    std::ostringstream out;
    HandbookOptions options;
    options.flow = FlowStyle::Outline;
    CHECK(write_handbook_html({&procedure(*catalog, "interwencja")}, out, options).empty());
    std::string html = out.str();
    CHECK_FALSE(contains(html, "<body class=\"poster\">"));
    CHECK(contains(html, "<h3>1. Czy życie lub zdrowie ucznia jest zagrożone?</h3>"));
    CHECK(contains(html,
                   "<p class=\"help\">Np. utrata przytomności, &quot;drgawki&quot;, wymioty.</p>"));
    CHECK(contains(html, "<a href=\"#basis-upn-art-4\">art. 4 § 1 u.p.n.</a>"));
    CHECK(contains(html, "<h3>7. Uczeń przekazany rodzicom [koniec]</h3>"));
    CHECK(contains(
        html,
        "<li>Zawiadom sąd rodzinny na piśmie <span class=\"basis\">(✉ Sąd rejonowy — wydział "
        "rodzinny i nieletnich · 24 h · na piśmie · <a href=\"#basis-kpc-572\">art. 572 § 1 "
        "k.p.c.</a>)</span></li>"));
    CHECK(contains(html,
                   "<dt id=\"basis-kpc-572\">art. 572 § 1 k.p.c. <a class=\"url\" "
                   "href=\"https://isap.sejm.gov.pl/\">https://isap.sejm.gov.pl/</a></dt>"));
    CHECK(contains(html, "<tr><th>Rodzice lub opiekunowie</th>"));
  }

  TEST_CASE("several procedures get a table of contents and one section each") {
    auto catalog = load_ok({fixture("basic")});
    std::ostringstream out;
    HandbookOptions options;
    options.flow = FlowStyle::Outline;
    options.lang = "en";
    CHECK(write_handbook_html(catalog->runnable(), out, options).empty());
    std::string html = out.str();
    CHECK(contains(html, "<nav class=\"toc\">\n<h1>Contents</h1>"));
    CHECK(contains(html,
                   "<li><a href=\"#p-interwencja\">A pupil under the influence of &quot;legal "
                   "highs&quot;</a>"));
    CHECK(contains(html, "<li><a href=\"#p-kontakt-z-rodzicami\">Contacting the parents</a>"));
    CHECK(contains(html, "<section class=\"procedure\" id=\"p-kontakt-z-rodzicami\">"));
    // The shared basis is anchored once even though both procedures cite it.
    size_t first = html.find("id=\"basis-kpc-572\"");
    REQUIRE(first != std::string::npos);
    CHECK(html.find("id=\"basis-kpc-572\"", first + 1) == std::string::npos);
  }

  TEST_CASE("a legal basis url that is not a web address is never a live link") {
    TempDir dir;
    std::string file =
        dir.write("p.yaml",
                  "format: 1\nid: p\nversion: 1.0.0\ntitle: P\n"
                  "legal_basis:\n  x:\n    cite: X\n    url: \"javascript:alert(1)\"\n"
                  "start: a\nnodes:\n  a:\n    outcome: A\n    basis: [x]\n");
    auto catalog = std::make_unique<Catalog>(load_catalog({file}));
    std::ostringstream out;
    HandbookOptions options;
    options.flow = FlowStyle::Outline;
    CHECK(write_handbook_html({&procedure(*catalog, "p")}, out, options).empty());
    CHECK_FALSE(contains(out.str(), "href=\"javascript"));
    CHECK(contains(out.str(), "<dt id=\"basis-x\">X javascript:alert(1)</dt>"));
  }
}
