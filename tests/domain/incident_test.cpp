// Unit tests for the incident record (domain/incident.h): its rules (a serious incident needs
// its time of awareness; awareness not before the incident, the report not before awareness; a
// closed incident names its root cause), its reporting clock derived from the fields, the
// timeline and communications entries, and times typed in the organisation's zone
// (base::TimeZone::ParseTime).
#include <gtest/gtest.h>

#include "domain/validate.h"
#include "support/times.h"

namespace aims::domain {
namespace {

using aims::testing::At;
using aims::testing::Zone;

Incident Serious(SeriousIncidentKind kind, const char* aware) {
  Incident i;
  i.title = "Wrong refusals";
  i.serious_incident = kind;
  i.aware_at = At(aware);
  return i;
}

TEST(Incident, ASeriousIncidentNeedsItsTimeOfAwareness) {
  Incident i;
  i.title = "Wrong refusals";
  EXPECT_TRUE(Validate(i).ok());
  i.serious_incident = SeriousIncidentKind::kDeath;
  base::Status s = Validate(i);
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.where(), "aware_at");
  EXPECT_NE(s.message().find("reporting clock"), std::string::npos) << s.ToString();
  i.aware_at = At("2026-03-01T10:00:00Z");
  EXPECT_TRUE(Validate(i).ok());
}

TEST(Incident, TimesFollowEachOther) {
  Incident i = Serious(SeriousIncidentKind::kGeneral, "2026-03-01T10:00:00Z");
  i.occurred_at = At("2026-03-01T10:00:01Z");
  EXPECT_EQ(Validate(i).where(), "aware_at");
  i.occurred_at = At("2026-02-27T08:00:00Z");
  EXPECT_TRUE(Validate(i).ok());
  i.reported_at = At("2026-03-01T09:59:59Z");
  EXPECT_EQ(Validate(i).where(), "reported_at");
  i.reported_at = At("2026-03-05T12:00:00Z");
  EXPECT_TRUE(Validate(i).ok());
}

TEST(Incident, OnlyASeriousIncidentIsReportedToTheAuthority) {
  Incident i;
  i.title = "Chatbot outage";
  i.aware_at = At("2026-03-01T10:00:00Z");
  i.reported_at = At("2026-03-02T10:00:00Z");
  base::Status s = Validate(i);
  EXPECT_EQ(s.where(), "reported_at");
  EXPECT_NE(s.message().find("Art. 73"), std::string::npos) << s.ToString();
}

TEST(Incident, AClosedIncidentNamesItsRootCause) {
  Incident i;
  i.title = "Chatbot outage";
  i.status = IncidentStatus::kClosed;
  EXPECT_EQ(Validate(i).where(), "root_cause");
  i.root_cause = "expired certificate";
  EXPECT_TRUE(Validate(i).ok());
}

TEST(Incident, TheClockRunsOnlyForASeriousIncident) {
  Incident plain;
  plain.title = "Outage";
  plain.aware_at = At("2026-03-01T10:00:00Z");
  EXPECT_FALSE(ReportingClockOf(plain, base::TimeZone::Utc(), At("2026-03-02T00:00:00Z")).has_value());
}

TEST(Incident, TheClockCountsTheOrganisationsDaysFromAwareness) {
  // Aware at 23:30 UTC on 1 March = 00:30 on 2 March in Berlin: the Berlin day of awareness is
  // the 2nd, so the 15 days end with 17 March, at midnight Berlin time (23:00 UTC).
  Incident i = Serious(SeriousIncidentKind::kGeneral, "2026-03-01T23:30:00Z");
  auto berlin = ReportingClockOf(i, Zone("Europe/Berlin"), At("2026-03-10T23:00:00Z"));
  ASSERT_TRUE(berlin.has_value());
  EXPECT_EQ(berlin->clock.days, 15);
  EXPECT_EQ(berlin->clock.article, "Art. 73(2)");
  EXPECT_EQ(berlin->clock.deadline, At("2026-03-17T23:00:00Z"));
  EXPECT_EQ(berlin->state.seconds_left, 7 * 86400);
  EXPECT_FALSE(berlin->state.overdue);
  EXPECT_EQ(berlin->state.text, "7 days left");
  // In UTC the day of awareness is the 1st: a day earlier.
  auto utc = ReportingClockOf(i, base::TimeZone::Utc(), At("2026-03-10T23:00:00Z"));
  ASSERT_TRUE(utc.has_value());
  EXPECT_EQ(utc->clock.deadline, At("2026-03-17T00:00:00Z"));
}

TEST(Incident, DeathAndWidespreadIncidentsHaveShorterClocks) {
  auto death = ReportingClockOf(Serious(SeriousIncidentKind::kDeath, "2026-06-01T09:00:00Z"), base::TimeZone::Utc(),
                                At("2026-06-01T09:00:00Z"));
  ASSERT_TRUE(death.has_value());
  EXPECT_EQ(death->clock.deadline, At("2026-06-12T00:00:00Z"));
  auto wide = ReportingClockOf(Serious(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure, "2026-06-01T09:00:00Z"),
                               base::TimeZone::Utc(), At("2026-06-04T01:00:00Z"));
  ASSERT_TRUE(wide.has_value());
  EXPECT_EQ(wide->clock.deadline, At("2026-06-04T00:00:00Z"));
  EXPECT_TRUE(wide->state.overdue);
  EXPECT_EQ(wide->state.text, "overdue by 1 hour");
}

TEST(Incident, AReportStopsTheClock) {
  Incident i = Serious(SeriousIncidentKind::kWidespreadOrCriticalInfrastructure, "2026-06-01T09:00:00Z");
  i.reported_at = At("2026-06-02T12:00:00Z");
  auto c = ReportingClockOf(i, base::TimeZone::Utc(), At("2026-09-01T00:00:00Z"));
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->state.reported);
  EXPECT_FALSE(c->state.overdue);
  EXPECT_EQ(c->state.seconds_left, 36 * 3600);
  i.reported_at = At("2026-06-04T02:00:00Z");
  c = ReportingClockOf(i, base::TimeZone::Utc(), At("2026-06-05T00:00:00Z"));
  ASSERT_TRUE(c.has_value());
  EXPECT_TRUE(c->state.overdue);
  EXPECT_EQ(c->state.text, "reported 2 hours late");
}

TEST(Incident, EntriesStartWithTheirTimeAndAreOneLine) {
  auto e = TimelineEntry(At("2026-03-01T10:00:00.5Z"), "monitor alerted");
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(*e, "2026-03-01T10:00:00Z: monitor alerted");
  EXPECT_EQ(TimelineEntry(At("2026-03-01T10:00:00Z"), "  ").status().where(), "what");
  EXPECT_EQ(TimelineEntry(At("2026-03-01T10:00:00Z"), "a\nb").status().where(), "what");
  EXPECT_EQ(TimelineEntry(At("2026-03-01T10:00:00Z"), std::string(2001, 'x')).status().where(), "what");
  auto c = CommunicationEntry(At("2026-03-02T08:15:00Z"), "affected applicants", "email", "apology and remedy");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, "2026-03-02T08:15:00Z: affected applicants (email): apology and remedy");
  auto no_channel = CommunicationEntry(At("2026-03-02T08:15:00Z"), "the regulator", "", "early warning");
  ASSERT_TRUE(no_channel.ok());
  EXPECT_EQ(*no_channel, "2026-03-02T08:15:00Z: the regulator: early warning");
  EXPECT_EQ(CommunicationEntry(At("2026-03-02T08:15:00Z"), "", "email", "x").status().where(), "to");
}

TEST(Incident, EntriesGoInTimeOrder) {
  std::vector<std::string> log = {"2026-03-01T10:00:00Z: first", "2026-03-03T10:00:00Z: third"};
  InsertByTime(&log, "2026-03-02T10:00:00Z: second");
  InsertByTime(&log, "2026-03-04T10:00:00Z: fourth");
  InsertByTime(&log, "2026-03-01T10:00:00Z: same time as the first, after it");
  EXPECT_EQ(log, (std::vector<std::string>{"2026-03-01T10:00:00Z: first",
                                           "2026-03-01T10:00:00Z: same time as the first, after it",
                                           "2026-03-02T10:00:00Z: second", "2026-03-03T10:00:00Z: third",
                                           "2026-03-04T10:00:00Z: fourth"}));
}

TEST(TimeZoneParseTime, LocalTimesAreReadInTheZoneAndZonedOnesAsTheyAre) {
  base::TimeZone berlin = Zone("Europe/Berlin");
  EXPECT_EQ(*berlin.ParseTime("2026-01-15T09:30"), At("2026-01-15T08:30:00Z"));   // CET
  EXPECT_EQ(*berlin.ParseTime("2026-07-15 09:30:20"), At("2026-07-15T07:30:20Z"));  // CEST
  EXPECT_EQ(*berlin.ParseTime("2026-07-15T09:30:00Z"), At("2026-07-15T09:30:00Z"));
  EXPECT_EQ(*berlin.ParseTime("2026-07-15T09:30:00+01:00"), At("2026-07-15T08:30:00Z"));
  EXPECT_EQ(*berlin.ParseTime("2026-07-15T09:30:00-04:00"), At("2026-07-15T13:30:00Z"));
  // 02:30 on 29 March 2026 does not exist in Berlin: read under the offset before the gap.
  EXPECT_EQ(*berlin.ParseTime("2026-03-29T02:30"), At("2026-03-29T01:30:00Z"));
  // 02:30 on 25 October 2026 happens twice: the first.
  EXPECT_EQ(*berlin.ParseTime("2026-10-25T02:30"), At("2026-10-25T00:30:00Z"));
  EXPECT_EQ(berlin.FormatLocalInput(At("2026-07-15T07:30:59Z")), "2026-07-15T09:30");
  EXPECT_EQ(berlin.Format(At("2026-07-15T07:30:59Z")), "2026-07-15 09:30 CEST");
  // Before 1893 Berlin kept local mean time, +00:53:28: the local minute, not the UTC minute,
  // is shown, and it reads back (found by the fuzzer).
  EXPECT_EQ(*berlin.ParseTime("0226-10-25 02:30:00"), At("0226-10-25T01:36:32Z"));
  EXPECT_EQ(berlin.FormatLocalInput(At("0226-10-25T01:36:32Z")), "0226-10-25T02:30");
  EXPECT_EQ(berlin.Format(At("0226-10-25T01:36:32Z")), "0226-10-25 02:30 LMT");
  for (const char* bad : {"", "2026-07-15", "2026-07-15T9:30", "2026-07-15T24:00", "2026-02-30T10:00",
                          "2026-07-15T09:61", "tomorrow at nine", "2026-07-15X09:30"}) {
    auto t = berlin.ParseTime(bad);
    EXPECT_EQ(t.status().code(), base::StatusCode::kInvalidArgument) << bad;
  }
  EXPECT_NE(berlin.ParseTime("2026-07-15T25:00").status().message().find("Europe/Berlin"), std::string::npos);
}

}  // namespace
}  // namespace aims::domain
