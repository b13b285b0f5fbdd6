#include "cli/exit_status.h"

namespace aims::cli {

int ExitCodeFor(const base::Status& status) {
  switch (status.code()) {
    case base::StatusCode::kOk: return 0;
    case base::StatusCode::kInvalidArgument: return 2;
    case base::StatusCode::kNotFound: return 3;
    case base::StatusCode::kAlreadyExists: return 4;
    case base::StatusCode::kConflict: return 5;
    case base::StatusCode::kFailedPrecondition: return 6;
    case base::StatusCode::kPermissionDenied: return 7;
    case base::StatusCode::kCorruption: return 8;
    case base::StatusCode::kIOError: return 9;
    case base::StatusCode::kInternal: return 10;
    case base::StatusCode::kUnauthenticated: return 7;
    case base::StatusCode::kResourceExhausted: return 11;
  }
  return 10;
}

std::string ErrorLine(const base::Status& status) {
  return "aims: error: " + status.ToString();
}

}  // namespace aims::cli
