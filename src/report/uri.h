#pragma once
// File paths as URI references, for SARIF artifact locations.
#include <string>
#include <string_view>

namespace procedura {

// A relative path stays relative ("procedures/szkoła 1.yaml" → "procedures/szko%C5%82a%201.yaml"),
// an absolute one becomes a file:// URI. Backslashes become '/', a leading "./" is
// dropped, and every byte outside the RFC 3986 unreserved set and '/' is percent-encoded.
std::string path_to_uri(std::string_view path);

}  // namespace procedura
