// Seed risks as a use case: a new risk may start from an entry of the seed-risk library
// (catalogs/library/ai-risks.yaml) instead of a blank form. The template gives the title,
// description, Annex C risk source and objectives, suggested scores and a starting treatment
// plan; the register's own controls that meet the template's Annex A references are linked.
// The caller then applies the user's own values (systems, owner, scores) and creates the risk.
#pragma once

#include <memory>
#include <string_view>

#include "base/result.h"
#include "domain/risk_library.h"
#include "store/store.h"

namespace aims::service {

// The shipped library (parsed once per process).
base::Result<std::shared_ptr<const domain::RiskLibrary>> SeedRisks();

// The risk seed `template_id` describes, linked to the live controls whose requirements include
// one of its control references. NotFound (field "from_library", naming the known ids) for an
// unknown id.
base::Result<domain::Risk> RiskFromLibrary(store::Tx& tx, std::string_view template_id);

}  // namespace aims::service
