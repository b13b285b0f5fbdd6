// Credentials: password hashing and random secrets, over libsodium.
// Passwords: argon2id (crypto_pwhash_str_alg), opslimit and memlimit INTERACTIVE (2 passes,
// 64 MiB), or libsodium's MIN limits when AIMS_PWHASH_FAST=1 is set, which tests use to stay
// fast; never set it where real passwords are hashed. The string stored starts "$argon2id$" and
// carries its own salt and limits, so old hashes still verify after the limits change.
// Thread safety: all functions are thread safe.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "base/sha256.h"

namespace aims::service {

// Internal if libsodium cannot get the memory.
base::Result<std::string> HashPassword(std::string_view password);
// Whether `password` matches `hash` (false for a malformed hash).
bool VerifyPassword(const std::string& hash, std::string_view password);
// Verifies `password` against a fixed hash built once with the same limits: the cost of a
// sign-in for an email that has no account, so that timing does not tell which emails exist.
void VerifyAgainstDummy(std::string_view password);

// `bytes` random bytes (randombytes_buf) as lower-case hex.
std::string RandomHex(size_t bytes);
// The SHA-256 under which a secret (token, session id) is stored.
inline base::Digest SecretDigest(std::string_view secret) { return base::Sha256(secret); }
// True if `text` is exactly `digits` lower-case hex digits.
bool IsLowerHex(std::string_view text, size_t digits);

}  // namespace aims::service
