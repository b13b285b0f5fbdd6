// The ledger's on-disk formats, shared by the writer (service) and every verifier (aims ledger
// verify, audit packs). See docs/ledger-format.md. THESE ARE FORMATS: changing a byte here breaks
// every ledger and audit pack ever written. Add a new version instead.
#pragma once

#include <cstdint>
#include <string_view>

namespace aims::ledger {

// Leaf encoding, version 1 (all integers big-endian):
//   u8  kLeafVersion
//   u64 seq              1-based position in the log
//   i64 time             microseconds since the Unix epoch, UTC
//   u16 len, bytes       actor
//   u16 len, bytes       action
//   u16 len, bytes       entity type
//   i64 entity id
//   32 bytes             SHA-256 of the entity's canonical new state (zeros: no state)
inline constexpr uint8_t kLeafVersion = 1;
inline constexpr size_t kMaxLeafStringBytes = 0xffff;

// Signed tree head message, version 1: the bytes Ed25519 signs.
//   "aims-sth-v1" (11 bytes), u64 tree size, i64 time (micros), 32-byte root hash
inline constexpr std::string_view kTreeHeadContext = "aims-sth-v1";

}  // namespace aims::ledger
