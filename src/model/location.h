#pragma once
#include <cstdint>

namespace procedura {

class SourceFile;

// Where a model element was written. Lines and columns are 1-based; columns count
// Unicode code points. line == 0 means "the file as a whole".
struct Location {
  const SourceFile* file = nullptr;
  uint32_t line = 0;
  uint32_t column = 0;

  bool known() const { return file != nullptr && line != 0; }
};

}  // namespace procedura
