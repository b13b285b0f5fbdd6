// Calendar dates and UTC timestamps as plain values. Parsing is strict (a bad date is an
// error that names the text); nothing here reads a clock — see base/clock.h for that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

namespace aims::base {

// A proleptic Gregorian calendar date, as written in ISO 8601 ("2026-11-28").
class Date {
 public:
  Date() = default;  // 1970-01-01
  static Result<Date> Parse(std::string_view text);  // exactly YYYY-MM-DD, a real day
  static Date FromDays(int64_t days_since_epoch);
  static Result<Date> FromYmd(int year, int month, int day);

  int year() const { return year_; }
  int month() const { return month_; }
  int day() const { return day_; }
  int64_t DaysSinceEpoch() const;
  Date AddDays(int64_t days) const { return FromDays(DaysSinceEpoch() + days); }
  std::string ToString() const;

  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  int year_ = 1970, month_ = 1, day_ = 1;
};

// Microseconds since 1970-01-01T00:00:00Z. Written as RFC 3339 UTC with microseconds,
// "2026-11-28T04:08:24.123456Z", so that text order equals time order.
class Timestamp {
 public:
  Timestamp() = default;
  explicit Timestamp(int64_t micros) : micros_(micros) {}
  // Accepts RFC 3339 with "Z" or a numeric offset, with or without fractional seconds.
  static Result<Timestamp> Parse(std::string_view text);

  int64_t micros() const { return micros_; }
  Date date() const;  // the UTC calendar date
  std::string ToString() const;

  friend auto operator<=>(const Timestamp&, const Timestamp&) = default;

 private:
  int64_t micros_ = 0;
};

}  // namespace aims::base
