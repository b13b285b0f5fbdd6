#include "service/ledger_appender.h"

#include <algorithm>

#include "ledger/entry_format.h"

namespace aims::service {

base::Result<LedgerAppender> LedgerAppender::Begin(store::Tx& tx, const ledger::SecretKey* key) {
  auto table = tx.ledger();
  AIMS_ASSIGN_OR_RETURN(auto encoded, table.LoadCompactRange());
  ledger::CompactRange range;
  if (encoded) {
    AIMS_ASSIGN_OR_RETURN(range, ledger::CompactRange::Decode(*encoded));
  }
  AIMS_ASSIGN_OR_RETURN(int64_t last, table.LastSeq());
  if (static_cast<uint64_t>(last) != range.size()) {
    return base::Status::Corruption(
        "the ledger holds " + std::to_string(last) + " entries but its Merkle state covers " +
            std::to_string(range.size()) + "; refusing to write. Run `aims ledger verify`",
        "ledger");
  }
  // The range is a cache; the signed head is the authority. A range that no longer matches the
  // last head aims signed means someone rewrote the ledger state: extending it would sign their
  // version of history.
  AIMS_ASSIGN_OR_RETURN(auto head, table.LatestTreeHead());
  if (range.size() > 0) {
    if (!head || head->size != range.size() || head->root != range.Root() ||
        (key && !ledger::VerifyTreeHead(ledger::PublicKeyOf(*key), *head))) {
      return base::Status::Corruption(
          "the ledger's Merkle state does not match its last signed tree head; refusing to write. "
          "Run `aims ledger verify`",
          "ledger");
    }
  }
  return LedgerAppender(std::move(range), key);
}

base::Status LedgerAppender::Append(store::Tx& tx, ledger::LedgerEntry entry) {
  std::span<ledger::LedgerEntry> one(&entry, 1);
  AIMS_ASSIGN_OR_RETURN(std::vector<ledger::Hash> leaf,
                        HashEntries(one, static_cast<int64_t>(range_.size()) + 1));
  return AppendHashed(tx, one, leaf);
}

base::Result<std::vector<ledger::Hash>> LedgerAppender::HashEntries(
    std::span<ledger::LedgerEntry> entries, int64_t first_seq) {
  std::vector<ledger::Hash> leaves;
  leaves.reserve(entries.size());
  std::string leaf;
  int64_t seq = first_seq;
  for (ledger::LedgerEntry& entry : entries) {
    for (const std::string* s : {&entry.actor, &entry.action, &entry.entity_type}) {
      if (s->size() > ledger::kMaxLeafStringBytes) {
        return base::Status::InvalidArgument("ledger text longer than 65535 bytes", "ledger");
      }
    }
    entry.seq = seq++;
    leaf.clear();
    ledger::EncodeLeaf(entry, &leaf);
    leaves.push_back(ledger::HashLeaf(leaf));
  }
  return leaves;
}

base::Status LedgerAppender::AppendHashed(store::Tx& tx, std::span<const ledger::LedgerEntry> entries,
                                          std::span<const ledger::Hash> leaves) {
  for (size_t i = 0; i < entries.size(); ++i) {
    if (entries[i].seq != static_cast<int64_t>(range_.size() + 1 + i) || i >= leaves.size()) {
      return base::Status::Internal("prepared ledger entries are out of step with the log");
    }
  }
  // Stored in runs that end where a checkpoint head is due, so heads land where Append puts them.
  size_t done = 0;
  while (done < entries.size()) {
    size_t to_checkpoint = kCheckpointEvery - range_.size() % kCheckpointEvery;
    size_t n = std::min(entries.size() - done, to_checkpoint);
    AIMS_TRY(tx.ledger().InsertEntries(entries.subspan(done, n), leaves.subspan(done, n)));
    for (size_t i = done; i < done + n; ++i) range_.Append(leaves[i]);
    done += n;
    if (key_ && range_.size() % kCheckpointEvery == 0) AIMS_TRY(SignHead(tx, entries[done - 1].time));
  }
  return base::Status::OK();
}

base::Status LedgerAppender::SignHead(store::Tx& tx, base::Timestamp now) {
  ledger::TreeHead head;
  head.size = range_.size();
  head.time = now;
  head.root = range_.Root();
  ledger::SignTreeHead(*key_, &head);
  AIMS_TRY(tx.ledger().InsertTreeHead(head));
  head_ = head;
  return base::Status::OK();
}

base::Status LedgerAppender::Seal(store::Tx& tx, base::Timestamp now) {
  if (!appended()) return base::Status::OK();
  if (!key_) return base::Status::FailedPrecondition("no signing key to seal the ledger");
  AIMS_TRY(tx.ledger().SaveCompactRange(range_.Encode()));
  if (!head_ || head_->size != range_.size()) AIMS_TRY(SignHead(tx, now));
  return base::Status::OK();
}

}  // namespace aims::service
