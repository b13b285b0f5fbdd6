// LedgerAppender: extends the ledger inside one write transaction. It loads the compact range
// once, appends entries (each with its leaf hash), signs a checkpoint tree head every
// kCheckpointEvery entries so a long transaction can still be verified piecewise, and Seal()
// stores the range and the signed head for the transaction's final size, before commit: the
// records, their entries and the head that covers them commit together or not at all.
// Thread safety: one per transaction.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "base/result.h"
#include "ledger/entry.h"
#include "ledger/merkle.h"
#include "ledger/tree_head.h"
#include "store/store.h"

namespace aims::service {

class LedgerAppender {
 public:
  static constexpr uint64_t kCheckpointEvery = 4096;

  // Corruption if the stored range disagrees with the entries (a ledger edited by hand):
  // nothing is appended to a log that does not add up.
  static base::Result<LedgerAppender> Begin(store::Tx& tx, const ledger::SecretKey* key);

  // Assigns entry.seq and appends it. InvalidArgument if a text field exceeds the leaf format.
  base::Status Append(store::Tx& tx, ledger::LedgerEntry entry);
  // Numbers entries from first_seq and returns their leaf hashes; needs no log, so a bulk import
  // runs it on its converting thread. InvalidArgument if a text field exceeds the leaf format.
  static base::Result<std::vector<ledger::Hash>> HashEntries(std::span<ledger::LedgerEntry> entries,
                                                             int64_t first_seq);
  // Appends entries numbered and hashed by HashEntries, with the checkpoint heads Append would
  // sign (runs of rows end on checkpoint boundaries). Internal if they do not continue the log.
  base::Status AppendHashed(store::Tx& tx, std::span<const ledger::LedgerEntry> entries,
                            std::span<const ledger::Hash> leaves);
  // Stores the compact range and a signed head for the current size. No-op if nothing appended.
  base::Status Seal(store::Tx& tx, base::Timestamp now);

  uint64_t size() const { return range_.size(); }
  bool appended() const { return range_.size() != start_size_; }
  const std::optional<ledger::TreeHead>& head() const { return head_; }

 private:
  LedgerAppender(ledger::CompactRange range, const ledger::SecretKey* key)
      : range_(std::move(range)), start_size_(range_.size()), key_(key) {}
  base::Status SignHead(store::Tx& tx, base::Timestamp now);

  ledger::CompactRange range_;
  uint64_t start_size_;
  const ledger::SecretKey* key_;
  std::optional<ledger::TreeHead> head_;
};

}  // namespace aims::service
