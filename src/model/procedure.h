#pragma once
// The in-memory model of FORMAT.md (format 1 and its 1.1 additions): procedures, library
// files, nodes, definitions, invariants and test scenarios. Every element keeps the Location it was
// written at. Loading fills the written fields; linking (load/linker) fills the resolved ones.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "model/location.h"
#include "model/one_of_parts.h"
#include "model/optional_part.h"
#include "model/sparse_list.h"
#include "model/text.h"

namespace procedura {

namespace expr {
struct Expr;
}

class SourceFile;
struct Procedure;

// A reference by id to something defined elsewhere, with where the reference was written.
struct Ref {
  std::string id;
  Location location;
  bool present() const { return !id.empty(); }
};

struct Recipient {
  std::string id;
  Location location;
  Text name;
  Text short_name;  // optional one-line form for the report's checklist and table
  const Procedure* owner = nullptr;

  const Text& checklist_name() const { return short_name.present ? short_name : name; }
};

struct LegalBasis {
  std::string id;
  Location location;
  std::string cite;
  Text text;
  std::string url;
  const Procedure* owner = nullptr;
};

enum class ActionKind { Do, Notify, Document };

struct Deadline {
  enum class Unit { Immediately, Hours, Days };
  Unit unit = Unit::Immediately;
  unsigned amount = 0;
  std::string raw;  // as written
};

enum class Channel { Phone, Written, InPerson, Electronic };

struct Action {
  std::string id;  // empty for an inline action
  Location location;
  ActionKind kind = ActionKind::Do;
  Ref to;
  Text text;
  Text short_text;  // optional one-line form for the report's checklist
  std::optional<Deadline> deadline;
  std::optional<Channel> channel;
  std::vector<Ref> basis;
  const Procedure* owner = nullptr;
  // Resolved by the linker.
  const Recipient* recipient = nullptr;
  std::vector<const LegalBasis*> bases;

  bool is_inline() const { return id.empty(); }
  // The checklist line: `short` when written, else the full text.
  const Text& checklist_text() const { return short_text.present ? short_text : text; }
  // `deadline: immediately`: the interview shows it at once and reports list it first.
  bool urgent() const { return deadline && deadline->unit == Deadline::Unit::Immediately; }
};

// A prohibition or warning for the operator ("do not question the child in detail"):
// shown at once when reached and reported apart from the actions.
struct Caution {
  std::string id;  // empty for an inline caution
  Location location;
  Text text;
  Text short_text;  // optional one-line form for the report's list of cautions
  std::vector<Ref> basis;
  const Procedure* owner = nullptr;
  std::vector<const LegalBasis*> bases;  // resolved by the linker

  bool is_inline() const { return id.empty(); }
  const Text& checklist_text() const { return short_text.present ? short_text : text; }
};

// An entry of a `cautions` list: a caution id or an inline {text, basis}; `caution` points
// at the definition (or at `inline_caution`) once linked.
struct CautionUse {
  Ref ref;
  std::shared_ptr<Caution> inline_caution;
  Location location;
  const Caution* caution = nullptr;
};

// An entry of a node's (or option's, or case's) `actions` list: a named action or an
// inline one. `action` points at the definition (or at `inline_action`) once linked.
struct ActionUse {
  Ref ref;                                // named use
  std::shared_ptr<Action> inline_action;  // inline use
  Location location;
  const Action* action = nullptr;
};

using ActionUses = SparseList<ActionUse>;
using CautionUses = SparseList<CautionUse>;

enum class NodeKind { Ask, Step, Branch, Call, Outcome };
enum class AnswerType { YesNo, Choice, Multi, Number, Text };

struct Option {
  std::string value;  // "yes"/"no" for yes_no
  Location location;
  Text label;
  Ref next;
  ActionUses actions;
  CautionUses cautions;
  int next_index = -1;  // resolved; -1 when absent or dangling
  // A yes_no option the file did not write: the question's `next` stands for it.
  bool implied = false;
};

struct Case {
  Location location;
  std::string when;        // expression source as written
  Location when_location;  // first character of the expression text
  Ref next;
  ActionUses actions;
  CautionUses cautions;
  std::shared_ptr<const expr::Expr> condition;  // compiled at load; null when invalid
  int next_index = -1;
};

// The fields only a question has.
struct AskPart {
  AnswerType type = AnswerType::YesNo;
  bool personal = false;  // beside the type, where it packs
  std::string var;        // variable name (node id when `var` is absent)
  Location var_location;
  std::vector<Option> options;
  std::optional<double> min, max;
  Text unit;
};

// The fields only a branch has.
struct BranchPart {
  std::vector<Case> cases;
  Ref otherwise;
  int otherwise_index = -1;
};

// The fields only a call has.
struct CallPart {
  Ref callee;
  const Procedure* callee_procedure = nullptr;  // resolved
  Text about;  // whom the callee's actions concern (e.g. pokrzywdzony / victim)
};

// The fields few nodes have.
struct NodeNotes {
  Text help;
  std::vector<Ref> basis;
  std::vector<const LegalBasis*> bases;  // resolved
  CautionUses cautions;
};

struct Node {
  std::string id;
  Location location;  // of the node's key
  Text text;          // ask / step / outcome text
  ActionUses actions;

  // ask (number, text, multi; default for options without next), step
  Ref next;
  int next_index = -1;
  NodeKind kind = NodeKind::Step;  // beside next_index, where it packs

  // The kind's own fields live apart, behind one pointer, so that the many steps and
  // outcomes of a large file carry none of a question's, a branch's or a call's fields.
  // Reading the part of another kind gives an empty one; writing creates the node's part,
  // and writing a second kind's part throws (a node is of one kind).
  const AskPart& ask() const { return kind_part_.get<AskPart>(); }
  AskPart& ask() { return kind_part_.made<AskPart>(); }
  const BranchPart& branch() const { return kind_part_.get<BranchPart>(); }
  BranchPart& branch() { return kind_part_.made<BranchPart>(); }
  const CallPart& call() const { return kind_part_.get<CallPart>(); }
  CallPart& call() { return kind_part_.made<CallPart>(); }
  // Help, a legal basis and cautions are written on a few nodes of a procedure, so they
  // live apart too. `notes()` creates them: write only what the file has.
  const Text& help() const { return notes_.get().help; }
  const std::vector<Ref>& basis() const { return notes_.get().basis; }
  const std::vector<const LegalBasis*>& bases() const { return notes_.get().bases; }
  const CautionUses& cautions() const { return notes_.get().cautions; }
  NodeNotes& notes() { return notes_.made(); }
  bool has_notes() const { return notes_.held(); }

 private:
  OneOfParts<AskPart, BranchPart, CallPart> kind_part_;
  OptionalPart<NodeNotes> notes_;
};

struct Invariant {
  std::string id;
  Location location;
  Text text;
  std::vector<Ref> if_any;
  std::vector<Ref> require;
  std::vector<Ref> forbid;
};

// One answer of an answers file or a test: `var: value` or `var: [v1, v2]`.
struct Answer {
  std::string var;
  Location location;
  bool is_list = false;
  std::vector<std::string> values;  // one element unless is_list
  std::vector<Location> value_locations;
};

struct TestExpectation {
  Location location;
  Ref outcome;
  std::vector<Ref> actions;
  std::vector<Ref> notify;
  std::vector<Ref> not_actions;
  bool exact = false;
};

struct TestCase {
  std::string name;
  Location location;
  std::string lang;
  std::vector<Answer> answers;
  Location answers_location;
  TestExpectation expect;
};

struct Procedure {
  const SourceFile* file = nullptr;
  bool is_library = false;
  std::string id;
  Location id_location;
  std::string version;
  Location version_location;
  std::vector<std::string> languages;  // empty: plain texts
  Text title;
  Text summary;
  Text area;               // menu heading
  LocalizedList keywords;  // words an operator may search by
  std::vector<std::string> audience;
  std::string review_by;  // YYYY-MM-DD
  Location review_by_location;
  std::vector<Ref> imports;

  // Own definitions in file order (stable addresses once loading is complete).
  std::vector<std::unique_ptr<Recipient>> recipients;
  std::vector<std::unique_ptr<Action>> actions;
  std::vector<std::unique_ptr<LegalBasis>> legal_bases;
  std::vector<std::unique_ptr<Caution>> cautions;

  Ref start;
  int start_index = -1;
  std::vector<Node> nodes;  // file order
  // The index in `nodes` of the node with that id (the first, when an id is repeated), or
  // -1. Valid once index_nodes() has run after `nodes` was filled.
  int index_of(std::string_view node_id) const;
  void index_nodes();

  std::vector<Invariant> invariants;
  std::vector<TestCase> tests;  // own `tests:` then the NAME.test.yaml companion's

  // Resolved by the linker: own definitions plus those of every import (transitively).
  std::unordered_map<std::string, const Recipient*> recipient_scope;
  std::unordered_map<std::string, const Action*> action_scope;
  std::unordered_map<std::string, const LegalBasis*> basis_scope;
  std::unordered_map<std::string, const Caution*> caution_scope;
  std::vector<const Procedure*> imported;  // resolved imports, in order
  bool imported_only = false;              // loaded only because another file imports it

  const std::string& default_language() const;
  const Node* node(std::string_view node_id) const;
  const Node* start_node() const { return start_index >= 0 ? &nodes[start_index] : nullptr; }

 private:
  // Node indices ordered by id: 4 bytes a node, where a hash map kept a copy of every id.
  std::vector<int> nodes_by_id_;
};

std::string_view node_kind_name(NodeKind kind);
std::string_view answer_type_name(AnswerType type);
std::string_view action_kind_name(ActionKind kind);
std::string_view channel_name(Channel channel);
// The citations of `bases` as one line, "art. 1; art. 2": how reports and the interview
// name a legal basis.
std::string joined_cites(const std::vector<const LegalBasis*>& bases);

// The files a run of `procedure` reads: its own, its imports' and those of the procedures it
// calls (transitively), each once, in the order the interview meets them.
std::vector<const SourceFile*> involved_source_files(const Procedure& procedure);

}  // namespace procedura
