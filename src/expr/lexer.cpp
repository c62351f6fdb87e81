#include "expr/lexer.h"

#include <charconv>
#include <cmath>

namespace procedura::expr {
namespace {

// One decoded code point; `bytes` is 0 for a malformed sequence.
struct CodePoint {
  char32_t value = 0;
  size_t bytes = 0;
};

CodePoint decode(std::string_view s, size_t at) {
  const auto lead = static_cast<unsigned char>(s[at]);
  if (lead < 0x80) return {lead, 1};
  size_t count = 0;
  char32_t value = 0;
  if (lead >= 0xC2 && lead <= 0xDF) {
    count = 2, value = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    count = 3, value = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    count = 4, value = lead & 0x07;
  } else {
    return {};
  }
  if (at + count > s.size()) return {};
  for (size_t i = 1; i < count; ++i) {
    const auto next = static_cast<unsigned char>(s[at + i]);
    if ((next & 0xC0) != 0x80) return {};
    value = (value << 6) | (next & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not valid UTF-8.
  if ((count == 3 && value < 0x800) || (count == 4 && value < 0x10000) ||
      (value >= 0xD800 && value <= 0xDFFF) || value > 0x10FFFF) {
    return {};
  }
  return {value, count};
}

bool is_ascii_letter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_digit(char32_t c) {
  return c >= '0' && c <= '9';
}
bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0;  // NBSP from editors
}
// Word processors turn straight quotes into these; say so instead of reading a name.
bool is_typographic_quote(char32_t c) {
  return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x2018 || c == 0x2019 || c == 0x00AB ||
         c == 0x00BB;
}
// Any other non-ASCII code point counts as a letter, so Polish names need no tables.
bool is_name_start(char32_t c) {
  return is_ascii_letter(c) || c == '_' || (c >= 0x80 && !is_space(c) && !is_typographic_quote(c));
}
bool is_name_char(char32_t c) {
  return is_name_start(c) || is_digit(c) || c == '-';
}

struct Keyword {
  std::string_view word;
  TokenKind kind;
};
constexpr Keyword kKeywords[] = {
    {"and", TokenKind::And},           {"or", TokenKind::Or},
    {"not", TokenKind::Not},           {"in", TokenKind::In},
    {"contains", TokenKind::Contains}, {"true", TokenKind::True},
    {"false", TokenKind::False},
};

std::optional<TokenKind> keyword_kind(std::string_view word) {
  for (const auto& keyword : kKeywords) {
    if (keyword.word == word) return keyword.kind;
  }
  return std::nullopt;
}

class Lexer {
 public:
  Lexer(std::string_view source, std::vector<Token>& tokens) : src_(source), tokens_(tokens) {}

  std::optional<LexError> run() {
    while (true) {
      if (auto error = skip_space()) return error;
      if (at_end()) break;
      if (auto error = next_token()) return error;
    }
    tokens_.push_back(Token{TokenKind::End, "", 0, cp_, 0});
    return std::nullopt;
  }

 private:
  bool at_end() const { return pos_ >= src_.size(); }
  char peek_byte(size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }

  // The code point at the cursor; an error for malformed UTF-8.
  std::optional<LexError> current(CodePoint& out) const {
    out = decode(src_, pos_);
    if (out.bytes == 0) return LexError{cp_, 1, "invalid UTF-8 byte in expression"};
    return std::nullopt;
  }
  void advance(const CodePoint& c) {
    pos_ += c.bytes;
    ++cp_;
  }

  // Advances over the code points that `keep` accepts.
  template <typename Keep>
  std::optional<LexError> advance_while(Keep keep) {
    while (!at_end()) {
      CodePoint c;
      if (auto error = current(c)) return error;
      if (!keep(c.value)) break;
      advance(c);
    }
    return std::nullopt;
  }

  std::optional<LexError> skip_space() { return advance_while(is_space); }

  void emit(TokenKind kind, size_t start_byte, size_t start_cp) {
    tokens_.push_back(Token{kind, std::string(src_.substr(start_byte, pos_ - start_byte)), 0,
                            start_cp, cp_ - start_cp});
  }

  std::optional<LexError> next_token() {
    CodePoint c;
    if (auto error = current(c)) return error;
    const char32_t ch = c.value;
    if (is_digit(ch) || (ch == '-' && is_digit(static_cast<unsigned char>(peek_byte(1))))) {
      return number();
    }
    if (ch == '"' || ch == '\'') return string(static_cast<char>(ch));
    if (is_name_start(ch)) return name();
    return punctuation(c);
  }

  std::optional<LexError> number() {
    const size_t start = pos_, start_cp = cp_;
    if (peek_byte() == '-') ++pos_, ++cp_;
    while (is_digit(static_cast<unsigned char>(peek_byte()))) ++pos_, ++cp_;
    if (peek_byte() == '.') {
      ++pos_, ++cp_;
      if (!is_digit(static_cast<unsigned char>(peek_byte()))) {
        return LexError{start_cp, cp_ - start_cp,
                        "expected digits after '.' in number '" +
                            std::string(src_.substr(start, pos_ - start)) + "'"};
      }
      while (is_digit(static_cast<unsigned char>(peek_byte()))) ++pos_, ++cp_;
    }
    const std::string_view text = src_.substr(start, pos_ - start);
    // `12abc` is neither a number nor a name: say why rather than "expected an operator".
    if (!at_end()) {
      const CodePoint next = decode(src_, pos_);
      if (next.bytes != 0 && is_name_char(next.value) && next.value != '-') {
        size_t end = pos_, end_cp = cp_;
        while (end < src_.size()) {
          const CodePoint d = decode(src_, end);
          if (d.bytes == 0 || !is_name_char(d.value)) break;
          end += d.bytes, ++end_cp;
        }
        return LexError{start_cp, end_cp - start_cp,
                        "'" + std::string(src_.substr(start, end - start)) +
                            "' is not a number, and a name cannot start with a digit"};
      }
    }
    double value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || !std::isfinite(value)) {
      return LexError{start_cp, cp_ - start_cp,
                      "number '" + std::string(text) + "' is out of range"};
    }
    Token token{TokenKind::Number, std::string(text), value, start_cp, cp_ - start_cp};
    tokens_.push_back(std::move(token));
    return std::nullopt;
  }

  std::optional<LexError> string(char quote) {
    const size_t start_cp = cp_;
    ++pos_, ++cp_;  // opening quote
    std::string contents;
    while (true) {
      if (at_end()) {
        return LexError{start_cp, cp_ - start_cp,
                        "unterminated string (missing closing " + std::string(1, quote) + ")"};
      }
      CodePoint c;
      if (auto error = current(c)) return error;
      if (c.value == static_cast<char32_t>(quote)) {
        advance(c);
        break;
      }
      if (c.value == '\\') {
        const size_t escape_cp = cp_;
        advance(c);
        if (at_end()) return LexError{escape_cp, 1, "unterminated string (it ends with '\\')"};
        const char escaped = peek_byte();
        if (escaped != quote && escaped != '\\') {
          CodePoint bad;
          if (auto error = current(bad)) return error;
          return LexError{escape_cp, 2,
                          "unknown escape '\\" + std::string(src_.substr(pos_, bad.bytes)) +
                              "' in string; only \\" + std::string(1, quote) +
                              " and \\\\ are allowed"};
        }
        contents += escaped;
        ++pos_, ++cp_;
        continue;
      }
      contents.append(src_.substr(pos_, c.bytes));
      advance(c);
    }
    tokens_.push_back(Token{TokenKind::String, std::move(contents), 0, start_cp, cp_ - start_cp});
    return std::nullopt;
  }

  // Reads a run of name characters.
  std::optional<LexError> name_segment() { return advance_while(is_name_char); }

  std::optional<LexError> name() {
    const size_t start = pos_, start_cp = cp_;
    if (auto error = name_segment()) return error;
    // `callee-id.var`: one dot joins a called procedure's id and its variable.
    if (peek_byte() == '.') {
      const CodePoint after = pos_ + 1 < src_.size() ? decode(src_, pos_ + 1) : CodePoint{};
      if (after.bytes == 0 || !is_name_start(after.value)) {
        return LexError{cp_, 1,
                        "expected a variable name after '.' in '" +
                            std::string(src_.substr(start, pos_ + 1 - start)) + "'"};
      }
      ++pos_, ++cp_;
      if (auto error = name_segment()) return error;
      if (peek_byte() == '.') {
        return LexError{start_cp, cp_ - start_cp + 1,
                        "a name may contain only one '.' (callee-id.variable), in '" +
                            std::string(src_.substr(start, pos_ + 1 - start)) + "'"};
      }
    }
    const std::string_view word = src_.substr(start, pos_ - start);
    const TokenKind kind = keyword_kind(word).value_or(TokenKind::Name);
    emit(kind, start, start_cp);
    return std::nullopt;
  }

  std::optional<LexError> punctuation(const CodePoint& c) {
    const size_t start = pos_, start_cp = cp_;
    const char first = c.value < 0x80 ? static_cast<char>(c.value) : '\0';
    const char second = peek_byte(1);
    auto two = [&](TokenKind kind) {
      pos_ += 2, cp_ += 2;
      emit(kind, start, start_cp);
      return std::nullopt;
    };
    auto one = [&](TokenKind kind) {
      pos_ += 1, cp_ += 1;
      emit(kind, start, start_cp);
      return std::nullopt;
    };
    switch (first) {
      case '=':
        if (second == '=') return two(TokenKind::Eq);
        return LexError{cp_, 1, "'=' is not an operator; use '==' to compare"};
      case '!':
        if (second == '=') return two(TokenKind::Ne);
        return LexError{cp_, 1, "'!' is not an operator; use 'not' or '!='"};
      case '<':
        if (second == '=') return two(TokenKind::Le);
        return one(TokenKind::Lt);
      case '>':
        if (second == '=') return two(TokenKind::Ge);
        return one(TokenKind::Gt);
      case '&':
        return LexError{cp_, second == '&' ? 2u : 1u, "use 'and' instead of '&&'"};
      case '|':
        return LexError{cp_, second == '|' ? 2u : 1u, "use 'or' instead of '||'"};
      case '(':
        return one(TokenKind::LParen);
      case ')':
        return one(TokenKind::RParen);
      case '[':
        return one(TokenKind::LBracket);
      case ']':
        return one(TokenKind::RBracket);
      case ',':
        return one(TokenKind::Comma);
      case '-':
        return LexError{cp_, 1, "a name cannot start with '-', and there is no arithmetic"};
      default:
        break;
    }
    const std::string shown(src_.substr(pos_, c.bytes));
    if (is_typographic_quote(c.value)) {
      return LexError{
          cp_, 1,
          "typographic quote '" + shown + "' cannot delimit a string; use straight quotes \"...\""};
    }
    if (c.value < 0x20 || c.value == 0x7F) {
      return LexError{cp_, 1, "unexpected control character in expression"};
    }
    return LexError{cp_, 1, "unexpected character '" + shown + "'"};
  }

  std::string_view src_;
  std::vector<Token>& tokens_;
  size_t pos_ = 0;  // bytes
  size_t cp_ = 0;   // code points
};

}  // namespace

std::optional<LexError> tokenize(std::string_view source, std::vector<Token>& tokens) {
  return Lexer(source, tokens).run();
}

bool is_keyword(std::string_view word) {
  return keyword_kind(word).has_value();
}

size_t count_code_points(std::string_view text) {
  size_t count = 0;
  for (const char byte : text) {
    if ((static_cast<unsigned char>(byte) & 0xC0) != 0x80) ++count;
  }
  return count;
}

}  // namespace procedura::expr
