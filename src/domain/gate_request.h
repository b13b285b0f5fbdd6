// Lifecycle gate records (ISO/IEC 42001 A.6.2, 9.1; issue 5).
//
// GateRequest: one request to move an AI system from one lifecycle stage to another, and what
// became of it. Only the service writes one (service/lifecycle_gates.h): a request, each
// approval, a refusal and an emergency override are each an update with its own ledger entry,
// and each stores the checklist as evaluated at that moment, so the ledger's state hashes cover
// what the approvers saw. `events` keeps the story readable in the record itself.
//
// GatePolicyRecord: the gate policy as the AIMS manager edits it, one rule per line
// (domain/gate_policy_text.h). While there is none, DefaultGatePolicy() holds.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/ai_system.h"
#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

enum class GateStatus { kPending, kOpened, kRefused, kOverridden, kWithdrawn };
template <>
struct EnumTraits<GateStatus> {
  static constexpr std::array<std::string_view, 5> kNames = {"pending", "opened", "refused", "overridden",
                                                             "withdrawn"};
};

struct GateRequest {
  static constexpr EntityKind kKind = EntityKind::kGateRequest;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  static constexpr bool kServiceWritten = true;  // by the gate use cases, never by hand
  RecordMeta meta;
  std::optional<Id> system;
  LifecycleStage from_stage = LifecycleStage::kInception;
  LifecycleStage to_stage = LifecycleStage::kInception;
  GateStatus status = GateStatus::kPending;
  std::optional<Id> requested_by;
  std::string reason;
  int64_t approvers_needed = 0;
  std::vector<Id> approved_by;
  std::optional<Id> decided_by;  // who refused it, or the admin who overrode it
  std::string decision_note;     // the refusal's or the override's reason
  std::optional<base::Date> decided_on;
  std::vector<std::string> checklist;  // "<check>: met" / "<check>: unmet", at the last step
  std::vector<std::string> events;     // one line per step, oldest first

  template <class V>
  void VisitFields(V& v) {
    v(Ref("system", EntityKind::kAiSystem).Required().Listed().Managed(), system);
    v(Enum<LifecycleStage>("from_stage").Listed().Managed(), from_stage);
    v(Enum<LifecycleStage>("to_stage").Listed().Managed(), to_stage);
    v(Enum<GateStatus>("status").Listed().Managed(), status);
    v(Ref("requested_by", EntityKind::kPerson).Listed().Managed(), requested_by);
    v(LongText("reason").Managed().Help("why the move is asked for"), reason);
    v(Int("approvers_needed").Managed().Range(0, 100), approvers_needed);
    v(RefList("approved_by", EntityKind::kPerson).Listed().Managed(), approved_by);
    v(Ref("decided_by", EntityKind::kPerson).Managed().Help("who refused it, or the admin who overrode it"),
      decided_by);
    v(LongText("decision_note").Managed().Help("the reason for a refusal or an emergency override"), decision_note);
    v(DateField("decided_on").Listed().Managed(), decided_on);
    v(TextList("checklist").Managed().Help("each check, met or unmet, when last evaluated"), checklist);
    v(TextList("events").Managed().Help("request, approvals, refusal, override: who and when"), events);
  }
};

struct GatePolicyRecord {
  static constexpr EntityKind kKind = EntityKind::kGatePolicy;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string rules;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(LongText("rules").Required().Help(
          "one rule per line: <stage> [for <tier>, ...]: <check>, ... [; approvers N]"),
      rules);
  }
};

}  // namespace aims::domain
