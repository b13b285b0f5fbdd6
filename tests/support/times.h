// Instants and time zones written as text in tests, failing the test if they do not parse.
#pragma once

#include <gtest/gtest.h>

#include "base/time.h"
#include "base/time_zone.h"

namespace aims::testing {

inline base::Timestamp At(const char* rfc3339) {
  auto t = base::Timestamp::Parse(rfc3339);
  EXPECT_TRUE(t.ok()) << rfc3339;
  return t.ok() ? *t : base::Timestamp();
}

inline base::TimeZone Zone(const char* name) {
  auto z = base::TimeZone::Find(name);
  EXPECT_TRUE(z.ok()) << z.status().ToString();
  return z.ok() ? *z : base::TimeZone::Utc();
}

}  // namespace aims::testing
