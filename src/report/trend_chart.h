// A trend chart as SVG, for an AI objective's measurements over time (and, later, the board
// report): a line through the values by date, the target as a dashed line, the first and last
// dates and the value range as axis labels. Accessible: role="img" with a title and a
// description that states the figures, so a screen reader gets what the eye gets.
// Pure: no I/O; every text is escaped.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"

namespace aims::report {

struct TrendPoint {
  base::Date on;
  double value = 0;
};

struct TrendChart {
  std::string id;     // element id prefix, unique in the page
  std::string title;  // "Approval-rate ratio, under 25 to over 25"
  std::string unit;   // "ratio", "%"
  std::vector<TrendPoint> points;  // by date
  std::optional<double> target;
  bool target_is_minimum = true;
};

std::string TrendChartSvg(const TrendChart& chart);

// A number as people read it: up to 4 significant decimals, no trailing zeros ("0.8", "12").
std::string FormatValue(double value);

}  // namespace aims::report
