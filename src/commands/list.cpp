#include "commands/list.h"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <ostream>

#include "interview/menu.h"
#include "load/catalog.h"
#include "load/procedure_headers.h"
#include "load/procedure_lookup.h"
#include "messages/messages.h"
#include "model/source_file.h"
#include "util/exit_status.h"
#include "util/json_writer.h"
#include "util/terminal.h"
#include "util/utf8.h"

namespace procedura {
namespace {

std::string file_of(const Procedure& procedure) {
  if (!procedure.file) return {};
  std::error_code ec;
  std::string relative =
      std::filesystem::relative(procedure.file->path(), std::filesystem::current_path(), ec)
          .string();
  return ec || relative.empty() || relative.rfind("../../", 0) == 0 ? procedure.file->path()
                                                                    : relative;
}

void write_json(const std::vector<interview::MenuGroup>& groups, const std::string& lang,
                std::ostream& out) {
  JsonWriter json(out, true);
  json.begin_object();
  json.member("lang", lang);
  json.key("procedures").begin_array();
  for (const interview::MenuGroup& group : groups) {
    for (const interview::MenuEntry& entry : group.entries) {
      const Procedure& p = *entry.procedure;
      json.begin_object();
      json.member("number", static_cast<uint64_t>(entry.number));
      json.member("id", p.id);
      json.member("title", p.title.in(lang));
      json.key("area");
      if (std::string area = interview::area_of(p, lang); !area.empty())
        json.value(area);
      else
        json.null();
      json.key("audience").begin_array();
      for (const std::string& a : p.audience) json.value(a);
      json.end_array();
      json.member("version", p.version);
      json.member("file", file_of(p));
      json.end_object();
    }
  }
  json.end_array();
  json.end_object();
  out << "\n";
}

void write_text(const std::vector<interview::MenuGroup>& groups, const std::string& lang, int width,
                std::ostream& out) {
  using messages::Msg;
  using messages::say;
  bool first = true;
  for (const interview::MenuGroup& group : groups) {
    if (!group.heading.empty()) out << (first ? "" : "\n") << group.heading << "\n";
    first = false;
    for (const interview::MenuEntry& entry : group.entries) {
      const Procedure& p = *entry.procedure;
      std::string prefix = fmt::format("  {:>2}) ", entry.number);
      utf8::print_wrapped(out, prefix, p.title.in(lang), width);
      std::vector<std::string> details{p.id, say(lang, Msg::ListVersion, p.version)};
      if (!p.audience.empty())
        details.push_back(say(lang, Msg::MenuAudience, fmt::join(p.audience, ", ")));
      details.push_back(file_of(p));
      utf8::print_wrapped(out, std::string(prefix.size(), ' '),
                          fmt::format("{}", fmt::join(details, " · ")), width);
    }
  }
}

}  // namespace

int list_procedures(const ListOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> dirs = procedure_lookup_dirs(options.procedure_dirs);
  if (dirs.empty()) {
    err << "procedura list: no procedures found; use --procedures DIR or PROCEDURA_PATH\n";
    return kExitUsage;
  }
  if (std::string problem = lookup_dirs_problem(dirs, !options.procedure_dirs.empty());
      !problem.empty()) {
    err << fmt::format("procedura list: {}; use --procedures DIR or PROCEDURA_PATH\n", problem);
    return kExitUsage;
  }
  // What the list shows, read from each file's header; everything loaded when one is in doubt.
  std::optional<Catalog> headers = load_procedure_headers(dirs);
  Catalog catalog = headers ? std::move(*headers) : load_catalog(dirs, LoadOptions{});
  std::vector<interview::MenuGroup> groups =
      interview::menu_groups(catalog.runnable(), options.lang);
  if (options.format == ListFormat::Json)
    write_json(groups, options.lang, out);
  else
    write_text(groups, options.lang, terminal_width(1), out);
  return kExitOk;
}

}  // namespace procedura
