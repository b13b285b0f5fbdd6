// The dashboard: counts of the register, overdue risk reviews and treatments, evidence that has expired or is
// about to, AI systems by EU AI Act tier and the risk heat map (SVG). Every figure is one
// aggregate query, so the page costs the same at 100 or 100,000 systems.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddDashboardPage(api::Router& router);

// The 5 x 5 heat map: counts[impact-1][likelihood-1] open risks, as an accessible SVG whose
// cells link to the matching risks.
std::string HeatMapSvg(const std::array<std::array<int64_t, 5>, 5>& counts);

}  // namespace aims::web
