#include "service/principal.h"

namespace aims::service {

base::Result<domain::PermissionSet> RolePermissions(store::Tx& tx, std::string_view role,
                                                    std::string_view field) {
  if (const domain::AccessRole* builtin = domain::FindBuiltinRole(role)) return builtin->permissions;
  AIMS_ASSIGN_OR_RETURN(auto custom, tx.accounts().FindRole(role));
  if (custom) return custom->permissions;
  std::string known;
  for (const auto& r : domain::BuiltinRoles()) known += (known.empty() ? "" : ", ") + r.name;
  return base::Status::InvalidArgument(
      "unknown role \"" + std::string(role) + "\" (expected " + known +
          " or a custom role: see `aims access-role list`)",
      field);
}

base::Result<Principal> PrincipalOf(store::Tx& tx, const domain::UserAccount& user) {
  Principal p;
  p.user_id = user.id;
  p.email = user.email;
  p.role = user.role;
  p.person = user.person;
  auto permissions = RolePermissions(tx, user.role);
  // Custom roles cannot be deleted, so this means a database edited by hand: refuse everything.
  if (!permissions.ok()) {
    return base::Status::FailedPrecondition("the role \"" + user.role + "\" of this user is not defined",
                                            user.email);
  }
  p.permissions = *permissions;
  return p;
}

}  // namespace aims::service
