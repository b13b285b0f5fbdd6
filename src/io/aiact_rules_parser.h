// Reads an EU AI Act rule file (format aims-aiact-rules/1; the shipped one is
// catalogs/rules/eu-ai-act.yaml, compiled into the binary) into domain::AiActRules. Strict: an
// unknown key, a missing field, a duplicate id, a bad date or a reference to something the file
// does not define is an InvalidArgument whose `where` is "file:line: field".
// Lives in io, not catalog, because it builds a domain type and catalog may use only base
// (tests/architecture/check_layers.sh).
// Thread safety: functions only; BuiltinAiActRules is safe to call from any thread.
#pragma once

#include <memory>
#include <string_view>

#include "base/result.h"
#include "domain/aiact_rules.h"

namespace aims::io {

base::Result<domain::AiActRules> ParseAiActRules(std::string_view text, std::string_view file_name);

// The shipped rule file, parsed once per process. An error means a broken file in the source tree.
base::Result<std::shared_ptr<const domain::AiActRules>> BuiltinAiActRules();

// The shipped rule file's text and name ("eu-ai-act.yaml"), e.g. for `aims aiact rules --show`.
std::string_view BuiltinAiActRulesText();
std::string_view BuiltinAiActRulesName();

}  // namespace aims::io
