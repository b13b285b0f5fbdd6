#include "service/credentials.h"

#include <sodium.h>

#include <cstdlib>
#include <cstring>

#include "base/assert.h"

namespace aims::service {

namespace {

void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  AIMS_ASSERT(ready);
}

struct Limits {
  unsigned long long ops;
  size_t mem;
};

Limits PwhashLimits() {
  static const Limits limits = [] {
    const char* fast = std::getenv("AIMS_PWHASH_FAST");
    if (fast && std::strcmp(fast, "1") == 0) {
      return Limits{crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
    }
    return Limits{crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
  }();
  return limits;
}

}  // namespace

base::Result<std::string> HashPassword(std::string_view password) {
  EnsureSodium();
  Limits limits = PwhashLimits();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(), limits.ops, limits.mem,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return base::Status::Internal("cannot hash the password: out of memory");
  }
  return std::string(out);
}

bool VerifyPassword(const std::string& hash, std::string_view password) {
  EnsureSodium();
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

void VerifyAgainstDummy(std::string_view password) {
  static const std::string dummy = [] {
    auto hash = HashPassword("not a password of anyone's");
    return hash.ok() ? *hash : std::string();
  }();
  (void)VerifyPassword(dummy, password);  // the answer is meaningless; only the cost matters
}

std::string RandomHex(size_t bytes) {
  EnsureSodium();
  std::string raw(bytes, '\0');
  randombytes_buf(raw.data(), raw.size());
  return base::ToHex(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(raw.data()), raw.size()));
}

bool IsLowerHex(std::string_view text, size_t digits) {
  if (text.size() != digits) return false;
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

}  // namespace aims::service
