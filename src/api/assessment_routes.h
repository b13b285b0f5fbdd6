// The assessment use cases over HTTP: the risk methodology (read; change, re-scoring every risk),
// an approver's acceptance of a risk, approving and revising an impact assessment. The records
// themselves are read and edited through the generic record routes.
#pragma once

#include "api/router.h"

namespace aims::api {

void AddAssessmentRoutes(Router& router);

}  // namespace aims::api
