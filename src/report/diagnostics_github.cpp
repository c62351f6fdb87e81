#include "report/diagnostics_github.h"

#include <fmt/format.h>
#include <cstdlib>
#include <filesystem>

#include "model/source_file.h"
#include "util/visible_text.h"

namespace procedura {
namespace {

std::string escape(std::string_view text, bool property) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      case ':':
        out += property ? "%3A" : ":";
        break;
      case ',':
        out += property ? "%2C" : ",";
        break;
      default:
        // Other controls (ESC above all) never reach the log that renders the command.
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
          out += fmt::format("%{:02X}", static_cast<unsigned char>(c));
        } else {
          out.push_back(c);
        }
    }
  }
  return out;
}

std::filesystem::path workspace() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const char* env = std::getenv("GITHUB_WORKSPACE");
  fs::path base = env && *env ? fs::path(env) : fs::current_path(ec);
  fs::path canonical = fs::weakly_canonical(base, ec);
  return ec ? base : canonical;
}

std::string note_text(const DiagnosticNote& note) {
  const Location& where = note.location;
  std::string message = visible_text(note.message, LineBreaks::Escape);
  if (where.file == nullptr) return "note: " + message;
  std::string text = visible_text(github_path(where.file->path()), LineBreaks::Escape);
  if (where.line != 0) {
    text += ':' + std::to_string(where.line);
    if (where.column != 0) text += ':' + std::to_string(where.column);
  }
  return text + ": note: " + message;
}

}  // namespace

std::string github_path(const std::string& path) {
  namespace fs = std::filesystem;
  static const fs::path base = workspace();
  std::error_code ec;
  fs::path file = fs::weakly_canonical(fs::absolute(path, ec), ec);
  if (ec) return path;
  fs::path relative = file.lexically_relative(base);
  return relative.empty() ? path : relative.generic_string();
}

std::string github_escape_data(std::string_view text) {
  return escape(text, false);
}
std::string github_escape_property(std::string_view text) {
  return escape(text, true);
}

void render_diagnostics_github(const std::vector<Diagnostic>& diagnostics, std::ostream& out) {
  for (const Diagnostic& d : diagnostics) {
    std::string properties;
    auto add = [&](std::string_view name, const std::string& value) {
      if (!properties.empty()) properties += ',';
      properties += std::string(name) + '=' + github_escape_property(value);
    };
    const Location& where = d.location;
    if (where.file != nullptr)
      add("file", visible_text(github_path(where.file->path()), LineBreaks::Escape));
    if (where.line != 0) {
      add("line", std::to_string(where.line));
      if (where.column != 0) add("col", std::to_string(where.column));
      if (d.end_line != 0 && d.end_line != where.line) add("endLine", std::to_string(d.end_line));
      if (d.end_column != 0) add("endColumn", std::to_string(d.end_column));
    }
    add("title", std::string(rule_info(d.rule).id));

    // Each message on one line of its own (a newline in a quoted key is shown as \n);
    // the notes follow on separate lines.
    std::string message = visible_text(d.message, LineBreaks::Escape);
    for (const DiagnosticNote& note : d.notes) message += '\n' + note_text(note);
    out << (d.severity == Severity::Error ? "::error " : "::warning ") << properties
        << "::" << github_escape_data(message) << '\n';
  }
}

}  // namespace procedura
