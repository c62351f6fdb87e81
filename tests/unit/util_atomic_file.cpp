#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
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

  TEST_CASE("append-only file: creates with 0600, appends whole lines, continues") {
    TempDir dir;
    fs::path file = dir.path / "audit.log";
    AppendOnlyFile log;
    REQUIRE(log.create(file.string()) == "");
    CHECK(log.is_open());
    CHECK(log.append_line("first") == "");
    CHECK(log.append_line("second\n") == "");
    CHECK(permissions(file) == 0600);
    log.close();
    AppendOnlyFile again;
    REQUIRE(again.open_existing(file.string(), 13, 13) == "");
    CHECK(again.append_line("third") == "");
    CHECK(read_all(file) == "first\nsecond\nthird\n");
  }

  TEST_CASE("append-only file: never an existing file, a symbolic link or a directory") {
    TempDir dir;
    fs::path existing = dir.path / "existing.log";
    std::ofstream(existing) << "";
    AppendOnlyFile log;
    CHECK(log.create(existing.string()).find("already exists") != std::string::npos);
    fs::path link = dir.path / "link.log";
    fs::create_symlink(dir.path / "target.log", link);
    CHECK(log.create(link.string()).find("symbolic link") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path / "target.log"));
    std::ofstream(dir.path / "target.log") << "x\n";
    CHECK(log.open_existing(link.string(), 2, 2).find("symbolic link") != std::string::npos);
    CHECK(log.open_existing(dir.path.string(), 0, 0) != "");
    CHECK_FALSE(log.is_open());
    CHECK(log.append_line("x") != "");
  }

  TEST_CASE("append-only file: one writer at a time, and only the file that was read") {
    TempDir dir;
    fs::path file = dir.path / "t.log";
    AppendOnlyFile first;
    REQUIRE(first.create(file.string()) == "");
    REQUIRE(first.append_line("a") == "");
    AppendOnlyFile second;
    CHECK(second.open_existing(file.string(), 2, 2).find("in use") != std::string::npos);
    first.close();
    CHECK(second.open_existing(file.string(), 5, 5).find("changed") != std::string::npos);
    std::ofstream(file, std::ios::app) << "{\"par";
    REQUIRE(second.open_existing(file.string(), 7, 2) == "");  // the incomplete line is cut
    CHECK(second.append_line("b") == "");
    CHECK(read_all(file) == "a\nb\n");
  }

  TEST_CASE("a failed append is rolled back to the last whole line") {
    TempDir dir;
    fs::path file = dir.path / "limited.log";
    // In a child: the file-size limit stands in for a full disk, and must not kill us.
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::signal(SIGXFSZ, SIG_IGN);
      struct rlimit limit {
        100, 100
      };
      ::setrlimit(RLIMIT_FSIZE, &limit);
      AppendOnlyFile log;
      if (log.create(file.string()) != "") ::_exit(10);
      std::string line(30, 'x');
      int written = 0;
      while (log.append_line(line) == "") ++written;
      ::_exit(written);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 3);  // 3 lines of 31 bytes fit in 100, the 4th does not
    std::string line = std::string(30, 'x') + "\n";
    CHECK(read_all(file) == line + line + line);
  }

  TEST_CASE("a move transfers ownership of the descriptor") {
    TempDir dir;
    fs::path file = dir.path / "moved.log";
    AppendOnlyFile first;
    REQUIRE(first.create(file.string()) == "");
    AppendOnlyFile second = std::move(first);
    CHECK_FALSE(first.is_open());
    CHECK(second.append_line("kept") == "");
    CHECK(read_all(file) == "kept\n");
  }
}
