#include "domain/policy.h"

namespace aims::domain {

base::Date AddMonths(base::Date d, int64_t months) {
  int64_t index = int64_t{d.year()} * 12 + (d.month() - 1) + months;
  int year = static_cast<int>(index / 12), month = static_cast<int>(index % 12) + 1;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return *base::Date::FromYmd(year, month, d.day() < last ? d.day() : last);
}

}  // namespace aims::domain
