// Risk scoring with the default 5 x 5 methodology: score = likelihood x impact, banded into
// levels. Pure functions; "today" is a parameter.
#pragma once

#include <array>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/risk.h"
#include "domain/risk_methodology.h"

namespace aims::domain {

enum class RiskLevel { kLow, kMedium, kHigh, kCritical };
template <>
struct EnumTraits<RiskLevel> {
  static constexpr std::array<std::string_view, 4> kNames = {"low", "medium", "high",
                                                             "critical"};
};

int64_t RiskScore(const Risk& risk);
// 1-4 low, 5-9 medium, 10-16 high, 17-25 critical.
RiskLevel LevelForScore(int64_t score);
// A review date in the past on a risk that is not closed.
bool ReviewOverdue(const Risk& risk, base::Date today);
// A treatment due date in the past on a risk still open or being treated.
bool TreatmentOverdue(const Risk& risk, base::Date today);

// The risk's dates that are past due today, as {field name, what is late}: {"review_date",
// "review"} and {"treatment_due", "treatment"}; what every view flags next to those dates.
struct OverdueDate {
  std::string_view field;
  std::string_view what;
};
std::vector<OverdueDate> OverdueDates(const Risk& risk, base::Date today);

// Levels under a methodology (rank 0 = its lowest level; -1 if off its scales or, for the
// residual level, not assessed yet).
int InherentRank(const RiskScale& scale, const Risk& risk);
int ResidualRank(const RiskScale& scale, const Risk& risk);
// The level that counts against the appetite: residual once assessed, inherent before.
int EffectiveRank(const RiskScale& scale, const Risk& risk);

}  // namespace aims::domain
