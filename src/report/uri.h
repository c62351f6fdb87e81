#pragma once
// File paths as URI references, for SARIF artifact locations.
#include <string>
#include <string_view>

namespace procedura {

// A relative path stays relative ("procedures/szkoła 1.yaml" → "procedures/szko%C5%82a%201.yaml"),
// an absolute one becomes a file:// URI. A leading "./" is dropped, and every byte outside
// the RFC 3986 unreserved set and '/' is percent-encoded, a backslash too ("a\\b" is one
// POSIX file name, "a%5Cb").
std::string path_to_uri(std::string_view path);

}  // namespace procedura
