// Unit tests for the EU AI Act serious-incident reporting clock (domain/serious_incident.h) and
// the time zones under it (base/time_zone.h): the three kinds of Art. 73, the local day of
// awareness in different zones, and deadlines across daylight-saving changes, including zones
// whose midnight is skipped or happens twice. Expected instants were checked independently
// with GNU date and zdump over the same tzdata.
#include <gtest/gtest.h>

#include "domain/serious_incident.h"
#include "support/times.h"

namespace aims::domain {
namespace {

using aims::testing::At;
using aims::testing::Zone;

ReportingClock Clock(SeriousIncidentKind kind, const char* aware, const char* zone) {
  auto c = StartReportingClock(kind, At(aware), Zone(zone));
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : ReportingClock{};
}

TEST(SeriousIncident, TheThreeKindsHaveTheirPeriodsAndArticles) {
  EXPECT_EQ(ReportingDays(SeriousIncidentKind::kGeneral), 15);
  EXPECT_EQ(ReportingDays(SeriousIncidentKind::kDeath), 10);
  EXPECT_EQ(ReportingDays(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure), 2);
  EXPECT_EQ(ReportingArticle(SeriousIncidentKind::kGeneral), "Art. 73(2)");
  EXPECT_EQ(ReportingArticle(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure), "Art. 73(3)");
  EXPECT_EQ(ReportingArticle(SeriousIncidentKind::kDeath), "Art. 73(4)");
  auto none = StartReportingClock(SeriousIncidentKind::kNone, At("2026-03-20T14:00:00Z"), base::TimeZone::Utc());
  EXPECT_EQ(none.status().code(), base::StatusCode::kFailedPrecondition);
}

// 15 days: the day of awareness does not count; the period ends with its 15th day, local time.
// Berlin moves to summer time on 2026-03-29, inside the period: the deadline is local midnight
// under CEST (UTC+2), not 15 x 24 hours later.
TEST(SeriousIncident, GeneralFifteenDaysAcrossTheSpringChangeInBerlin) {
  ReportingClock c = Clock(SeriousIncidentKind::kGeneral, "2026-03-20T14:00:00Z", "Europe/Berlin");
  EXPECT_EQ(c.aware_day.ToString(), "2026-03-20");
  EXPECT_EQ(c.last_day.ToString(), "2026-04-04");
  EXPECT_EQ(c.deadline.ToString(), "2026-04-04T22:00:00.000000Z");
  EXPECT_EQ(c.article, "Art. 73(2)");
}

// 10 days for a death; Berlin returns to winter time on 2026-10-25, inside the period.
TEST(SeriousIncident, DeathTenDaysAcrossTheAutumnChangeInBerlin) {
  ReportingClock c = Clock(SeriousIncidentKind::kDeath, "2026-10-20T09:00:00Z", "Europe/Berlin");
  EXPECT_EQ(c.last_day.ToString(), "2026-10-30");
  EXPECT_EQ(c.deadline.ToString(), "2026-10-30T23:00:00.000000Z");
}

// 2 days for critical infrastructure. 03:30 UTC on 7 March is still 6 March in New York: the
// period counts from the local day, and New York changes to summer time on 8 March.
TEST(SeriousIncident, TwoDaysCountFromTheLocalDayOfAwareness) {
  ReportingClock c = Clock(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure, "2026-03-07T03:30:00Z",
                           "America/New_York");
  EXPECT_EQ(c.aware_day.ToString(), "2026-03-06");
  EXPECT_EQ(c.last_day.ToString(), "2026-03-08");
  EXPECT_EQ(c.deadline.ToString(), "2026-03-09T04:00:00.000000Z");
  // The same instant in UTC is already the 7th: one day later.
  ReportingClock utc = Clock(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure, "2026-03-07T03:30:00Z", "UTC");
  EXPECT_EQ(utc.deadline.ToString(), "2026-03-10T00:00:00.000000Z");
}

// East of UTC the local day runs ahead: 12:30 UTC on 4 April is 01:30 on 5 April in Auckland,
// where summer time ends that same night (UTC+13 -> UTC+12).
TEST(SeriousIncident, AucklandAheadOfUtcAndLeavingSummerTime) {
  ReportingClock c = Clock(SeriousIncidentKind::kGeneral, "2026-04-04T12:30:00Z", "Pacific/Auckland");
  EXPECT_EQ(c.aware_day.ToString(), "2026-04-05");
  EXPECT_EQ(c.last_day.ToString(), "2026-04-20");
  EXPECT_EQ(c.deadline.ToString(), "2026-04-20T12:00:00.000000Z");
}

// In Santiago clocks jump from 24:00 to 01:00 on 6 September 2026: that day has no midnight and
// begins at 01:00 -03, so a period ending on the 5th ends then.
TEST(SeriousIncident, ADayWithoutMidnightStartsWhenTheGapEnds) {
  ReportingClock c = Clock(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure, "2026-09-03T15:00:00Z",
                           "America/Santiago");
  EXPECT_EQ(c.last_day.ToString(), "2026-09-05");
  EXPECT_EQ(c.deadline.ToString(), "2026-09-06T04:00:00.000000Z");
  base::TimeZone havana = Zone("America/Havana");
  // Havana skips 00:00-01:00 on 8 March 2026 and repeats 00:00-01:00 on 1 November 2026.
  EXPECT_EQ(havana.StartOfDay(*base::Date::Parse("2026-03-08")).ToString(), "2026-03-08T05:00:00.000000Z");
  EXPECT_EQ(havana.StartOfDay(*base::Date::Parse("2026-11-01")).ToString(), "2026-11-01T04:00:00.000000Z");
  EXPECT_EQ(havana.LocalDate(At("2026-11-01T04:30:00Z")).ToString(), "2026-11-01");
  EXPECT_EQ(havana.LocalDate(At("2026-11-01T03:59:59Z")).ToString(), "2026-10-31");
}

TEST(SeriousIncident, TheClockCountsDownAndFlagsOverdue) {
  ReportingClock c = Clock(SeriousIncidentKind::kGeneral, "2026-03-20T14:00:00Z", "Europe/Berlin");
  ClockState early = ClockAt(c, At("2026-04-03T19:00:00Z"), std::nullopt);
  EXPECT_FALSE(early.overdue);
  EXPECT_EQ(early.seconds_left, 27 * 3600);
  EXPECT_EQ(early.text, "1 day 3 hours left");
  ClockState late = ClockAt(c, At("2026-04-05T00:30:00Z"), std::nullopt);
  EXPECT_TRUE(late.overdue);
  EXPECT_EQ(late.text, "overdue by 2 hours 30 minutes");
  ClockState reported = ClockAt(c, At("2026-05-01T00:00:00Z"), At("2026-04-02T22:00:00Z"));
  EXPECT_TRUE(reported.reported);
  EXPECT_FALSE(reported.overdue);  // reported in time: later days do not make it late
  EXPECT_EQ(reported.text, "reported 2 days before the deadline");
  ClockState reported_late = ClockAt(c, At("2026-05-01T00:00:00Z"), At("2026-04-04T22:05:00Z"));
  EXPECT_TRUE(reported_late.overdue);
  EXPECT_EQ(reported_late.text, "reported 5 minutes late");
}

TEST(SeriousIncident, AnUnknownZoneIsRefusedByName) {
  auto z = base::TimeZone::Find("Mars/Olympus_Mons");
  ASSERT_FALSE(z.ok());
  EXPECT_EQ(z.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(z.status().ToString().find("Mars/Olympus_Mons"), std::string::npos);
  EXPECT_EQ(Zone("Europe/Berlin").Format(At("2026-04-04T21:59:00Z")), "2026-04-04 23:59 CEST");
}

}  // namespace
}  // namespace aims::domain
