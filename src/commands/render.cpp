#include "commands/render.h"

#include <fmt/format.h>

#include <algorithm>
#include <ostream>
#include <sstream>

#include "commands/language_check.h"
#include "export/graphviz.h"
#include "export/target.h"
#include "util/exit_status.h"

namespace procedura {

int run_render(const RenderCommandOptions& options, std::ostream& out, std::ostream& err) {
  if (options.all == !options.target.empty()) {
    err << "procedura render: name one procedure (ID or FILE) or use --all\n";
    return kExitUsage;
  }
  if (options.handbook.flow == FlowStyle::Svg && options.format == RenderFormat::Html &&
      !graphviz_available()) {
    err << "procedura render: --flow svg needs Graphviz `dot` (Debian: apt install graphviz)\n";
    return kExitUsage;
  }
  std::unique_ptr<Catalog> catalog;
  std::vector<const Procedure*> procedures;
  if (options.all) {
    catalog = load_all(options.procedure_dirs, "render", err);
    if (!catalog) return kExitUsage;
    procedures = catalog->runnable();
    for (const Procedure* p : procedures) {
      if (!options.handbook.lang.empty() && !p->languages.empty() &&
          std::find(p->languages.begin(), p->languages.end(), options.handbook.lang) ==
              p->languages.end()) {
        err << fmt::format("procedura render: note: {} has no '{}' texts; it is shown in {}\n",
                           p->id, options.handbook.lang, p->default_language());
      }
    }
  } else {
    auto target = load_target(options.target, options.procedure_dirs, "render", err);
    if (!target) return kExitUsage;
    if (!check_language(*target->procedure, options.handbook.lang, "render", err))
      return kExitUsage;
    catalog = std::move(target->catalog);
    procedures.push_back(target->procedure);
  }
  if (options.format == RenderFormat::Html && options.handbook.flow == FlowStyle::Auto &&
      !graphviz_available()) {
    err << "procedura render: note: Graphviz `dot` is not installed; the flow is given as an "
           "outline only\n";
  }
  for (const Procedure* p : procedures) {
    if (options.format == RenderFormat::Html && options.handbook.flow == FlowStyle::Auto &&
        !draws_flow(FlowStyle::Auto, *p)) {
      err << fmt::format(
          "procedura render: note: {} has {} nodes; its flow is given as an outline only (more "
          "than {} are not drawn unless --flow svg asks for it)\n",
          p->id, p->nodes.size(), kMaxAutoDrawnNodes);
    }
  }
  // Rendered into memory first, so a failure midway never leaves half a document on stdout.
  std::ostringstream document;
  std::string problem = options.format == RenderFormat::Html
                            ? write_handbook_html(procedures, document, options.handbook)
                            : write_handbook_markdown(procedures, document, options.handbook);
  if (!problem.empty()) {
    err << "procedura render: " << problem << "\n";
    return kExitUsage;
  }
  out << document.str();
  out.flush();
  return kExitOk;
}

}  // namespace procedura
