#pragma once
// An answer's Value as JSON, the same in the run report and in the transcript: a boolean,
// a number, a string, or an array of option values.
#include <vector>

#include "model/procedure.h"
#include "model/value.h"
#include "util/json_writer.h"

namespace procedura {

void write_json_value(JsonWriter& json, const Value& value);

// `"basis": [cite, ...]`: a legal basis as the citations the operator was shown, the same
// in the run report and in the transcript.
void write_cites(JsonWriter& json, const std::vector<const LegalBasis*>& bases);

}  // namespace procedura
