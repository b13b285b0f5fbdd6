// SHA-256 over OpenSSL's low-level interface, which costs a fraction of EVP's per-call overhead
// on the short messages a Merkle tree hashes (about 120 ns for a 65-byte node on SHA-NI).
// Thread safety: Sha256Hasher is not shared; the free functions are thread safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/result.h"

namespace aims::base {

using Digest = std::array<uint8_t, 32>;

class Sha256Hasher {
 public:
  Sha256Hasher();
  void Update(std::span<const uint8_t> bytes);
  void Update(std::string_view bytes);
  void Update(uint8_t byte);
  Digest Finish();  // REQUIRES: called once; the hasher is spent afterwards.

 private:
  alignas(8) unsigned char state_[112];  // holds an OpenSSL SHA256_CTX (checked in sha256.cpp)
};

Digest Sha256(std::string_view bytes);
Digest Sha256(std::span<const uint8_t> bytes);

std::string ToHex(std::span<const uint8_t> bytes);
// Parses exactly 64 hex digits (either case). InvalidArgument otherwise.
Result<Digest> DigestFromHex(std::string_view hex);

}  // namespace aims::base
