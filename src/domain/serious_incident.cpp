#include "domain/serious_incident.h"

namespace aims::domain {

namespace {

constexpr int64_t kMicrosPerSecond = 1'000'000;

// "3 days 4 hours", "5 hours 10 minutes", "12 minutes": the two largest units, rounded down.
std::string Span(int64_t seconds) {
  int64_t days = seconds / 86400, hours = seconds % 86400 / 3600, minutes = seconds % 3600 / 60;
  auto unit = [](int64_t n, const char* one) { return std::to_string(n) + " " + one + (n == 1 ? "" : "s"); };
  if (days > 0) return unit(days, "day") + (hours > 0 ? " " + unit(hours, "hour") : "");
  if (hours > 0) return unit(hours, "hour") + (minutes > 0 ? " " + unit(minutes, "minute") : "");
  return unit(minutes, "minute");
}

}  // namespace

int ReportingDays(SeriousIncidentKind kind) {
  switch (kind) {
    case SeriousIncidentKind::kNone: return 0;
    case SeriousIncidentKind::kGeneral: return 15;
    case SeriousIncidentKind::kDeath: return 10;
    case SeriousIncidentKind::kWidespreadOrCriticalInfrastructure: return 2;
  }
  return 0;
}

std::string_view ReportingArticle(SeriousIncidentKind kind) {
  switch (kind) {
    case SeriousIncidentKind::kNone: return "";
    case SeriousIncidentKind::kGeneral: return "Art. 73(2)";
    case SeriousIncidentKind::kDeath: return "Art. 73(4)";
    case SeriousIncidentKind::kWidespreadOrCriticalInfrastructure: return "Art. 73(3)";
  }
  return "";
}

base::Result<ReportingClock> StartReportingClock(SeriousIncidentKind kind, base::Timestamp aware_at,
                                                 const base::TimeZone& tz) {
  if (kind == SeriousIncidentKind::kNone) {
    return base::Status::FailedPrecondition("not a serious incident: no reporting clock", "serious_kind");
  }
  ReportingClock c;
  c.kind = kind;
  c.days = ReportingDays(kind);
  c.article = std::string(ReportingArticle(kind));
  c.aware_day = tz.LocalDate(aware_at);
  c.last_day = c.aware_day.AddDays(c.days);
  c.deadline = tz.StartOfDay(c.last_day.AddDays(1));
  return c;
}

ClockState ClockAt(const ReportingClock& clock, base::Timestamp now, std::optional<base::Timestamp> reported_at) {
  ClockState s;
  s.reported = reported_at.has_value();
  base::Timestamp at = reported_at.value_or(now);
  s.seconds_left = (clock.deadline.micros() - at.micros()) / kMicrosPerSecond;
  s.overdue = s.seconds_left < 0;
  if (s.reported) {
    s.text = s.overdue ? "reported " + Span(-s.seconds_left) + " late" : "reported " + Span(s.seconds_left) + " before the deadline";
  } else {
    s.text = s.overdue ? "overdue by " + Span(-s.seconds_left) : Span(s.seconds_left) + " left";
  }
  return s;
}

}  // namespace aims::domain
