// Principal: who is calling aims serve, as the HTTP layer sees them: a signed-in user, their role
// and the permissions it grants, resolved afresh on every request so that a role change or a
// disabled account takes effect at once.
// Thread safety: values; the functions run inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/access.h"
#include "domain/user_account.h"
#include "store/store.h"

namespace aims::service {

struct Principal {
  int64_t user_id = 0;
  std::string email;
  std::string role;
  std::optional<domain::Id> person;  // the Person the user acts as, for ownership checks
  domain::PermissionSet permissions;
  // "user:<email>": the actor written to the ledger for the user's changes.
  std::string actor() const { return "user:" + email; }
};

// The permissions of a built-in or custom role. InvalidArgument (where `field`) naming the
// known roles if there is no such role.
base::Result<domain::PermissionSet> RolePermissions(store::Tx& tx, std::string_view role,
                                                    std::string_view field = "role");

// The principal of `user`. REQUIRES: the user is enabled (callers check and answer themselves).
base::Result<Principal> PrincipalOf(store::Tx& tx, const domain::UserAccount& user);

}  // namespace aims::service
