// Lifecycle gates in the web application (issue 5): on an AI system's page its stage, the
// checklist of the next move with what is missing named, the request form, moves back and
// retirement, and the admin's emergency override; on a gate request's page its story, checklist
// and the approve and refuse forms for approvers other than the requester; the gate policy page.
#pragma once

#include <string>

#include "api/router.h"
#include "domain/entities.h"

namespace aims::web {

// HTML for the gate panel of a record's page ("" for kinds without one).
std::string GatePanel(api::RequestContext& ctx, const domain::AiSystem& system);
std::string GatePanel(api::RequestContext& ctx, const domain::GateRequest& gate);
template <class T>
std::string GatePanel(api::RequestContext&, const T&) {
  return "";
}

void AddGatePages(api::Router& router);

}  // namespace aims::web
