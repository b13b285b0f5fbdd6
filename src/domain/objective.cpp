#include "domain/objective.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

namespace aims::domain {

base::Result<double> ParseDecimal(std::string_view text, std::string_view field) {
  double value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || !std::isfinite(value)) {
    return base::Status::InvalidArgument("\"" + std::string(text) + "\" is not a number (e.g. 0.8, 12, -1.5)", field);
  }
  return value;
}

ObjectiveProgress ProgressOf(const Objective& objective, const std::vector<Measurement>& measurements, base::Date today) {
  ObjectiveProgress p;
  std::map<base::Date, double> by_day;
  for (const auto& m : measurements) {
    if (m.meta.retired() || !m.measured_on) continue;
    auto v = ParseDecimal(m.value, "value");
    if (v.ok()) by_day[*m.measured_on] = *v;  // measurements come in id order: the last of a day wins
  }
  for (const auto& [on, value] : by_day) p.points.push_back({on, value});
  auto target = ParseDecimal(objective.target, "target");
  const bool at_least = objective.direction == TargetDirection::kAtLeast;
  if (!p.points.empty()) {
    p.latest = p.points.back().value;
    if (target.ok()) p.met = at_least ? *p.latest >= *target : *p.latest <= *target;
    if (p.points.size() >= 2) {
      double change = p.points.back().value - p.points[p.points.size() - 2].value;
      if (change != 0) p.trend = (change > 0) == at_least ? 1 : -1;
    }
  }
  p.overdue = objective.due && *objective.due < today && !p.met;
  return p;
}

}  // namespace aims::domain
