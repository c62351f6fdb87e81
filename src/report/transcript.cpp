#include "report/transcript.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iomanip>
#include <set>
#include <sstream>
#include <utility>

#include "load/yaml_tree.h"
#include "model/source_file.h"
#include "report/json_value.h"
#include "util/file_paths.h"
#include "util/json_writer.h"
#include "util/read_file.h"
#include "util/sha256.h"

namespace procedura {

namespace {

const std::string kZeroHash(64, '0');
constexpr std::string_view kHashMember = ",\"hash\":\"";
// `,"hash":"` + 64 hex digits + `"}`
constexpr size_t kHashSuffix = 9 + 64 + 2;

// Starts an event object: the writer is positioned after "prev" and "event" and "time".
struct Event {
  std::ostringstream text;
  JsonWriter json{text};
  Event(const std::string& prev, std::string_view name) {
    json.begin_object()
        .member("prev", prev)
        .member("event", name)
        .member("time", iso_time(transcript_clock()));
  }
  // Closes the object with the event's own hash: SHA-256 of everything before `,"hash":`.
  std::string finish() {
    json.end_object();
    std::string body = text.str();
    body.pop_back();  // the closing brace
    return body + std::string(kHashMember) + sha256_hex(body) + "\"}";
  }
};

std::optional<std::time_t> parse_iso(const std::string& text) {
  std::tm tm{};
  std::istringstream in(text);
  in >> std::get_time(&tm, "%Y-%m-%dT%H:%M:%S");
  if (in.fail()) return std::nullopt;
  return timegm(&tm);
}

}  // namespace

std::time_t transcript_clock() {
  if (const char* fixed = std::getenv("PROCEDURA_NOW"); fixed && *fixed) {
    if (auto iso = parse_iso(fixed)) return *iso;
    char* end = nullptr;
    long long seconds = std::strtoll(fixed, &end, 10);
    if (end && *end == '\0') return static_cast<std::time_t>(seconds);
  }
  return std::time(nullptr);
}

std::string iso_time(std::time_t time) {
  std::tm utc{};
  gmtime_r(&time, &utc);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return buffer;
}

std::string TranscriptWriter::create(const std::string& path) {
  struct stat info;
  if (::lstat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && info.st_size > 0) {
    return fmt::format(
        "'{}' already holds a transcript; continue it with `procedura run --resume {}` or choose "
        "another file",
        path, path);
  }
  prev_ = kZeroHash;
  events_ = 0;
  return file_.create(path);
}

std::string TranscriptWriter::reopen(const std::string& path, const TranscriptContent& content) {
  prev_ = content.last_line_sha256;
  events_ = content.events;
  return file_.open_existing(path, content.file_bytes, content.complete_bytes);
}

std::string TranscriptWriter::append(const std::string& line) {
  if (!file_.is_open()) return "";
  std::string error = file_.append_line(line);
  if (error.empty()) {
    prev_ = sha256_hex(line);
    ++events_;
  }
  return error;
}

std::string TranscriptWriter::start(const Procedure& procedure,
                                    const std::vector<FileFingerprint>& files,
                                    const std::vector<std::string>& loaded_from,
                                    const std::string& lang, bool keep_personal) {
  Event e(prev_, "start");
  e.json.key("procedure")
      .begin_object()
      .member("id", procedure.id)
      .member("version", procedure.version)
      .end_object();
  e.json.key("files").begin_array();
  for (const FileFingerprint& f : files)
    e.json.begin_object().member("path", f.path).member("sha256", f.sha256).end_object();
  e.json.end_array();
  e.json.key("loaded_from").begin_array();
  for (const std::string& input : loaded_from) e.json.value(input);
  e.json.end_array();
  e.json.member("lang", lang).member("keep_personal", keep_personal);
  e.json.member("program", std::string("procedura ") + PROCEDURA_VERSION);
  return append(e.finish());
}

std::string TranscriptWriter::resumed() {
  Event e(prev_, "resume");
  return append(e.finish());
}

namespace {

// The legal basis of every node passed without a question (steps, branches, calls, the
// outcomes), in path order, once each; a called procedure's nodes as `callee-id.node`.
void write_passed_bases(JsonWriter& json, const engine::Session& session) {
  std::vector<std::string> written;
  json.key("bases").begin_array();
  for (const engine::PathStep& step : session.path()) {
    const Node& node = *step.place.node;
    if (node.kind == NodeKind::Ask || node.bases().empty()) continue;
    std::string name = step.place.procedure == &session.procedure()
                           ? node.id
                           : step.place.procedure->id + "." + node.id;
    if (std::find(written.begin(), written.end(), name) != written.end()) continue;
    json.begin_object().member("node", name);
    write_cites(json, node.bases());
    json.end_object();
    written.push_back(std::move(name));
  }
  json.end_array();
}

}  // namespace

std::string TranscriptWriter::answer(const engine::GivenAnswer& answer, bool keep_personal) {
  Event e(prev_, "answer");
  e.json.member("var", answer.key).member("node", answer.place.node->id);
  // FORMAT.md: a node's basis is kept in the transcript (nothing when it has none).
  if (!answer.place.node->bases().empty()) write_cites(e.json, answer.place.node->bases());
  if (answer.personal && !keep_personal) {
    e.json.member("personal", true);
  } else {
    e.json.key("value");
    write_json_value(e.json, answer.value);
  }
  return append(e.finish());
}

std::string TranscriptWriter::back(const std::vector<engine::GivenAnswer>& dropped,
                                   size_t remaining) {
  Event e(prev_, "back");
  e.json.key("dropped").begin_array();
  for (const engine::GivenAnswer& answer : dropped) e.json.value(answer.key);
  e.json.end_array();
  e.json.member("remaining", static_cast<uint64_t>(remaining));
  return append(e.finish());
}

std::string TranscriptWriter::report(const engine::Session& session) {
  Event e(prev_, "report");
  bool completed = session.state() == engine::Session::State::Finished;
  e.json.member("completed", completed).key("outcome");
  if (completed)
    e.json.value(session.outcome()->id);
  else
    e.json.null();
  e.json.key("actions").begin_array();
  for (const engine::CollectedAction& action : session.actions()) e.json.value(action.address);
  e.json.end_array();
  write_passed_bases(e.json, session);
  return append(e.finish());
}

std::string TranscriptWriter::completed() {
  Event e(prev_, "completed");
  return append(e.finish());
}

std::string TranscriptWriter::aborted(const std::string& reason) {
  Event e(prev_, "aborted");
  e.json.member("reason", reason);
  return append(e.finish());
}

std::string TranscriptWriter::sealed() {
  Event e(prev_, "sealed");
  e.json.member("events", events_);
  return append(e.finish());
}

std::vector<FileFingerprint> involved_files(const Procedure& procedure) {
  std::vector<FileFingerprint> files;
  for (const SourceFile* file : involved_source_files(procedure))
    files.push_back({absolute_path(file->path()), sha256_hex(file->content())});
  return files;
}

std::string default_transcript_directory() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') {
    return std::string(xdg) + "/procedura/transcripts";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.local/share/procedura/transcripts";
  }
  return {};
}

namespace {

const YamlNode* member(const YamlNode* object, std::string_view name) {
  if (!object || !object->is_map()) return nullptr;
  for (const YamlNode::Entry& e : object->entries()) {
    if (e.key.scalar() == name) return &e.value;
  }
  return nullptr;
}

std::string scalar_of(const YamlNode* object, std::string_view name) {
  const YamlNode* node = member(object, name);
  return node && node->is_scalar() ? std::string(node->scalar()) : std::string();
}

}  // namespace

namespace {

// Checks a line's own hash. Returns "" when it holds, else what is wrong.
std::string check_own_hash(const std::string& line) {
  if (line.size() < kHashSuffix + 1 ||
      line.compare(line.size() - kHashSuffix, kHashMember.size(), kHashMember) != 0 ||
      line.compare(line.size() - 2, 2, "\"}") != 0)
    return "the event does not end with its own hash";
  std::string body = line.substr(0, line.size() - kHashSuffix);
  std::string recorded = line.substr(line.size() - 66, 64);
  if (sha256_hex(body) != recorded) return "the event's own hash does not match it: it was changed";
  return "";
}

// Readers of each event kind's own members, after the line's chain and order were checked.
// Each returns "" or what is wrong; what it read goes into `content`.

std::string read_start_event(const YamlNode* event, TranscriptContent& content) {
  const YamlNode* procedure = member(event, "procedure");
  content.procedure_id = scalar_of(procedure, "id");
  content.procedure_version = scalar_of(procedure, "version");
  content.lang = scalar_of(event, "lang");
  content.keep_personal = scalar_of(event, "keep_personal") == "true";
  if (const YamlNode* files = member(event, "files"); files && files->is_sequence()) {
    for (const YamlNode* f : files->items())
      content.files.push_back({scalar_of(f, "path"), scalar_of(f, "sha256")});
  }
  if (const YamlNode* inputs = member(event, "loaded_from"); inputs && inputs->is_sequence()) {
    for (const YamlNode* input : inputs->items()) {
      if (input->is_scalar() && !input->scalar().empty())
        content.loaded_from.emplace_back(input->scalar());
    }
  }
  if (content.procedure_id.empty() || content.files.empty())
    return "the start event lacks the procedure or its files";
  return "";
}

std::string read_answer_event(const YamlNode* event, TranscriptContent& content) {
  TranscriptRecord record;
  record.key = scalar_of(event, "var");
  record.node = scalar_of(event, "node");
  const YamlNode* value = member(event, "value");
  if (!value) {
    record.withheld = true;  // a personal answer written without its value
  } else if (value->is_sequence()) {
    record.is_list = true;
    for (const YamlNode* item : value->items()) record.values.emplace_back(item->scalar());
  } else if (value->is_scalar()) {
    record.values.emplace_back(value->scalar());
  } else {
    return "an answer event without a usable value";
  }
  if (record.key.empty()) return "an answer event without `var`";
  content.answers.push_back(std::move(record));
  return "";
}

std::string read_back_event(const YamlNode* event, TranscriptContent& content) {
  std::string remaining = scalar_of(event, "remaining");
  size_t keep = static_cast<size_t>(std::strtoull(remaining.c_str(), nullptr, 10));
  if (remaining.empty() || keep > content.answers.size())
    return "a back event with a wrong `remaining` count";
  content.answers.resize(keep);
  return "";
}

std::string read_completed_event(const YamlNode*, TranscriptContent& content) {
  content.completed = true;
  return "";
}

std::string read_sealed_event(const YamlNode* event, TranscriptContent& content) {
  std::string counted = scalar_of(event, "events");
  if (counted != std::to_string(content.events))
    return fmt::format("the closing event counts {} events before it, but there are {}",
                       counted.empty() ? "no" : counted, content.events);
  content.sealed = true;
  return "";
}

// Events that change nothing a resumed interview needs.
std::string read_nothing(const YamlNode*, TranscriptContent&) {
  return "";
}

using EventReader = std::string (*)(const YamlNode*, TranscriptContent&);

// Every event kind a transcript may hold; any other name breaks the transcript.
constexpr std::pair<std::string_view, EventReader> kEventReaders[] = {
    {"start", read_start_event},   {"answer", read_answer_event},
    {"back", read_back_event},     {"completed", read_completed_event},
    {"sealed", read_sealed_event}, {"resume", read_nothing},
    {"report", read_nothing},      {"aborted", read_nothing},
};

std::string read_event(const std::string& name, const YamlNode* event, TranscriptContent& content) {
  for (const auto& [kind, reader] : kEventReaders) {
    if (kind == name) return reader(event, content);
  }
  return fmt::format("unknown event `{}`", name);
}

// The order every transcript keeps: one `start` first, and after `completed` only the
// report and the closing events.
std::string check_event_order(const std::string& name, size_t line_number,
                              const TranscriptContent& content) {
  if (line_number == 1 && name != "start") return "the first event must be `start`";
  if (line_number > 1 && name == "start") return "a second `start` event";
  if (content.completed && name != "report" && name != "completed" && name != "sealed")
    return fmt::format("a `{}` event after the interview was completed", name);
  return "";
}

// Checks one complete line (without its newline) and reads its event: its own hash, its
// link to the line before (`prev`, advanced to this line's hash), its place in the order
// and its members. Returns "" or what is wrong.
std::string read_event_line(const std::string& path, const std::string& line, size_t line_number,
                            std::string& prev, TranscriptContent& content) {
  if (content.sealed) return "an event after the closing `sealed` event";
  bool has_own_hash = line.find(kHashMember) != std::string::npos;
  if (line_number == 1) content.legacy = !has_own_hash;
  if (!content.legacy) {
    if (std::string problem = check_own_hash(line); !problem.empty()) return problem;
  }
  SourceFile file(path, line);
  Diagnostics diagnostics;
  YamlDocument doc = parse_yaml(file, Limits{}, diagnostics);
  const YamlNode* event = doc.ok() ? doc.root() : nullptr;
  if (!event || !event->is_map() || line.empty() || line.front() != '{')
    return "the line is not a JSON object";
  if (scalar_of(event, "prev") != prev) {
    return line_number == 1 ? "the first event must have prev = 64 zeros"
                            : fmt::format(
                                  "its prev hash does not match line {}: an earlier "
                                  "line was changed, removed or reordered",
                                  line_number - 1);
  }
  prev = sha256_hex(line);
  std::string name = scalar_of(event, "event");
  if (std::string problem = check_event_order(name, line_number, content); !problem.empty())
    return problem;
  content.last_event = name;
  return read_event(name, event, content);
}

// Checks the last line when it has no newline. A write cut off in the middle (the process
// was killed, the disk filled up) leaves the start of a line: the events before it are
// whole, and this one never happened (returns ""). A whole event followed by something
// other than its newline was edited.
std::string check_cut_off_line(std::string tail, size_t line_number,
                               const TranscriptContent& content) {
  if (line_number == 1) return "the only line is incomplete: no event was recorded";
  if (content.sealed) return "bytes after the closing `sealed` event";
  tail.pop_back();
  if (!content.legacy && check_own_hash(tail).empty()) return "the line's newline was replaced";
  return "";
}

TranscriptContent broken_at(TranscriptContent content, size_t line_number, std::string message) {
  content.broken_line = line_number;
  content.error = std::move(message);
  return content;
}

std::string unreadable(const std::string& path, const ReadFileResult& file, uint64_t max_bytes) {
  return file.problem == ReadFileResult::Problem::TooLarge
             ? fmt::format("'{}' has {} bytes; the limit is {} (--max-file-size)", path, file.size,
                           max_bytes)
             : fmt::format("'{}' {}", path, file.error);
}

}  // namespace

TranscriptContent read_transcript(const std::string& path, uint64_t max_bytes) {
  TranscriptContent content;
  ReadFileResult file = read_regular_file(path, max_bytes);
  if (!file.ok()) {
    content.error = unreadable(path, file, max_bytes);
    return content;
  }
  std::string data = std::move(file.content);
  content.file_bytes = data.size();
  if (data.empty()) {
    content.error = fmt::format("'{}' is empty: no interview was recorded", path);
    return content;
  }
  std::string prev = kZeroHash;
  size_t line_number = 0;
  size_t position = 0;
  while (position < data.size()) {
    ++line_number;
    size_t end = data.find('\n', position);
    if (end == std::string::npos) {
      std::string problem = check_cut_off_line(data.substr(position), line_number, content);
      if (!problem.empty()) return broken_at(std::move(content), line_number, std::move(problem));
      content.incomplete_line = line_number;
      break;
    }
    std::string line = data.substr(position, end - position);
    position = end + 1;
    std::string problem = read_event_line(path, line, line_number, prev, content);
    if (!problem.empty()) return broken_at(std::move(content), line_number, std::move(problem));
    ++content.events;
    content.complete_bytes = position;
  }
  content.last_line_sha256 = prev;
  content.ok = true;
  return content;
}

}  // namespace procedura
