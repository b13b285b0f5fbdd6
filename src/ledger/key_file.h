// The ledger signing key on disk: `ledger.key` (secret, mode 0600) and `ledger.pub`, both hex
// text with a one-line header naming the format. The key signs every tree head; anyone who can
// read ledger.key can forge heads, so aims refuses a key file others can read.
#pragma once

#include <string>

#include "base/result.h"
#include "ledger/tree_head.h"

namespace aims::ledger {

// Writes both files; AlreadyExists if the secret key file exists (never overwrite a key).
base::Status WriteKeyFiles(const std::string& secret_path, const std::string& public_path,
                           const KeyPair& pair);
// PermissionDenied if group or others may read it; Corruption if malformed.
base::Result<SecretKey> ReadSecretKey(const std::string& path);
base::Result<PublicKey> ReadPublicKey(const std::string& path);

}  // namespace aims::ledger
