// Unit tests for AI objectives (domain/objective.h) and their trend chart (report/trend_chart.h):
// decimal values as people write them, where an objective stands from its measurements (the last
// of a day counts, met against a minimum or a maximum, trend, overdue), and a chart that states
// its figures, marks missed values and escapes its text.
#include <gtest/gtest.h>

#include "domain/objective.h"
#include "domain/validate.h"
#include "report/trend_chart.h"

namespace aims::domain {
namespace {

base::Date D(const char* text) { return *base::Date::Parse(text); }

Measurement M(const char* on, const char* value, Id id) {
  Measurement m;
  m.meta.id = id;
  m.objective = 1;
  m.measured_on = D(on);
  m.value = value;
  return m;
}

TEST(Objective, ValuesAreDecimalNumbers) {
  EXPECT_DOUBLE_EQ(*ParseDecimal("0.8", "value"), 0.8);
  EXPECT_DOUBLE_EQ(*ParseDecimal("-1.5e-3", "value"), -0.0015);
  EXPECT_DOUBLE_EQ(*ParseDecimal("12", "value"), 12);
  for (const char* bad : {"", "0,8", "80%", "nan", "inf", "1e999", " 1", "1 ", "0x10"}) {
    auto v = ParseDecimal(bad, "value");
    EXPECT_EQ(v.status().code(), base::StatusCode::kInvalidArgument) << bad;
    EXPECT_EQ(v.status().where(), "value") << bad;
  }
  Objective o;
  o.title = "Fair approvals";
  o.metric = "ratio";
  o.owner = 1;
  o.target = "four fifths";
  EXPECT_EQ(Validate(o).where(), "target");
  o.target = "0.8";
  EXPECT_TRUE(Validate(o).ok());
  Measurement m = M("2026-01-31", "high", 1);
  EXPECT_EQ(Validate(m).where(), "value");
}

TEST(Objective, ProgressComesFromTheLatestValueAgainstTheTarget) {
  Objective o;
  o.target = "0.8";
  o.due = D("2026-12-31");
  std::vector<Measurement> ms = {M("2026-02-28", "0.74", 3), M("2026-01-31", "0.72", 1), M("2026-02-28", "0.76", 4),
                                 M("2026-03-31", "0.81", 5)};
  ObjectiveProgress p = ProgressOf(o, ms, D("2026-06-01"));
  ASSERT_EQ(p.points.size(), 3u);  // by day; the later record of 28 February counts
  EXPECT_EQ(p.points[1].on, D("2026-02-28"));
  EXPECT_DOUBLE_EQ(p.points[1].value, 0.76);
  EXPECT_DOUBLE_EQ(*p.latest, 0.81);
  EXPECT_TRUE(p.met);
  EXPECT_EQ(p.trend, 1);
  EXPECT_FALSE(p.overdue);

  o.direction = TargetDirection::kAtMost;  // now 0.8 is a ceiling: 0.81 misses it, rising is away
  p = ProgressOf(o, ms, D("2027-01-01"));
  EXPECT_FALSE(p.met);
  EXPECT_EQ(p.trend, -1);
  EXPECT_TRUE(p.overdue);

  Measurement retired = M("2026-04-30", "0.1", 6);
  retired.meta.retired_at = base::Timestamp(1);
  ms.push_back(retired);
  EXPECT_DOUBLE_EQ(*ProgressOf(o, ms, D("2026-06-01")).latest, 0.81);
  EXPECT_FALSE(ProgressOf(o, {}, D("2026-06-01")).latest.has_value());
}

TEST(TrendChart, StatesItsFiguresAndMarksMissedValues) {
  report::TrendChart c;
  c.id = "obj-1";
  c.title = "Fair <approvals> & \"more\"";
  c.unit = "ratio";
  c.points = {{D("2026-01-31"), 0.72}, {D("2026-02-28"), 0.79}, {D("2026-03-31"), 0.83}};
  c.target = 0.8;
  std::string svg = report::TrendChartSvg(c);
  EXPECT_NE(svg.find("role=\"img\""), std::string::npos);
  EXPECT_NE(svg.find("<title id=\"obj-1-title\">Fair &lt;approvals&gt; &amp; &quot;more&quot;</title>"), std::string::npos)
      << svg;
  EXPECT_NE(svg.find("3 measurements from 2026-01-31 to 2026-03-31: 0.72 to 0.83. Target: at least 0.8 ratio."),
            std::string::npos)
      << svg;
  EXPECT_NE(svg.find("target ≥ 0.8"), std::string::npos);
  size_t circles = 0, missed = 0;
  for (size_t at = svg.find("<circle"); at != std::string::npos; at = svg.find("<circle", at + 1)) ++circles;
  for (size_t at = svg.find("fill=\"#c53030\""); at != std::string::npos; at = svg.find("fill=\"#c53030\"", at + 1)) {
    ++missed;
  }
  EXPECT_EQ(circles, 3u);
  EXPECT_EQ(missed, 2u);  // 0.72 and 0.79 are under the target
  EXPECT_EQ(svg.find("<svg", 1), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 6), "</svg>");

  report::TrendChart empty;
  empty.id = "e";
  empty.title = "Nothing yet";
  EXPECT_NE(report::TrendChartSvg(empty).find("No measurements yet."), std::string::npos);
  EXPECT_EQ(report::FormatValue(0.8), "0.8");
  EXPECT_EQ(report::FormatValue(100), "100");
  EXPECT_EQ(report::FormatValue(-0.00001), "0");
}

}  // namespace
}  // namespace aims::domain
