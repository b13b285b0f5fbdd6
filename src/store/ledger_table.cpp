#include "store/ledger_table.h"

#include <cstring>

namespace aims::store {

namespace {

constexpr std::string_view kEntryColumns =
    "seq, time_us, actor, action, entity_type, entity_id, state_hash, leaf_hash";

template <size_t N>
bool CopyBlob(std::span<const uint8_t> blob, std::array<uint8_t, N>* out) {
  if (blob.size() != N) return false;
  std::memcpy(out->data(), blob.data(), N);
  return true;
}

base::Status StepDone(Statement* stmt) {
  auto row = stmt->Step();
  stmt->Reset();
  return row.ok() ? base::Status::OK() : row.status();
}

}  // namespace

base::Result<std::optional<std::string>> LedgerTable::LoadCompactRange() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT compact_range FROM ledger_state WHERE id = 1"));
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  std::optional<std::string> out;
  if (row) {
    auto blob = stmt->Blob(0);
    out = std::string(reinterpret_cast<const char*>(blob.data()), blob.size());
  }
  stmt->Reset();
  return out;
}

base::Status LedgerTable::SaveCompactRange(std::string_view encoded) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO ledger_state (id, compact_range) VALUES (1, ?) "
                    "ON CONFLICT (id) DO UPDATE SET compact_range = excluded.compact_range"));
  stmt->BindBlob(1, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(encoded.data()),
                                             encoded.size()));
  return StepDone(stmt);
}

base::Status LedgerTable::InsertEntry(const ledger::LedgerEntry& e, const ledger::Hash& leaf_hash) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO ledger_entries (seq, time_us, actor, action, entity_type, "
                    "entity_id, state_hash, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  stmt->BindInt(1, e.seq);
  stmt->BindInt(2, e.time.micros());
  stmt->BindText(3, e.actor);
  stmt->BindText(4, e.action);
  stmt->BindText(5, e.entity_type);
  stmt->BindInt(6, e.entity_id);
  stmt->BindBlob(7, e.state_hash);
  stmt->BindBlob(8, leaf_hash);
  return StepDone(stmt);
}

namespace {

constexpr int kEntryParams = 8;
constexpr size_t kEntryRows = 64;

const std::string& InsertEntryRowsSql() {
  static const std::string sql = [] {
    std::string s =
        "INSERT INTO ledger_entries (seq, time_us, actor, action, entity_type, entity_id, "
        "state_hash, leaf_hash) VALUES ";
    for (size_t i = 0; i < kEntryRows; ++i) s += i ? ", (?, ?, ?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?, ?, ?)";
    return s;
  }();
  return sql;
}

}  // namespace

base::Status LedgerTable::InsertEntries(std::span<const ledger::LedgerEntry> entries,
                                        std::span<const ledger::Hash> leaf_hashes) {
  size_t i = 0;
  for (; i + kEntryRows <= entries.size(); i += kEntryRows) {
    AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare(InsertEntryRowsSql()));
    for (size_t r = 0; r < kEntryRows; ++r) {
      const ledger::LedgerEntry& e = entries[i + r];
      const int base = static_cast<int>(r) * kEntryParams;
      stmt->BindInt(base + 1, e.seq);
      stmt->BindInt(base + 2, e.time.micros());
      stmt->BindTextRef(base + 3, e.actor);
      stmt->BindTextRef(base + 4, e.action);
      stmt->BindTextRef(base + 5, e.entity_type);
      stmt->BindInt(base + 6, e.entity_id);
      stmt->BindBlob(base + 7, e.state_hash);
      stmt->BindBlob(base + 8, leaf_hashes[i + r]);
    }
    AIMS_TRY(StepDone(stmt));
  }
  for (; i < entries.size(); ++i) AIMS_TRY(InsertEntry(entries[i], leaf_hashes[i]));
  return base::Status::OK();
}

base::Result<int64_t> LedgerTable::LastSeq() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT coalesce(max(seq), 0) FROM ledger_entries"));
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  int64_t n = row ? stmt->Int(0) : 0;
  stmt->Reset();
  return n;
}

base::Status LedgerTable::ReadEntry(Statement* stmt, ledger::LedgerEntry* e, ledger::Hash* leaf) {
  e->seq = stmt->Int(0);
  e->time = base::Timestamp(stmt->Int(1));
  e->actor = stmt->Text(2);
  e->action = stmt->Text(3);
  e->entity_type = stmt->Text(4);
  e->entity_id = stmt->Int(5);
  if (!CopyBlob(stmt->Blob(6), &e->state_hash) || !CopyBlob(stmt->Blob(7), leaf)) {
    return base::Status::Corruption("a stored hash is not 32 bytes",
                                    "ledger entry " + std::to_string(e->seq));
  }
  return base::Status::OK();
}

base::Result<ledger::LedgerEntry> LedgerTable::EntryAt(int64_t seq) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kEntryColumns) +
                                      " FROM ledger_entries WHERE seq = ?"));
  stmt->BindInt(1, seq);
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  if (!row) {
    stmt->Reset();
    return base::Status::NotFound("no ledger entry", "seq " + std::to_string(seq));
  }
  ledger::LedgerEntry e;
  ledger::Hash leaf;
  base::Status s = ReadEntry(stmt, &e, &leaf);
  stmt->Reset();
  AIMS_TRY(s);
  return e;
}

base::Status LedgerTable::ScanEntries(
    int64_t from_seq, int64_t to_seq, const std::function<base::Status(const StoredEntry&)>& fn) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kEntryColumns) +
                                      " FROM ledger_entries WHERE seq >= ? AND seq <= ? ORDER BY seq"));
  stmt->BindInt(1, from_seq);
  stmt->BindInt(2, to_seq);
  StoredEntry e;
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    base::Status s = ReadEntry(stmt, &e.entry, &e.leaf_hash);
    if (s.ok()) s = fn(e);
    if (!s.ok()) {
      stmt->Reset();
      return s;
    }
  }
  stmt->Reset();
  return base::Status::OK();
}

base::Result<std::vector<ledger::LedgerEntry>> LedgerTable::HistoryOf(std::string_view entity_type,
                                                                      int64_t entity_id) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("SELECT " + std::string(kEntryColumns) +
                    " FROM ledger_entries WHERE entity_type = ? AND entity_id = ? ORDER BY seq"));
  stmt->BindText(1, entity_type);
  stmt->BindInt(2, entity_id);
  std::vector<ledger::LedgerEntry> out;
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ledger::Hash leaf;
    base::Status s = ReadEntry(stmt, &out.emplace_back(), &leaf);
    if (!s.ok()) {
      stmt->Reset();
      return s;
    }
  }
  stmt->Reset();
  return out;
}

base::Result<std::vector<ledger::Hash>> LedgerTable::LeafHashes(int64_t size) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("SELECT seq, leaf_hash FROM ledger_entries WHERE seq <= ? ORDER BY seq"));
  stmt->BindInt(1, size);
  std::vector<ledger::Hash> out;
  out.reserve(static_cast<size_t>(size));
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    if (stmt->Int(0) != static_cast<int64_t>(out.size()) + 1 ||
        !CopyBlob(stmt->Blob(1), &out.emplace_back())) {
      stmt->Reset();
      return base::Status::Corruption("the ledger has a gap or a malformed leaf hash",
                                      "ledger entry " + std::to_string(out.size()));
    }
  }
  stmt->Reset();
  return out;
}

base::Status LedgerTable::InsertTreeHead(const ledger::TreeHead& head) {
  AIMS_ASSIGN_OR_RETURN(
      Statement * stmt,
      conn_.Prepare("INSERT INTO tree_heads (size, time_us, root, signature) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (size) DO NOTHING"));
  stmt->BindInt(1, static_cast<int64_t>(head.size));
  stmt->BindInt(2, head.time.micros());
  stmt->BindBlob(3, head.root);
  stmt->BindBlob(4, head.signature);
  return StepDone(stmt);
}

base::Result<std::optional<ledger::TreeHead>> LedgerTable::LatestTreeHead() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT size, time_us, root, signature FROM tree_heads "
                                      "ORDER BY size DESC LIMIT 1"));
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  std::optional<ledger::TreeHead> out;
  if (row) {
    ledger::TreeHead head;
    head.size = static_cast<uint64_t>(stmt->Int(0));
    head.time = base::Timestamp(stmt->Int(1));
    bool ok = CopyBlob(stmt->Blob(2), &head.root) && CopyBlob(stmt->Blob(3), &head.signature);
    stmt->Reset();
    if (!ok) return base::Status::Corruption("malformed signed tree head", "tree_heads");
    out = head;
  } else {
    stmt->Reset();
  }
  return out;
}

base::Result<int64_t> LedgerTable::TreeHeadCount() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("SELECT count(*) FROM tree_heads"));
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  int64_t n = row ? stmt->Int(0) : 0;
  stmt->Reset();
  return n;
}

base::Status LedgerTable::ScanTreeHeads(
    const std::function<base::Status(const ledger::TreeHead&)>& fn) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT size, time_us, root, signature FROM tree_heads ORDER BY size"));
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    ledger::TreeHead head;
    head.size = static_cast<uint64_t>(stmt->Int(0));
    head.time = base::Timestamp(stmt->Int(1));
    base::Status s;
    if (!CopyBlob(stmt->Blob(2), &head.root) || !CopyBlob(stmt->Blob(3), &head.signature)) {
      s = base::Status::Corruption("malformed signed tree head", "tree head at size " + std::to_string(head.size));
    }
    if (s.ok()) s = fn(head);
    if (!s.ok()) {
      stmt->Reset();
      return s;
    }
  }
  stmt->Reset();
  return base::Status::OK();
}

base::Status LedgerTable::SavePublicKey(const ledger::PublicKey& key) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("INSERT INTO ledger_keys (id, public_key) VALUES (1, ?)"));
  stmt->BindBlob(1, key);
  return StepDone(stmt);
}

base::Result<std::optional<ledger::PublicKey>> LedgerTable::LoadPublicKey() {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT public_key FROM ledger_keys WHERE id = 1"));
  AIMS_ASSIGN_OR_RETURN(bool row, stmt->Step());
  std::optional<ledger::PublicKey> out;
  if (row) {
    ledger::PublicKey key;
    bool ok = CopyBlob(stmt->Blob(0), &key);
    stmt->Reset();
    if (!ok) return base::Status::Corruption("malformed public key", "ledger_keys");
    out = key;
  } else {
    stmt->Reset();
  }
  return out;
}

}  // namespace aims::store
