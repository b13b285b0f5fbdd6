#include "base/time.h"

#include <cstdio>

namespace aims::base {

namespace {

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t yy = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yy + (*m <= 2));
}

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` digits at text[*pos]; false if any is not a digit.
bool Digits(std::string_view text, size_t* pos, size_t n, int* out) {
  if (*pos + n > text.size()) return false;
  int v = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = text[*pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *pos += n;
  *out = v;
  return true;
}

bool Expect(std::string_view text, size_t* pos, char c) {
  if (*pos >= text.size() || text[*pos] != c) return false;
  ++*pos;
  return true;
}

constexpr int64_t kMicrosPerDay = 86400LL * 1000000;

}  // namespace

Result<Date> Date::FromYmd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      day > DaysInMonth(year, month)) {
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return Status::InvalidArgument(std::string("not a calendar date: ") + buf);
  }
  Date d;
  d.year_ = year;
  d.month_ = month;
  d.day_ = day;
  return d;
}

Result<Date> Date::Parse(std::string_view text) {
  size_t pos = 0;
  int y, m, d;
  if (!Digits(text, &pos, 4, &y) || !Expect(text, &pos, '-') || !Digits(text, &pos, 2, &m) ||
      !Expect(text, &pos, '-') || !Digits(text, &pos, 2, &d) || pos != text.size()) {
    return Status::InvalidArgument("not a date \"" + std::string(text) +
                                   "\" (expected YYYY-MM-DD)");
  }
  auto date = FromYmd(y, m, d);
  if (!date.ok()) {
    return Status::InvalidArgument("not a calendar date \"" + std::string(text) + "\"");
  }
  return date;
}

Date Date::FromDays(int64_t days) {
  Date out;
  CivilFromDays(days, &out.year_, &out.month_, &out.day_);
  return out;
}

int64_t Date::DaysSinceEpoch() const {
  return DaysFromCivil(year_, static_cast<unsigned>(month_), static_cast<unsigned>(day_));
}

namespace {
// Writes `value` as exactly `width` decimal digits at `out`.
void PutDigits(char* out, int64_t value, int width) {
  for (int i = width - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}
}  // namespace

std::string Date::ToString() const {
  std::string out(10, '-');
  PutDigits(out.data(), year_, 4);
  PutDigits(out.data() + 5, month_, 2);
  PutDigits(out.data() + 8, day_, 2);
  return out;
}

Result<Timestamp> Timestamp::Parse(std::string_view text) {
  auto bad = [&] {
    return Status::InvalidArgument("not a timestamp \"" + std::string(text) +
                                   "\" (expected RFC 3339, e.g. 2026-11-28T09:30:00Z)");
  };
  if (text.size() < 20) return bad();
  auto date = Date::Parse(text.substr(0, 10));
  if (!date.ok()) return bad();
  size_t pos = 10;
  int hh, mm, ss;
  if (!(Expect(text, &pos, 'T') || Expect(text, &pos, 't')) || !Digits(text, &pos, 2, &hh) ||
      !Expect(text, &pos, ':') || !Digits(text, &pos, 2, &mm) || !Expect(text, &pos, ':') ||
      !Digits(text, &pos, 2, &ss) || hh > 23 || mm > 59 || ss > 60) {
    return bad();
  }
  int64_t micros = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    int n = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
      if (n < 6) micros = micros * 10 + (text[pos] - '0');
      ++n;
      ++pos;
    }
    if (n == 0) return bad();
    for (; n < 6; ++n) micros *= 10;
  }
  int64_t offset_minutes = 0;
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
  } else if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    int sign = text[pos] == '-' ? -1 : 1;
    ++pos;
    int oh, om;
    if (!Digits(text, &pos, 2, &oh) || !Expect(text, &pos, ':') || !Digits(text, &pos, 2, &om) ||
        oh > 23 || om > 59) {
      return bad();
    }
    offset_minutes = sign * (oh * 60 + om);
  } else {
    return bad();
  }
  if (pos != text.size()) return bad();
  if (ss == 60) ss = 59;  // a leap second folds into the last second of the minute
  int64_t secs = date->DaysSinceEpoch() * 86400 + hh * 3600 + mm * 60 + ss - offset_minutes * 60;
  return Timestamp(secs * 1000000 + micros);
}

Date Timestamp::date() const {
  int64_t days = micros_ >= 0 ? micros_ / kMicrosPerDay : -((-micros_ + kMicrosPerDay - 1) / kMicrosPerDay);
  return Date::FromDays(days);
}

std::string Timestamp::ToString() const {
  Date d = date();
  int64_t in_day = micros_ - d.DaysSinceEpoch() * kMicrosPerDay;
  int64_t secs = in_day / 1000000;
  // "YYYY-MM-DDTHH:MM:SS.ffffffZ": formatted by hand, it is on every record's hot path.
  std::string out = d.ToString();
  out.resize(27);
  out[10] = 'T';
  PutDigits(out.data() + 11, secs / 3600, 2);
  out[13] = ':';
  PutDigits(out.data() + 14, secs / 60 % 60, 2);
  out[16] = ':';
  PutDigits(out.data() + 17, secs % 60, 2);
  out[19] = '.';
  PutDigits(out.data() + 20, in_day % 1000000, 6);
  out[26] = 'Z';
  return out;
}

}  // namespace aims::base
