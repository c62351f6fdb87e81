#include "export/graphviz.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

extern char** environ;

namespace procedura {
namespace fs = std::filesystem;

namespace {

std::string find_dot() {
  const char* path = std::getenv("PATH");
  std::string_view rest = path ? path : "/usr/bin:/bin";
  while (true) {
    size_t colon = rest.find(':');
    std::string dir(rest.substr(0, colon));
    if (!dir.empty()) {
      std::string candidate = dir + "/dot";
      if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    if (colon == std::string_view::npos) return {};
    rest.remove_prefix(colon + 1);
  }
}

// A temporary file removed when this goes out of scope.
struct TempFile {
  std::string path;
  int fd = -1;
  TempFile() {
    std::error_code ec;
    fs::path dir = fs::temp_directory_path(ec);
    std::string pattern = (ec ? fs::path("/tmp") : dir).string() + "/procedura-dot-XXXXXX";
    fd = ::mkstemp(pattern.data());
    if (fd >= 0) path = pattern;
  }
  ~TempFile() {
    if (fd >= 0) ::close(fd);
    if (!path.empty()) ::unlink(path.c_str());
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Keeps the <svg> element: HTML5 does not want the XML prolog or the SVG 1.1 doctype.
std::string svg_element(const std::string& document) {
  size_t start = document.find("<svg");
  return start == std::string::npos ? std::string() : document.substr(start);
}

// The number in ` name="123.4pt"` inside the <svg ...> start tag; 0 when absent.
double points_attribute(std::string_view svg, std::string_view name) {
  std::string_view tag = svg.substr(0, svg.find('>'));
  std::string key = " " + std::string(name) + "=\"";
  size_t at = tag.find(key);
  if (at == std::string_view::npos) return 0;
  std::string_view value = tag.substr(at + key.size());
  value = value.substr(0, value.find('"'));
  if (value.size() < 3 || value.substr(value.size() - 2) != "pt") return 0;
  double number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size() - 2, number);
  return ec == std::errc() && end == value.data() + value.size() - 2 ? number : 0;
}

}  // namespace

SvgSize svg_size(std::string_view svg) {
  return SvgSize{points_attribute(svg, "width"), points_attribute(svg, "height")};
}

bool graphviz_available() {
  return !find_dot().empty();
}

SvgResult render_svg(const std::string& dot_source) {
  SvgResult result;
  std::string dot = find_dot();
  if (dot.empty()) {
    result.error = "Graphviz `dot` is not installed (Debian: apt install graphviz)";
    return result;
  }
  TempFile input, output, errors;
  if (input.fd < 0 || output.fd < 0 || errors.fd < 0) {
    result.error = "cannot create a temporary file for Graphviz";
    return result;
  }
  if (::write(input.fd, dot_source.data(), dot_source.size()) !=
      static_cast<ssize_t>(dot_source.size())) {
    result.error = "cannot write the graph to a temporary file";
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, output.fd, 1);
  posix_spawn_file_actions_adddup2(&actions, errors.fd, 2);
  std::string format = "-Tsvg";
  char* argv[] = {dot.data(), format.data(), input.path.data(), nullptr};
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, dot.c_str(), &actions, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) {
    result.error = "cannot start " + dot;
    return result;
  }
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    result.error = "Graphviz failed: " + read_all(errors.path);
    return result;
  }
  result.svg = svg_element(read_all(output.path));
  if (result.svg.empty()) {
    result.error = "Graphviz produced no SVG";
    return result;
  }
  result.ok = true;
  return result;
}

}  // namespace procedura
