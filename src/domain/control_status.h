// How evidence freshness degrades a control's declared status, and how the statuses of the
// controls that implement a framework requirement add up to that requirement's status in the
// Statement of Applicability. Pure functions; "today" is a parameter.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "base/time.h"
#include "domain/control.h"
#include "domain/evidence.h"
#include "domain/soa_entry.h"

namespace aims::domain {

enum class EffectiveStatus {
  kNotStarted,
  kPlanned,
  kPartial,
  kImplemented,
  kEvidenceExpired,  // claimed (partly) implemented, but every piece of evidence has expired
  kUnevidenced,      // claimed implemented, with no evidence at all
  kNotApplicable,    // excluded in the Statement of Applicability
};
template <>
struct EnumTraits<EffectiveStatus> {
  static constexpr std::array<std::string_view, 7> kNames = {
      "not_started", "planned", "partial", "implemented", "evidence_expired", "unevidenced",
      "not_applicable"};
};

// Evidence counts while not retired and, if it has an expiry date, until the end of that day.
bool EvidenceCurrent(const Evidence& evidence, base::Date today);

struct EvidenceTally {
  int current = 0;
  int expired = 0;
};

EffectiveStatus EffectiveControlStatus(ControlStatus declared, EvidenceTally evidence);

// The status of a framework requirement given the effective statuses of the controls that
// implement it. Excluded requirements are kNotApplicable; none implementing -> kNotStarted.
EffectiveStatus RequirementStatus(Applicability applicable,
                                  std::span<const EffectiveStatus> implementing);

}  // namespace aims::domain
