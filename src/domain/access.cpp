#include "domain/access.h"

namespace aims::domain {

namespace {

using P = Permission;

constexpr std::array<Permission, kPermissionCount> kAll = {
    P::kRegisterRead, P::kLedgerRead,     P::kSystemWriteOwn, P::kSystemWrite,
    P::kRiskWriteOwn, P::kRiskWrite,      P::kInventoryWrite, P::kControlWrite,
    P::kEvidenceWrite, P::kContextWrite,  P::kApprove,        P::kUserAdmin,  P::kConcernHandle,
};

constexpr std::array<std::string_view, kPermissionCount> kNames = {
    "register.read", "ledger.read",     "system.write.own", "system.write",
    "risk.write.own", "risk.write",     "inventory.write",  "control.write",
    "evidence.write", "context.write",  "approve",          "user.admin",  "concern.handle",
};

std::vector<AccessRole> MakeBuiltinRoles() {
  PermissionSet manager = PermissionSet::All();
  manager.Remove(P::kUserAdmin);
  std::vector<AccessRole> roles = {
      {.name = "admin", .permissions = PermissionSet::All()},
      {.name = "aims-manager", .permissions = manager},
      {.name = "system-owner",
       .permissions = {P::kRegisterRead, P::kSystemWriteOwn, P::kRiskWriteOwn, P::kEvidenceWrite}},
      {.name = "risk-owner", .permissions = {P::kRegisterRead, P::kRiskWriteOwn, P::kEvidenceWrite}},
      {.name = "approver", .permissions = {P::kRegisterRead, P::kLedgerRead, P::kApprove}},
      {.name = "auditor", .permissions = {P::kRegisterRead, P::kLedgerRead}},
      {.name = "viewer", .permissions = {P::kRegisterRead}},
  };
  for (auto& r : roles) r.builtin = true;
  return roles;
}

}  // namespace

std::span<const Permission> AllPermissions() { return kAll; }

std::string_view PermissionName(Permission p) { return kNames[static_cast<size_t>(p)]; }

std::optional<Permission> ParsePermission(std::string_view name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return kAll[i];
  }
  return std::nullopt;
}

PermissionSet::PermissionSet(std::initializer_list<Permission> permissions) {
  for (Permission p : permissions) Add(p);
}

PermissionSet PermissionSet::All() {
  PermissionSet all;
  all.bits_.set();
  return all;
}

std::vector<std::string> PermissionSet::Names() const {
  std::vector<std::string> out;
  for (Permission p : kAll) {
    if (Has(p)) out.emplace_back(PermissionName(p));
  }
  return out;
}

std::string PermissionSet::ToText() const {
  std::string out;
  for (const auto& name : Names()) out += (out.empty() ? "" : " ") + name;
  return out;
}

base::Result<PermissionSet> PermissionSet::Parse(std::string_view text) {
  PermissionSet out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of(" ,", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view name = text.substr(pos, end - pos);
    pos = end + 1;
    if (name.empty()) continue;
    auto p = ParsePermission(name);
    if (!p) {
      std::string known;
      for (size_t i = 0; i < kNames.size(); ++i) {
        known += (i == 0 ? "" : i + 1 == kNames.size() ? " or " : ", ") + std::string(kNames[i]);
      }
      return base::Status::InvalidArgument(
          "unknown permission \"" + std::string(name) + "\" (expected " + known + ")", "permissions");
    }
    out.Add(*p);
  }
  return out;
}

std::span<const AccessRole> BuiltinRoles() {
  static const std::vector<AccessRole> roles = MakeBuiltinRoles();
  return roles;
}

const AccessRole* FindBuiltinRole(std::string_view name) {
  for (const AccessRole& r : BuiltinRoles()) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

base::Status CheckRoleName(std::string_view name, std::string_view field) {
  if (name.size() < 2 || name.size() > 40) {
    return base::Status::InvalidArgument(
        "a role name has 2 to 40 characters, got " + std::to_string(name.size()), field);
  }
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
      return base::Status::InvalidArgument(
          "a role name uses only a-z, 0-9 and '-': \"" + std::string(name) + "\"", field);
    }
  }
  return base::Status::OK();
}

base::Status CheckCustomRole(const AccessRole& role) {
  AIMS_TRY(CheckRoleName(role.name));
  if (FindBuiltinRole(role.name)) {
    return base::Status::AlreadyExists("\"" + role.name + "\" is a built-in role", "name");
  }
  if (role.permissions.empty()) {
    return base::Status::InvalidArgument("a role needs at least one permission", "permissions");
  }
  return base::Status::OK();
}

WriteAccess WriteAccessFor(EntityKind kind) {
  using K = EntityKind;
  switch (kind) {
    case K::kAiSystem: return {P::kSystemWrite, P::kSystemWriteOwn};
    case K::kRisk: return {P::kRiskWrite, P::kRiskWriteOwn};
    case K::kModel:
    case K::kDataset:
    case K::kSupplier:
    case K::kPipeline: return {P::kInventoryWrite, std::nullopt};
    case K::kControl:
    case K::kSoaEntry: return {P::kControlWrite, std::nullopt};
    case K::kEvidence: return {P::kEvidenceWrite, std::nullopt};
    // Assessments of a system are its owner's work (ownership follows the system).
    case K::kImpactAssessment:
    case K::kImpact:
    case K::kAiActAssessment:
    case K::kObligation:
    // A gate request follows its system: its owner asks; approvals are checked by the service.
    case K::kGateRequest: return {P::kSystemWrite, P::kSystemWriteOwn};
    // Whoever may change a system may record an incident; its owner (the handler) keeps it.
    case K::kIncident: return {P::kSystemWrite, P::kSystemWriteOwn};
    // Who oversees a system, and how, is its owner's to arrange (A.9); courses and the training
    // register are the AIMS manager's (7.2).
    case K::kOversightArrangement: return {P::kSystemWrite, P::kSystemWriteOwn};
    case K::kRiskMethodology: return {P::kRiskWrite, std::nullopt};
    case K::kOrganisation:
    case K::kScopeStatement:
    case K::kContextIssue:
    case K::kInterestedParty:
    case K::kPartyRequirement:
    case K::kPerson:
    case K::kRole:
    case K::kCatalog:
    case K::kGatePolicy:  // the AIMS manager's
    case K::kPolicy:
    case K::kResponsibility:
    case K::kObjective:
    case K::kMeasurement:
    case K::kCourse:
    case K::kTraining:
    case K::kNone: break;
  }
  return {P::kContextWrite, std::nullopt};
}

bool MayCreate(const PermissionSet& permissions, EntityKind kind) {
  WriteAccess need = WriteAccessFor(kind);
  return permissions.Has(need.any) || (need.own && permissions.Has(*need.own));
}

bool MayChange(const PermissionSet& permissions, std::optional<int64_t> person, EntityKind kind,
               std::optional<int64_t> owner) {
  WriteAccess need = WriteAccessFor(kind);
  if (permissions.Has(need.any)) return true;
  return need.own && permissions.Has(*need.own) && person && owner && *person == *owner;
}

bool MayManageTokens(const PermissionSet& permissions, int64_t user_id, int64_t owner_user) {
  return user_id == owner_user || permissions.Has(P::kUserAdmin);
}

}  // namespace aims::domain
