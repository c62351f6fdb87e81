#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "util/atomic_file.h"

using namespace procedura;
namespace fs = std::filesystem;

namespace {

// A fresh directory removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "procedura-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

mode_t permissions(const fs::path& path) {
  struct stat info;
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 07777;
}

}  // namespace

TEST_SUITE("atomic_file") {
  TEST_CASE("writes the content with mode 0600 and leaves no temporary file") {
    TempDir dir;
    fs::path file = dir.path / "transcript.json";
    CHECK(write_file_atomically(file.string(), "{\"ok\": true}\n") == "");
    CHECK(read_all(file) == "{\"ok\": true}\n");
    CHECK(permissions(file) == 0600);
    CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
  }

  TEST_CASE("replaces an existing file and honours a given mode") {
    TempDir dir;
    fs::path file = dir.path / "report.md";
    REQUIRE(write_file_atomically(file.string(), "old") == "");
    CHECK(write_file_atomically(file.string(), "new content", 0644) == "");
    CHECK(read_all(file) == "new content");
    CHECK(permissions(file) == 0644);
  }

  TEST_CASE("a missing directory gives an error naming the path") {
    TempDir dir;
    fs::path file = dir.path / "no-such-dir" / "out.json";
    std::string error = write_file_atomically(file.string(), "x");
    CHECK(error.find(file.string()) != std::string::npos);
    CHECK(error.find("No such file") != std::string::npos);
    CHECK_FALSE(fs::exists(file));
  }

  TEST_CASE("a directory as target is refused") {
    TempDir dir;
    CHECK(write_file_atomically(dir.path.string(), "x") != "");
    CHECK(fs::is_directory(dir.path));
  }

  TEST_CASE("append-only file: creates with 0600, appends whole lines") {
    TempDir dir;
    fs::path file = dir.path / "audit.log";
    AppendOnlyFile log;
    REQUIRE(log.open(file.string()) == "");
    CHECK(log.is_open());
    CHECK(log.append_line("first") == "");
    CHECK(log.append_line("second\n") == "");
    CHECK(permissions(file) == 0600);
    log.close();
    AppendOnlyFile again;
    REQUIRE(again.open(file.string()) == "");
    CHECK(again.append_line("third") == "");
    CHECK(read_all(file) == "first\nsecond\nthird\n");
  }

  TEST_CASE("append-only file refuses a directory and reports a closed file") {
    TempDir dir;
    AppendOnlyFile log;
    std::string error = log.open(dir.path.string());
    CHECK(error.find("Is a directory") != std::string::npos);
    CHECK_FALSE(log.is_open());
    CHECK(log.append_line("x") != "");
  }

  TEST_CASE("a full device makes append fail with an error, not a crash") {
    if (::access("/dev/full", W_OK) != 0) return;  // not available in this environment
    AppendOnlyFile log;
    REQUIRE(log.open("/dev/full") == "");
    std::string error = log.append_line("line");
    CHECK(error.find("/dev/full") != std::string::npos);
    CHECK(error.find("No space left") != std::string::npos);
  }

  TEST_CASE("a move transfers ownership of the descriptor") {
    TempDir dir;
    fs::path file = dir.path / "moved.log";
    AppendOnlyFile first;
    REQUIRE(first.open(file.string()) == "");
    AppendOnlyFile second = std::move(first);
    CHECK_FALSE(first.is_open());
    CHECK(second.append_line("kept") == "");
    CHECK(read_all(file) == "kept\n");
  }
}
