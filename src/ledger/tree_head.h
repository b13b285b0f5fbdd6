// TreeHead: a signed statement "the log had `size` entries with this root at this time",
// Ed25519-signed (libsodium) over the message in entry_format.h.
// Thread safety: values; the functions are thread safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "base/result.h"
#include "base/time.h"
#include "ledger/merkle.h"

namespace aims::ledger {

using PublicKey = std::array<uint8_t, 32>;
using SecretKey = std::array<uint8_t, 64>;  // libsodium's seed || public key form
using Signature = std::array<uint8_t, 64>;

struct TreeHead {
  uint64_t size = 0;
  base::Timestamp time;
  Hash root{};
  Signature signature{};
};

std::string TreeHeadMessage(const TreeHead& head);
void SignTreeHead(const SecretKey& key, TreeHead* head);
bool VerifyTreeHead(const PublicKey& key, const TreeHead& head);

struct KeyPair {
  PublicKey public_key;
  SecretKey secret_key;
};
KeyPair GenerateKeyPair();
// The public half of a secret key.
PublicKey PublicKeyOf(const SecretKey& key);

}  // namespace aims::ledger
