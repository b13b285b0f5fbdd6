// libFuzzer target for the oversight texts from outside: the gate policy rules an AIMS manager
// writes (domain/gate_policy_text.h), what the public concern pages take from anyone (a report's
// text and a receipt code, domain/concern.h), a time as people type it
// (base::TimeZone::ParseTime) with incident timeline entries, and a webhook's URL and events.
// A policy either fails naming a line or formats to text that parses back to the same text; a
// receipt code either fails or normalises to a fixed point; a report's text is accepted or
// refused, never crashes; a time that parses shows as a local minute that reads back to it; a
// parsed webhook URL names a host, a port and a path.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "domain/concern.h"
#include "domain/gate_policy_text.h"
#include "domain/incident.h"
#include "domain/webhook.h"

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
  static const aims::base::TimeZone berlin = *aims::base::TimeZone::Find("Europe/Berlin");
  auto at = berlin.ParseTime(text);
  if (at.ok()) {
    // Shown as the local minute, it reads back as that same local minute, no later than the time
    // itself and less than an hour and a minute before it: a minute that happens twice (the autumn
    // change) reads back as its first occurrence, an hour earlier. Offsets need not be whole
    // minutes (local mean time before 1893 was +00:53:28), so compare local minutes, not instants.
    std::string shown = berlin.FormatLocalInput(*at);
    auto again = berlin.ParseTime(shown);
    if (!again.ok() || berlin.FormatLocalInput(*again) != shown) std::abort();
    int64_t behind = at->micros() - again->micros();
    if (behind < 0 || behind >= 3660 * int64_t{1000000}) std::abort();
  }
  // A webhook URL and event list typed by an administrator: a parsed URL names a host and a path.
  auto url = aims::domain::ParseWebhookUrl(text);
  if (url.ok() && (url->host.empty() || url->target.empty() || url->target[0] != '/' || url->port == 0)) std::abort();
  auto kinds = aims::domain::ParseNotificationKinds(text);
  if (kinds.ok() && kinds->size() > aims::domain::kNotificationKinds.size()) std::abort();
  (void)aims::domain::TimelineEntry(aims::base::Timestamp(static_cast<int64_t>(size) * 1000000), text);
  return 0;
}
