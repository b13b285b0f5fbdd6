#include "ledger/entry.h"

#include <algorithm>

#include "ledger/entry_format.h"

namespace aims::ledger {

namespace {

void PutU64(std::string* out, uint64_t v) {
  for (int i = 7; i >= 0; --i) out->push_back(static_cast<char>(v >> (8 * i)));
}

void PutString(std::string* out, const std::string& s) {
  size_t n = std::min(s.size(), kMaxLeafStringBytes);
  out->push_back(static_cast<char>(n >> 8));
  out->push_back(static_cast<char>(n & 0xff));
  out->append(s.data(), n);
}

}  // namespace

void EncodeLeaf(const LedgerEntry& entry, std::string* out) {
  out->push_back(static_cast<char>(kLeafVersion));
  PutU64(out, static_cast<uint64_t>(entry.seq));
  PutU64(out, static_cast<uint64_t>(entry.time.micros()));
  PutString(out, entry.actor);
  PutString(out, entry.action);
  PutString(out, entry.entity_type);
  PutU64(out, static_cast<uint64_t>(entry.entity_id));
  out->append(reinterpret_cast<const char*>(entry.state_hash.data()), entry.state_hash.size());
}

}  // namespace aims::ledger
