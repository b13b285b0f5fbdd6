#include "domain/control_status.h"

#include <algorithm>

namespace aims::domain {

bool EvidenceCurrent(const Evidence& evidence, base::Date today) {
  if (evidence.meta.retired()) return false;
  return !evidence.expires_on || today <= *evidence.expires_on;
}

EffectiveStatus EffectiveControlStatus(ControlStatus declared, EvidenceTally evidence) {
  bool claims_work = declared == ControlStatus::kImplemented || declared == ControlStatus::kPartial;
  if (claims_work && evidence.current == 0 && evidence.expired > 0) {
    return EffectiveStatus::kEvidenceExpired;
  }
  switch (declared) {
    case ControlStatus::kNotStarted: return EffectiveStatus::kNotStarted;
    case ControlStatus::kPlanned: return EffectiveStatus::kPlanned;
    case ControlStatus::kPartial: return EffectiveStatus::kPartial;
    case ControlStatus::kImplemented:
      return evidence.current > 0 ? EffectiveStatus::kImplemented : EffectiveStatus::kUnevidenced;
  }
  return EffectiveStatus::kNotStarted;
}

EffectiveStatus RequirementStatus(Applicability applicable,
                                  std::span<const EffectiveStatus> implementing) {
  if (applicable == Applicability::kNotApplicable) return EffectiveStatus::kNotApplicable;
  if (implementing.empty()) return EffectiveStatus::kNotStarted;
  auto count = [&](EffectiveStatus s) {
    return std::count(implementing.begin(), implementing.end(), s);
  };
  auto n = static_cast<long>(implementing.size());
  if (count(EffectiveStatus::kImplemented) == n) return EffectiveStatus::kImplemented;
  if (count(EffectiveStatus::kEvidenceExpired) > 0) return EffectiveStatus::kEvidenceExpired;
  if (count(EffectiveStatus::kImplemented) + count(EffectiveStatus::kUnevidenced) == n) {
    return EffectiveStatus::kUnevidenced;
  }
  if (count(EffectiveStatus::kImplemented) + count(EffectiveStatus::kUnevidenced) +
          count(EffectiveStatus::kPartial) > 0) {
    return EffectiveStatus::kPartial;
  }
  if (count(EffectiveStatus::kPlanned) > 0) return EffectiveStatus::kPlanned;
  return EffectiveStatus::kNotStarted;
}

}  // namespace aims::domain
