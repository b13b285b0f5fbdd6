// The seed-risk library as JSON, for `aims risk library --json` and GET /api/v1/risk-library:
// {"id", "revision", "title", "source", "licence", "items": [{"id", "title", "description",
// "source", "objectives", "controls", "likelihood", "impact", "treatment", "treatment_plan"}]}.
#pragma once

#include <string>

#include "domain/risk_library.h"

namespace aims::io {

std::string RiskLibraryJson(const domain::RiskLibrary& library);

}  // namespace aims::io
