// Governance in the web application (issue 5): the /governance page (policies with their review
// state, the RACI matrix by business unit, and its gaps), and on a policy's page its approval
// state with the approve (or review) form for approvers who do not own it.
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

void AddGovernancePages(api::Router& router);

}  // namespace aims::web
