// Users and custom roles. Tokens are in account_tokens.cpp, sign-in in account_sessions.cpp.
#include "service/accounts.h"

#include "domain/entities.h"
#include "service/credentials.h"

namespace aims::service {

namespace {

base::Status NoSuchUser(std::string_view email) {
  return base::Status::NotFound("no user \"" + std::string(email) + "\"", "email");
}

base::Status CheckPerson(store::Tx& tx, std::optional<domain::Id> person) {
  if (!person) return base::Status::OK();
  AIMS_ASSIGN_OR_RETURN(bool exists, tx.records<domain::Person>().Exists(*person));
  if (!exists) {
    return base::Status::InvalidArgument(
        "refers to " + domain::DisplayId(domain::EntityKind::kPerson, *person) + ", which does not exist",
        "person");
  }
  return base::Status::OK();
}

// Loads the user for a change; NotFound when there is none.
base::Result<store::StoredUser> UserForChange(store::Tx& tx, std::string_view email) {
  AIMS_ASSIGN_OR_RETURN(std::string normalised, domain::NormaliseEmail(email));
  AIMS_ASSIGN_OR_RETURN(auto user, tx.accounts().FindUser(normalised));
  if (!user) return NoSuchUser(normalised);
  return std::move(*user);
}

// Stores `user` (as changed by the caller) as the next version and ledgers it as `action`.
base::Status SaveUser(Mutation& m, store::StoredUser& user, std::string_view action) {
  int64_t expected = user.account.version;
  user.account.version = expected + 1;
  user.account.updated_at = m.now();
  AIMS_TRY(domain::Validate(user.account));
  AIMS_TRY(m.tx().accounts().UpdateUser(user.account, expected));
  return m.LogEntity(domain::kUserEntityType, user.account.id,
                     domain::UserStateHash(user.account, user.password_hash), action);
}

// Refuses a change that would leave no enabled user able to administer users: nobody could
// then add users, reset roles or re-enable anyone, short of editing the database.
base::Status KeepAnAdministrator(store::Tx& tx, const domain::UserAccount& changed, const domain::UserAccount& after) {
  auto admin = [&](const domain::UserAccount& u) -> base::Result<bool> {
    if (u.disabled) return false;
    AIMS_ASSIGN_OR_RETURN(domain::PermissionSet p, RolePermissions(tx, u.role));
    return p.Has(domain::Permission::kUserAdmin);
  };
  AIMS_ASSIGN_OR_RETURN(bool was, admin(changed));
  AIMS_ASSIGN_OR_RETURN(bool is, admin(after));
  if (!was || is) return base::Status::OK();
  bool another = false;
  AIMS_TRY(tx.accounts().ScanUsers([&](const store::StoredUser& u) -> base::Status {
    if (u.account.id == changed.id || another) return base::Status::OK();
    AIMS_ASSIGN_OR_RETURN(another, admin(u.account));
    return base::Status::OK();
  }));
  if (another) return base::Status::OK();
  return base::Status::FailedPrecondition(
      "this is the last enabled user who can administer users; give another user that right first", changed.email);
}

base::Status SetDisabled(Workspace& ws, std::string_view email, bool disabled) {
  return ws.Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(store::StoredUser user, UserForChange(m.tx(), email));
    if (user.account.disabled == disabled) {
      return base::Status::FailedPrecondition(disabled ? "already disabled" : "not disabled",
                                              user.account.email);
    }
    domain::UserAccount before = user.account;
    user.account.disabled = disabled;
    AIMS_TRY(KeepAnAdministrator(m.tx(), before, user.account));
    if (disabled) AIMS_TRY(m.tx().accounts().DeleteSessionsOf(user.account.id));
    return SaveUser(m, user, disabled ? "disable" : "enable");
  });
}

}  // namespace

base::Result<domain::UserAccount> Accounts::AddUser(Workspace& ws, std::string_view email,
                                                    std::string_view display_name, std::string_view role,
                                                    std::string_view password,
                                                    std::optional<domain::Id> person) {
  domain::UserAccount user;
  AIMS_ASSIGN_OR_RETURN(user.email, domain::NormaliseEmail(email));
  user.display_name = std::string(display_name);
  user.role = std::string(role);
  user.person = person;
  AIMS_TRY(domain::Validate(user));
  AIMS_TRY(domain::CheckPassword(password));
  // The cheap checks first, so that a refused request does not pay for the password hash.
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_TRY(RolePermissions(tx, user.role).status());
    AIMS_TRY(CheckPerson(tx, person));
    AIMS_ASSIGN_OR_RETURN(auto existing, tx.accounts().FindUser(user.email));
    if (existing) return base::Status::AlreadyExists("another user has the email \"" + user.email + "\"", "email");
    return base::Status::OK();
  }));
  AIMS_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  AIMS_TRY(ws.Mutate([&](Mutation& m) -> base::Status {
    AIMS_TRY(RolePermissions(m.tx(), user.role).status());
    AIMS_TRY(CheckPerson(m.tx(), person));
    user.version = 1;
    user.created_at = m.now();
    user.updated_at = m.now();
    AIMS_ASSIGN_OR_RETURN(user.id, m.tx().accounts().InsertUser(user, hash));
    return m.LogEntity(domain::kUserEntityType, user.id, domain::UserStateHash(user, hash), "create");
  }));
  return user;
}

base::Status Accounts::SetRole(Workspace& ws, std::string_view email, std::string_view role) {
  AIMS_TRY(domain::CheckRoleName(role, "role"));
  return ws.Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(store::StoredUser user, UserForChange(m.tx(), email));
    AIMS_TRY(RolePermissions(m.tx(), role).status());
    if (user.account.role == role) return base::Status::OK();
    domain::UserAccount before = user.account;
    user.account.role = std::string(role);
    AIMS_TRY(KeepAnAdministrator(m.tx(), before, user.account));
    return SaveUser(m, user, "set-role");
  });
}

base::Status Accounts::DisableUser(Workspace& ws, std::string_view email) {
  return SetDisabled(ws, email, true);
}

base::Status Accounts::EnableUser(Workspace& ws, std::string_view email) {
  return SetDisabled(ws, email, false);
}

base::Result<std::vector<domain::UserAccount>> Accounts::ListUsers(Workspace& ws) {
  std::vector<domain::UserAccount> out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) {
    return tx.accounts().ScanUsers([&](const store::StoredUser& u) {
      out.push_back(u.account);
      return base::Status::OK();
    });
  }));
  return out;
}

base::Result<domain::UserAccount> Accounts::GetUser(Workspace& ws, std::string_view email) {
  domain::UserAccount out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(store::StoredUser user, UserForChange(tx, email));
    out = std::move(user.account);
    return base::Status::OK();
  }));
  return out;
}

base::Result<domain::AccessRole> Accounts::DefineRole(Workspace& ws, std::string_view name,
                                                      const domain::PermissionSet& permissions) {
  domain::AccessRole role;
  role.name = std::string(name);
  role.permissions = permissions;
  AIMS_TRY(domain::CheckCustomRole(role));
  AIMS_TRY(ws.Mutate([&](Mutation& m) -> base::Status {
    store::AccountTable accounts = m.tx().accounts();
    AIMS_ASSIGN_OR_RETURN(auto existing, accounts.FindRole(role.name));
    if (existing && existing->permissions == permissions) {
      role = *existing;
      return base::Status::OK();
    }
    role.updated_at = m.now();
    if (existing) {
      role.id = existing->id;
      role.created_at = existing->created_at;
      role.version = existing->version + 1;
      AIMS_TRY(accounts.UpdateRole(role, existing->version));
    } else {
      role.created_at = m.now();
      role.version = 1;
      AIMS_ASSIGN_OR_RETURN(role.id, accounts.InsertRole(role));
    }
    return m.LogEntity(domain::kAccessRoleEntityType, role.id, domain::RoleStateHash(role),
                       existing ? "update" : "create");
  }));
  return role;
}

base::Result<std::vector<domain::AccessRole>> Accounts::ListRoles(Workspace& ws) {
  std::vector<domain::AccessRole> out(domain::BuiltinRoles().begin(), domain::BuiltinRoles().end());
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto custom, tx.accounts().ListRoles());
    out.insert(out.end(), custom.begin(), custom.end());
    return base::Status::OK();
  }));
  return out;
}

}  // namespace aims::service
