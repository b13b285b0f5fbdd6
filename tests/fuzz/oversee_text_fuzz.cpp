// libFuzzer target for the oversight texts from outside: the gate policy rules an AIMS manager
// writes (domain/gate_policy_text.h) and what the public concern pages take from anyone, a
// report's text and a receipt code (domain/concern.h). A policy either fails naming a line or
// formats to text that parses back to the same text; a receipt code either fails or normalises
// to a fixed point; a report's text is accepted or refused, never crashes.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/concern.h"
#include "domain/gate_policy_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto policy = aims::domain::ParseGatePolicy(text);
  if (policy.ok()) {
    std::string formatted = aims::domain::FormatGatePolicy(*policy);
    auto again = aims::domain::ParseGatePolicy(formatted);
    if (!again.ok() || aims::domain::FormatGatePolicy(*again) != formatted) std::abort();
  } else if (policy.status().where().rfind("line ", 0) != 0 &&
             policy.status().message() != "the gate policy has no rule") {
    std::abort();
  }
  auto code = aims::domain::NormaliseReceiptCode(text);
  if (code.ok()) {
    auto fixed = aims::domain::NormaliseReceiptCode(*code);
    if (!fixed.ok() || *fixed != *code || code->size() != 29) std::abort();
  }
  (void)aims::domain::CheckConcernText(text, "body");
  return 0;
}
