// Every one-byte edit of a sealed transcript is found: `verify` must answer "broken",
// never "sealed" or "interrupted", whichever byte changes and however. The fixture is a
// sealed transcript of a completed interview (tests/fixtures/transcripts/sealed.jsonl).
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "report/transcript.h"

using namespace procedura;
namespace fs = std::filesystem;

namespace {

std::string read_fixture() {
  std::ifstream in(std::string(PROCEDURA_TEST_DATA) + "/fixtures/transcripts/sealed.jsonl",
                   std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

struct ScratchFile {
  fs::path path;
  ScratchFile() {
    std::string pattern = (fs::temp_directory_path() / "procedura-edit-XXXXXX").string();
    int fd = ::mkstemp(pattern.data());
    REQUIRE(fd >= 0);
    ::close(fd);
    path = pattern;
  }
  ~ScratchFile() {
    std::error_code ignored;
    fs::remove(path, ignored);
  }
  void write(const std::string& bytes) const {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
  }
};

}  // namespace

TEST_SUITE("transcript") {
  TEST_CASE("every one-byte edit of a sealed transcript is found") {
    const std::string original = read_fixture();
    REQUIRE(original.size() > 1000);
    ScratchFile file;
    file.write(original);
    TranscriptContent intact = read_transcript(file.path.string());
    REQUIRE(intact.ok);
    REQUIRE(intact.sealed);

    size_t missed = 0;
    for (size_t i = 0; i < original.size(); ++i) {
      // A flipped low bit changes every byte into another; a newline in place of a byte
      // splits a line, the edit most likely to look like an interruption.
      for (char replacement : {static_cast<char>(original[i] ^ 1), '\n'}) {
        if (replacement == original[i]) continue;
        std::string edited = original;
        edited[i] = replacement;
        file.write(edited);
        TranscriptContent content = read_transcript(file.path.string());
        if (content.ok) {
          ++missed;
          MESSAGE("byte " << i << " edited to " << static_cast<int>(replacement) << " reads as "
                          << (content.sealed ? "sealed" : "not sealed"));
        }
      }
    }
    CHECK(missed == 0);
  }
}
