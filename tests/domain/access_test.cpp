// Unit tests for the account rules in src/domain: permission names and sets, the built-in roles,
// role names, write access by kind and ownership, email and password checks, the login lockout
// and the accounts' state hashes. Pure functions, so tables of cases.
#include <gtest/gtest.h>

#include <functional>
#include <set>

#include "domain/access.h"
#include "domain/login_throttle.h"
#include "domain/user_account.h"

namespace aims::domain {
namespace {

using P = Permission;

base::Timestamp T(const char* text) { return *base::Timestamp::Parse(text); }

TEST(Permissions, NamesAreStableAndRoundTrip) {
  // These names are stored and shown by the API: this list may only grow at the end.
  const std::vector<std::string> expected = {
      "register.read",  "ledger.read",   "system.write.own", "system.write",
      "risk.write.own", "risk.write",    "inventory.write",  "control.write",
      "evidence.write", "context.write", "approve",          "user.admin",
      "concern.handle"};
  ASSERT_EQ(AllPermissions().size(), expected.size());
  for (size_t i = 0; i < expected.size(); ++i) {
    Permission p = AllPermissions()[i];
    EXPECT_EQ(static_cast<size_t>(p), i);
    EXPECT_EQ(PermissionName(p), expected[i]);
    EXPECT_EQ(ParsePermission(expected[i]), p);
  }
  EXPECT_FALSE(ParsePermission("admin"));
  EXPECT_FALSE(ParsePermission("Register.Read"));
}

TEST(Permissions, SetParsesListsAndNamesTheUnknown) {
  auto set = PermissionSet::Parse("ledger.read, register.read approve,ledger.read");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  EXPECT_EQ(*set, (PermissionSet{P::kRegisterRead, P::kLedgerRead, P::kApprove}));
  EXPECT_EQ(set->ToText(), "register.read ledger.read approve");  // declaration order
  EXPECT_EQ(set->size(), 3u);
  EXPECT_EQ(*PermissionSet::Parse(set->ToText()), *set);
  EXPECT_TRUE(PermissionSet::Parse("")->empty());

  auto bad = PermissionSet::Parse("register.read system.delete");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), base::StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("unknown permission \"system.delete\""), std::string_view::npos);
  EXPECT_EQ(bad.status().where(), "permissions");
  EXPECT_EQ(PermissionSet::All().size(), kPermissionCount);
}

TEST(BuiltinRoles, GrantExactlyTheirPermissions) {
  struct Case {
    const char* role;
    std::set<std::string> permissions;
  };
  std::set<std::string> all;
  for (P p : AllPermissions()) all.insert(std::string(PermissionName(p)));
  std::set<std::string> manager = all;
  manager.erase("user.admin");
  const std::vector<Case> cases = {
      {"admin", all},
      {"aims-manager", manager},
      {"system-owner", {"register.read", "system.write.own", "risk.write.own", "evidence.write"}},
      {"risk-owner", {"register.read", "risk.write.own", "evidence.write"}},
      {"approver", {"register.read", "ledger.read", "approve"}},
      {"auditor", {"register.read", "ledger.read"}},
      {"viewer", {"register.read"}},
  };
  ASSERT_EQ(BuiltinRoles().size(), cases.size());
  for (size_t i = 0; i < cases.size(); ++i) {
    const AccessRole& role = BuiltinRoles()[i];
    EXPECT_EQ(role.name, cases[i].role);
    EXPECT_TRUE(role.builtin);
    auto names = role.permissions.Names();
    EXPECT_EQ(std::set<std::string>(names.begin(), names.end()), cases[i].permissions) << role.name;
    EXPECT_EQ(FindBuiltinRole(cases[i].role), &role);
  }
  EXPECT_EQ(FindBuiltinRole("Admin"), nullptr);
}

TEST(RoleNames, FollowTheRule) {
  struct Case {
    std::string name;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"dpo", true},         {"ml-platform-2", true}, {"ab", true},
      {std::string(40, 'x'), true},
      {"a", false},          {std::string(41, 'x'), false},
      {"Risk-Owner", false}, {"data_steward", false}, {"data steward", false},
      {"", false},           {"r\xc3\xb4le", false},
  };
  for (const auto& c : cases) {
    base::Status s = CheckRoleName(c.name);
    EXPECT_EQ(s.ok(), c.ok) << c.name << ": " << s.ToString();
    if (!s.ok()) {
      EXPECT_EQ(s.where(), "name");
    }
  }
}

TEST(RoleNames, CustomRolesMayNotTakeABuiltinNameOrBeEmpty) {
  AccessRole role{.name = "auditor", .permissions = {P::kRegisterRead}};
  EXPECT_EQ(CheckCustomRole(role).code(), base::StatusCode::kAlreadyExists);
  role.name = "dpo";
  EXPECT_TRUE(CheckCustomRole(role).ok());
  role.permissions = {};
  EXPECT_EQ(CheckCustomRole(role).where(), "permissions");
}

TEST(WriteAccess, DependsOnKindPermissionAndOwnership) {
  using K = EntityKind;
  const std::optional<int64_t> me = 7, other = 8, none;
  struct Case {
    PermissionSet perms;
    K kind;
    std::optional<int64_t> person;
    std::optional<int64_t> owner;
    bool create;
    bool change;
  };
  const PermissionSet system_owner{P::kRegisterRead, P::kSystemWriteOwn, P::kRiskWriteOwn, P::kEvidenceWrite};
  const std::vector<Case> cases = {
      {system_owner, K::kAiSystem, me, me, true, true},
      {system_owner, K::kAiSystem, me, other, true, false},
      {system_owner, K::kAiSystem, me, none, true, false},
      {system_owner, K::kAiSystem, none, none, true, false},  // not linked to a person
      {system_owner, K::kRisk, me, me, true, true},
      {system_owner, K::kControl, me, me, false, false},
      {system_owner, K::kEvidence, me, none, true, true},
      {system_owner, K::kPerson, me, none, false, false},
      {{P::kSystemWrite}, K::kAiSystem, none, other, true, true},
      {{P::kRiskWrite}, K::kAiSystem, me, me, false, false},
      {{P::kInventoryWrite}, K::kModel, none, none, true, true},
      {{P::kInventoryWrite}, K::kPipeline, none, none, true, true},
      {{P::kControlWrite}, K::kSoaEntry, none, none, true, true},
      {{P::kContextWrite}, K::kScopeStatement, none, none, true, true},
      {{P::kContextWrite}, K::kCatalog, none, none, true, true},
      {PermissionSet::All(), K::kRisk, none, other, true, true},
      {{P::kRegisterRead}, K::kRisk, me, me, false, false},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    EXPECT_EQ(MayCreate(c.perms, c.kind), c.create) << "case " << i;
    EXPECT_EQ(MayChange(c.perms, c.person, c.kind, c.owner), c.change) << "case " << i;
  }
  EXPECT_TRUE(MayManageTokens({P::kRegisterRead}, 3, 3));
  EXPECT_FALSE(MayManageTokens({P::kRegisterRead}, 3, 4));
  EXPECT_TRUE(MayManageTokens({P::kUserAdmin}, 3, 4));
}

TEST(Emails, AreTrimmedLowerCasedAndChecked) {
  struct Case {
    const char* in;
    const char* out;  // nullptr: refused
  };
  const std::vector<Case> cases = {
      {"Alice@Example.ORG", "alice@example.org"},
      {"  bob@example.org ", "bob@example.org"},
      {"root@localhost", "root@localhost"},
      {"", nullptr},
      {"alice", nullptr},
      {"@example.org", nullptr},
      {"alice@", nullptr},
      {"a@b@c", nullptr},
      {"al ice@example.org", nullptr},
      {"alice@exa\tmple.org", nullptr},
      {"<alice@example.org>", nullptr},
  };
  for (const auto& c : cases) {
    auto r = NormaliseEmail(c.in);
    if (c.out) {
      ASSERT_TRUE(r.ok()) << c.in << ": " << r.status().ToString();
      EXPECT_EQ(*r, c.out);
    } else {
      ASSERT_FALSE(r.ok()) << c.in;
      EXPECT_EQ(r.status().where(), "email");
    }
  }
  EXPECT_FALSE(NormaliseEmail(std::string(250, 'a') + "@b.org").ok());
  EXPECT_EQ(NormaliseEmail("x", "user").status().where(), "user");
}

TEST(Passwords, NeedTwelveCharactersAndAreBounded) {
  struct Case {
    std::string password;
    bool ok;
  };
  const std::vector<Case> cases = {
      {"", false},
      {"elevenchars", false},
      {"twelve chars", true},
      {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", false},  // 11 é
      {"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", true},
      {std::string(kMaxPasswordBytes, 'p'), true},
      {std::string(kMaxPasswordBytes + 1, 'p'), false},
  };
  for (const auto& c : cases) {
    base::Status s = CheckPassword(c.password);
    EXPECT_EQ(s.ok(), c.ok) << c.password.size() << " bytes: " << s.ToString();
    if (!s.ok()) {
      EXPECT_EQ(s.where(), "password");
    }
  }
  EXPECT_NE(CheckPassword("short").message().find("at least 12 characters"), std::string_view::npos);
}

TEST(UserAccounts, ValidateNamesTheField) {
  UserAccount u{.email = "alice@example.org", .display_name = "Alice", .role = "viewer"};
  EXPECT_TRUE(Validate(u).ok());
  struct Case {
    std::function<void(UserAccount&)> edit;
    const char* where;
  };
  const std::vector<Case> cases = {
      {[](UserAccount& a) { a.email = "Alice@example.org"; }, "email"},
      {[](UserAccount& a) { a.email = "nope"; }, "email"},
      {[](UserAccount& a) { a.display_name = "two\nlines"; }, "name"},
      {[](UserAccount& a) { a.display_name = std::string(201, 'n'); }, "name"},
      {[](UserAccount& a) { a.role = "Viewer"; }, "role"},
      {[](UserAccount& a) { a.person = 0; }, "person"},
  };
  for (const auto& c : cases) {
    UserAccount bad = u;
    c.edit(bad);
    base::Status s = Validate(bad);
    EXPECT_FALSE(s.ok()) << c.where;
    EXPECT_EQ(s.where(), c.where);
  }
  EXPECT_TRUE(CheckTokenName("ci pipeline").ok());
  EXPECT_FALSE(CheckTokenName("").ok());
  EXPECT_FALSE(CheckTokenName("a\tb").ok());
}

TEST(LoginThrottle, LocksAfterFiveFailuresInFifteenMinutesForFifteenMinutes) {
  // Each step: minutes after the start, whether the key is locked then (before the failure),
  // and the failure count after one more failure.
  struct Step {
    int minute;
    bool locked_before;
    int64_t failures_after;
  };
  const std::vector<Step> steps = {
      {0, false, 1}, {1, false, 2}, {2, false, 3}, {3, false, 4},
      {4, false, 5},                                  // the fifth failure sets the lock until 19
      {5, true, 5},  {18, true, 5},                  // locked: failures are not counted
      {19, false, 1},                                // lock lifted: a new window
      {20, false, 2},
  };
  std::optional<LoginAttempts> state;
  const int64_t minute = int64_t{60} * 1000000;
  const base::Timestamp start = T("2026-11-28T09:00:00Z");
  for (const auto& s : steps) {
    base::Timestamp now(start.micros() + s.minute * minute);
    EXPECT_EQ(LockedUntil(state, now).has_value(), s.locked_before) << "minute " << s.minute;
    state = AfterFailure(state, now);
    EXPECT_EQ(state->failures, s.failures_after) << "minute " << s.minute;
  }
  EXPECT_EQ(*LockedUntil(std::optional<LoginAttempts>(LoginAttempts{5, start, T("2026-11-28T09:19:00Z")}), start),
            T("2026-11-28T09:19:00Z"));
}

TEST(LoginThrottle, FailuresOutsideTheWindowStartAgain) {
  const base::Timestamp start = T("2026-11-28T09:00:00Z");
  std::optional<LoginAttempts> state = LoginAttempts{4, start, std::nullopt};
  LoginAttempts late = AfterFailure(state, T("2026-11-28T09:15:00Z"));  // the window has passed
  EXPECT_EQ(late, (LoginAttempts{1, T("2026-11-28T09:15:00Z"), std::nullopt}));
  LoginAttempts in_time = AfterFailure(state, T("2026-11-28T09:14:59Z"));
  EXPECT_EQ(in_time.failures, 5);
  EXPECT_EQ(in_time.locked_until, T("2026-11-28T09:29:59Z"));
  EXPECT_FALSE(Stale(*state, T("2026-11-28T09:14:59Z")));
  EXPECT_TRUE(Stale(*state, T("2026-11-28T09:15:00Z")));
  EXPECT_FALSE(Stale(in_time, T("2026-11-28T09:29:58Z")));
  EXPECT_TRUE(Stale(in_time, T("2026-11-28T09:29:59Z")));
}

TEST(AccountStateHashes, CoverPublicStateAndTheCredentialDigestOnly) {
  UserAccount u{.id = 1, .email = "alice@example.org", .role = "viewer", .version = 1};
  base::Digest h = UserStateHash(u, "$argon2id$v=19$m=8,t=1,p=1$salt$hash");
  EXPECT_EQ(h, UserStateHash(u, "$argon2id$v=19$m=8,t=1,p=1$salt$hash"));
  EXPECT_NE(h, UserStateHash(u, "$argon2id$v=19$m=8,t=1,p=1$salt$other"));
  UserAccount changed = u;
  changed.role = "admin";
  EXPECT_NE(h, UserStateHash(changed, "$argon2id$v=19$m=8,t=1,p=1$salt$hash"));
  changed = u;
  changed.disabled = true;
  EXPECT_NE(h, UserStateHash(changed, "$argon2id$v=19$m=8,t=1,p=1$salt$hash"));

  ApiToken t{.id = 2, .user_id = 1, .name = "ci"};
  base::Digest th = TokenStateHash(t, "digest");
  ApiToken used = t;
  used.last_used_at = T("2026-11-28T09:00:00Z");  // not ledgered, so not in the state
  EXPECT_EQ(TokenStateHash(used, "digest"), th);
  ApiToken revoked = t;
  revoked.revoked_at = T("2026-11-28T09:00:00Z");
  EXPECT_NE(TokenStateHash(revoked, "digest"), th);

  AccessRole r{.id = 1, .name = "dpo", .permissions = {P::kRegisterRead}, .version = 1};
  AccessRole more = r;
  more.permissions.Add(P::kLedgerRead);
  EXPECT_NE(RoleStateHash(r), RoleStateHash(more));
}

}  // namespace
}  // namespace aims::domain
