// Risk scoring with the default 5 x 5 methodology: score = likelihood x impact, banded into
// levels. Pure functions; "today" is a parameter.
#pragma once

#include <array>
#include <string_view>

#include "base/time.h"
#include "domain/risk.h"

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

}  // namespace aims::domain
