// The assessment parts of the web application: on a risk's page its levels under the methodology,
// overdue flags and an approver's acceptance form; on an impact assessment's page its version
// state with approve, revise and the readable document; on an AI system's page its EU AI Act
// classification and open obligations; and the risk methodology page.
#pragma once

#include <string>

#include "api/router.h"
#include "domain/entities.h"

namespace aims::web {

// HTML for the assessment panel of a record's page ("" for kinds without one).
std::string AssessPanel(api::RequestContext& ctx, const domain::Risk& risk);
std::string AssessPanel(api::RequestContext& ctx, const domain::ImpactAssessment& assessment);
std::string AssessPanel(api::RequestContext& ctx, const domain::AiSystem& system);
template <class T>
std::string AssessPanel(api::RequestContext&, const T&) {
  return "";
}

// Whether a record may no longer be edited as a form (an approved impact assessment, or an
// impact of one; records only aims writes).
bool FrozenForForms(api::RequestContext& ctx, const domain::ImpactAssessment& assessment);
bool FrozenForForms(api::RequestContext& ctx, const domain::ImpactItem& item);
template <class T>
bool FrozenForForms(api::RequestContext&, const T&) {
  if constexpr (requires { T::kServiceWritten; }) return std::is_same_v<T, domain::AiActAssessment> || std::is_same_v<T, domain::GateRequest>;
  return false;
}

void AddAssessPages(api::Router& router);

}  // namespace aims::web
