// Clock: the one place aims reads the time. Domain code never calls it; "now" is a parameter.
// Tests and reproducible runs set AIMS_FAKE_NOW (RFC 3339) to pin the clock.
#pragma once

#include "base/time.h"

namespace aims::base {

// The current time, or AIMS_FAKE_NOW when that is set (an unparsable value is ignored).
Timestamp Now();

}  // namespace aims::base
