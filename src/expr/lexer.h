#pragma once
// Splits a `when` expression into tokens whose positions count Unicode code points.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace procedura::expr {

enum class TokenKind {
  End,
  Number,
  String,
  Name,
  True,
  False,
  And,
  Or,
  Not,
  In,
  Contains,
  Eq,
  Ne,
  Lt,
  Le,
  Gt,
  Ge,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
};

struct Token {
  TokenKind kind = TokenKind::End;
  std::string text;   // the source text; for String the unescaped contents
  double number = 0;  // for Number
  size_t offset = 0;  // code points from the start of the expression
  size_t length = 0;  // code points
};

struct LexError {
  size_t offset = 0;
  size_t length = 0;
  std::string message;
};

// Tokenizes the whole source; stops at the first malformed token and returns it as an error.
// The token list always ends with an End token when there is no error.
std::optional<LexError> tokenize(std::string_view source, std::vector<Token>& tokens);

// True for the words the language reserves (and, or, not, in, contains, true, false).
bool is_keyword(std::string_view word);

// Counts the code points of valid UTF-8 (continuation bytes do not count).
size_t count_code_points(std::string_view text);

}  // namespace procedura::expr
