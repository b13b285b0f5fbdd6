// Concerns (ISO/IEC 42001 A.3.3; issue 5): reports about the organisation's AI by anyone, with no
// account, anonymous if they wish. The reporter gets a receipt code, the only key to the report
// afterwards: with it they read the handlers' replies and add information. Aims stores the
// code's SHA-256, never the code, and never the reporter's network address.
//
// Reports are not register records: only people whose role grants concern.handle see them, and
// a handler may hide a report from the owner of the AI system it names (a handler who owns that
// system then cannot open it either). Pure: values, rules and limits; the service stores them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/sha256.h"
#include "base/time.h"
#include "domain/access.h"
#include "domain/entity_kind.h"
#include "domain/enum_traits.h"

namespace aims::domain {

enum class ConcernStatus { kNew, kInReview, kAnswered, kClosed };
template <>
struct EnumTraits<ConcernStatus> {
  static constexpr std::array<std::string_view, 4> kNames = {"new", "in_review", "answered", "closed"};
};

enum class ConcernCategory { kUnfairTreatment, kWrongDecision, kSafety, kPrivacy, kTransparency, kMisuse, kOther };
template <>
struct EnumTraits<ConcernCategory> {
  static constexpr std::array<std::string_view, 7> kNames = {"unfair_treatment", "wrong_decision", "safety", "privacy",
                                                             "transparency",     "misuse",         "other"};
};

struct Concern {
  int64_t id = 0;
  int64_t version = 0;
  base::Timestamp created_at;
  base::Timestamp updated_at;
  ConcernCategory category = ConcernCategory::kOther;
  std::string system_named;       // the AI system as the reporter names it, free text
  std::optional<Id> system;       // the register's system, linked by a handler
  ConcernStatus status = ConcernStatus::kNew;
  bool hide_from_owner = false;   // the named system's owner may not see it
};

enum class ConcernAuthor { kReporter, kHandler };
template <>
struct EnumTraits<ConcernAuthor> {
  static constexpr std::array<std::string_view, 2> kNames = {"reporter", "handler"};
};

struct ConcernMessage {
  int64_t id = 0;
  int64_t concern = 0;
  base::Timestamp at;
  ConcernAuthor author = ConcernAuthor::kReporter;
  std::string body;
};

inline constexpr size_t kMaxConcernChars = 10000;      // a report or a message
inline constexpr size_t kMaxSystemNamedChars = 200;

// A report's or message's text: present, within kMaxConcernChars, valid UTF-8 without control
// characters other than newlines and tabs. InvalidArgument with where = `field`.
base::Status CheckConcernText(std::string_view text, std::string_view field, size_t max = kMaxConcernChars);

// "7KQ2-M9XD-4TRB-ZP3W-HC8N-EV6A": 120 random bits in Crockford base32, grouped by four. A code
// read back is normalised the same way (case, spaces, I/L -> 1, O -> 0) before it is hashed.
std::string FormatReceiptCode(const std::array<uint8_t, 15>& random);
// The normalised code, or InvalidArgument when it cannot be one of ours (wrong length or letters).
base::Result<std::string> NormaliseReceiptCode(std::string_view text);

// Whether a user may open a report: concern.handle, and not the owner of the system it names
// when it is hidden from its owner.
bool MaySeeConcern(const Concern& concern, const PermissionSet& permissions, std::optional<Id> person,
                   std::optional<Id> system_owner);

// The ledger's entity type of a report, and its state hash: its fields and a hash chain over its
// messages, so an edit of the stored thread no longer matches the last entry.
inline constexpr std::string_view kConcernEntityType = "concern";
base::Digest ConcernStateHash(const Concern& concern, const std::vector<ConcernMessage>& messages);

// A sliding count of events per key, for rate limits: at most `limit` within `window_micros`.
// Pure: the caller keeps the state and passes "now".
struct RateWindow {
  std::vector<int64_t> times;  // micros, oldest first
  // Records an event at `now` if under the limit; false (nothing recorded) if over it.
  bool Allow(int64_t now, int64_t window_micros, size_t limit);
};

}  // namespace aims::domain
