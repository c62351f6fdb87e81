#pragma once
#include <cstddef>

namespace procedura {

// Safety limits of the loader; exceeding one is a `limit-exceeded` diagnostic.
struct Limits {
  size_t max_file_bytes = 8u << 20;    // 8 MiB per file
  size_t max_depth = 200;              // nesting of YAML collections
  size_t max_yaml_nodes = 2'000'000;   // YAML nodes per file, aliases expanded
  size_t max_expression_chars = 2000;  // length of one `when`
  size_t max_expression_depth = 64;    // nesting of one `when`
  size_t max_import_depth = 16;        // chain of imports
  size_t max_files = 100'000;          // files found below the inputs
};

}  // namespace procedura
