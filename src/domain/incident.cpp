#include "domain/incident.h"

#include <algorithm>

namespace aims::domain {

std::optional<IncidentClock> ReportingClockOf(const Incident& incident, const base::TimeZone& tz, base::Timestamp now) {
  if (incident.serious_incident == SeriousIncidentKind::kNone || !incident.aware_at) return std::nullopt;
  auto clock = StartReportingClock(incident.serious_incident, *incident.aware_at, tz);
  if (!clock.ok()) return std::nullopt;
  IncidentClock out{*clock, ClockAt(*clock, now, incident.reported_at)};
  return out;
}

std::string EntryTime(base::Timestamp at) {
  std::string text = at.ToString();  // 2026-11-28T09:30:00.123456Z
  return text.substr(0, 19) + "Z";
}

namespace {

base::Status CheckPart(std::string_view text, std::string_view what, std::string_view where, bool required) {
  if (required && text.find_first_not_of(" \t") == std::string_view::npos) {
    return base::Status::InvalidArgument("say " + std::string(what), where);
  }
  if (text.find_first_of("\r\n") != std::string_view::npos) {
    return base::Status::InvalidArgument(std::string(what) + " must be one line", where);
  }
  if (text.size() > 2000) {
    return base::Status::InvalidArgument(std::string(what) + " is longer than 2,000 characters", where);
  }
  return base::Status::OK();
}

}  // namespace

base::Result<std::string> TimelineEntry(base::Timestamp at, std::string_view what) {
  AIMS_TRY(CheckPart(what, "what happened", "what", true));
  return EntryTime(at) + ": " + std::string(what);
}

base::Result<std::string> CommunicationEntry(base::Timestamp at, std::string_view to, std::string_view channel,
                                             std::string_view what) {
  AIMS_TRY(CheckPart(to, "to whom it was sent", "to", true));
  AIMS_TRY(CheckPart(channel, "the channel", "channel", false));
  AIMS_TRY(CheckPart(what, "what was said", "what", true));
  std::string entry = EntryTime(at) + ": " + std::string(to);
  if (!channel.empty()) entry += " (" + std::string(channel) + ")";
  return entry + ": " + std::string(what);
}

void InsertByTime(std::vector<std::string>* log, std::string entry) {
  // Entries written here start with a fixed-width UTC time, so text order is time order. The new
  // entry goes after the last one that is not later, so a log edited by hand keeps its order.
  auto later = [&](const std::string& e) { return e.compare(0, 20, entry, 0, 20) > 0; };
  auto at = log->end();
  while (at != log->begin() && later(*(at - 1))) --at;
  log->insert(at, std::move(entry));
}

}  // namespace aims::domain
