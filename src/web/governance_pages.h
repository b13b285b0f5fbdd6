// Governance in the web application (issue 5): the /governance page (policies with their review
// state, AI objectives against their targets, the RACI matrix by business unit, and its gaps);
// on a policy's page its approval state with the approve (or review) form for approvers who do
// not own it; on an objective's page its trend chart and the form to record a value.
#pragma once

#include <string>

#include "api/router.h"
#include "domain/entities.h"

namespace aims::web {

// HTML for the policy panel of a record's page ("" for other kinds).
std::string PolicyPanel(api::RequestContext& ctx, const domain::Policy& policy);
template <class T>
std::string PolicyPanel(api::RequestContext&, const T&) {
  return "";
}

// HTML for an AI objective's page: where it stands, its trend chart, the form to record a value.
std::string ObjectivePanel(api::RequestContext& ctx, const domain::Objective& objective);
template <class T>
std::string ObjectivePanel(api::RequestContext&, const T&) {
  return "";
}

void AddGovernancePages(api::Router& router);

}  // namespace aims::web
