#include "io/gate_json.h"

#include "base/canonical_json.h"
#include "io/register_json_writer.h"

namespace aims::io {

std::string GateChecklistJson(domain::Id system, domain::LifecycleStage from, domain::LifecycleStage to,
                              const domain::GateOutcome& outcome,
                              const std::optional<std::optional<domain::GateRequest>>& pending) {
  std::string out = "{\"system\": " + std::to_string(system) + ", \"from\": \"" + std::string(domain::EnumName(from)) +
                    "\", \"to\": \"" + std::string(domain::EnumName(to)) + "\", \"forward\": " +
                    (outcome.forward ? "true" : "false") + ", \"met\": " + (outcome.Met() ? "true" : "false") +
                    ", \"approvers_needed\": " + std::to_string(outcome.forward ? outcome.approvers_needed : 0) +
                    ", \"checklist\": [";
  for (size_t i = 0; i < outcome.checklist.size(); ++i) {
    const auto& item = outcome.checklist[i];
    out += i ? ", " : "";
    out += "{\"check\": \"" + std::string(domain::EnumName(item.check)) + "\", \"label\": ";
    base::AppendJsonString(&out, domain::GateCheckLabel(item.check));
    out += std::string(", \"met\": ") + (item.met ? "true" : "false") + "}";
  }
  out += "]";
  if (pending) {
    out += ", \"pending\": ";
    if (*pending) {
      RecordJsonWriter::Append(**pending, &out);
    } else {
      out += "null";
    }
  }
  return out + "}";
}

}  // namespace aims::io
