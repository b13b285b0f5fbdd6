#include "service/ledger_proofs.h"

#include "ledger/merkle.h"

namespace aims::service {

base::Result<std::optional<ledger::TreeHead>> LatestHead(Workspace& ws) {
  std::optional<ledger::TreeHead> head;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(head, tx.ledger().LatestTreeHead());
    return base::Status::OK();
  }));
  return head;
}

base::Result<InclusionProofReport> ProveInclusion(Workspace& ws, int64_t seq, uint64_t size) {
  AIMS_ASSIGN_OR_RETURN(auto head, LatestHead(ws));
  if (!head) return base::Status::NotFound("the ledger is empty");
  uint64_t n = size > 0 ? size : head->size;
  if (seq < 1 || static_cast<uint64_t>(seq) > n) {
    return base::Status::InvalidArgument("no entry " + std::to_string(seq) + " in a tree of size " + std::to_string(n),
                                         "seq");
  }
  InclusionProofReport r;
  std::vector<ledger::Hash> leaves;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(leaves, tx.ledger().LeafHashes(static_cast<int64_t>(n)));
    AIMS_ASSIGN_OR_RETURN(r.entry, tx.ledger().EntryAt(seq));
    return base::Status::OK();
  }));
  if (leaves.size() != n) {
    return base::Status::InvalidArgument("the ledger has only " + std::to_string(leaves.size()) + " entries", "size");
  }
  r.leaf_index = static_cast<uint64_t>(seq - 1);
  r.tree_size = n;
  r.leaf_hash = ledger::LeafHashOf(r.entry);
  r.path = ledger::InclusionProof(leaves, r.leaf_index);
  r.root = ledger::RootOf(leaves, 2);
  r.verified = r.leaf_hash == leaves[r.leaf_index] && ledger::VerifyInclusion(r.leaf_hash, r.leaf_index, n, r.path, r.root);
  r.matches_signed_head = n == head->size && r.root == head->root;
  return r;
}

}  // namespace aims::service
