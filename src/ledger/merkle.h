// Merkle-tree hashing, proofs and the compact range, exactly as RFC 9162 section 2.1
// (Certificate Transparency v2): leaf hash = SHA-256(0x00 || leaf), node hash =
// SHA-256(0x01 || left || right), the tree over n leaves splits at the largest power of two
// smaller than n, and the empty tree's hash is SHA-256("").
// Thread safety: free functions are pure; a CompactRange is a value owned by one thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/sha256.h"

namespace aims::ledger {

using Hash = base::Digest;

Hash HashLeaf(std::string_view leaf_bytes);
Hash HashChildren(const Hash& left, const Hash& right);
Hash EmptyTreeHash();

// MTH(D[n]) over leaf hashes. `threads` > 1 hashes the two top subtrees concurrently.
Hash RootOf(std::span<const Hash> leaf_hashes, int threads = 1);

// PATH(index, D[n]): the audit path of leaf `index`. REQUIRES: index < leaf_hashes.size().
std::vector<Hash> InclusionProof(std::span<const Hash> leaf_hashes, uint64_t index);
bool VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t tree_size,
                     std::span<const Hash> proof, const Hash& root);

// PROOF(old_size, D[n]). REQUIRES: old_size <= leaf_hashes.size(). Empty when old_size is 0
// or equals the size.
std::vector<Hash> ConsistencyProof(std::span<const Hash> leaf_hashes, uint64_t old_size);
bool VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, std::span<const Hash> proof);

// CompactRange: the roots of the perfect subtrees that make up a tree of `size` leaves, largest
// first (one per set bit of size). Enough to append a leaf and to compute the root without the
// leaves, which is how a write transaction extends the log in O(log n).
class CompactRange {
 public:
  uint64_t size() const { return size_; }
  void Append(const Hash& leaf_hash);
  Hash Root() const;

  // size (8 bytes, big-endian) followed by the subtree roots. A format: stored in the database.
  std::string Encode() const;
  static base::Result<CompactRange> Decode(std::string_view bytes);

 private:
  uint64_t size_ = 0;
  std::vector<Hash> peaks_;
};

}  // namespace aims::ledger
