#include "base/clock.h"

#include <chrono>
#include <cstdlib>

namespace aims::base {

Timestamp Now() {
  if (const char* fake = std::getenv("AIMS_FAKE_NOW"); fake && *fake) {
    auto t = Timestamp::Parse(fake);
    if (t.ok()) return *t;
  }
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return Timestamp(std::chrono::duration_cast<std::chrono::microseconds>(now).count());
}

}  // namespace aims::base
