// The handbook as one self-contained HTML file: inline CSS (screen and print, A4 pages and
// a named poster page for the flow), inline SVG, no scripts, no external resources.
#include <fmt/format.h>

#include <optional>
#include <set>
#include <sstream>

#include "export/branch_text.h"
#include "export/flow.h"
#include "export/flow_figures.h"
#include "export/graph.h"
#include "export/graphviz.h"
#include "export/handbook.h"
#include "export/handbook_facts.h"
#include "messages/handbook_words.h"
#include "util/utf8.h"

namespace procedura {

using words::Word;

std::string html_escape(std::string_view text) {
  std::string clean = utf8::sanitize(text);
  std::string out;
  out.reserve(clean.size());
  for (char c : clean) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\n':
        out += "<br>";
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

constexpr std::string_view kStyle = R"css(
:root { --ink: #1a1a1a; --muted: #555; --rule: #ccc; }
body { font-family: "DejaVu Sans", "Noto Sans", Arial, sans-serif; color: var(--ink); line-height: 1.45;
       max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3 { line-height: 1.2; }
.meta { color: var(--muted); }
.flow svg { max-width: 100%; height: auto; display: block; margin: 1rem auto; }
.outline li, .checklist li { margin: 0.2rem 0; }
.node-kind { font-weight: bold; margin-right: 0.3rem; }
.question, .outcome { border-left: 4px solid #e0c060; padding: 0.2rem 0 0.2rem 0.8rem; margin: 1rem 0; }
.outcome { border-left-color: #2e7d32; }
.help { background: #f6f6f6; padding: 0.4rem 0.6rem; }
.basis { font-size: 0.9em; color: var(--muted); }
.checklist { list-style: none; padding-left: 0.5rem; }
.checklist li::before { content: "☐ "; }
.caution, .urgent { color: #b00020; }
.cautions { list-style: none; padding-left: 0.5rem; color: #b00020; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid var(--rule); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
nav.toc { border: 1px solid var(--rule); padding: 0.5rem 1rem; }
@page { size: A4; margin: 15mm 14mm; }
/* A1 landscape, in millimetres: paged media has no A1 keyword. */
@page poster { size: 841mm 594mm; margin: 15mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 10.5pt; }
  section.procedure + section.procedure { break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  .question, .outcome, tr { break-inside: avoid; }
  .flow { break-inside: avoid; margin: 0; }
  /* A flow too large for one readable page: one part per page. */
  .flow-part + .flow-part { break-before: page; }
  body.poster .flow { page: poster; }
  /* The poster's figures carry their size (scaled to fill the sheet) in their style. */
  body.poster .flow svg { max-width: none; max-height: none; margin: 0; }
  .poster-row { display: flex; align-items: flex-start; justify-content: center; }
  a { color: inherit; text-decoration: none; }
  a.url::after { content: " (" attr(href) ")"; font-size: 0.85em; }
}
)css";

// The print rules sized from the boxes the figures are fitted to (flow_figures.h).
std::string geometry_style() {
  return fmt::format(
      "@media print {{\n  .flow svg {{ max-height: {}mm; }}\n  .poster-row {{ gap: {}mm; }}\n}}\n",
      print::kA4Figure.height_mm, print::kPosterGapMm);
}

// The SVG drawn at `scale` of its natural size, whatever the stylesheet says.
std::string sized_svg(const print::Figure& figure, double scale) {
  std::string style = fmt::format(" style=\"width: {:.1f}pt; height: {:.1f}pt\"",
                                  figure.size.width_pt * scale, figure.size.height_pt * scale);
  std::string svg = figure.svg;
  if (svg.compare(0, 4, "<svg") == 0) svg.insert(4, style);
  return svg;
}

bool is_web_address(std::string_view url) {
  return url.substr(0, 8) == "https://" || url.substr(0, 7) == "http://";
}

class HtmlWriter {
 public:
  HtmlWriter(std::ostream& out, const HandbookOptions& options) : out_(out), options_(options) {}

  std::string write(const std::vector<const Procedure*>& procedures) {
    std::string lang =
        procedures.size() == 1
            ? flow::display_language(*procedures[0], options_.lang)
            : (options_.lang.empty() ? procedures[0]->default_language() : options_.lang);
    std::string title = procedures.size() == 1 ? procedures[0]->title.in(lang) : "procedura";
    out_ << "<!DOCTYPE html>\n<html lang=\"" << html_escape(lang.empty() ? "pl" : lang)
         << "\">\n<head>\n"
         << "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, "
            "initial-scale=1\">\n"
         << "<meta name=\"generator\" content=\"procedura " << PROCEDURA_VERSION << "\">\n"
         << "<title>" << html_escape(title) << "</title>\n<style>" << kStyle << geometry_style()
         << "</style>\n</head>\n"
         << "<body" << (options_.poster ? " class=\"poster\"" : "") << ">\n";
    if (procedures.size() > 1 || options_.contents) write_contents(procedures, lang);
    for (const Procedure* p : procedures) {
      std::string problem = write_procedure(*p, procedures.size() > 1 || options_.contents);
      if (!problem.empty()) return problem;
    }
    out_ << "</body>\n</html>\n";
    return {};
  }

 private:
  static std::string anchor(const Procedure& p) { return "p-" + p.id; }
  static std::string anchor(const Procedure& p, const Node& n) { return "p-" + p.id + "--" + n.id; }

  void write_contents(const std::vector<const Procedure*>& procedures, const std::string& lang) {
    out_ << "<nav class=\"toc\">\n<h1>" << html_escape(words::word(Word::Contents, lang))
         << "</h1>\n<ol>\n";
    for (const Procedure* p : procedures) {
      std::string plang = flow::display_language(*p, options_.lang);
      out_ << "<li><a href=\"#" << html_escape(anchor(*p)) << "\">"
           << html_escape(p->title.in(plang)) << "</a> <span class=\"meta\">" << html_escape(p->id)
           << " " << html_escape(p->version) << "</span></li>\n";
    }
    out_ << "</ol>\n</nav>\n";
  }

  std::string write_procedure(const Procedure& p, bool nested) {
    lang_ = flow::display_language(p, options_.lang);
    numbers_ = handbook::node_numbers(p);
    checklists_.emplace(p);
    std::string h1 = nested ? "h2" : "h1", h2 = nested ? "h3" : "h2", h3 = nested ? "h4" : "h3";
    out_ << "<section class=\"procedure\" id=\"" << html_escape(anchor(p)) << "\">\n";
    out_ << "<" << h1 << ">" << html_escape(p.title.in(lang_)) << "</" << h1 << ">\n";
    out_ << "<p class=\"meta\">" << html_escape(p.id) << " · "
         << html_escape(words::word(Word::Version, lang_)) << " " << html_escape(p.version);
    if (p.area.present) {
      out_ << " · " << html_escape(words::word(Word::Area, lang_)) << ": "
           << html_escape(p.area.in(lang_));
    }
    if (!p.audience.empty()) {
      out_ << " · " << html_escape(words::word(Word::Audience, lang_)) << ": "
           << html_escape(fmt::format("{}", fmt::join(p.audience, ", ")));
    }
    if (!p.review_by.empty()) {
      out_ << " · " << html_escape(words::word(Word::ReviewBy, lang_)) << " "
           << html_escape(p.review_by);
    }
    out_ << "</p>\n";
    if (const auto& keywords = p.keywords.in(lang_); !keywords.empty()) {
      out_ << "<p class=\"meta\">" << html_escape(words::word(Word::Keywords, lang_)) << ": "
           << html_escape(fmt::format("{}", fmt::join(keywords, ", "))) << "</p>\n";
    }
    if (p.summary.present)
      out_ << "<p class=\"summary\">" << html_escape(p.summary.in(lang_)) << "</p>\n";

    out_ << "<" << h2 << ">" << html_escape(words::word(Word::Flow, lang_)) << "</" << h2 << ">\n";
    if (std::string problem = write_flow(p); !problem.empty()) return problem;
    write_outline(p);

    out_ << "<div class=\"details\">\n";
    out_ << "<" << h2 << ">" << html_escape(words::word(Word::Questions, lang_)) << "</" << h2
         << ">\n";
    for (int index : flow::reading_order(p)) {
      const Node& node = p.nodes[index];
      if (node.kind == NodeKind::Ask) write_question(p, node, h3);
    }
    out_ << "<" << h2 << ">" << html_escape(words::word(Word::Outcomes, lang_)) << "</" << h2
         << ">\n";
    for (int index : flow::reading_order(p)) {
      if (p.nodes[index].kind == NodeKind::Outcome) write_outcome(p, index, h3);
    }
    write_recipients(p, h2);
    write_bases(p, h2);
    out_ << "</div>\n</section>\n";
    return {};
  }

  std::string write_flow(const Procedure& p) {
    if (!draws_flow(options_.flow, p)) return {};
    if (options_.flow == FlowStyle::Auto && !graphviz_available()) return {};
    GraphOptions graph{lang_};
    print::Figures figures =
        options_.poster ? print::poster_figures(p, graph) : print::a4_figures(p, graph);
    if (!figures.error.empty()) return fmt::format("{}: {}", p.id, figures.error);
    if (options_.poster) {
      out_ << "<figure class=\"flow\">\n<div class=\"poster-row\">\n";
      for (const print::Figure& figure : figures.parts) out_ << sized_svg(figure, figures.scale);
      out_ << "</div>\n</figure>\n";
    } else if (figures.parts.size() == 1) {
      out_ << "<figure class=\"flow\">\n" << figures.parts[0].svg << "</figure>\n";
    } else {
      out_ << "<p class=\"meta\">" << html_escape(words::word(Word::FlowInParts, lang_))
           << "</p>\n";
      for (const print::Figure& figure : figures.parts)
        out_ << "<figure class=\"flow flow-part\">\n" << figure.svg << "</figure>\n";
    }
    return {};
  }

  std::string node_link(const Procedure& p, int index) {
    if (index < 0) return "?";
    return fmt::format("<a href=\"#{}\">{}</a>", html_escape(anchor(p, p.nodes[index])),
                       numbers_[index]);
  }

  std::string actions_html(const ActionUses& uses) {
    std::string html;
    for (const ActionUse& use : uses)
      html += "<br>" + html_escape(flow::action_use_line(use, lang_));
    return html;
  }

  std::string cautions_html(const CautionUses& uses) {
    std::string html;
    for (const CautionUse& use : uses) {
      html += "<br><span class=\"caution\"><strong>" +
              html_escape(words::word(Word::Cautions, lang_)) + ":</strong> " +
              html_escape(flow::caution_use_line(use, lang_)) + "</span>";
    }
    return html;
  }

  // The "NIE WOLNO / DO NOT" list: cautions stand apart from the checklist of actions.
  void write_cautions(const std::vector<const Caution*>& cautions) {
    if (cautions.empty()) return;
    out_ << "<p class=\"caution\"><strong>" << html_escape(words::word(Word::Cautions, lang_))
         << ":</strong></p>\n<ul class=\"cautions\">\n";
    for (const Caution* c : cautions)
      out_ << "<li>⚠ " << html_escape(c->text.in(lang_)) << "</li>\n";
    out_ << "</ul>\n";
  }

  void write_outline(const Procedure& p) {
    out_ << "<ol class=\"outline\">\n";
    for (int index : flow::reading_order(p)) {
      const Node& node = p.nodes[index];
      out_ << "<li id=\"" << html_escape(anchor(p, node)) << "\" value=\"" << numbers_[index]
           << "\">";
      switch (node.kind) {
        case NodeKind::Ask:
          out_ << "<span class=\"node-kind\">?</span>" << html_escape(node.text.in(lang_));
          break;
        case NodeKind::Step:
          out_ << "<span class=\"node-kind\">▸</span>" << html_escape(node.text.in(lang_));
          break;
        case NodeKind::Branch:
          out_ << "<span class=\"node-kind\">⋄</span>"
               << html_escape(words::word(Word::Decides, lang_));
          if (std::string question = flow::branch_question(p, node, lang_); !question.empty())
            out_ << ": " << html_escape(question);
          break;
        case NodeKind::Call:
          out_ << "<span class=\"node-kind\">↪</span>"
               << html_escape(words::word(Word::CallsProcedure, lang_)) << ": "
               << html_escape(node.call().callee_procedure
                                  ? node.call().callee_procedure->title.in(lang_)
                                  : node.call().callee.id);
          if (node.call().about.present) {
            out_ << " — " << html_escape(words::word(Word::Concerns, lang_)) << ": <strong>"
                 << html_escape(node.call().about.in(lang_)) << "</strong>";
          }
          break;
        case NodeKind::Outcome:
          out_ << "<span class=\"node-kind\">■</span><strong>" << html_escape(node.text.in(lang_))
               << "</strong>";
          break;
      }
      if (node.kind == NodeKind::Ask && node.ask().type == AnswerType::Multi) {
        for (const Option& option : node.ask().options) {
          out_ << "<br>☐ " << html_escape(flow::option_label(node, option, lang_))
               << actions_html(option.actions) << cautions_html(option.cautions);
        }
      }
      out_ << actions_html(node.actions) << cautions_html(node.cautions());
      std::vector<flow::Edge> edges = flow::edges_from(p, index, lang_);
      if (!edges.empty()) {
        out_ << "<ul>";
        for (const flow::Edge& e : edges) {
          out_ << "<li>"
               << (e.label.empty() ? html_escape(words::word(Word::Then, lang_))
                                   : html_escape(e.label))
               << " → " << node_link(p, e.to);
          if (e.actions) out_ << actions_html(*e.actions);
          if (e.cautions) out_ << cautions_html(*e.cautions);
          out_ << "</li>";
        }
        out_ << "</ul>";
      }
      out_ << "</li>\n";
    }
    out_ << "</ol>\n";
  }

  void write_bases_of(const std::vector<const LegalBasis*>& bases) {
    if (bases.empty()) return;
    out_ << "<p class=\"basis\">" << html_escape(words::word(Word::LegalBasis, lang_)) << ": ";
    for (size_t i = 0; i < bases.size(); ++i) {
      if (i) out_ << "; ";
      out_ << "<a href=\"#basis-" << html_escape(bases[i]->id) << "\">"
           << html_escape(bases[i]->cite) << "</a>";
    }
    out_ << "</p>\n";
  }

  void write_question(const Procedure& p, const Node& node, const std::string& h) {
    int index = p.index_of(node.id);
    out_ << "<div class=\"question\">\n<" << h << ">" << numbers_[index] << ". "
         << html_escape(node.text.in(lang_)) << "</" << h << ">\n";
    if (node.ask().type == AnswerType::Number) {
      std::string range;
      if (node.ask().min) range += fmt::format(" ≥ {}", *node.ask().min);
      if (node.ask().max) range += fmt::format(" ≤ {}", *node.ask().max);
      out_ << "<p class=\"meta\">" << html_escape(words::word(Word::Number, lang_))
           << html_escape(range)
           << (node.ask().unit.present ? " " + html_escape(node.ask().unit.in(lang_)) : "")
           << "</p>\n";
    } else if (node.ask().type == AnswerType::Text) {
      out_ << "<p class=\"meta\">" << html_escape(words::word(Word::FreeText, lang_)) << "</p>\n";
    }
    std::vector<flow::Edge> edges = flow::edges_from(p, index, lang_);
    if (node.ask().type == AnswerType::YesNo || node.ask().type == AnswerType::Choice) {
      out_ << "<ul>\n";
      for (const flow::Edge& e : edges) {
        out_ << "<li>" << html_escape(e.label) << " → " << node_link(p, e.to);
        if (e.actions) out_ << actions_html(*e.actions);
        if (e.cautions) out_ << cautions_html(*e.cautions);
        out_ << "</li>\n";
      }
      out_ << "</ul>\n";
    } else if (node.ask().type == AnswerType::Multi) {
      out_ << "<ul>\n";
      for (const Option& option : node.ask().options) {
        out_ << "<li>☐ " << html_escape(flow::option_label(node, option, lang_))
             << actions_html(option.actions) << cautions_html(option.cautions) << "</li>\n";
      }
      out_ << "</ul>\n";
    }
    write_cautions(handbook::resolved(node.cautions()));
    if (node.help().present)
      out_ << "<p class=\"help\">" << html_escape(node.help().in(lang_)) << "</p>\n";
    write_bases_of(node.bases());
    out_ << "</div>\n";
  }

  std::string action_detail(const Action& a) {
    std::string html = html_escape(a.text.in(lang_));
    if (a.urgent()) {
      html = "<strong class=\"urgent\">‼ " + html_escape(words::word(Word::Urgent, lang_)) +
             ":</strong> " + html;
    }
    std::vector<std::string> details;
    if (a.recipient) details.push_back("✉ " + html_escape(a.recipient->name.in(lang_)));
    if (a.deadline) details.push_back(html_escape(flow::deadline_text(*a.deadline, lang_)));
    if (a.channel) details.push_back(html_escape(flow::channel_text(*a.channel, lang_)));
    for (const LegalBasis* b : a.bases) {
      details.push_back("<a href=\"#basis-" + html_escape(b->id) + "\">" + html_escape(b->cite) +
                        "</a>");
    }
    if (!details.empty())
      html +=
          " <span class=\"basis\">(" + fmt::format("{}", fmt::join(details, " · ")) + ")</span>";
    return html;
  }

  void write_outcome(const Procedure& p, int index, const std::string& h) {
    const Node& node = p.nodes[index];
    handbook::OutcomeChecklist list = checklists_->of(index);
    out_ << "<div class=\"outcome\">\n<" << h << ">" << numbers_[index] << ". "
         << html_escape(node.text.in(lang_)) << "</" << h << ">\n";
    if (!list.own.empty()) {
      out_ << "<p>" << html_escape(words::word(Word::Checklist, lang_))
           << ":</p>\n<ul class=\"checklist\">\n";
      for (const Action* a : list.own) out_ << "<li>" << action_detail(*a) << "</li>\n";
      out_ << "</ul>\n";
    }
    if (!list.earlier.empty()) {
      out_ << "<p>" << html_escape(words::word(Word::OnTheWay, lang_))
           << ":</p>\n<ul class=\"checklist\">\n";
      for (const Action* a : list.earlier) out_ << "<li>" << action_detail(*a) << "</li>\n";
      out_ << "</ul>\n";
    }
    write_cautions(list.cautions);
    if (node.help().present)
      out_ << "<p class=\"help\">" << html_escape(node.help().in(lang_)) << "</p>\n";
    write_bases_of(node.bases());
    out_ << "</div>\n";
  }

  void write_recipients(const Procedure& p, const std::string& h) {
    std::vector<handbook::RecipientUse> recipients = handbook::recipients_notified(p);
    if (recipients.empty()) return;
    out_ << "<" << h << ">" << html_escape(words::word(Word::Recipients, lang_)) << "</" << h
         << ">\n<table>\n";
    for (const auto& r : recipients) {
      out_ << "<tr><th>" << html_escape(r.recipient->name.in(lang_)) << "</th><td>";
      for (size_t i = 0; i < r.actions.size(); ++i)
        out_ << (i ? "<br>" : "") << action_detail(*r.actions[i]);
      out_ << "</td></tr>\n";
    }
    out_ << "</table>\n";
  }

  void write_bases(const Procedure& p, const std::string& h) {
    std::vector<const LegalBasis*> bases = handbook::bases_cited(p);
    if (bases.empty()) return;
    out_ << "<" << h << ">" << html_escape(words::word(Word::LegalBases, lang_)) << "</" << h
         << ">\n<dl>\n";
    for (const LegalBasis* b : bases) {
      // The same basis may be cited by several procedures of an --all handbook: one anchor each.
      bool first = anchored_.insert(b->id).second;
      out_ << "<dt" << (first ? " id=\"basis-" + html_escape(b->id) + "\"" : "") << ">"
           << html_escape(b->cite);
      if (is_web_address(b->url)) {
        out_ << " <a class=\"url\" href=\"" << html_escape(b->url) << "\">" << html_escape(b->url)
             << "</a>";
      } else if (!b->url.empty()) {
        out_ << " " << html_escape(b->url);  // not a web address: shown, never a live link
      }
      out_ << "</dt>\n<dd>" << (b->text.present ? html_escape(b->text.in(lang_)) : "") << "</dd>\n";
    }
    out_ << "</dl>\n";
  }

  std::ostream& out_;
  const HandbookOptions& options_;
  std::string lang_;
  std::vector<int> numbers_;
  std::optional<handbook::OutcomeChecklists> checklists_;  // of the procedure being written
  std::set<std::string> anchored_;
};

}  // namespace

std::string write_handbook_html(const std::vector<const Procedure*>& procedures, std::ostream& out,
                                const HandbookOptions& options) {
  if (procedures.empty()) return "no procedure to render";
  return HtmlWriter(out, options).write(procedures);
}

}  // namespace procedura
