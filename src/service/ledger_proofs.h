// Reading the ledger for a client: the latest signed tree head and inclusion proofs (RFC 9162),
// computed from the stored leaves. Shared by `aims ledger head|proof` and the API.
#pragma once

#include <optional>
#include <vector>

#include "base/result.h"
#include "ledger/entry.h"
#include "ledger/tree_head.h"
#include "service/workspace.h"

namespace aims::service {

base::Result<std::optional<ledger::TreeHead>> LatestHead(Workspace& ws);

struct InclusionProofReport {
  ledger::LedgerEntry entry;
  uint64_t leaf_index = 0;
  uint64_t tree_size = 0;
  ledger::Hash leaf_hash{};
  ledger::Hash root{};
  std::vector<ledger::Hash> path;  // leaf to root
  bool verified = false;           // the path leads from the entry's leaf to the root
  bool matches_signed_head = false;
};

// Proof that entry `seq` is in the tree of `size` entries (0: the latest signed head's size).
// NotFound on an empty ledger; InvalidArgument for a seq or size outside the log.
base::Result<InclusionProofReport> ProveInclusion(Workspace& ws, int64_t seq, uint64_t size);

}  // namespace aims::service
