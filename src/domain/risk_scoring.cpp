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

bool TreatmentOverdue(const Risk& risk, base::Date today) {
  bool pending = risk.status == RiskStatus::kOpen || risk.status == RiskStatus::kTreating;
  return pending && risk.treatment_due && *risk.treatment_due < today;
}

std::vector<OverdueDate> OverdueDates(const Risk& risk, base::Date today) {
  std::vector<OverdueDate> out;
  if (ReviewOverdue(risk, today)) out.push_back({"review_date", "review"});
  if (TreatmentOverdue(risk, today)) out.push_back({"treatment_due", "treatment"});
  return out;
}

int InherentRank(const RiskScale& scale, const Risk& risk) { return scale.Rank(risk.likelihood, risk.impact); }

int ResidualRank(const RiskScale& scale, const Risk& risk) {
  if (risk.residual_likelihood == 0 || risk.residual_impact == 0) return -1;
  return scale.Rank(risk.residual_likelihood, risk.residual_impact);
}

int EffectiveRank(const RiskScale& scale, const Risk& risk) {
  int residual = ResidualRank(scale, risk);
  return residual >= 0 ? residual : InherentRank(scale, risk);
}

}  // namespace aims::domain
