#define OPENSSL_SUPPRESS_DEPRECATED  // SHA256_Init & co.: deprecated in 3.0, kept for speed
#include "base/sha256.h"

#include <openssl/sha.h>

#include <cstring>

namespace aims::base {

static_assert(sizeof(SHA256_CTX) <= 112, "Sha256Hasher::state_ too small for SHA256_CTX");

namespace {
SHA256_CTX* Ctx(unsigned char* state) { return reinterpret_cast<SHA256_CTX*>(state); }
}  // namespace

Sha256Hasher::Sha256Hasher() { SHA256_Init(Ctx(state_)); }

void Sha256Hasher::Update(std::span<const uint8_t> bytes) {
  SHA256_Update(Ctx(state_), bytes.data(), bytes.size());
}

void Sha256Hasher::Update(std::string_view bytes) {
  SHA256_Update(Ctx(state_), bytes.data(), bytes.size());
}

void Sha256Hasher::Update(uint8_t byte) { SHA256_Update(Ctx(state_), &byte, 1); }

Digest Sha256Hasher::Finish() {
  Digest out;
  SHA256_Final(out.data(), Ctx(state_));
  return out;
}

Digest Sha256(std::string_view bytes) {
  Sha256Hasher h;
  h.Update(bytes);
  return h.Finish();
}

Digest Sha256(std::span<const uint8_t> bytes) {
  Sha256Hasher h;
  h.Update(bytes);
  return h.Finish();
}

std::string ToHex(std::span<const uint8_t> bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(bytes.size() * 2, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return out;
}

namespace {
int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
}  // namespace

Result<Digest> DigestFromHex(std::string_view hex) {
  if (hex.size() != 64) {
    return Status::InvalidArgument("a SHA-256 digest is 64 hex digits, got " +
                                   std::to_string(hex.size()) + " characters");
  }
  Digest out;
  for (size_t i = 0; i < 32; ++i) {
    int hi = HexValue(hex[2 * i]), lo = HexValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) return Status::InvalidArgument("not a hex digit in SHA-256 digest");
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return out;
}

}  // namespace aims::base
