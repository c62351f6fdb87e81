// The run report as JSON, in exactly the shape documented for `procedura run --format json`.
#include <ostream>

#include "report/json_value.h"
#include "report/run_report.h"
#include "util/json_writer.h"

namespace procedura {
namespace {

// Whom an action or caution concerns: the `about` of the call it was collected in, or null.
void write_about(JsonWriter& json, const Text* about, std::string_view lang) {
  json.key("about");
  if (about)
    json.value(about->in(lang));
  else
    json.null();
}

// The outcome reached (null for an unfinished run): node, text, help, basis.
void write_outcome(JsonWriter& json, const engine::Session& session, const std::string& lang) {
  json.key("outcome");
  if (session.state() != engine::Session::State::Finished) {
    json.null();
    return;
  }
  const Node& outcome = *session.outcome();
  json.begin_object().member("node", outcome.id).member("text", outcome.text.in(lang));
  json.key("help");
  if (outcome.help().present)
    json.value(outcome.help().in(lang));
  else
    json.null();
  write_cites(json, outcome.bases());
  json.end_object();
}

}  // namespace

void render_run_report_json(const engine::Session& session, const RunReportOptions& options,
                            std::ostream& out) {
  const std::string& lang = options.lang;
  const Procedure& procedure = session.procedure();
  JsonWriter json(out, true);
  json.begin_object();
  json.key("procedure").begin_object();
  json.member("id", procedure.id)
      .member("version", procedure.version)
      .member("sha256", options.procedure_sha256)
      .member("title", procedure.title.in(lang));
  // Format 1.1's area and keywords, null and [] when the file has none.
  json.key("area");
  if (procedure.area.present)
    json.value(procedure.area.in(lang));
  else
    json.null();
  json.key("keywords").begin_array();
  if (procedure.keywords.present) {
    for (const std::string& word : procedure.keywords.in(lang)) json.value(word);
  }
  json.end_array();
  json.end_object();
  json.member("lang", lang);
  bool completed = session.state() == engine::Session::State::Finished;
  json.member("completed", completed);
  write_outcome(json, session, lang);
  json.key("answers").begin_array();
  for (const engine::GivenAnswer& answer : session.answers()) {
    if (answer.personal && !options.keep_personal) continue;
    json.begin_object()
        .member("var", answer.key)
        .member("node", answer.place.node->id)
        .key("value");
    write_json_value(json, answer.value);
    json.end_object();
  }
  json.end_array();
  json.key("actions").begin_array();
  for (const engine::CollectedAction& collected : session.actions()) {
    const Action& action = *collected.action;
    json.begin_object();
    json.key("id");
    if (action.is_inline())
      json.null();
    else
      json.value(action.id);
    json.member("kind", action_kind_name(action.kind));
    json.key("to");
    if (action.recipient)
      json.value(action.recipient->id);
    else
      json.null();
    json.key("recipient");
    if (action.recipient)
      json.value(action.recipient->name.in(lang));
    else
      json.null();
    json.key("recipient_short");
    if (action.recipient)
      json.value(action.recipient->checklist_name().in(lang));
    else
      json.null();
    json.member("text", action.text.in(lang));
    json.member("short", action.checklist_text().in(lang));  // `short`, else the text
    json.key("deadline");
    if (action.deadline)
      json.value(action.deadline->raw);
    else
      json.null();
    json.key("channel");
    if (action.channel)
      json.value(channel_name(*action.channel));
    else
      json.null();
    write_cites(json, action.bases);
    json.member("group", action_group_name(action_group(action)));
    write_about(json, collected.about(), lang);
    json.end_object();
  }
  json.end_array();
  json.key("cautions").begin_array();
  for (const engine::CollectedCaution& collected : session.cautions()) {
    const Caution& caution = *collected.caution;
    json.begin_object();
    json.key("id");
    if (caution.is_inline())
      json.null();
    else
      json.value(caution.id);
    json.member("text", caution.text.in(lang));
    json.member("short", caution.checklist_text().in(lang));
    write_about(json, collected.about(), lang);
    write_cites(json, caution.bases);
    json.end_object();
  }
  json.end_array();
  json.end_object();
  out << "\n";
}

}  // namespace procedura
