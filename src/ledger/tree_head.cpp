#include "ledger/tree_head.h"

#include <sodium.h>

#include "base/assert.h"
#include "ledger/entry_format.h"

namespace aims::ledger {

namespace {
void EnsureSodium() {
  static const bool ready = sodium_init() >= 0;
  AIMS_ASSERT(ready);
}
}  // namespace

std::string TreeHeadMessage(const TreeHead& head) {
  std::string msg(kTreeHeadContext);
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>(head.size >> (8 * i)));
  auto t = static_cast<uint64_t>(head.time.micros());
  for (int i = 7; i >= 0; --i) msg.push_back(static_cast<char>(t >> (8 * i)));
  msg.append(reinterpret_cast<const char*>(head.root.data()), head.root.size());
  return msg;
}

void SignTreeHead(const SecretKey& key, TreeHead* head) {
  EnsureSodium();
  std::string msg = TreeHeadMessage(*head);
  crypto_sign_detached(head->signature.data(), nullptr,
                       reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), key.data());
}

bool VerifyTreeHead(const PublicKey& key, const TreeHead& head) {
  EnsureSodium();
  std::string msg = TreeHeadMessage(head);
  return crypto_sign_verify_detached(head.signature.data(),
                                     reinterpret_cast<const unsigned char*>(msg.data()),
                                     msg.size(), key.data()) == 0;
}

KeyPair GenerateKeyPair() {
  EnsureSodium();
  KeyPair pair;
  crypto_sign_keypair(pair.public_key.data(), pair.secret_key.data());
  return pair;
}

PublicKey PublicKeyOf(const SecretKey& key) {
  EnsureSodium();
  PublicKey pk;
  crypto_sign_ed25519_sk_to_pk(pk.data(), key.data());
  return pk;
}

}  // namespace aims::ledger
