#include "report/trend_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aims::report {

namespace {

constexpr double kWidth = 560, kHeight = 240, kLeft = 64, kRight = 16, kTop = 16, kBottom = 40;

std::string Escape(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

}  // namespace

std::string FormatValue(double value) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4f", value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s;
}

std::string TrendChartSvg(const TrendChart& c) {
  const std::string id = Escape(c.id);
  std::string desc;
  if (c.points.empty()) {
    desc = "No measurements yet.";
  } else {
    desc = std::to_string(c.points.size()) + " measurement" + (c.points.size() == 1 ? "" : "s") + " from " +
           c.points.front().on.ToString() + " to " + c.points.back().on.ToString() + ": " +
           FormatValue(c.points.front().value) + " to " + FormatValue(c.points.back().value) + ".";
  }
  if (c.target) {
    desc += std::string(" Target: ") + (c.target_is_minimum ? "at least " : "at most ") + FormatValue(*c.target) +
            (c.unit.empty() ? "" : " " + c.unit) + ".";
  }
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend-chart\" viewBox=\"0 0 " + Num(kWidth) +
                    " " + Num(kHeight) + "\" role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" id=\"" +
                    id + "\">";
  svg += "<title id=\"" + id + "-title\">" + Escape(c.title) + "</title>";
  svg += "<desc id=\"" + id + "-desc\">" + Escape(desc) + "</desc>";
  const double x0 = kLeft, x1 = kWidth - kRight, y0 = kTop, y1 = kHeight - kBottom;
  svg += "<rect x=\"" + Num(x0) + "\" y=\"" + Num(y0) + "\" width=\"" + Num(x1 - x0) + "\" height=\"" + Num(y1 - y0) +
         "\" fill=\"#f7f9fc\" stroke=\"#c9d2e0\"/>";
  if (c.points.empty() && !c.target) return svg + "</svg>";
  // Value range: the values and the target, with a margin; a flat series gets a range around it.
  double lo = c.target.value_or(c.points.empty() ? 0 : c.points.front().value), hi = lo;
  for (const auto& p : c.points) {
    lo = std::min(lo, p.value);
    hi = std::max(hi, p.value);
  }
  double pad = (hi - lo) * 0.1;
  if (pad == 0) pad = std::max(std::abs(hi) * 0.1, 1.0);
  lo -= pad;
  hi += pad;
  auto y = [&](double v) { return y1 - (v - lo) / (hi - lo) * (y1 - y0); };
  int64_t d0 = c.points.empty() ? 0 : c.points.front().on.DaysSinceEpoch();
  int64_t d1 = c.points.empty() ? 1 : c.points.back().on.DaysSinceEpoch();
  auto x = [&](const base::Date& d) {
    if (d1 == d0) return (x0 + x1) / 2;
    return x0 + static_cast<double>(d.DaysSinceEpoch() - d0) / static_cast<double>(d1 - d0) * (x1 - x0);
  };
  // Axis labels: the value range and the dates.
  svg += "<g class=\"axis\" font-size=\"11\" fill=\"#4a5568\">";
  svg += "<text x=\"" + Num(x0 - 6) + "\" y=\"" + Num(y0 + 10) + "\" text-anchor=\"end\">" + FormatValue(hi) + "</text>";
  svg += "<text x=\"" + Num(x0 - 6) + "\" y=\"" + Num(y1) + "\" text-anchor=\"end\">" + FormatValue(lo) + "</text>";
  if (!c.points.empty()) {
    svg += "<text x=\"" + Num(x0) + "\" y=\"" + Num(y1 + 18) + "\">" + c.points.front().on.ToString() + "</text>";
    if (c.points.size() > 1) {
      svg += "<text x=\"" + Num(x1) + "\" y=\"" + Num(y1 + 18) + "\" text-anchor=\"end\">" +
             c.points.back().on.ToString() + "</text>";
    }
  }
  if (!c.unit.empty()) {
    svg += "<text x=\"" + Num(x0 - 6) + "\" y=\"" + Num((y0 + y1) / 2) + "\" text-anchor=\"end\">" + Escape(c.unit) +
           "</text>";
  }
  svg += "</g>";
  if (c.target) {
    double ty = y(*c.target);
    svg += "<g class=\"target\"><line x1=\"" + Num(x0) + "\" y1=\"" + Num(ty) + "\" x2=\"" + Num(x1) + "\" y2=\"" +
           Num(ty) + "\" stroke=\"#b7791f\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>";
    svg += "<text x=\"" + Num(x1 - 4) + "\" y=\"" + Num(ty - 4) + "\" text-anchor=\"end\" font-size=\"11\" fill=\"#8a5a00\">" +
           std::string(c.target_is_minimum ? "target ≥ " : "target ≤ ") + FormatValue(*c.target) + "</text></g>";
  }
  if (!c.points.empty()) {
    std::string line;
    for (const auto& p : c.points) line += (line.empty() ? "" : " ") + Num(x(p.on)) + "," + Num(y(p.value));
    svg += "<polyline class=\"values\" fill=\"none\" stroke=\"#1d4ed8\" stroke-width=\"2\" points=\"" + line + "\"/>";
    for (const auto& p : c.points) {
      bool met = !c.target || (c.target_is_minimum ? p.value >= *c.target : p.value <= *c.target);
      svg += "<circle cx=\"" + Num(x(p.on)) + "\" cy=\"" + Num(y(p.value)) + "\" r=\"4\" fill=\"" +
             std::string(met ? "#1d4ed8" : "#c53030") + "\" data-value=\"" + FormatValue(p.value) + "\"><title>" +
             p.on.ToString() + ": " + FormatValue(p.value) + "</title></circle>";
    }
  }
  return svg + "</svg>";
}

}  // namespace aims::report
