// AIMS_ASSERT: programmer errors only, never reachable from user input (those are Status).
#pragma once

#include <cstdio>
#include <cstdlib>

#define AIMS_ASSERT(cond)                                                            \
  do {                                                                               \
    if (!(cond)) {                                                                   \
      std::fprintf(stderr, "aims: assertion failed: %s (%s:%d)\n", #cond, __FILE__, \
                   __LINE__);                                                        \
      std::abort();                                                                  \
    }                                                                                \
  } while (0)
