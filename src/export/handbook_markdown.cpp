// The handbook as Markdown (CommonMark with a Mermaid block, which GitHub and GitLab draw).
#include <fmt/format.h>

#include <optional>
#include <sstream>

#include "export/branch_text.h"
#include "export/flow.h"
#include "export/graph.h"
#include "export/handbook.h"
#include "export/handbook_facts.h"
#include "messages/handbook_words.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura {

using words::Word;

std::string markdown_escape(std::string_view text, std::string_view indent) {
  // Controls and invalid bytes as visible escapes; their backslash is escaped below.
  std::string clean = visible_text(text);
  std::string out;
  for (char c : clean) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '|':
      case '#':
      case '~':
      case '&':
        out += '\\';
        out += c;
        break;
      case '\n':
        out += "\\\n";  // a hard line break that stays inside the list item or paragraph
        out += indent;
        break;
      case '\r':
      case '\t':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

namespace {

class MarkdownWriter {
 public:
  MarkdownWriter(std::ostream& out, const HandbookOptions& options)
      : out_(out), options_(options) {}

  void write(const std::vector<const Procedure*>& procedures) {
    bool nested = procedures.size() > 1 || options_.contents;
    if (nested) {
      std::string lang = options_.lang.empty() ? procedures[0]->default_language() : options_.lang;
      out_ << "# " << words::word(Word::Contents, lang) << "\n\n";
      int n = 1;
      for (const Procedure* p : procedures) {
        std::string plang = flow::display_language(*p, options_.lang);
        out_ << n++ << ". [" << markdown_escape(p->title.in(plang)) << "](#p-" << p->id << ") — "
             << p->id << " " << p->version << "\n";
      }
      out_ << "\n";
    }
    for (const Procedure* p : procedures) write_procedure(*p, nested ? "##" : "#");
  }

 private:
  void write_procedure(const Procedure& p, const std::string& h) {
    lang_ = flow::display_language(p, options_.lang);
    numbers_ = handbook::node_numbers(p);
    checklists_.emplace(p);
    out_ << "<a id=\"p-" << p.id << "\"></a>\n\n";
    out_ << h << " " << markdown_escape(p.title.in(lang_)) << "\n\n";
    out_ << "`" << p.id << "` · " << words::word(Word::Version, lang_) << " " << p.version;
    if (p.area.present)
      out_ << " · " << words::word(Word::Area, lang_) << ": " << markdown_escape(p.area.in(lang_));
    if (!p.audience.empty()) {
      out_ << " · " << words::word(Word::Audience, lang_) << ": "
           << markdown_escape(fmt::format("{}", fmt::join(p.audience, ", ")));
    }
    if (!p.review_by.empty())
      out_ << " · " << words::word(Word::ReviewBy, lang_) << " " << p.review_by;
    out_ << "\n\n";
    if (const auto& keywords = p.keywords.in(lang_); !keywords.empty()) {
      out_ << "*" << words::word(Word::Keywords, lang_) << ":* "
           << markdown_escape(fmt::format("{}", fmt::join(keywords, ", "))) << "\n\n";
    }
    if (p.summary.present) out_ << markdown_escape(p.summary.in(lang_)) << "\n\n";

    out_ << h << "# " << words::word(Word::Flow, lang_) << "\n\n";
    if (options_.flow != FlowStyle::Outline) {
      out_ << "```mermaid\n";
      write_mermaid(p, out_, GraphOptions{lang_});
      out_ << "```\n\n";
    }
    write_outline(p);

    out_ << h << "# " << words::word(Word::Questions, lang_) << "\n\n";
    for (int index : flow::reading_order(p)) {
      if (p.nodes[index].kind == NodeKind::Ask) write_question(p, index, h + "##");
    }
    out_ << h << "# " << words::word(Word::Outcomes, lang_) << "\n\n";
    for (int index : flow::reading_order(p)) {
      if (p.nodes[index].kind == NodeKind::Outcome) write_outcome(p, index, h + "##");
    }
    write_recipients(p, h + "#");
    write_bases(p, h + "#");
  }

  std::string target(int index) { return index < 0 ? "?" : std::to_string(numbers_[index]); }

  void write_action_lines(const ActionUses& uses, const std::string& indent) {
    for (const ActionUse& use : uses) {
      out_ << indent << "- " << markdown_escape(flow::action_use_line(use, lang_), indent + "  ")
           << "\n";
    }
  }

  void write_caution_lines(const CautionUses& uses, const std::string& indent) {
    for (const CautionUse& use : uses) {
      out_ << indent << "- **" << words::word(Word::Cautions, lang_) << ":** "
           << markdown_escape(flow::caution_use_line(use, lang_), indent + "  ") << "\n";
    }
  }

  // The "NIE WOLNO / DO NOT" list: cautions stand apart from the checklist of actions.
  void write_cautions(const std::vector<const Caution*>& cautions) {
    if (cautions.empty()) return;
    out_ << "**" << words::word(Word::Cautions, lang_) << ":**\n\n";
    for (const Caution* c : cautions)
      out_ << "- ⚠ " << markdown_escape(c->text.in(lang_), "  ") << "\n";
    out_ << "\n";
  }

  void write_outline(const Procedure& p) {
    for (int index : flow::reading_order(p)) {
      const Node& node = p.nodes[index];
      out_ << numbers_[index] << ". ";
      const std::string indent = "   ";
      switch (node.kind) {
        case NodeKind::Ask:
          out_ << "? " << markdown_escape(node.text.in(lang_), indent);
          break;
        case NodeKind::Step:
          out_ << "▸ " << markdown_escape(node.text.in(lang_), indent);
          break;
        case NodeKind::Branch: {
          // The question decided on, not the node id: trainers read this page.
          std::string question = flow::branch_question(p, node, lang_);
          out_ << "⋄ " << words::word(Word::Decides, lang_);
          if (!question.empty()) out_ << ": " << markdown_escape(question, indent);
        } break;
        case NodeKind::Call:
          out_ << "↪ " << words::word(Word::CallsProcedure, lang_) << ": "
               << markdown_escape(node.call().callee_procedure
                                      ? node.call().callee_procedure->title.in(lang_)
                                      : node.call().callee.id);
          if (node.call().about.present) {
            out_ << " — " << words::word(Word::Concerns, lang_) << ": **"
                 << markdown_escape(node.call().about.in(lang_)) << "**";
          }
          break;
        case NodeKind::Outcome:
          out_ << "■ **" << markdown_escape(node.text.in(lang_), indent) << "**";
          break;
      }
      out_ << "\n";
      if (node.kind == NodeKind::Ask && node.ask().type == AnswerType::Multi) {
        for (const Option& option : node.ask().options) {
          out_ << indent << "- ☐ " << markdown_escape(flow::option_label(node, option, lang_))
               << "\n";
          write_action_lines(option.actions, indent + "  ");
          write_caution_lines(option.cautions, indent + "  ");
        }
      }
      write_action_lines(node.actions, indent);
      write_caution_lines(node.cautions(), indent);
      for (const flow::Edge& e : flow::edges_from(p, index, lang_)) {
        out_ << indent << "- "
             << (e.label.empty() ? std::string(words::word(Word::Then, lang_))
                                 : markdown_escape(e.label))
             << " → " << target(e.to) << "\n";
        if (e.actions) write_action_lines(*e.actions, indent + "  ");
        if (e.cautions) write_caution_lines(*e.cautions, indent + "  ");
      }
    }
    out_ << "\n";
  }

  void write_bases_of(const std::vector<const LegalBasis*>& bases) {
    if (bases.empty()) return;
    out_ << "*" << words::word(Word::LegalBasis, lang_) << ":* ";
    for (size_t i = 0; i < bases.size(); ++i)
      out_ << (i ? "; " : "") << markdown_escape(bases[i]->cite);
    out_ << "\n\n";
  }

  void write_question(const Procedure& p, int index, const std::string& h) {
    const Node& node = p.nodes[index];
    out_ << h << " " << numbers_[index] << ". " << markdown_escape(node.text.in(lang_)) << "\n\n";
    if (node.ask().type == AnswerType::Number) {
      out_ << "*" << words::word(Word::Number, lang_);
      if (node.ask().min) out_ << fmt::format(" ≥ {}", *node.ask().min);
      if (node.ask().max) out_ << fmt::format(" ≤ {}", *node.ask().max);
      if (node.ask().unit.present) out_ << " " << markdown_escape(node.ask().unit.in(lang_));
      out_ << "*\n\n";
    } else if (node.ask().type == AnswerType::Text) {
      out_ << "*" << words::word(Word::FreeText, lang_) << "*\n\n";
    } else if (node.ask().type == AnswerType::Multi) {
      for (const Option& option : node.ask().options) {
        out_ << "- ☐ " << markdown_escape(flow::option_label(node, option, lang_)) << "\n";
        write_action_lines(option.actions, "  ");
        write_caution_lines(option.cautions, "  ");
      }
      out_ << "\n";
    } else {
      for (const flow::Edge& e : flow::edges_from(p, index, lang_)) {
        out_ << "- " << markdown_escape(e.label) << " → " << target(e.to) << "\n";
        if (e.actions) write_action_lines(*e.actions, "  ");
        if (e.cautions) write_caution_lines(*e.cautions, "  ");
      }
      out_ << "\n";
    }
    write_cautions(handbook::resolved(node.cautions()));
    if (node.help().present) out_ << "> " << markdown_escape(node.help().in(lang_), "> ") << "\n\n";
    write_bases_of(node.bases());
  }

  std::string action_detail(const Action& a) {
    std::string text = markdown_escape(a.text.in(lang_), "  ");
    if (a.urgent()) text = "**‼ " + std::string(words::word(Word::Urgent, lang_)) + ":** " + text;
    std::vector<std::string> details;
    if (a.recipient) details.push_back("✉ " + markdown_escape(a.recipient->name.in(lang_)));
    if (a.deadline) details.push_back(flow::deadline_text(*a.deadline, lang_));
    if (a.channel) details.push_back(flow::channel_text(*a.channel, lang_));
    for (const LegalBasis* b : a.bases) details.push_back(markdown_escape(b->cite));
    if (!details.empty()) text += " (" + fmt::format("{}", fmt::join(details, " · ")) + ")";
    return text;
  }

  void write_outcome(const Procedure& p, int index, const std::string& h) {
    const Node& node = p.nodes[index];
    handbook::OutcomeChecklist list = checklists_->of(index);
    out_ << h << " " << numbers_[index] << ". " << markdown_escape(node.text.in(lang_)) << "\n\n";
    if (!list.own.empty()) {
      out_ << words::word(Word::Checklist, lang_) << ":\n\n";
      for (const Action* a : list.own) out_ << "- [ ] " << action_detail(*a) << "\n";
      out_ << "\n";
    }
    if (!list.earlier.empty()) {
      out_ << words::word(Word::OnTheWay, lang_) << ":\n\n";
      for (const Action* a : list.earlier) out_ << "- [ ] " << action_detail(*a) << "\n";
      out_ << "\n";
    }
    write_cautions(list.cautions);
    if (node.help().present) out_ << "> " << markdown_escape(node.help().in(lang_), "> ") << "\n\n";
    write_bases_of(node.bases());
  }

  void write_recipients(const Procedure& p, const std::string& h) {
    std::vector<handbook::RecipientUse> recipients = handbook::recipients_notified(p);
    if (recipients.empty()) return;
    out_ << h << " " << words::word(Word::Recipients, lang_) << "\n\n";
    for (const auto& r : recipients) {
      out_ << "- **" << markdown_escape(r.recipient->name.in(lang_)) << "**\n";
      for (const Action* a : r.actions) out_ << "  - " << action_detail(*a) << "\n";
    }
    out_ << "\n";
  }

  void write_bases(const Procedure& p, const std::string& h) {
    std::vector<const LegalBasis*> bases = handbook::bases_cited(p);
    if (bases.empty()) return;
    out_ << h << " " << words::word(Word::LegalBases, lang_) << "\n\n";
    for (const LegalBasis* b : bases) {
      out_ << "- **" << markdown_escape(b->cite) << "**";
      if (b->text.present) out_ << " — " << markdown_escape(b->text.in(lang_), "  ");
      if (!b->url.empty()) out_ << " " << markdown_escape(b->url);
      out_ << "\n";
    }
    out_ << "\n";
  }

  std::ostream& out_;
  const HandbookOptions& options_;
  std::string lang_;
  std::vector<int> numbers_;
  std::optional<handbook::OutcomeChecklists> checklists_;  // of the procedure being written
};

}  // namespace

std::string write_handbook_markdown(const std::vector<const Procedure*>& procedures,
                                    std::ostream& out, const HandbookOptions& options) {
  if (procedures.empty()) return "no procedure to render";
  MarkdownWriter(out, options).write(procedures);
  return {};
}

}  // namespace procedura
