// The JSON forms of the EU AI Act classification (docs: `aims aiact classify --answers FILE`):
// the questionnaire's answers in, the classification out.
//
// Answers: one object; only `role` is required, every other key defaults to null, false or [].
//   {"role": "deployer", "scope_exclusion": null, "prohibited": ["c"],
//    "annex_i": {"safety_component_or_product": false, "third_party_conformity_assessment": false},
//    "annex_iii": "4(a)", "derogation_6_3": null, "profiling": false, "transparency": ["chatbot"],
//    "gpai": {"is_gpai_model": false, "training_compute_flop": null, "open_source": false,
//             "designated_systemic_risk": false},
//    "public_body_or_public_service": false}
// Reading is strict: an unknown key, a value of the wrong type, an unknown role or a syntax error
// is an InvalidArgument whose `where` is "file:/json/pointer" (or "file:line:column"). Values
// that name rule entries (points, items) are checked by domain::Classify against the rules.
//
// Classification: {"text", "as_of", "tier", "gpai", "fria_required", "transparency_obligations",
// "obligations": [{"id", "article", "summary", "binds", "applies_from", "in_force"}], "rationale"},
// written deterministically (same input, same bytes).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/aiact_classification.h"

namespace aims::io {

inline constexpr size_t kMaxAiActAnswersBytes = 1 << 20;

base::Result<domain::AiActAnswers> ReadAiActAnswersJson(std::string_view text, std::string_view file_name);

// Every key, in the order above, compact and deterministic: what the register stores as the
// assessment's answers. ReadAiActAnswersJson reads it back to equal answers.
std::string WriteAiActAnswersJson(const domain::AiActAnswers& answers);

// Indented by two spaces, ending in a newline.
std::string WriteAiActClassificationJson(const domain::AiActClassification& classification);

}  // namespace aims::io
