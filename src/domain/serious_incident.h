// The EU AI Act's serious-incident reporting clock (Art. 73): from the moment the provider (or a
// deployer, Art. 26(5)) becomes aware of a serious incident, the report is due within a period
// that depends on the incident's kind:
//   general: 15 days (Art. 73(2));
//   death of a person: 10 days (Art. 73(4));
//   widespread infringement, or serious and irreversible disruption of critical infrastructure
//   (Art. 3(49)(b)): 2 days (Art. 73(3)).
// Periods follow Regulation (EEC, Euratom) No 1182/71 Art. 3: the day of awareness does not
// count; the period ends with the last hour of its last day, in the organisation's time zone.
// aims does not extend a period that ends on a weekend or holiday (Art. 3(4) of 1182/71): the
// Act also asks for the report "immediately", so the earlier, stricter deadline is shown.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"
#include "base/time_zone.h"
#include "domain/enum_traits.h"

namespace aims::domain {

enum class SeriousIncidentKind { kNone, kGeneral, kDeath, kWidespreadOrCriticalInfrastructure };
template <>
struct EnumTraits<SeriousIncidentKind> {
  static constexpr std::array<std::string_view, 4> kNames = {"none", "general", "death",
                                                             "widespread_or_critical_infrastructure"};
};

struct ReportingClock {
  SeriousIncidentKind kind = SeriousIncidentKind::kNone;
  int days = 0;              // length of the period
  std::string article;       // "Art. 73(2)"
  base::Date aware_day;      // local day of awareness (not counted)
  base::Date last_day;       // local last day of the period
  base::Timestamp deadline;  // the end of last_day: the first instant of the next local day
};

// Days allowed for `kind` (0 for kNone) and the provision that sets them.
int ReportingDays(SeriousIncidentKind kind);
std::string_view ReportingArticle(SeriousIncidentKind kind);

// The clock for an incident of `kind` of which the organisation became aware at `aware_at`, in
// zone `tz`. FailedPrecondition for kNone (not a serious incident: no clock).
base::Result<ReportingClock> StartReportingClock(SeriousIncidentKind kind, base::Timestamp aware_at,
                                                 const base::TimeZone& tz);

// Where the clock stands at `now`: time left or, once past, by how much it is overdue; a report
// sent at `reported_at` stops it.
struct ClockState {
  bool reported = false;
  bool overdue = false;       // not reported by the deadline (or reported after it)
  int64_t seconds_left = 0;   // negative once past (at `now`, or at the report)
  std::string text;           // "4 days 3 hours left", "overdue by 2 hours", "reported 1 day early"
};
ClockState ClockAt(const ReportingClock& clock, base::Timestamp now, std::optional<base::Timestamp> reported_at);

}  // namespace aims::domain
