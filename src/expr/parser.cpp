#include "expr/parser.h"

#include <algorithm>
#include <exception>

#include "expr/lexer.h"

namespace procedura::expr {
namespace {

bool is_comparison(TokenKind kind) {
  switch (kind) {
    case TokenKind::Eq:
    case TokenKind::Ne:
    case TokenKind::Lt:
    case TokenKind::Le:
    case TokenKind::Gt:
    case TokenKind::Ge:
    case TokenKind::In:
    case TokenKind::Contains:
      return true;
    default:
      return false;
  }
}

Op comparison_op(TokenKind kind) {
  switch (kind) {
    case TokenKind::Eq:
      return Op::Eq;
    case TokenKind::Ne:
      return Op::Ne;
    case TokenKind::Lt:
      return Op::Lt;
    case TokenKind::Le:
      return Op::Le;
    case TokenKind::Gt:
      return Op::Gt;
    case TokenKind::Ge:
      return Op::Ge;
    case TokenKind::In:
      return Op::In;
    default:
      return Op::Contains;
  }
}

// How a token is named in messages: 'and', ')', "text", 14.
std::string describe(const Token& token) {
  switch (token.kind) {
    case TokenKind::End:
      return "the end of the expression";
    case TokenKind::String:
      return "the string \"" + token.text + "\"";
    default:
      return "'" + token.text + "'";
  }
}

size_t end_of(const Expr& node) {
  return node.offset + node.length;
}

// A parsed subtree with its height, so the tree (and every later walk of it) stays shallow.
struct Parsed {
  Expr* node = nullptr;
  size_t height = 0;
};

// What a tree parsed from `tokens` can hold at most: a node per token (each node but a
// group's consumes one), their names' and strings' text, and the items of lists.
struct TreeSize {
  size_t nodes = 0, text_bytes = 0, list_items = 0;
};
TreeSize tree_size(const std::vector<Token>& tokens) {
  TreeSize size;
  bool has_list = false;
  size_t literals = 0;
  for (const Token& token : tokens) {
    if (token.kind == TokenKind::End) continue;
    ++size.nodes;
    if (token.kind == TokenKind::Name || token.kind == TokenKind::String)
      size.text_bytes += token.text.size();
    if (token.kind == TokenKind::Number || token.kind == TokenKind::String) ++literals;
    if (token.kind == TokenKind::LBracket) has_list = true;
  }
  if (has_list) size.list_items = literals;
  return size;
}

class Parser {
 public:
  Parser(std::vector<Token> tokens, ExprTree& tree, std::vector<ExprError>& errors,
         ParseLimits limits)
      : tokens_(std::move(tokens)), tree_(tree), errors_(errors), limits_(limits) {}

  Expr* run() {
    if (peek().kind == TokenKind::End) {
      fail(ExprError::Kind::Syntax, 0, 0, "empty expression");
      return nullptr;
    }
    Parsed result = parse_or(0);
    if (failed_) return nullptr;
    if (peek().kind != TokenKind::End) {
      const Token& token = peek();
      if (token.kind == TokenKind::RParen) {
        syntax_error(token, "unexpected ')' without a matching '('");
      } else {
        syntax_error(token, "unexpected " + describe(token) + " after " + describe(previous()) +
                                "; expected an operator such as 'and', 'or' or '=='");
      }
      return nullptr;
    }
    return result.node;
  }

 private:
  const Token& peek() const { return tokens_[index_]; }
  const Token& previous() const { return tokens_[index_ == 0 ? 0 : index_ - 1]; }
  const Token& take() {
    const Token& token = tokens_[index_];
    if (token.kind != TokenKind::End) ++index_;
    return token;
  }

  void fail(ExprError::Kind kind, size_t offset, size_t length, std::string message) {
    if (failed_) return;  // one error per expression: later ones would only echo the first
    failed_ = true;
    errors_.push_back(ExprError{kind, offset, length, std::move(message)});
  }
  void syntax_error(const Token& at, std::string message) {
    fail(ExprError::Kind::Syntax, at.offset, at.length, std::move(message));
  }
  void too_deep(size_t offset, size_t length) {
    fail(ExprError::Kind::TooComplex, offset, length,
         "expression nests too deeply (more than " + std::to_string(limits_.max_depth) +
             " levels); split it into simpler conditions");
  }

  // Joins two operands; fails when the tree would grow taller than the limit.
  Parsed binary(Op op, Parsed lhs, Parsed rhs) {
    Parsed out;
    out.height = 1 + std::max(lhs.height, rhs.height);
    Expr* node = tree_.add(Expr::Kind::Binary, lhs.node->offset,
                           static_cast<uint32_t>(end_of(*rhs.node) - lhs.node->offset));
    node->op = op;
    node->lhs = lhs.node;
    node->rhs = rhs.node;
    if (out.height > limits_.max_depth) too_deep(node->offset, node->length);
    out.node = node;
    return out;
  }

  Parsed parse_or(size_t nesting) {
    Parsed left = parse_and(nesting);
    while (!failed_ && peek().kind == TokenKind::Or) {
      take();
      Parsed right = parse_and(nesting);
      if (failed_) break;
      left = binary(Op::Or, std::move(left), std::move(right));
    }
    return left;
  }

  Parsed parse_and(size_t nesting) {
    Parsed left = parse_not(nesting);
    while (!failed_ && peek().kind == TokenKind::And) {
      take();
      Parsed right = parse_not(nesting);
      if (failed_) break;
      left = binary(Op::And, std::move(left), std::move(right));
    }
    return left;
  }

  Parsed parse_not(size_t nesting) {
    if (peek().kind != TokenKind::Not) return parse_comparison(nesting);
    const Token& not_token = take();
    if (nesting + 1 > limits_.max_depth) {
      too_deep(not_token.offset, not_token.length);
      return {};
    }
    Parsed operand = parse_not(nesting + 1);
    if (failed_) return {};
    Expr* node = tree_.add(Expr::Kind::Not, static_cast<uint32_t>(not_token.offset),
                           static_cast<uint32_t>(end_of(*operand.node) - not_token.offset));
    node->op = Op::Not;
    node->lhs = operand.node;
    Parsed out{node, operand.height + 1};
    if (out.height > limits_.max_depth) too_deep(out.node->offset, out.node->length);
    return out;
  }

  Parsed parse_comparison(size_t nesting) {
    Parsed left = parse_primary(nesting);
    if (failed_ || !is_comparison(peek().kind)) return left;
    const Op op = comparison_op(take().kind);
    Parsed right = parse_primary(nesting);
    if (failed_) return {};
    Parsed out = binary(op, std::move(left), std::move(right));
    if (!failed_ && is_comparison(peek().kind)) {
      syntax_error(peek(), "comparisons cannot be chained: '" + peek().text +
                               "' follows another comparison; join them with 'and' or use "
                               "parentheses");
    }
    return out;
  }

  Parsed literal(const Token& token, Value value) {
    return {tree_.add_literal(std::move(value), static_cast<uint32_t>(token.offset),
                              static_cast<uint32_t>(token.length)),
            1};
  }

  Parsed parse_primary(size_t nesting) {
    const Token& token = peek();
    switch (token.kind) {
      case TokenKind::Number:
        return literal(take(), Value::of_number(token.number));
      case TokenKind::String:
        return literal(take(), Value::of_string(token.text));
      case TokenKind::True:
        return literal(take(), Value::of_bool(true));
      case TokenKind::False:
        return literal(take(), Value::of_bool(false));
      case TokenKind::Name: {
        take();
        return {tree_.add_variable(token.text, static_cast<uint32_t>(token.offset),
                                   static_cast<uint32_t>(token.length)),
                1};
      }
      case TokenKind::LParen:
        return parse_group(nesting);
      case TokenKind::LBracket:
        return parse_list();
      default:
        break;
    }
    missing_operand(token);
    return {};
  }

  void missing_operand(const Token& found) {
    if (index_ == 0) {
      syntax_error(found, "expected a condition, found " + describe(found));
      return;
    }
    const Token& before = previous();
    std::string message = "expected an operand after " + describe(before);
    if (found.kind != TokenKind::End) message += ", found " + describe(found);
    if (found.kind == TokenKind::Not) message += "; put 'not ...' in parentheses";
    syntax_error(found, std::move(message));
  }

  Parsed parse_group(size_t nesting) {
    const Token& open = take();
    if (nesting + 1 > limits_.max_depth) {
      too_deep(open.offset, open.length);
      return {};
    }
    Parsed inner = parse_or(nesting + 1);
    if (failed_) return {};
    const Token& close = peek();
    if (close.kind == TokenKind::End) {
      syntax_error(open, "unclosed '(': expected ')' before the end of the expression");
      return {};
    }
    if (close.kind != TokenKind::RParen) {
      syntax_error(close, "expected ')' or an operator, found " + describe(close));
      return {};
    }
    take();
    // The node spans its parentheses so that diagnostics underline what the author wrote.
    inner.node->offset = static_cast<uint32_t>(open.offset);
    inner.node->length = static_cast<uint32_t>(close.offset + close.length - open.offset);
    return inner;
  }

  Parsed parse_list() {
    const Token& open = take();
    std::vector<Value> items;
    bool expect_item = peek().kind != TokenKind::RBracket;
    while (expect_item) {
      const Token& item = peek();
      if (item.kind == TokenKind::Number) {
        items.push_back(Value::of_number(item.number));
      } else if (item.kind == TokenKind::String) {
        items.push_back(Value::of_string(item.text));
      } else if (item.kind == TokenKind::End) {
        syntax_error(open, "unclosed '[': expected ']' before the end of the expression");
        return {};
      } else {
        syntax_error(item, "expected a list item (a \"string\" or a number) after " +
                               describe(previous()) + ", found " + describe(item));
        return {};
      }
      take();
      const Token& after = peek();
      if (after.kind == TokenKind::Comma) {
        take();
      } else if (after.kind == TokenKind::RBracket) {
        expect_item = false;
      } else if (after.kind == TokenKind::End) {
        syntax_error(open, "unclosed '[': expected ']' before the end of the expression");
        return {};
      } else {
        syntax_error(after, "expected ',' or ']' in the list, found " + describe(after));
        return {};
      }
    }
    const Token& close = take();  // ']'
    return {tree_.add_list(std::move(items), static_cast<uint32_t>(open.offset),
                           static_cast<uint32_t>(close.offset + close.length - open.offset)),
            1};
  }

  std::vector<Token> tokens_;
  ExprTree& tree_;
  std::vector<ExprError>& errors_;
  ParseLimits limits_;
  size_t index_ = 0;
  bool failed_ = false;
};

}  // namespace

ExprPtr parse(std::string_view source, std::vector<ExprError>& errors, ParseLimits limits) {
  // Only allocation can throw here; a library boundary must not let it escape.
  try {
    const size_t chars = count_code_points(source);
    if (chars > limits.max_chars) {
      errors.push_back(ExprError{ExprError::Kind::TooComplex, 0, chars,
                                 "expression is too long (" + std::to_string(chars) +
                                     " characters; the limit is " +
                                     std::to_string(limits.max_chars) + ")"});
      return nullptr;
    }
    std::vector<Token> tokens;
    if (auto error = tokenize(source, tokens)) {
      errors.push_back(
          ExprError{ExprError::Kind::Syntax, error->offset, error->length, error->message});
      return nullptr;
    }
    const TreeSize size = tree_size(tokens);
    auto tree = std::make_shared<ExprTree>(size.nodes, size.text_bytes, size.list_items);
    Expr* root = Parser(std::move(tokens), *tree, errors, limits).run();
    if (!root) return nullptr;
    return ExprPtr(std::move(tree), root);
  } catch (const std::exception&) {
    errors.push_back(ExprError{ExprError::Kind::TooComplex, 0, 0, "out of memory"});
    return nullptr;
  }
}

}  // namespace procedura::expr
