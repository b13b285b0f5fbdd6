// Access: what a signed-in user may do. Permissions are a fixed list with stable names; a role
// is a name and a permission set. The built-in roles are data here; custom roles are defined by
// an admin and stored. Pure: who holds which role is the service's business (docs/accounts.md).
// Invariants: (1) permission names are a format (stored in custom roles, shown by the API):
//     add a permission at the end, never rename or reorder one. (2) Built-in role names are
//     reserved: no custom role may take one.
// Thread safety: values only.
#pragma once

#include <array>
#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/entity_kind.h"

namespace aims::domain {

enum class Permission : uint8_t {
  kRegisterRead,    // register.read: read every register record
  kLedgerRead,      // ledger.read: ledger head, proofs, verify, record history
  kSystemWriteOwn,  // system.write.own: create AI systems; change those the user's person owns
  kSystemWrite,     // system.write: any AI system
  kRiskWriteOwn,    // risk.write.own: create risks; change those the user's person owns
  kRiskWrite,       // risk.write: any risk
  kInventoryWrite,  // inventory.write: models, datasets, suppliers, pipelines
  kControlWrite,    // control.write: controls and Statement of Applicability entries
  kEvidenceWrite,   // evidence.write: upload evidence
  kContextWrite,    // context.write: organisation, scope, issues, parties, requirements,
                    // people, governance roles, catalogs
  kApprove,         // approve: approvals
  kUserAdmin,       // user.admin: users, others' tokens, custom roles
  kConcernHandle,   // concern.handle: read and answer the concerns people report (A.3.3)
};

inline constexpr size_t kPermissionCount = 13;

// Every permission, in declaration order.
std::span<const Permission> AllPermissions();
std::string_view PermissionName(Permission p);
std::optional<Permission> ParsePermission(std::string_view name);

class PermissionSet {
 public:
  PermissionSet() = default;
  PermissionSet(std::initializer_list<Permission> permissions);
  static PermissionSet All();

  bool Has(Permission p) const { return bits_.test(static_cast<size_t>(p)); }
  void Add(Permission p) { bits_.set(static_cast<size_t>(p)); }
  void Remove(Permission p) { bits_.reset(static_cast<size_t>(p)); }
  bool empty() const { return bits_.none(); }
  size_t size() const { return bits_.count(); }

  // Names in declaration order.
  std::vector<std::string> Names() const;
  // The stored form: names in declaration order separated by single spaces.
  std::string ToText() const;
  // Names separated by spaces and/or commas, in any order, repeats allowed. InvalidArgument
  // naming the first unknown name.
  static base::Result<PermissionSet> Parse(std::string_view text);

  friend bool operator==(const PermissionSet&, const PermissionSet&) = default;

 private:
  std::bitset<kPermissionCount> bits_;
};

// A role: built in (data here) or custom (stored, with an id and version).
struct AccessRole {
  int64_t id = 0;  // 0 for a built-in role
  std::string name;
  PermissionSet permissions;
  bool builtin = false;
  base::Timestamp created_at;
  base::Timestamp updated_at;
  int64_t version = 0;
};

// admin, aims-manager, system-owner, risk-owner, approver, auditor, viewer.
std::span<const AccessRole> BuiltinRoles();
const AccessRole* FindBuiltinRole(std::string_view name);

// Lower-case [a-z0-9-], 2 to 40 characters. InvalidArgument with where = `field`.
base::Status CheckRoleName(std::string_view name, std::string_view field = "name");
// A role an admin may define: a valid name that is not a built-in one, and some permission.
base::Status CheckCustomRole(const AccessRole& role);

// Which permission a write to a record of `kind` needs: `any` for every record of the kind,
// `own` (when set) only for records whose owner is the user's person, and for creating one.
struct WriteAccess {
  Permission any;
  std::optional<Permission> own;
};
WriteAccess WriteAccessFor(EntityKind kind);

// Whether a user with `permissions`, linked to `person`, may create a record of `kind`.
bool MayCreate(const PermissionSet& permissions, EntityKind kind);
// Whether they may change (update, retire) a record of `kind` owned by `owner`.
bool MayChange(const PermissionSet& permissions, std::optional<int64_t> person, EntityKind kind,
               std::optional<int64_t> owner);
// Whether a user may list, create or revoke the API tokens of `owner_user`: their own, or
// anyone's with user.admin.
bool MayManageTokens(const PermissionSet& permissions, int64_t user_id, int64_t owner_user);

}  // namespace aims::domain
