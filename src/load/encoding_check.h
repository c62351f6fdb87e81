#pragma once
// Checks the raw bytes of a procedure file before YAML parsing: yaml-cpp silently
// accepts invalid UTF-8 and misreads NUL bytes and UTF-16 byte-order marks.
#include "model/diagnostic.h"
#include "model/source_file.h"

namespace procedura {

// Reports `yaml-syntax` for NUL bytes, UTF-16/32 byte-order marks, invalid UTF-8 and a
// UTF-8 byte-order mark anywhere but at the very start.
// Returns false when the file must not be parsed.
bool check_encoding(const SourceFile& file, Diagnostics& diagnostics);

// What check_encoding decides, without a report: the menu reads headers of files it
// does not report on, and need not build a SourceFile (its line table) to ask.
bool encoding_ok(std::string_view bytes);

// Byte offset of a UTF-8 byte-order mark past the file's first three bytes, or npos.
size_t stray_byte_order_mark(std::string_view bytes);

// Byte offset of the first invalid UTF-8 sequence, or npos.
size_t find_invalid_utf8(std::string_view bytes);

}  // namespace procedura
