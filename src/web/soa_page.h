// The Statement of Applicability: every control of a framework with the organisation's
// decision, its justification and the status that follows from controls and evidence; the
// decision and justification are edited in place (htmx), each save one ledger entry that names
// the version it was made on.
#pragma once

#include "api/router.h"

namespace aims::web {

void AddSoaPage(api::Router& router);

}  // namespace aims::web
