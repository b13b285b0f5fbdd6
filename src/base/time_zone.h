// A time zone of the IANA database (the system's tzdata, read through Howard Hinnant's date
// library, Debian libhowardhinnant-date-dev): instants to local calendar days and back, across
// daylight-saving changes. Legal periods ("within 15 days") count local calendar days, so their
// deadlines need the organisation's zone, not UTC.
// Thread safety: a TimeZone is immutable and may be shared; Find may be called from any thread.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "base/time.h"

namespace date {
class time_zone;
}

namespace aims::base {

class TimeZone {
 public:
  // "Europe/Berlin", "UTC"; InvalidArgument naming the zone when the database has no such zone.
  static Result<TimeZone> Find(std::string_view name);
  static TimeZone Utc();

  const std::string& name() const { return name_; }
  // The calendar day in this zone at instant `t`.
  Date LocalDate(Timestamp t) const;
  // The first instant of day `d` in this zone. Where midnight does not exist (a DST gap that
  // starts at 00:00) the day starts when the gap ends; where it happens twice, at the first.
  Timestamp StartOfDay(Date d) const;
  // "2026-04-04 23:59 CEST": the local wall-clock time at `t` with the zone's abbreviation.
  std::string Format(Timestamp t) const;
  // "2026-04-04T23:59": the local wall-clock time at `t`, as an HTML datetime-local input holds it.
  std::string FormatLocalInput(Timestamp t) const;
  // The instant of a time as people type it: RFC 3339 with "Z" or an offset is taken as it is;
  // a local time "2026-04-04T23:59" or "2026-04-04 23:59[:SS]" is read in this zone (in a
  // daylight-saving gap, under the offset before it, so 02:30 becomes 03:30; when it happens twice,
  // the first).
  Result<Timestamp> ParseTime(std::string_view text) const;

 private:
  TimeZone(const date::time_zone* zone, std::string name) : zone_(zone), name_(std::move(name)) {}
  const date::time_zone* zone_;  // owned by the library's database, which lives for the process
  std::string name_;
};

}  // namespace aims::base
