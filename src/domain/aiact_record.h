// The EU AI Act in the register: AiActAssessment is one stored classification of an AI system
// (the questionnaire's answers and what the rules made of them, versioned: a new version each
// time the answers or the rules change), and Obligation one duty that classification puts on the
// organisation, with its owner and status (the obligations register). Both are written by the
// service (service/aiact_service.h); an obligation's owner, status and notes are edited by people.
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

struct AiActAssessment {
  static constexpr EntityKind kKind = EntityKind::kAiActAssessment;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  static constexpr bool kServiceWritten = true;  // created by `classify`, never by hand
  RecordMeta meta;
  std::optional<Id> system;
  int64_t version = 0;
  std::string answers;  // canonical JSON of the questionnaire's answers
  std::string rules;    // rule file id, revision and text, e.g. "eu-ai-act#1 amended"
  std::optional<base::Date> as_of;
  AiActTier tier = AiActTier::kUnclassified;
  std::string gpai;
  bool fria_required = false;
  std::string result;  // the classification as JSON (obligations, rationale)
  std::optional<Id> assessed_by;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("system", EntityKind::kAiSystem).Required().Listed(), system);
    v(Int("version").Managed().Listed().Range(0, 1'000'000), version);
    v(LongText("answers").Managed().Help("the questionnaire's answers (JSON)"), answers);
    v(Text("rules").Managed().Listed().Help("rule file and text it was classified under"), rules);
    v(DateField("as_of").Managed().Listed(), as_of);
    v(Enum<AiActTier>("tier").Managed().Listed(), tier);
    v(Text("gpai").Managed().Help("none, gpai or gpai_systemic"), gpai);
    v(Bool("fria_required").Managed().Listed().Help("fundamental-rights impact assessment (Art. 27)"),
      fria_required);
    v(LongText("result").Managed().Help("the classification (JSON)"), result);
    v(Ref("assessed_by", EntityKind::kPerson).Managed(), assessed_by);
  }
};

enum class ObligationStatus { kOpen, kInProgress, kMet, kNotApplicable, kSuperseded };
template <>
struct EnumTraits<ObligationStatus> {
  static constexpr std::array<std::string_view, 5> kNames = {"open", "in_progress", "met",
                                                             "not_applicable", "superseded"};
};

struct Obligation {
  static constexpr EntityKind kKind = EntityKind::kObligation;
  static constexpr std::array<std::string_view, 0> kNaturalKey = {};
  static constexpr bool kServiceWritten = true;  // created by `classify`; people edit owner/status
  RecordMeta meta;
  std::optional<Id> system;
  std::optional<Id> assessment;
  std::string rule;  // the rule file's obligation id
  std::string article;
  std::string summary;
  AiActRole binds = AiActRole::kUndetermined;
  std::optional<base::Date> applies_from;
  std::optional<Id> owner;
  ObligationStatus status = ObligationStatus::kOpen;
  std::string notes;

  template <class V>
  void VisitFields(V& v) {
    v(Ref("system", EntityKind::kAiSystem).Required().Listed(), system);
    v(Ref("assessment", EntityKind::kAiActAssessment).Managed(), assessment);
    v(Text("rule").Managed(), rule);
    v(Text("article").Managed().Listed(), article);
    v(LongText("summary").Managed().Listed(), summary);
    v(Enum<AiActRole>("binds").Managed().Listed().Help("the operator role it binds"), binds);
    v(DateField("applies_from").Managed().Listed(), applies_from);
    v(Ref("owner", EntityKind::kPerson).Listed(), owner);
    v(Enum<ObligationStatus>("status").Listed(), status);
    v(LongText("notes"), notes);
  }
};

}  // namespace aims::domain
