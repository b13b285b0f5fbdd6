// Human oversight and competence in the web application (issue 5): the /competence page (each
// live system's overseers and what is missing, then the competence register: the courses
// required of each person and where they stand), and a human-oversight panel on an AI system's
// page and on its oversight arrangement's page.
#pragma once

#include <string>

#include "api/router.h"
#include "domain/entities.h"

namespace aims::web {

// HTML for the oversight panel of a system or an arrangement ("" for other kinds).
std::string OversightPanel(api::RequestContext& ctx, const domain::AiSystem& system);
std::string OversightPanel(api::RequestContext& ctx, const domain::OversightArrangement& arrangement);
template <class T>
std::string OversightPanel(api::RequestContext&, const T&) {
  return "";
}

void AddOversightPages(api::Router& router);

}  // namespace aims::web
