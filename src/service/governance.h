// Policies and accountability (issue 5, ISO/IEC 42001 5.2, 5.3, A.2, A.3.2): approving a policy
// (and reviewing it, by approving it again), the RACI matrix as people read it, and its gaps.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/entities.h"
#include "domain/raci.h"
#include "service/assessments.h"
#include "store/store.h"

namespace aims::service {

class Mutation;

// An approver who is not the policy's owner approves it: it is in force from `today` and due for
// review `review_months` later. Approving an approved policy again records its review (action
// "review"). Refused, writing nothing: a stale version, a retired policy, the owner approving.
base::Result<domain::Policy> ApprovePolicy(Mutation& m, domain::Id policy, int64_t expected_version,
                                           const Approver& who, base::Date today);

// The live RACI rows, sorted, and the people they name (domain::RaciMatrix).
base::Result<domain::RaciMatrix> BuildRaciMatrix(store::Tx& tx);

// What the matrix lacks: expected activities with no accountable person (the AIMS's, and each
// live system's up to its stage), rows whose accountable or responsible person has left, and
// records still owned by someone who has left.
base::Result<std::vector<domain::RaciGap>> FindRaciGaps(store::Tx& tx);

}  // namespace aims::service
