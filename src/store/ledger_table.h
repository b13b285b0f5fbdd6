// LedgerTable: the SQL side of the ledger: entries, the compact range that lets a transaction
// extend the Merkle tree, signed tree heads, and the public key that verifies them.
// Every method runs inside the caller's transaction.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "ledger/entry.h"
#include "ledger/tree_head.h"
#include "store/connection.h"

namespace aims::store {

// An entry as stored, with the leaf hash written beside it. The stored leaf hash only helps
// name a clumsily edited entry; verification always recomputes it from the fields.
struct StoredEntry {
  ledger::LedgerEntry entry;
  ledger::Hash leaf_hash{};
};

class LedgerTable {
 public:
  explicit LedgerTable(Connection& conn) : conn_(conn) {}

  // The encoded ledger::CompactRange, or nullopt for an empty log.
  base::Result<std::optional<std::string>> LoadCompactRange();
  base::Status SaveCompactRange(std::string_view encoded);

  base::Status InsertEntry(const ledger::LedgerEntry& entry, const ledger::Hash& leaf_hash);
  // The same for many entries, several rows per statement (bulk import).
  base::Status InsertEntries(std::span<const ledger::LedgerEntry> entries,
                             std::span<const ledger::Hash> leaf_hashes);
  // Highest seq, 0 when empty.
  base::Result<int64_t> LastSeq();
  base::Result<ledger::LedgerEntry> EntryAt(int64_t seq);
  // Entries with from_seq <= seq <= to_seq, in order.
  base::Status ScanEntries(int64_t from_seq, int64_t to_seq,
                           const std::function<base::Status(const StoredEntry&)>& fn);
  // Stored leaf hashes of entries 1..size, in order (for proofs).
  base::Result<std::vector<ledger::Hash>> LeafHashes(int64_t size);
  // The ledger entries of one record, oldest first.
  base::Result<std::vector<ledger::LedgerEntry>> HistoryOf(std::string_view entity_type,
                                                           int64_t entity_id);

  base::Status InsertTreeHead(const ledger::TreeHead& head);
  base::Result<std::optional<ledger::TreeHead>> LatestTreeHead();
  base::Result<int64_t> TreeHeadCount();
  // Every stored head, smallest size first.
  base::Status ScanTreeHeads(const std::function<base::Status(const ledger::TreeHead&)>& fn);

  base::Status SavePublicKey(const ledger::PublicKey& key);
  base::Result<std::optional<ledger::PublicKey>> LoadPublicKey();

 private:
  base::Status ReadEntry(Statement* stmt, ledger::LedgerEntry* entry, ledger::Hash* leaf_hash);
  Connection& conn_;
};

}  // namespace aims::store
