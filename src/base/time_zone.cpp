#include "base/time_zone.h"

#include <date/tz.h>

#include <cctype>
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

// Both formats floor the local time, not the instant: offsets need not be whole minutes (local
// mean time, e.g. +00:53:28 in Berlin before 1893), and the shown minute must read back.
std::string TimeZone::FormatLocalInput(Timestamp t) const {
  auto local = date::floor<std::chrono::minutes>(zone_->to_local(SysOf(t)));
  return date::format("%Y-%m-%dT%H:%M", local);
}

Result<Timestamp> TimeZone::ParseTime(std::string_view text) const {
  // An explicit zone (Z or +hh:mm / -hh:mm after the time of day) makes it an instant already.
  const bool zoned = text.size() > 16 && (text.back() == 'Z' || text.back() == 'z' ||
                                          text.find_first_of("+-", 16) != std::string_view::npos);
  if (zoned) return Timestamp::Parse(text);
  auto bad = [&] {
    return Status::InvalidArgument("\"" + std::string(text) +
                                   "\" is not a time (expected YYYY-MM-DDTHH:MM in " + name_ +
                                   ", or RFC 3339 with Z or an offset)");
  };
  if (text.size() != 16 && text.size() != 19) return bad();
  if (text[10] != 'T' && text[10] != 't' && text[10] != ' ') return bad();
  auto day = Date::Parse(text.substr(0, 10));
  if (!day.ok()) return bad();
  auto two = [&](size_t at, int max, int* out) {
    if (!std::isdigit(static_cast<unsigned char>(text[at])) || !std::isdigit(static_cast<unsigned char>(text[at + 1]))) {
      return false;
    }
    *out = (text[at] - '0') * 10 + (text[at + 1] - '0');
    return *out <= max;
  };
  int hour = 0, minute = 0, second = 0;
  if (!two(11, 23, &hour) || text[13] != ':' || !two(14, 59, &minute)) return bad();
  if (text.size() == 19 && (text[16] != ':' || !two(17, 59, &second))) return bad();
  date::local_seconds local{date::days(day->DaysSinceEpoch()) + std::chrono::hours(hour) +
                            std::chrono::minutes(minute) + std::chrono::seconds(second)};
  date::local_info info = zone_->get_info(local);
  // Unique, ambiguous (the first) and nonexistent (the offset before the gap) all use `first`.
  date::sys_seconds at{local.time_since_epoch() - info.first.offset};
  return Timestamp(std::chrono::duration_cast<Micros>(at.time_since_epoch()).count());
}

std::string TimeZone::Format(Timestamp t) const {
  auto sys = SysOf(t);
  date::sys_info info = zone_->get_info(sys);
  auto local = date::floor<std::chrono::minutes>(date::local_time<Micros>((sys + info.offset).time_since_epoch()));
  return date::format("%Y-%m-%d %H:%M ", local) + info.abbrev;
}

}  // namespace aims::base
