// One interview step — the operator's answer read, interpreted, given to the session, and
// the next screen (urgent block, steps, question) written — timed on every bundled
// procedure through the same code as `procedura run`, with a scripted terminal.
//
//   cmake --build build --target bench_interview_step
//   build/bench/bench_interview_step [PROCEDURES_DIR] [REPEATS]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "engine/session.h"
#include "interview/interview.h"
#include "interview/terminal.h"
#include "load/catalog.h"

using namespace procedura;

namespace {

// What an operator would type at `node`: the first option, the smallest number, a word.
std::string first_answer(const Node& node) {
  switch (node.type) {
    case AnswerType::YesNo:
    case AnswerType::Choice:
    case AnswerType::Multi:
      return "1";
    case AnswerType::Number:
      return std::to_string(static_cast<long>(node.min ? *node.min : 1));
    case AnswerType::Text:
      return "Jan";
  }
  return "1";
}

// The value the session takes for the same choice (the first option, the smallest number).
Value first_value(const Node& node) {
  switch (node.type) {
    case AnswerType::YesNo:
      return Value::of_bool(node.options.empty() || node.options.front().value == "yes");
    case AnswerType::Choice:
      return Value::of_string(node.options.front().value);
    case AnswerType::Multi:
      return Value::of_list({node.options.front().value});
    case AnswerType::Number:
      return Value::of_number(node.min ? *node.min : 1);
    case AnswerType::Text:
      return Value::of_string("Jan");
  }
  return Value::of_string("");
}

// The typed inputs that walk the procedure along its first options to an outcome; empty
// when that walk does not end within 500 answers (a retry loop on the first option).
std::vector<std::string> walk(const Procedure& procedure, const Catalog& catalog) {
  engine::Session session(procedure, catalog);
  std::vector<std::string> inputs;
  while (session.state() == engine::Session::State::Question && inputs.size() < 500) {
    const Node& node = *session.question()->node;
    if (session.answer(first_value(node))) return {};  // refused: no honest walk
    inputs.push_back(first_answer(node));
  }
  if (session.state() != engine::Session::State::Finished) return {};
  return inputs;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : "procedures";
  int repeats = argc > 2 ? std::atoi(argv[2]) : 200;
  Catalog catalog = load_catalog({dir});
  double worst = 0;
  long all_steps = 0;
  double all_seconds = 0;
  std::printf("%-36s %6s %12s\n", "procedure", "steps", "us/step");
  for (const Procedure* procedure : catalog.runnable()) {
    std::vector<std::string> inputs = walk(*procedure, catalog);
    if (inputs.empty()) continue;
    auto start = std::chrono::steady_clock::now();
    for (int r = 0; r < repeats; ++r) {
      engine::Session session(*procedure, catalog);
      interview::FakeTerminal terminal(inputs, 80, true);
      interview::InterviewOptions options;
      if (interview::run_interview(session, terminal, options).end !=
          interview::InterviewResult::End::Completed) {
        std::fprintf(stderr, "%s: the typed walk did not finish the interview\n",
                     procedure->id.c_str());
        return 2;
      }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double per_step = seconds / (static_cast<double>(repeats) * inputs.size()) * 1e6;
    worst = std::max(worst, per_step);
    all_steps += static_cast<long>(inputs.size()) * repeats;
    all_seconds += seconds;
    std::printf("%-36s %6zu %12.1f\n", procedure->id.c_str(), inputs.size(), per_step);
  }
  std::printf("mean %.1f us/step, worst procedure %.1f us/step (target: < 1000)\n",
              all_steps ? all_seconds / all_steps * 1e6 : 0.0, worst);
  return worst < 1000 ? 0 : 1;
}
