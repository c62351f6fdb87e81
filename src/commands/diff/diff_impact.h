#pragma once
// The impact of a procedure change: replays test scenarios and recorded transcripts against
// the old and the new version and tells which now end differently (another outcome, another
// set of actions, or no end at all).
#include <string>
#include <vector>

#include "load/catalog.h"
#include "model/procedure.h"
#include "report/diff_results.h"
#include "report/transcript.h"

namespace procedura {

// A scenario's answers map (ScriptedAnswers semantics: one answer per question key).
ReplayEnding replay_answers(const Procedure& procedure, const std::vector<Answer>& answers);
// A transcript's answers in the order given: each question takes the first answer recorded
// for its key that is not used yet (so a retried question gets its later answers).
ReplayEnding replay_records(const Procedure& procedure,
                            const std::vector<TranscriptRecord>& records);

// Compares two endings: changed when one finishes and the other does not, or both finish
// with another outcome or another set of actions. Fills changed and the action lists.
void compare_endings(ImpactItem& item);

// Replays every scenario of both versions (deduplicated by name, the old version's first) and,
// when `transcripts_dir` is given, every *.jsonl transcript in it recorded for either
// version's procedure id. Returns "" or an error (the directory cannot be read).
[[nodiscard]] std::string assess_impact(const Procedure& before, const Procedure& after,
                                        const std::string& transcripts_dir, Impact& impact);

}  // namespace procedura
