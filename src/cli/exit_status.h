// The one mapping from a Status to what the CLI prints on stderr and the exit code it returns.
// Exit codes (docs/cli.md): 0 ok, 2 invalid input, 3 not found, 4 already exists, 5 conflict,
// 6 failed precondition, 7 permission denied or not authenticated, 8 verification failed /
// corruption, 9 I/O error, 10 internal error, 11 a limit was hit (try later), 64 bad command line.
#pragma once

#include <string>

#include "base/status.h"

namespace aims::cli {

inline constexpr int kExitUsage = 64;

int ExitCodeFor(const base::Status& status);
// "aims: error: <where>: <message>" (one line, no trailing newline).
std::string ErrorLine(const base::Status& status);

}  // namespace aims::cli
