// The RACI matrix and its gaps as JSON, the same for `aims raci matrix|gaps --json` and
// GET /api/v1/raci/matrix, /api/v1/raci/gaps:
//   matrix: {"people": [{"id": 3, "name": "...", "business_unit": "...", "left": false}, ...],
//            "rows": [{"id": 1, "activity": "...", "system": null, "cells": {"3": "A/R", ...}}, ...]}
//   gaps:   [{"kind": "no_accountable", "activity": "...", "source": "iso42001:9.2",
//             "system": null, "entry": null, "person": null, "record": null, "text": "..."}, ...]
#pragma once

#include <string>
#include <vector>

#include "domain/raci.h"

namespace aims::io {

std::string RaciMatrixJson(const domain::RaciMatrix& matrix);
std::string RaciGapsJson(const std::vector<domain::RaciGap>& gaps);

}  // namespace aims::io
