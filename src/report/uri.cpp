#include "report/uri.h"

namespace procedura {
namespace {

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string path_to_uri(std::string_view path) {
  // On POSIX a backslash is part of a file name, not a separator: it is percent-encoded
  // like any other reserved byte, so the URI names the same file.
  std::string_view rest = path;
  while (rest.size() > 2 && rest.substr(0, 2) == "./") rest.remove_prefix(2);
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string uri = !rest.empty() && rest.front() == '/' ? "file://" : "";
  for (unsigned char c : rest) {
    if (is_unreserved(c) || c == '/') {
      uri.push_back(static_cast<char>(c));
    } else {
      uri.push_back('%');
      uri.push_back(kHex[c >> 4]);
      uri.push_back(kHex[c & 0xF]);
    }
  }
  return uri;
}

}  // namespace procedura
