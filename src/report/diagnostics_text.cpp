#include "report/diagnostics_text.h"

#include "model/source_file.h"
#include "util/utf8.h"
#include "util/visible_text.h"

namespace procedura {
namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[1;31m";
constexpr std::string_view kMagenta = "\x1b[1;35m";
constexpr std::string_view kCyan = "\x1b[1;36m";
constexpr std::string_view kGreen = "\x1b[1;32m";

// Messages quote keys and texts from the files, and file names come from the disk: each
// stays on its own line, with controls shown as escapes (a key holding "\n" plus a forged
// "file:1:1: error:" line must not look like a second diagnostic).
std::string terminal_safe(std::string_view text) {
  return visible_text(text, LineBreaks::Escape);
}

class Printer {
 public:
  Printer(std::ostream& out, bool color) : out_(out), color_(color) {}

  void styled(std::string_view style, std::string_view text) {
    if (color_) out_ << style;
    out_ << text;
    if (color_) out_ << kReset;
  }

  // "file:line:col: " (as much of it as is known), bold.
  void location(const Location& where) {
    if (where.file == nullptr) return;
    std::string text = terminal_safe(where.file->path());
    if (where.line != 0) {
      text += ':' + std::to_string(where.line);
      if (where.column != 0) text += ':' + std::to_string(where.column);
    }
    text += ':';
    styled(kBold, text);
    out_ << ' ';
  }

  void excerpt(const Location& where) {
    if (!where.known() || where.line > where.file->line_count()) return;
    SourceExcerpt shown = source_excerpt_in(*where.file, where.line, where.column);
    out_ << shown.line << '\n';
    out_ << shown.caret.substr(0, shown.caret.size() - 1);
    styled(kGreen, "^");
    out_ << '\n';
  }

  void diagnostic(const Diagnostic& d) {
    location(d.location);
    bool error = d.severity == Severity::Error;
    styled(error ? kRed : kMagenta, error ? "error:" : "warning:");
    out_ << ' ' << terminal_safe(d.message) << " [" << rule_info(d.rule).id << "]\n";
    excerpt(d.location);
    for (const DiagnosticNote& note : d.notes) {
      if (note.location.file == nullptr) out_ << "  ";
      location(note.location);
      styled(kCyan, "note:");
      out_ << ' ' << terminal_safe(note.message) << '\n';
      excerpt(note.location);
    }
  }

 private:
  std::ostream& out_;
  bool color_;
};

std::string plural(size_t count, std::string_view noun) {
  std::string text = std::to_string(count) + ' ' + std::string(noun);
  if (count != 1) text += 's';
  return text;
}

}  // namespace

SourceExcerpt source_excerpt(std::string_view line_text, uint32_t column) {
  SourceExcerpt result;
  uint32_t target = column == 0 ? 1 : column;
  uint32_t current = 1;
  for (size_t i = 0; i < line_text.size();) {
    utf8::Decoded d = utf8::decode(line_text, i);
    char32_t c = d.code_point;
    bool shown_as_replacement = !d.valid || (c != '\t' && (c < 0x20 || is_hidden_control(c)));
    if (shown_as_replacement) {
      utf8::append(result.line, utf8::kReplacementChar);
    } else {
      result.line.append(line_text.substr(i, d.length));
    }
    if (current < target) {
      if (c == '\t') {
        result.caret.push_back('\t');
      } else {
        int width = shown_as_replacement ? 1 : utf8::code_point_width(c);
        result.caret.append(static_cast<size_t>(width), ' ');
      }
    }
    ++current;
    i += d.length;
  }
  result.caret.push_back('^');
  return result;
}

SourceExcerpt source_excerpt_in(const SourceFile& file, uint32_t line, uint32_t column) {
  std::string_view text = file.line_text(line);
  if (text.size() <= kExcerptBytes) return source_excerpt(text, column);
  const size_t line_start = file.offset_of(line, 1);
  const size_t at = file.offset_of(line, column == 0 ? 1 : column) - line_start;
  auto boundary = [&](size_t i) {  // back to the first byte of a UTF-8 sequence
    while (i > 0 && i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) --i;
    return i;
  };
  const size_t half = kExcerptBytes / 2;
  const size_t begin = at > half ? boundary(at - half) : 0;
  const size_t end = at + half < text.size() ? boundary(at + half) : text.size();
  const std::string before = begin > 0 ? "…" : "", after = end < text.size() ? "…" : "";
  const std::string shown = before + std::string(text.substr(begin, end - begin)) + after;
  const auto caret =
      static_cast<uint32_t>(utf8::count_code_points(before) +
                            utf8::count_code_points(text.substr(begin, at - begin)) + 1);
  return source_excerpt(shown, caret);
}

std::string summary_line(size_t errors, size_t warnings, size_t files) {
  return plural(errors, "error") + ", " + plural(warnings, "warning") + " in " +
         plural(files, "file");
}

void render_diagnostics_text(const std::vector<Diagnostic>& diagnostics, std::ostream& out,
                             const TextOptions& options) {
  Printer printer(out, options.color);
  for (const Diagnostic& d : diagnostics) printer.diagnostic(d);
}

}  // namespace procedura
