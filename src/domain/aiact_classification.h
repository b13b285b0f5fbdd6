// EU AI Act classification: from a questionnaire's answers to a risk tier, the GPAI class, whether
// a fundamental-rights impact assessment is needed, and the obligations that bind the operator,
// each with the date it applies from under the chosen text of the Regulation.
// Pure: no clock, no files; "as of" is a parameter and every fact comes from AiActRules.
// Thread safety: functions only; AiActRules may be shared by any number of threads.
//
// Precedence, in order (the rationale cites each step that decided):
//  1. A scope exclusion (Art. 2(3), 2(6), 2(10)) gives out_of_scope: no obligations, gpai none.
//  2. A prohibited practice (Art. 5) in force at as_of gives prohibited: only the duties to stop
//     each practice are listed. A point of the text that applies only after as_of is no
//     prohibition yet: classification carries on and the duty to stop is listed, not in force.
//  3. High-risk by Art. 6(1) (Annex I: safety component or product AND third-party conformity
//     assessment) or by Art. 6(2) (an Annex III point, unless an Art. 6(3) derogation applies;
//     no derogation applies to a system that profiles natural persons). A derogated Annex III
//     system carries the Art. 6(4) and Art. 49(2) duties.
//  4. Otherwise limited if it has an Art. 50 feature, else minimal. A high-risk system keeps its
//     Art. 50 duties.
// Tiers other than prohibited are classifications under the text, whatever as_of: their
// obligations say whether they are in force at as_of.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/ai_system.h"
#include "domain/aiact_rules.h"
#include "domain/enum_traits.h"

namespace aims::domain {

// The GPAI class of the model the answers describe (Art. 51).
enum class AiActGpai { kNone, kGpai, kGpaiSystemic };
template <>
struct EnumTraits<AiActGpai> {
  static constexpr std::array<std::string_view, 3> kNames = {"none", "gpai", "gpai_systemic"};
};

// The questionnaire. Values that name rule entries (points, items, exclusions) are checked
// against the rules by Classify, so one answers file works with every revision of the rules.
struct AiActAnswers {
  AiActRole role = AiActRole::kUndetermined;     // required: undetermined is refused
  std::optional<std::string> scope_exclusion;    // a scope_exclusions id
  std::vector<std::string> prohibited;           // Art. 5(1) point letters: "a".."h" (+ "i", amended)
  struct AnnexI {
    bool safety_component_or_product = false;    // Art. 6(1)(a)
    bool third_party_conformity_assessment = false;  // Art. 6(1)(b)
  } annex_i;
  std::optional<std::string> annex_iii;          // an Annex III point: "4(a)"
  std::optional<std::string> derogation_6_3;     // a derogations id; REQUIRES annex_iii
  bool profiling = false;                        // profiles natural persons (Art. 6(3) last subpara.)
  std::vector<std::string> transparency;         // transparency item ids
  struct Gpai {
    bool is_gpai_model = false;
    std::optional<double> training_compute_flop;  // REQUIRES is_gpai_model; >= 0
    bool open_source = false;                      // REQUIRES is_gpai_model
    bool designated_systemic_risk = false;         // Art. 51(1)(b); REQUIRES is_gpai_model
  } gpai;
  bool public_body_or_public_service = false;    // Art. 27(1): public law body or public service
};

struct AiActObligation {
  std::string id;       // the rule file's obligation id, or "art5-1-c" for a prohibition
  std::string article;
  std::string summary;
  AiActRole binds = AiActRole::kUndetermined;
  base::Date applies_from;
  bool in_force = false;  // applies_from <= as_of
};

struct AiActClassification {
  std::string text;  // the text classified under
  base::Date as_of;
  AiActTier tier = AiActTier::kUnclassified;
  AiActGpai gpai = AiActGpai::kNone;
  bool fria_required = false;
  std::vector<std::string> transparency_obligations;  // "Art. 50(1)": the system's Art. 50 paragraphs
  std::vector<AiActObligation> obligations;           // in rule-file order, prohibitions first
  std::vector<std::string> rationale;                 // sentences citing articles
};

// Checks that the answers are complete and consistent with each other and with the rules of
// `text` (the prohibition points it has). An InvalidArgument's `where` is the answer key,
// e.g. "gpai.training_compute_flop" or "prohibited[1]".
base::Status ValidateAnswers(const AiActRules& rules, const AiActAnswers& answers, const AiActText& text);

// Classifies under `text_id` ("original" or "amended"; empty means rules.default_text) as of
// `as_of`. Errors: InvalidArgument naming the answer key (see ValidateAnswers), or "text" for an
// unknown text id.
base::Result<AiActClassification> Classify(const AiActRules& rules, const AiActAnswers& answers,
                                           std::string_view text_id, base::Date as_of);

}  // namespace aims::domain
