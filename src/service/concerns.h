// Concerns (ISO/IEC 42001 A.3.3; issue 5): filing a report without an account, reading and adding
// to it with the receipt code, and the handlers' side: the list they may see, replies, linking
// the register's AI system, and hiding a report from that system's owner. Each change is one
// transaction with a "concern" ledger entry (the report's fields and the hash of its thread).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "domain/concern.h"
#include "service/mutation.h"

namespace aims::service {

struct FiledConcern {
  int64_t id = 0;
  std::string receipt_code;  // shown to the reporter once; aims keeps only its SHA-256
};

// A new report: its first message is `body`. InvalidArgument (nothing written) for an empty or
// oversized text.
base::Result<FiledConcern> FileConcern(Mutation& m, domain::ConcernCategory category, const std::string& system_named,
                                       const std::string& body);

struct ConcernThread {
  domain::Concern concern;
  std::vector<domain::ConcernMessage> messages;
  std::optional<domain::Id> system_owner;  // of the linked system, if any
};

// The report a receipt code opens. NotFound (where "receipt") for a code that opens none,
// InvalidArgument for text that cannot be a code.
base::Result<ConcernThread> ConcernByReceipt(store::Tx& tx, std::string_view receipt_code);
// The reporter adds information. A closed report takes no more.
base::Status AddReporterMessage(Mutation& m, std::string_view receipt_code, const std::string& body);

// Who handles: their permissions and person (domain::MaySeeConcern).
struct ConcernHandler {
  domain::PermissionSet permissions;
  std::optional<domain::Id> person;
};

// The reports `who` may see, newest first, at most `limit`.
base::Result<std::vector<ConcernThread>> ConcernsFor(store::Tx& tx, const ConcernHandler& who, int64_t limit);
// One report; PermissionDenied if `who` may not see it.
base::Result<ConcernThread> ConcernFor(store::Tx& tx, int64_t id, const ConcernHandler& who);

// A handler's answer and triage: an optional reply (shown to the reporter), the status, the
// linked system and the hide-from-owner mark. Conflict when the report changed since
// `expected_version`.
struct ConcernDecision {
  std::string reply;
  domain::ConcernStatus status = domain::ConcernStatus::kInReview;
  std::optional<domain::Id> system;
  bool hide_from_owner = false;
};
base::Status HandleConcern(Mutation& m, int64_t id, int64_t expected_version, const ConcernHandler& who,
                           const ConcernDecision& decision);

}  // namespace aims::service
