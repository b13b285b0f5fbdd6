// LedgerVerifier: proves that the register is what its ledger says, or names the first place it
// is not. Checks, in one snapshot:
//  1. the log: sequence numbers dense from 1; each entry's fields hash to the leaf stored with it;
//  2. the Merkle root over all entries equals the latest signed tree head, whose Ed25519
//     signature verifies with the register's public key (ledger.pub, also kept in the database);
//     on a mismatch, every stored head is checked to name the first range that no longer adds up;
//  3. the witness head in tree-head.json (written outside the database) is consistent with the
//     log, so a database rolled back to an older copy is caught;
//  4. every current record hashes (canonical state) to its latest ledger entry, and every record
//     the ledger knows is still there, so an edit, insert or delete behind aims' back is named;
//     the same for user accounts, API tokens and custom access roles (domain/user_account.h);
//  5. optionally, every evidence file is present and hashes to the SHA-256 its record holds.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "ledger/tree_head.h"
#include "service/workspace.h"

namespace aims::service {

struct VerifyOptions {
  bool check_blobs = true;  // re-hash every evidence file
  int threads = 2;          // for the Merkle root
  size_t max_problems = 100;
};

struct VerifyProblem {
  std::string where;  // "ledger entry 57", "ai_system SYS-12", "tree head at size 4096"
  std::string what;
};

struct VerifyReport {
  uint64_t entries = 0;
  uint64_t records = 0;
  uint64_t accounts = 0;      // users, API tokens and custom access roles checked
  uint64_t evidence_files = 0;
  uint64_t leaf_bytes = 0;    // bytes of ledger leaves hashed
  uint64_t record_bytes = 0;  // bytes of canonical record states hashed
  uint64_t blob_bytes = 0;
  uint64_t heads = 0;
  ledger::Hash root{};
  std::optional<ledger::TreeHead> head;     // latest signed head in the database
  std::optional<ledger::TreeHead> witness;  // tree-head.json
  std::vector<VerifyProblem> problems;      // in the order found; the first is the first bad item
  bool ok() const { return problems.empty(); }
};

// A Status error only when verification could not run (I/O); tampering is reported in problems.
base::Result<VerifyReport> VerifyLedger(Workspace& ws, const VerifyOptions& options);

}  // namespace aims::service
