// The seed-risk library: ready-made starting points for AI risks (algorithmic bias, unexplainable
// decisions, over-reliance on automation, ...), each with its Annex C risk source and objectives,
// the Annex A controls that usually treat it and suggested scores. Data only; the shipped
// library is catalogs/library/ai-risks.yaml (io/risk_library_parser.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/risk.h"

namespace aims::domain {

struct RiskTemplate {
  std::string id;  // "bias"
  std::string title;
  std::string description;
  std::string source;                    // "iso42001:C.3.4"
  std::vector<std::string> objectives;   // "iso42001:C.2.5", ...
  std::vector<std::string> controls;     // "iso42001:A.7.4", ...: requirements a treating control meets
  int64_t likelihood = 3;
  int64_t impact = 3;
  RiskTreatment treatment = RiskTreatment::kUndecided;
  std::string treatment_plan;
};

struct RiskLibrary {
  std::string id;
  int64_t revision = 0;
  std::string title;
  std::string source;
  std::string licence;
  std::vector<RiskTemplate> items;

  const RiskTemplate* Find(std::string_view template_id) const {
    for (const auto& t : items) {
      if (t.id == template_id) return &t;
    }
    return nullptr;
  }
};

// A new risk as the template describes it: no owner, systems or controls yet (the caller links
// the register's controls that meet `controls`), open, undecided dates.
inline Risk RiskFromTemplate(const RiskTemplate& t) {
  Risk r;
  r.title = t.title;
  r.description = t.description;
  r.source = t.source;
  r.objectives = t.objectives;
  r.likelihood = t.likelihood;
  r.impact = t.impact;
  r.treatment = t.treatment;
  r.treatment_plan = t.treatment_plan;
  return r;
}

}  // namespace aims::domain
