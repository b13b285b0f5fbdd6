// Assessments: the use cases of AI risk assessment and AI system impact assessment that are more
// than a record edit (ISO/IEC 42001 6.1.2-6.1.4, 8.2-8.4): changing the risk methodology, which
// re-scores every risk; an approver's acceptance of a residual risk; approving an impact
// assessment, which freezes it; revising an approved one into a new draft version.
// Each runs inside the caller's Mutation (one transaction, ledger entries included).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/entities.h"
#include "service/mutation.h"

namespace aims::service {

// What a methodology change did to the live risks: how many there are, how many changed level,
// how many now exceed the appetite, and how many sit at each level.
struct RescoreSummary {
  int64_t risks = 0;
  int64_t inherent_changed = 0;
  int64_t residual_changed = 0;  // of the risks with residual scores
  int64_t above_appetite_before = 0;
  int64_t above_appetite_after = 0;
  std::vector<std::pair<std::string, int64_t>> by_level;  // effective level, lowest first
  std::string Text() const;
};

// Live risks counted per effective level under `scale`, and how many are above its appetite.
base::Result<RescoreSummary> CountByLevel(store::Tx& tx, const domain::RiskScale& scale);

// Makes *next the methodology (creating the record, or changing the one there is if its
// version is still `expected_version`, when given); *next becomes the stored record. Refuses,
// naming the scale, if a live risk has a score off the new scales. The summary goes into
// last_rescore, so the change and what it did to the risks are one ledger entry.
base::Result<RescoreSummary> SetMethodology(Mutation& m, domain::RiskMethodology* next,
                                            std::optional<int64_t> expected_version);

// Who approves: the person an approver acts as (their user's person, or on the CLI the person
// named), and whether their role allows approving.
struct Approver {
  std::optional<domain::Id> person;
  bool may_approve = false;
};

// OK if `who` may sign an approval: PermissionDenied naming `what` ("approve a gate") if their
// role lacks the approve permission or they are no person.
base::Status CheckApprover(const Approver& who, std::string_view what);

// An approver who is not the risk's owner accepts its residual (or, before treatment, its
// inherent) risk: status accepted, with who, when and why.
base::Status AcceptRisk(Mutation& m, domain::Id risk_id, int64_t expected_version, const Approver& who,
                        const std::string& note, domain::Risk* out);

// An approver who neither drafted it nor owns its system approves a draft impact assessment: it
// is frozen from then on, and the system's previously approved version is superseded.
base::Status ApproveImpactAssessment(Mutation& m, domain::Id id, int64_t expected_version, const Approver& who,
                                     domain::ImpactAssessment* out);

// A new draft version of an approved (or superseded) assessment, with copies of its impacts.
base::Status ReviseImpactAssessment(Mutation& m, domain::Id id, std::optional<domain::Id> drafter,
                                    domain::ImpactAssessment* out);

// The impacts of an assessment, in id order.
base::Result<std::vector<domain::ImpactItem>> ImpactsOf(store::Tx& tx, domain::Id assessment);

}  // namespace aims::service
