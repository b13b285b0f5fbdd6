// Incidents in the web application (issue 5): on an incident's page, its EU reporting clock
// (countdown, or overdue in red) and the forms that add to its timeline and communications log
// and feed the risk register. The incident's fields are edited through the generic record pages.
#pragma once

#include <string>

#include "api/router.h"
#include "domain/entities.h"

namespace aims::web {

// HTML for the incident panel of a record's page ("" for other kinds).
std::string IncidentPanel(api::RequestContext& ctx, const domain::Incident& incident);
template <class T>
std::string IncidentPanel(api::RequestContext&, const T&) {
  return "";
}

void AddIncidentPages(api::Router& router);

}  // namespace aims::web
