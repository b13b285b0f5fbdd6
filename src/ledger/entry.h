// LedgerEntry: one line of the append-only log of every mutation of the register.
// Invariants: (1) seq is dense from 1 and an entry is never rewritten. (2) The leaf bytes are
// EncodeLeaf(entry) (entry_format.h) and the Merkle leaf hash is HashLeaf(those bytes).
#pragma once

#include <cstdint>
#include <string>

#include "base/sha256.h"
#include "base/time.h"
#include "ledger/merkle.h"

namespace aims::ledger {

struct LedgerEntry {
  int64_t seq = 0;
  base::Timestamp time;
  std::string actor;        // who: "cli:alice", later a user's email
  std::string action;       // what: "create", "update", "retire", "catalog.adopt", ...
  std::string entity_type;  // domain EntityKind name, e.g. "ai_system"
  int64_t entity_id = 0;
  base::Digest state_hash{};  // SHA-256 of the canonical new state; zeros when there is none
};

// Appends the leaf encoding of `entry` to *out (strings longer than 65535 bytes are cut; the
// writer refuses such entries before they reach here).
void EncodeLeaf(const LedgerEntry& entry, std::string* out);

inline Hash LeafHashOf(const LedgerEntry& entry) {
  std::string bytes;
  EncodeLeaf(entry, &bytes);
  return HashLeaf(bytes);
}

}  // namespace aims::ledger
