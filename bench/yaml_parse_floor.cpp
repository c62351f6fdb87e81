// The floor for `procedura lint`: yaml-cpp parsing the same files and nothing else, on one
// thread. `--events` (default) drives yaml-cpp's event parser with handlers that do
// nothing: the parser procedura builds its positioned tree from. `--load` builds
// yaml-cpp's own node tree (YAML::LoadAll), what a typical yaml-cpp program does.
//   yaml_parse_floor [--events|--load] FILE|DIR...
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Count : YAML::EventHandler {
  size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                const std::string&) override {
    ++events;
  }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override {}
};

void collect(const std::filesystem::path& path, std::vector<std::string>& out) {
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      auto ext = entry.path().extension();
      if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml"))
        out.push_back(entry.path().string());
    }
  } else {
    out.push_back(path.string());
  }
}

}  // namespace

int main(int argc, char** argv) {
  bool load = false;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--load")
      load = true;
    else if (arg == "--events")
      load = false;
    else
      collect(arg, files);
  }
  size_t events = 0, failed = 0;
  for (const std::string& file : files) {
    std::ifstream in(file, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    try {
      if (load) {
        events += YAML::LoadAll(bytes).size();
      } else {
        YAML::Parser parser(bytes);
        Count count;
        while (parser.HandleNextDocument(count)) {
        }
        events += count.events;
      }
    } catch (const YAML::Exception&) {
      ++failed;
    }
  }
  std::printf("%zu files, %zu %s, %zu failed\n", files.size(), events,
              load ? "documents" : "events", failed);
  return failed ? 1 : 0;
}
