// EU AI Act classification of a system in the register: the questionnaire's answers are
// classified under the built-in rules (catalogs/rules/eu-ai-act.yaml), stored as a new version of
// the system's classification when the answers, the rules or the text changed, the system's tier
// and role follow it, and the obligations register is brought in line: new duties are added
// (owner: the system's owner), duties that no longer apply are marked superseded, and the
// owner, status and notes people gave the others are kept. All in the caller's transaction.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/aiact_classification.h"
#include "domain/entities.h"
#include "service/mutation.h"

namespace aims::service {

struct ClassifyOutcome {
  domain::AiActAssessment assessment;        // the stored version (new, or the unchanged latest)
  domain::AiActClassification classification;
  bool unchanged = false;  // same answers, rules and text as the latest version: nothing written
  int obligations_added = 0;
  int obligations_updated = 0;
  int obligations_superseded = 0;
};

// text: "" for the rules' default text (the Act as amended). as_of: the date the result speaks
// for (which obligations are in force).
base::Result<ClassifyOutcome> ClassifySystem(Mutation& m, domain::Id system, const domain::AiActAnswers& answers,
                                             std::string_view text, base::Date as_of,
                                             std::optional<domain::Id> assessed_by);

// The stateless form: the same classification without the register.
base::Result<domain::AiActClassification> ClassifyAnswers(const domain::AiActAnswers& answers, std::string_view text,
                                                          base::Date as_of);

}  // namespace aims::service
