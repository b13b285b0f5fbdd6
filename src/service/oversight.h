// Human oversight and competence (issue 5, ISO/IEC 42001 7.2, A.4.6, A.9; EU AI Act Art. 4, 14):
// the registers domain/oversight.h derives from, read in one transaction: each system's oversight
// arrangement reviewed against the people and training registers, and the competence register.
// Everything here is read; the records themselves are written like any other.
#pragma once

#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/oversight.h"
#include "store/store.h"

namespace aims::service {

base::Result<domain::CompetenceData> LoadCompetenceData(store::Tx& tx);

base::Result<domain::OversightView> OversightOf(store::Tx& tx, domain::Id system, base::Date today);
// Every live system not retired from use, in id order.
base::Result<std::vector<domain::OversightView>> OversightViews(store::Tx& tx, base::Date today);
// Every live person, in id order, with the courses required of them.
base::Result<std::vector<domain::PersonCompetence>> CompetenceRegisterOf(store::Tx& tx, base::Date today);

}  // namespace aims::service
