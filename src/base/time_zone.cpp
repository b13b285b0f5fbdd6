#include "base/time_zone.h"

#include <date/tz.h>

#include <chrono>

namespace aims::base {

namespace {

using Micros = std::chrono::duration<int64_t, std::micro>;

date::sys_time<Micros> SysOf(Timestamp t) { return date::sys_time<Micros>(Micros(t.micros())); }

}  // namespace

Result<TimeZone> TimeZone::Find(std::string_view name) {
  try {
    const date::time_zone* zone = date::locate_zone(name);
    return TimeZone(zone, std::string(zone->name()));
  } catch (const std::exception&) {
    return Status::InvalidArgument("unknown time zone \"" + std::string(name) + "\" (an IANA name such as Europe/Berlin)",
                                   "time_zone");
  }
}

TimeZone TimeZone::Utc() {
  const date::time_zone* zone = date::locate_zone("UTC");
  return TimeZone(zone, std::string(zone->name()));
}

Date TimeZone::LocalDate(Timestamp t) const {
  auto local = zone_->to_local(SysOf(t));
  auto day = date::floor<date::days>(local);
  return Date::FromDays(day.time_since_epoch().count());
}

Timestamp TimeZone::StartOfDay(Date d) const {
  date::local_seconds midnight{date::days(d.DaysSinceEpoch())};
  date::local_info info = zone_->get_info(midnight);
  date::sys_seconds start;
  switch (info.result) {
    case date::local_info::unique: start = date::sys_seconds{midnight.time_since_epoch() - info.first.offset}; break;
    case date::local_info::ambiguous:  // the first of the two midnights: still under the earlier offset
      start = date::sys_seconds{midnight.time_since_epoch() - info.first.offset};
      break;
    case date::local_info::nonexistent:  // the day starts when the gap ends
      start = info.second.begin;
      break;
  }
  return Timestamp(std::chrono::duration_cast<Micros>(start.time_since_epoch()).count());
}

std::string TimeZone::Format(Timestamp t) const {
  auto zoned = date::make_zoned(zone_, date::floor<std::chrono::minutes>(SysOf(t)));
  return date::format("%Y-%m-%d %H:%M %Z", zoned);
}

}  // namespace aims::base
