#include "service/ledger_verifier.h"

#include <limits>
#include <unordered_map>

#include "domain/canonical_state.h"
#include "domain/concern.h"
#include "domain/user_account.h"
#include "ledger/entry.h"
#include "ledger/key_file.h"
#include "ledger/merkle.h"
#include "service/record_stream.h"

namespace aims::service {

namespace {

constexpr int64_t kDenseIdLimit = int64_t{1} << 26;

// The latest ledger entry of every record, by entity type and id.
class LatestEntries {
 public:
  struct Slot {
    int64_t seq = 0;  // 0: none
    size_t pos = 0;   // index of that entry in scan order
    bool no_state = false;
    bool seen_record = false;
  };

  Slot& At(std::string_view type, int64_t id) {
    auto& table = tables_[std::string(type)];
    if (id > 0 && id < kDenseIdLimit) {
      if (static_cast<size_t>(id) >= table.dense.size()) {
        table.dense.resize(std::max<size_t>(static_cast<size_t>(id) + 1, table.dense.size() * 2));
      }
      return table.dense[static_cast<size_t>(id)];
    }
    return table.sparse[id];
  }

  template <class Fn>
  void ForEach(Fn&& fn) {
    for (auto& [type, table] : tables_) {
      for (size_t id = 0; id < table.dense.size(); ++id) {
        if (table.dense[id].seq) fn(type, static_cast<int64_t>(id), table.dense[id]);
      }
      for (auto& [id, slot] : table.sparse) fn(type, id, slot);
    }
  }

 private:
  struct Table {
    std::vector<Slot> dense;
    std::unordered_map<int64_t, Slot> sparse;
  };
  std::unordered_map<std::string, Table> tables_;
};

class Verifier {
 public:
  Verifier(Workspace& ws, const VerifyOptions& options) : ws_(ws), options_(options) {}

  base::Result<VerifyReport> Run() {
    AIMS_TRY(LoadKey());
    AIMS_TRY(ws_.Read([&](store::Tx& tx) -> base::Status {
      AIMS_TRY(CheckStoredKey(tx));
      AIMS_TRY(ScanLog(tx));
      AIMS_TRY(CheckHeads(tx));
      AIMS_TRY(CheckCompactRange(tx));
      AIMS_TRY(CheckRecords(tx));
      return base::Status::OK();
    }));
    AIMS_TRY(CheckWitness());
    return std::move(report_);
  }

 private:
  void Problem(std::string where, std::string what) {
    if (report_.problems.size() < options_.max_problems) {
      report_.problems.push_back({std::move(where), std::move(what)});
    }
  }

  base::Status LoadKey() {
    auto key = ledger::ReadPublicKey(ws_.paths().public_key);
    if (!key.ok()) return key.status();
    key_ = *key;
    return base::Status::OK();
  }

  base::Status CheckStoredKey(store::Tx& tx) {
    AIMS_ASSIGN_OR_RETURN(auto stored, tx.ledger().LoadPublicKey());
    if (!stored) {
      Problem("ledger_keys", "the database holds no public key");
    } else if (*stored != key_) {
      Problem("ledger_keys", "the public key in the database differs from ledger.pub");
    }
    return base::Status::OK();
  }

  base::Status ScanLog(store::Tx& tx) {
    int64_t expected = 1;
    std::string leaf;
    AIMS_TRY(tx.ledger().ScanEntries(1, INT64_MAX, [&](const store::StoredEntry& stored) -> base::Status {
      const ledger::LedgerEntry& e = stored.entry;
      if (e.seq != expected) {
        Problem("ledger entry " + std::to_string(expected),
                e.seq > expected ? "missing: the log jumps from " + std::to_string(expected - 1) +
                                       " to " + std::to_string(e.seq) + " (entries deleted)"
                                 : "out of order");
        expected = e.seq;
      }
      ++expected;
      leaf.clear();
      ledger::EncodeLeaf(e, &leaf);
      report_.leaf_bytes += leaf.size();
      ledger::Hash h = ledger::HashLeaf(leaf);
      if (h != stored.leaf_hash) {
        Problem("ledger entry " + std::to_string(e.seq),
                "its fields do not hash to its recorded leaf: the entry was edited (" + e.action +
                    " " + e.entity_type + " " + std::to_string(e.entity_id) + " by " + e.actor + ")");
      }
      leaves_.push_back(h);
      state_hashes_.push_back(e.state_hash);
      LatestEntries::Slot& slot = latest_.At(e.entity_type, e.entity_id);
      slot.seq = e.seq;
      slot.pos = leaves_.size() - 1;
      slot.no_state = e.state_hash == ledger::Hash{};
      return base::Status::OK();
    }));
    report_.entries = leaves_.size();
    report_.root = ledger::RootOf(leaves_, options_.threads);
    return base::Status::OK();
  }

  base::Status CheckHeads(store::Tx& tx) {
    AIMS_ASSIGN_OR_RETURN(report_.heads, tx.ledger().TreeHeadCount());
    AIMS_ASSIGN_OR_RETURN(report_.head, tx.ledger().LatestTreeHead());
    uint64_t n = leaves_.size();
    if (!report_.head) {
      if (n > 0) Problem("tree_heads", "no signed tree head covers the " + std::to_string(n) + " entries");
      return base::Status::OK();
    }
    const ledger::TreeHead& head = *report_.head;
    std::string where = "tree head at size " + std::to_string(head.size);
    if (!ledger::VerifyTreeHead(key_, head)) {
      Problem(where, "its signature does not verify with ledger.pub");
    }
    if (head.size > n) {
      Problem(where, "covers " + std::to_string(head.size) + " entries but the log has only " +
                         std::to_string(n) + ": entries were removed");
      return base::Status::OK();
    }
    if (head.size < n) {
      Problem("ledger entry " + std::to_string(head.size + 1),
              "entries " + std::to_string(head.size + 1) + ".." + std::to_string(n) +
                  " are not covered by any signed tree head: appended behind aims' back");
    }
    ledger::Hash root = head.size == n ? report_.root
                                       : ledger::RootOf(std::span(leaves_).first(head.size), options_.threads);
    if (root != head.root) {
      Problem(where, "the log's Merkle root does not match the signed root");
      AIMS_TRY(LocaliseMismatch(tx));
    }
    return base::Status::OK();
  }

  // Walks every stored head in order to find the first whose root no longer matches the log.
  base::Status LocaliseMismatch(store::Tx& tx) {
    ledger::CompactRange range;
    uint64_t previous = 0;
    bool found = false;
    base::Status s = tx.ledger().ScanTreeHeads([&](const ledger::TreeHead& head) -> base::Status {
      if (found || head.size > leaves_.size()) return base::Status::OK();
      while (range.size() < head.size) range.Append(leaves_[range.size()]);
      if (range.Root() != head.root) {
        Problem("ledger entries " + std::to_string(previous + 1) + ".." + std::to_string(head.size),
                "do not match the tree head signed at size " + std::to_string(head.size) +
                    ": an entry in this range was altered, inserted or removed");
        found = true;
      }
      previous = head.size;
      return base::Status::OK();
    });
    if (s.code() == base::StatusCode::kCorruption) {
      Problem("tree_heads", std::string(s.message()));
      return base::Status::OK();
    }
    return s;
  }

  base::Status CheckCompactRange(store::Tx& tx) {
    AIMS_ASSIGN_OR_RETURN(auto encoded, tx.ledger().LoadCompactRange());
    if (!encoded) {
      if (!leaves_.empty()) Problem("ledger_state", "missing, although the log has entries");
      return base::Status::OK();
    }
    auto range = ledger::CompactRange::Decode(*encoded);
    if (!range.ok()) {
      Problem("ledger_state", std::string(range.status().message()));
    } else if (range->size() != leaves_.size() || range->Root() != report_.root) {
      Problem("ledger_state", "the stored Merkle state does not match the log");
    }
    return base::Status::OK();
  }

  base::Status CheckRecords(store::Tx& tx) {
    base::Status status;
    domain::ForEachRecordType([&]<class T>() {
      if (!status.ok()) return;
      std::string_view type = domain::Info(T::kKind).name;
      // Rows are decoded on a second thread while this one hashes them.
      status = StreamRecords<T>(tx, {}, [&](T& record) -> base::Status {
        ++report_.records;
        std::string canonical = domain::CanonicalState(record);
        report_.record_bytes += canonical.size();
        std::string where = std::string(type) + " " + domain::DisplayId(T::kKind, record.meta.id);
        LatestEntries::Slot& slot = latest_.At(type, record.meta.id);
        slot.seen_record = true;
        if (slot.seq == 0) {
          Problem(where, "has no ledger entry: it was inserted behind aims' back");
        } else if (slot.no_state) {
          Problem(where, "exists although its last ledger entry (" + std::to_string(slot.seq) +
                             ") removed it");
        } else if (base::Sha256(canonical) != state_hashes_[slot.pos]) {
          Problem(where, "does not match its latest ledger entry " + std::to_string(slot.seq) +
                             ": it was changed behind aims' back");
        }
        if constexpr (std::is_same_v<T, domain::Evidence>) {
          if (options_.check_blobs) CheckBlob(record, where);
        }
        return base::Status::OK();
      });
    });
    AIMS_TRY(status);
    AIMS_TRY(CheckAccounts(tx));
    latest_.ForEach([&](const std::string& type, int64_t id, LatestEntries::Slot& slot) {
      if (!slot.seen_record && !slot.no_state) {
        auto kind = domain::EntityKindFromName(type);
        std::string name = kind ? domain::DisplayId(*kind, id) : std::to_string(id);
        Problem(type + " " + name, "is in the ledger (entry " + std::to_string(slot.seq) +
                                       ") but missing from the register: deleted behind aims' back");
      }
    });
    return base::Status::OK();
  }

  // Accounts are not register records but are ledgered the same way (service/accounts.h).
  base::Status CheckAccounts(store::Tx& tx) {
    store::AccountTable accounts = tx.accounts();
    AIMS_TRY(accounts.ScanUsers([&](const store::StoredUser& u) {
      CheckAccount(domain::kUserEntityType, u.account.id, u.account.email,
                   domain::UserStateHash(u.account, u.password_hash));
      return base::Status::OK();
    }));
    AIMS_TRY(accounts.ScanTokens(std::nullopt, [&](const store::StoredToken& t) {
      std::string_view digest(reinterpret_cast<const char*>(t.token_sha256.data()), t.token_sha256.size());
      CheckAccount(domain::kApiTokenEntityType, t.token.id, std::to_string(t.token.id),
                   domain::TokenStateHash(t.token, digest));
      return base::Status::OK();
    }));
    AIMS_ASSIGN_OR_RETURN(auto roles, accounts.ListRoles());
    for (const auto& r : roles) {
      CheckAccount(domain::kAccessRoleEntityType, r.id, r.name, domain::RoleStateHash(r));
    }
    // Concerns are kept apart from the register too (service/concerns.h).
    store::ConcernTable concerns = tx.concerns();
    AIMS_ASSIGN_OR_RETURN(auto reports, concerns.List(std::numeric_limits<int64_t>::max()));
    for (const auto& c : reports) {
      AIMS_ASSIGN_OR_RETURN(auto messages, concerns.Messages(c.id));
      CheckAccount(domain::kConcernEntityType, c.id, "report " + std::to_string(c.id),
                   domain::ConcernStateHash(c, messages));
    }
    return base::Status::OK();
  }

  void CheckAccount(std::string_view type, int64_t id, const std::string& name, const base::Digest& hash) {
    ++report_.accounts;
    std::string where = std::string(type) + " " + name;
    LatestEntries::Slot& slot = latest_.At(type, id);
    slot.seen_record = true;
    if (slot.seq == 0) {
      Problem(where, "has no ledger entry: it was inserted behind aims' back");
    } else if (slot.no_state) {
      Problem(where, "exists although its last ledger entry (" + std::to_string(slot.seq) + ") removed it");
    } else if (hash != state_hashes_[slot.pos]) {
      Problem(where, "does not match its latest ledger entry " + std::to_string(slot.seq) +
                         ": it was changed behind aims' back");
    }
  }

  void CheckBlob(const domain::Evidence& ev, const std::string& where) {
    ++report_.evidence_files;
    auto bytes = ws_.blobs().Get(ev.sha256);
    if (!bytes.ok()) {
      Problem(where, "its file " + ev.sha256 + " is missing from the blob store");
      return;
    }
    report_.blob_bytes += bytes->size();
    if (base::ToHex(base::Sha256(*bytes)) != ev.sha256) {
      Problem(where, "its file no longer hashes to " + ev.sha256 + ": the evidence file was altered");
    }
  }

  base::Status CheckWitness() {
    auto witness = ReadHeadFile(ws_.paths().tree_head);
    if (!witness.ok()) {
      Problem("tree-head.json", std::string(witness.status().message()));
      return base::Status::OK();
    }
    report_.witness = *witness;
    if (!*witness) {
      if (!leaves_.empty()) {
        Problem("tree-head.json", "missing: the witness of the last signed head was removed");
      }
      return base::Status::OK();
    }
    const ledger::TreeHead& w = **witness;
    if (!ledger::VerifyTreeHead(key_, w)) {
      Problem("tree-head.json", "its signature does not verify with ledger.pub");
    } else if (w.size > leaves_.size()) {
      Problem("tree-head.json", "a head for " + std::to_string(w.size) +
                                    " entries was issued but the log has only " +
                                    std::to_string(leaves_.size()) +
                                    ": the database was rolled back or truncated");
    } else if (w.size > 0 && ledger::RootOf(std::span(leaves_).first(w.size), options_.threads) != w.root) {
      Problem("tree-head.json", "the log's first " + std::to_string(w.size) +
                                    " entries no longer match the head issued for them");
    }
    return base::Status::OK();
  }

  Workspace& ws_;
  VerifyOptions options_;
  ledger::PublicKey key_{};
  std::vector<ledger::Hash> leaves_;
  std::vector<ledger::Hash> state_hashes_;
  LatestEntries latest_;
  VerifyReport report_;
};

}  // namespace

base::Result<VerifyReport> VerifyLedger(Workspace& ws, const VerifyOptions& options) {
  return Verifier(ws, options).Run();
}

}  // namespace aims::service
