#include "domain/risk_scoring.h"

namespace aims::domain {

int64_t RiskScore(const Risk& risk) { return risk.likelihood * risk.impact; }

RiskLevel LevelForScore(int64_t score) {
  if (score >= 17) return RiskLevel::kCritical;
  if (score >= 10) return RiskLevel::kHigh;
  if (score >= 5) return RiskLevel::kMedium;
  return RiskLevel::kLow;
}

bool ReviewOverdue(const Risk& risk, base::Date today) {
  return risk.status != RiskStatus::kClosed && risk.review_date && *risk.review_date < today;
}

}  // namespace aims::domain
