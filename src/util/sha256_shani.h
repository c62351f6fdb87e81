#pragma once
// SHA-256 block compression with the x86 SHA extensions, where the processor has them: about
// ten times the portable code, which matters when `lint --cache` hashes every file per run.
#include <cstddef>
#include <cstdint>

namespace procedura {

// True when sha256_compress_shani may be called (x86-64 with SHA, SSSE3 and SSE4.1).
bool sha256_shani_available();
// Compresses `blocks` 64-byte blocks into `state` (a, b, c, d, e, f, g, h).
void sha256_compress_shani(uint32_t state[8], const uint8_t* data, size_t blocks,
                           const uint32_t k[64]);

}  // namespace procedura
