// Reads a seed-risk library (format aims-risk-library/1; the shipped one is
// catalogs/library/ai-risks.yaml, compiled into the binary) into domain::RiskLibrary. Strict:
// an unknown key, a missing field, a duplicate id, a score off the 1-5 scale or a reference that
// is not "framework:item" is an InvalidArgument whose `where` is "file:line: field". Whether the
// references name real catalog items is checked by the tests against the shipped catalogs.
// Thread safety: functions only; BuiltinRiskLibrary is safe to call from any thread.
#pragma once

#include <memory>
#include <string_view>

#include "base/result.h"
#include "domain/risk_library.h"

namespace aims::io {

inline constexpr std::string_view kRiskLibraryFormat = "aims-risk-library/1";

base::Result<domain::RiskLibrary> ParseRiskLibrary(std::string_view text, std::string_view file_name);

// The shipped library, parsed once per process. An error means a broken file in the source tree.
base::Result<std::shared_ptr<const domain::RiskLibrary>> BuiltinRiskLibrary();

}  // namespace aims::io
