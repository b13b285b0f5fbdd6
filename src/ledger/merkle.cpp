#include "ledger/merkle.h"

#include <bit>
#include <cstring>
#include <future>

#include "base/assert.h"

namespace aims::ledger {

namespace {

// The largest power of two strictly smaller than n. REQUIRES: n >= 2.
uint64_t SplitPoint(uint64_t n) { return std::bit_floor(n - 1); }

// Sequential MTH with O(log n) memory: a CompactRange over the leaves.
Hash RootSequential(std::span<const Hash> leaves) {
  CompactRange range;
  for (const Hash& leaf : leaves) range.Append(leaf);
  return range.Root();
}

void PathInto(std::span<const Hash> leaves, uint64_t index, std::vector<Hash>* out) {
  uint64_t n = leaves.size();
  if (n <= 1) return;
  uint64_t k = SplitPoint(n);
  if (index < k) {
    PathInto(leaves.subspan(0, k), index, out);
    out->push_back(RootSequential(leaves.subspan(k)));
  } else {
    PathInto(leaves.subspan(k), index - k, out);
    out->push_back(RootSequential(leaves.subspan(0, k)));
  }
}

void SubProof(std::span<const Hash> leaves, uint64_t m, bool complete, std::vector<Hash>* out) {
  uint64_t n = leaves.size();
  if (m == n) {
    if (!complete) out->push_back(RootSequential(leaves));
    return;
  }
  uint64_t k = SplitPoint(n);
  if (m <= k) {
    SubProof(leaves.subspan(0, k), m, complete, out);
    out->push_back(RootSequential(leaves.subspan(k)));
  } else {
    SubProof(leaves.subspan(k), m - k, false, out);
    out->push_back(RootSequential(leaves.subspan(0, k)));
  }
}

}  // namespace

Hash HashLeaf(std::string_view leaf_bytes) {
  base::Sha256Hasher h;
  h.Update(uint8_t{0x00});
  h.Update(leaf_bytes);
  return h.Finish();
}

Hash HashChildren(const Hash& left, const Hash& right) {
  uint8_t buf[65];
  buf[0] = 0x01;
  std::memcpy(buf + 1, left.data(), 32);
  std::memcpy(buf + 33, right.data(), 32);
  return base::Sha256(std::span<const uint8_t>(buf, sizeof buf));
}

Hash EmptyTreeHash() { return base::Sha256(std::string_view()); }

Hash RootOf(std::span<const Hash> leaf_hashes, int threads) {
  uint64_t n = leaf_hashes.size();
  if (threads <= 1 || n < 4096) return RootSequential(leaf_hashes);
  uint64_t k = SplitPoint(n);
  auto left = std::async(std::launch::async, [&] { return RootOf(leaf_hashes.subspan(0, k), threads / 2); });
  Hash right = RootOf(leaf_hashes.subspan(k), threads - threads / 2);
  return HashChildren(left.get(), right);
}

std::vector<Hash> InclusionProof(std::span<const Hash> leaf_hashes, uint64_t index) {
  AIMS_ASSERT(index < leaf_hashes.size());
  std::vector<Hash> out;
  PathInto(leaf_hashes, index, &out);
  return out;
}

// RFC 9162 section 2.1.3.2.
bool VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t tree_size,
                     std::span<const Hash> proof, const Hash& root) {
  if (index >= tree_size) return false;
  uint64_t fn = index, sn = tree_size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      r = HashChildren(p, r);
      if (!(fn & 1)) {
        while (!(fn & 1) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = HashChildren(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn == 0 && r == root;
}

std::vector<Hash> ConsistencyProof(std::span<const Hash> leaf_hashes, uint64_t old_size) {
  AIMS_ASSERT(old_size <= leaf_hashes.size());
  std::vector<Hash> out;
  if (old_size == 0 || old_size == leaf_hashes.size()) return out;
  SubProof(leaf_hashes, old_size, true, &out);
  return out;
}

// RFC 9162 section 2.1.4.2.
bool VerifyConsistency(uint64_t old_size, uint64_t new_size, const Hash& old_root,
                       const Hash& new_root, std::span<const Hash> proof) {
  if (old_size > new_size) return false;
  if (old_size == new_size) return proof.empty() && old_root == new_root;
  if (old_size == 0) return proof.empty();
  std::vector<Hash> path(proof.begin(), proof.end());
  if (path.empty()) return false;
  if (std::has_single_bit(old_size)) path.insert(path.begin(), old_root);
  uint64_t fn = old_size - 1, sn = new_size - 1;
  while (fn & 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = path[0], sr = path[0];
  for (size_t i = 1; i < path.size(); ++i) {
    const Hash& c = path[i];
    if (sn == 0) return false;
    if ((fn & 1) || fn == sn) {
      fr = HashChildren(c, fr);
      sr = HashChildren(c, sr);
      if (!(fn & 1)) {
        while (!(fn & 1) && fn != 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      sr = HashChildren(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return fr == old_root && sr == new_root && sn == 0;
}

void CompactRange::Append(const Hash& leaf_hash) {
  // Merge equal-sized subtrees from the right, like incrementing a binary counter.
  Hash carry = leaf_hash;
  for (uint64_t s = size_; s & 1; s >>= 1) {
    carry = HashChildren(peaks_.back(), carry);
    peaks_.pop_back();
  }
  peaks_.push_back(carry);
  ++size_;
}

Hash CompactRange::Root() const {
  if (peaks_.empty()) return EmptyTreeHash();
  Hash root = peaks_.back();
  for (size_t i = peaks_.size() - 1; i-- > 0;) root = HashChildren(peaks_[i], root);
  return root;
}

std::string CompactRange::Encode() const {
  std::string out(8 + peaks_.size() * 32, '\0');
  for (int i = 0; i < 8; ++i) out[i] = static_cast<char>(size_ >> (56 - 8 * i));
  for (size_t i = 0; i < peaks_.size(); ++i) {
    std::memcpy(out.data() + 8 + 32 * i, peaks_[i].data(), 32);
  }
  return out;
}

base::Result<CompactRange> CompactRange::Decode(std::string_view bytes) {
  if (bytes.size() < 8 || (bytes.size() - 8) % 32 != 0) {
    return base::Status::Corruption("ledger compact range has a malformed length");
  }
  CompactRange range;
  for (int i = 0; i < 8; ++i) {
    range.size_ = range.size_ << 8 | static_cast<uint8_t>(bytes[i]);
  }
  size_t peaks = (bytes.size() - 8) / 32;
  if (peaks != static_cast<size_t>(std::popcount(range.size_))) {
    return base::Status::Corruption("ledger compact range does not match its size");
  }
  range.peaks_.resize(peaks);
  for (size_t i = 0; i < peaks; ++i) std::memcpy(range.peaks_[i].data(), bytes.data() + 8 + 32 * i, 32);
  return range;
}

}  // namespace aims::ledger
