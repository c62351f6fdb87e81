#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <sstream>

#include "export/flow.h"
#include "export/flow_figures.h"
#include "export/flow_split.h"
#include "export/graph.h"
#include "export/graphviz.h"
#include "trainer_support.h"

using namespace procedura;
using namespace procedura::trainer_testing;

namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// Every node in exactly one part, each part's nodes in reading order.
void check_partition(const Procedure& p, const std::vector<std::vector<int>>& parts) {
  std::vector<int> reading = flow::reading_order(p);
  std::vector<int> rank(p.nodes.size());
  for (size_t i = 0; i < reading.size(); ++i) rank[reading[i]] = static_cast<int>(i);
  std::multiset<int> seen;
  for (const auto& part : parts) {
    CHECK_FALSE(part.empty());
    CHECK(
        std::is_sorted(part.begin(), part.end(), [&](int a, int b) { return rank[a] < rank[b]; }));
    seen.insert(part.begin(), part.end());
  }
  CHECK(seen.size() == p.nodes.size());
  CHECK(std::set<int>(seen.begin(), seen.end()).size() == p.nodes.size());
}

}  // namespace

TEST_SUITE("export flow split") {
  TEST_CASE("a flow that fits stays one part") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    auto parts = flow::split_flow(p, [](const std::vector<int>&) { return true; });
    REQUIRE(parts.size() == 1);
    check_partition(p, parts);
  }

  TEST_CASE("parts are bounded, cover every node once and start from the start") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    for (size_t most : {1, 2, 3, 4}) {
      CAPTURE(most);
      auto parts = flow::split_flow(p, [&](const std::vector<int>& n) { return n.size() <= most; });
      check_partition(p, parts);
      for (const auto& part : parts) CHECK(part.size() <= most);
      CHECK(parts[0][0] == p.start_index);
      // Bounded greedily: only the last part may be short.
      for (size_t i = 0; i + 1 < parts.size(); ++i) CHECK(parts[i].size() == most);
    }
  }

  TEST_CASE("a part grows along the edges from its first node") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    auto parts = flow::split_flow(p, [](const std::vector<int>& n) { return n.size() <= 2; });
    // The start's part holds the start and a node it leads to.
    std::set<int> targets;
    for (const flow::Edge& e : flow::edges_from(p, p.start_index, "")) targets.insert(e.to);
    REQUIRE(parts[0].size() == 2);
    CHECK(targets.count(parts[0][1]) == 1);
  }

  TEST_CASE("a part's DOT has its nodes, connectors to the other parts and its number") {
    auto catalog = load_ok({fixture("basic")});
    const Procedure& p = procedure(*catalog, "interwencja");
    auto parts = flow::split_flow(p, [](const std::vector<int>& n) { return n.size() <= 3; });
    REQUIRE(parts.size() >= 2);
    std::ostringstream first, second;
    write_dot_part(p, parts, 0, first);
    write_dot_part(p, parts, 1, second);
    CHECK(contains(first.str(), "część 1 z " + std::to_string(parts.size())));
    CHECK(contains(first.str(), "\" start\" -> \"zagrozenie\";"));
    CHECK(contains(first.str(), "→ część 2"));
    CHECK_FALSE(contains(second.str(), "\" start\""));
    CHECK(contains(second.str(), "← z części 1"));
    for (int index : parts[1]) {
      CHECK(contains(second.str(), "\"" + p.nodes[index].id + "\" [shape="));
      CHECK_FALSE(contains(first.str(), "\"" + p.nodes[index].id + "\" [shape="));
    }
    std::ostringstream english;
    write_dot_part(p, parts, 1, english, GraphOptions{"en"});
    CHECK(contains(english.str(), "part 2 of"));
    CHECK(contains(english.str(), "← from part 1"));
  }
}

TEST_SUITE("export print fit") {
  TEST_CASE("the SVG's natural size is read from its width and height in points") {
    SvgSize size = svg_size("<svg width=\"1474pt\" height=\"5230.5pt\"\n viewBox=\"0 0 1 1\">");
    CHECK(size.width_pt == doctest::Approx(1474));
    CHECK(size.height_pt == doctest::Approx(5230.5));
    CHECK(svg_size("<svg width=\"100%\" height=\"12px\">").width_pt == 0);
    CHECK(svg_size("<svg>").height_pt == 0);
    CHECK(svg_size("<svg><g width=\"3pt\"></g>").width_pt == 0);
  }

  TEST_CASE("a flow is readable on A4 when its smallest text stays at 7 pt or more") {
    CHECK(print::readable_on_a4(SvgSize{400, 600}));          // drawn at its natural size
    CHECK(print::readable_on_a4(SvgSize{600, 600}));          // shrunk to 86 %: 7.7 pt
    CHECK_FALSE(print::readable_on_a4(SvgSize{1474, 5230}));  // p01 whole: about 1.2 pt
    CHECK(print::a4_scale(SvgSize{1474, 5230}) < 0.15);
  }
}
