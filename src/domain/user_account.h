// User accounts and API tokens for signing in to `aims serve`. They are not register records:
// never exported or imported, and not in AIMS_RECORD_TYPES. Changes to them are still ledgered
// under their own entity types, with a state hash over their canonical state (below).
// Invariants: (1) an account's email is stored lower-cased, so uniqueness ignores case.
// (2) The canonical states hold no secret: a credential enters only as the SHA-256 of its stored
//     hash, so swapping a stored password or token hash behind aims' back fails verification
//     while the ledger reveals nothing about it.
// Thread safety: values and pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/sha256.h"
#include "base/time.h"
#include "domain/access.h"

namespace aims::domain {

// Ledger entity types (written into every entry: never rename one).
inline constexpr std::string_view kUserEntityType = "user";
inline constexpr std::string_view kApiTokenEntityType = "api_token";
inline constexpr std::string_view kAccessRoleEntityType = "access_role";

inline constexpr size_t kMinPasswordChars = 12;
inline constexpr size_t kMaxPasswordBytes = 1024;
inline constexpr size_t kMaxDisplayNameBytes = 200;

struct UserAccount {
  int64_t id = 0;
  std::string email;         // lower-cased
  std::string display_name;  // may be empty
  std::string role;          // a built-in or custom role name
  std::optional<int64_t> person;  // the Person record this user acts as (ownership checks)
  bool disabled = false;
  base::Timestamp created_at;
  base::Timestamp updated_at;
  int64_t version = 0;
};

// An API token as listed: never the token, never its hash.
struct ApiToken {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string name;
  base::Timestamp created_at;
  std::optional<base::Timestamp> expires_at;  // none: does not expire
  std::optional<base::Timestamp> last_used_at;  // not ledgered: updated at most once a minute
  std::optional<base::Timestamp> revoked_at;
};

// Trims surrounding spaces and lower-cases ASCII; InvalidArgument (where = `field`) unless the
// result looks like local@domain.tld with no spaces or control characters, at most 254 bytes.
base::Result<std::string> NormaliseEmail(std::string_view email, std::string_view field = "email");
// At least kMinPasswordChars characters (UTF-8 code points), at most kMaxPasswordBytes bytes.
base::Status CheckPassword(std::string_view password);
// A token name: 1 to 100 bytes of one-line text.
base::Status CheckTokenName(std::string_view name);
// The email normalised, the display name one line, the role name well formed.
base::Status Validate(const UserAccount& user);

// State hashes for the ledger: SHA-256 of canonical JSON (base/canonical_json.h) holding every
// field a ledgered change sets. `credential` is the stored password hash or token hash; only
// its SHA-256 goes in. A token's last use is left out: it changes without a ledger entry.
// These bytes are a format: see docs/accounts.md before changing anything here.
base::Digest UserStateHash(const UserAccount& user, std::string_view credential);
base::Digest TokenStateHash(const ApiToken& token, std::string_view credential);
base::Digest RoleStateHash(const AccessRole& role);

}  // namespace aims::domain
