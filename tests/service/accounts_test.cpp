// Unit tests for service/accounts on a real data directory: users with argon2id hashes, tokens
// (authenticate, revoke, expire, disabled users, never stored in clear), the login lockout,
// sessions (resolve, idle and absolute end, logout), one ledger entry per account change that
// `ledger verify` checks, and nothing written by a change that fails.
// The clock is moved with AIMS_FAKE_NOW; AIMS_PWHASH_FAST keeps argon2id cheap here.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "service/accounts.h"
#include "service/catalog_service.h"
#include "service/credentials.h"
#include "service/ledger_verifier.h"
#include "support/new_register.h"
#include "support/temp_dir.h"

namespace aims::service {
namespace {

using aims::testing::TempDir;
using domain::Permission;

const bool kFastHashes = [] { return ::setenv("AIMS_PWHASH_FAST", "1", 1) == 0; }();

constexpr char kPassword[] = "correct horse battery";
constexpr int64_t kMinute = int64_t{60} * 1000000;

// Pins base::Now() for the test and moves it on; unpins at the end.
class FakeClock {
 public:
  explicit FakeClock(const char* start) : now_(*base::Timestamp::Parse(start)) { Apply(); }
  ~FakeClock() { ::unsetenv("AIMS_FAKE_NOW"); }
  void Advance(int64_t minutes) { AdvanceSeconds(minutes * 60); }
  void AdvanceSeconds(int64_t seconds) {
    now_ = base::Timestamp(now_.micros() + seconds * 1000000);
    Apply();
  }
  base::Timestamp now() const { return now_; }

 private:
  void Apply() { ::setenv("AIMS_FAKE_NOW", now_.ToString().c_str(), 1); }
  base::Timestamp now_;
};

std::unique_ptr<Workspace> NewAccountsRegister(const TempDir& dir) {  // with fast password hashing
  EXPECT_TRUE(kFastHashes);
  return aims::testing::NewRegister(dir);
}

int64_t LedgerSize(Workspace& ws) {
  int64_t n = 0;
  EXPECT_TRUE(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(n, tx.ledger().LastSeq());
    return base::Status::OK();
  }).ok());
  return n;
}

ledger::LedgerEntry LastEntry(Workspace& ws) {
  ledger::LedgerEntry e;
  EXPECT_TRUE(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t seq, tx.ledger().LastSeq());
    AIMS_ASSIGN_OR_RETURN(e, tx.ledger().EntryAt(seq));
    return base::Status::OK();
  }).ok());
  return e;
}

domain::Id AddPerson(Workspace& ws, const std::string& email) {
  domain::Person p;
  p.name = email;
  p.email = email;
  domain::Id id = 0;
  EXPECT_TRUE(ws.Mutate([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(id, m.Create(p));
    return base::Status::OK();
  }).ok());
  return id;
}

// The bytes of the database and its write-ahead log.
std::string DatabaseBytes(Workspace& ws) {
  std::string bytes = aims::testing::ReadFileOrDie(ws.paths().db);
  if (std::filesystem::exists(ws.paths().db + "-wal")) bytes += aims::testing::ReadFileOrDie(ws.paths().db + "-wal");
  return bytes;
}

void ExpectVerifies(Workspace& ws, uint64_t accounts) {
  auto report = VerifyLedger(ws, {.check_blobs = false});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  for (const auto& p : report->problems) ADD_FAILURE() << p.where << ": " << p.what;
  EXPECT_EQ(report->accounts, accounts);
}

TEST(Accounts, AddUserStoresAnArgon2idHashAndChecksThePassword) {
  TempDir dir;
  auto ws = NewAccountsRegister(dir);
  int64_t before = LedgerSize(*ws);
  auto user = Accounts::AddUser(*ws, "Alice@Example.org", "Alice", "admin", kPassword, std::nullopt);
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  EXPECT_EQ(user->email, "alice@example.org");
  EXPECT_EQ(user->version, 1);
  EXPECT_EQ(LedgerSize(*ws), before + 1);
  ledger::LedgerEntry e = LastEntry(*ws);
  EXPECT_EQ(e.entity_type, "user");
  EXPECT_EQ(e.entity_id, user->id);
  EXPECT_EQ(e.action, "create");
  EXPECT_EQ(e.actor, "test:alice");

  std::string hash;
  ASSERT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto stored, tx.accounts().FindUser("alice@example.org"));
    hash = stored->password_hash;
    return base::Status::OK();
  }).ok());
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_TRUE(VerifyPassword(hash, kPassword));
  EXPECT_FALSE(VerifyPassword(hash, "correct horse battery staple"));
  EXPECT_EQ(DatabaseBytes(*ws).find(kPassword), std::string::npos);

  auto wrong = Accounts::Login(*ws, "alice@example.org", "wrong password here", "10.0.0.1");
  EXPECT_EQ(wrong.status().code(), base::StatusCode::kUnauthenticated);
  auto right = Accounts::Login(*ws, "ALICE@example.org", kPassword, "10.0.0.1");
  ASSERT_TRUE(right.ok()) << right.status().ToString();
  EXPECT_EQ(right->principal.email, "alice@example.org");
  EXPECT_EQ(right->principal.permissions, domain::PermissionSet::All());
  EXPECT_EQ(right->principal.actor(), "user:alice@example.org");
  EXPECT_EQ(LedgerSize(*ws), before + 1);  // sign-ins are not ledgered
  ExpectVerifies(*ws, 1);
}

TEST(Accounts, AFailedChangeWritesNothing) {
  TempDir dir;
  auto ws = NewAccountsRegister(dir);
  ASSERT_TRUE(Accounts::AddUser(*ws, "alice@example.org", "", "viewer", kPassword, std::nullopt).ok());
  int64_t before = LedgerSize(*ws);
  struct Case {
    std::string what;
    base::Status status;
    base::StatusCode code;
    std::string where;
  };
  auto add = [&](const char* email, const char* role, const char* password, std::optional<domain::Id> person) {
    return Accounts::AddUser(*ws, email, "", role, password, person).status();
  };
  const std::vector<Case> cases = {
      {"unknown role", add("bob@example.org", "superuser", kPassword, std::nullopt),
       base::StatusCode::kInvalidArgument, "role"},
      {"short password", add("bob@example.org", "viewer", "short", std::nullopt),
       base::StatusCode::kInvalidArgument, "password"},
      {"bad email", add("bob", "viewer", kPassword, std::nullopt), base::StatusCode::kInvalidArgument, "email"},
      {"no such person", add("bob@example.org", "viewer", kPassword, 999), base::StatusCode::kInvalidArgument,
       "person"},
      {"duplicate email", add("ALICE@example.org", "viewer", kPassword, std::nullopt),
       base::StatusCode::kAlreadyExists, "email"},
      {"set-role unknown user", Accounts::SetRole(*ws, "nobody@example.org", "admin"), base::StatusCode::kNotFound,
       "email"},
      {"set-role unknown role", Accounts::SetRole(*ws, "alice@example.org", "root"),
       base::StatusCode::kInvalidArgument, "role"},
      {"enable an enabled user", Accounts::EnableUser(*ws, "alice@example.org"),
       base::StatusCode::kFailedPrecondition, "alice@example.org"},
      {"role with a built-in name", Accounts::DefineRole(*ws, "auditor", {Permission::kApprove}).status(),
       base::StatusCode::kAlreadyExists, "name"},
      {"role with a bad name", Accounts::DefineRole(*ws, "Data Steward", {Permission::kApprove}).status(),
       base::StatusCode::kInvalidArgument, "name"},
      {"token for nobody", Accounts::CreateToken(*ws, "nobody@example.org", "ci", std::nullopt).status(),
       base::StatusCode::kNotFound, "user"},
      {"token expired already",
       Accounts::CreateToken(*ws, "alice@example.org", "ci", base::Timestamp(0)).status(),
       base::StatusCode::kInvalidArgument, "expires"},
      {"revoke no token", Accounts::RevokeToken(*ws, 77), base::StatusCode::kNotFound, "token 77"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(c.status.code(), c.code) << c.what << ": " << c.status.ToString();
    EXPECT_EQ(c.status.where(), c.where) << c.what;
  }
  EXPECT_NE(cases[0].status.message().find("unknown role \"superuser\""), std::string_view::npos);
  EXPECT_EQ(LedgerSize(*ws), before);
  auto users = Accounts::ListUsers(*ws);
  ASSERT_TRUE(users.ok());
  EXPECT_EQ(users->size(), 1u);
  auto tokens = Accounts::ListTokens(*ws, std::nullopt);
  ASSERT_TRUE(tokens.ok());
  EXPECT_TRUE(tokens->empty());
  ExpectVerifies(*ws, 1);
}

TEST(Accounts, EveryAccountChangeAddsExactlyOneLedgerEntryThatVerifies) {
  TempDir dir;
  FakeClock clock("2026-11-28T09:00:00Z");
  auto ws = NewAccountsRegister(dir);
  domain::Id person = AddPerson(*ws, "carol@example.org");
  struct Step {
    std::string what;
    std::function<base::Status()> run;
    const char* entity_type;  // nullptr: no entry expected
    const char* action;
  };
  int64_t token_id = 0;
  std::string token;
  const std::vector<Step> steps = {
      {"add user",
       [&] { return Accounts::AddUser(*ws, "carol@example.org", "Carol", "viewer", kPassword, person).status(); },
       "user", "create"},
      {"define role", [&] { return Accounts::DefineRole(*ws, "dpo", {Permission::kRegisterRead}).status(); },
       "access_role", "create"},
      {"same role again", [&] { return Accounts::DefineRole(*ws, "dpo", {Permission::kRegisterRead}).status(); },
       nullptr, nullptr},
      {"widen role",
       [&] {
         return Accounts::DefineRole(*ws, "dpo", {Permission::kRegisterRead, Permission::kApprove}).status();
       },
       "access_role", "update"},
      {"set role", [&] { return Accounts::SetRole(*ws, "carol@example.org", "dpo"); }, "user", "set-role"},
      {"same role", [&] { return Accounts::SetRole(*ws, "carol@example.org", "dpo"); }, nullptr, nullptr},
      {"create token",
       [&] {
         auto t = Accounts::CreateToken(*ws, "carol@example.org", "ci", std::nullopt);
         if (t.ok()) {
           token_id = t->info.token.id;
           token = t->token;
         }
         return t.status();
       },
       "api_token", "create"},
      {"use token", [&] { return Accounts::AuthenticateToken(*ws, token).status(); }, nullptr, nullptr},
      {"sign in", [&] { return Accounts::Login(*ws, "carol@example.org", kPassword, "::1").status(); }, nullptr,
       nullptr},
      {"revoke token", [&] { return Accounts::RevokeToken(*ws, token_id); }, "api_token", "revoke"},
      {"disable", [&] { return Accounts::DisableUser(*ws, "carol@example.org"); }, "user", "disable"},
      {"enable", [&] { return Accounts::EnableUser(*ws, "carol@example.org"); }, "user", "enable"},
  };
  for (const auto& step : steps) {
    clock.Advance(1);
    int64_t before = LedgerSize(*ws);
    base::Status s = step.run();
    ASSERT_TRUE(s.ok()) << step.what << ": " << s.ToString();
    EXPECT_EQ(LedgerSize(*ws), before + (step.entity_type ? 1 : 0)) << step.what;
    if (!step.entity_type) continue;
    ledger::LedgerEntry e = LastEntry(*ws);
    EXPECT_EQ(e.entity_type, step.entity_type) << step.what;
    EXPECT_EQ(e.action, step.action) << step.what;
    EXPECT_EQ(e.time, clock.now()) << step.what;
    // The signed head covers the change, as for any record.
    ASSERT_TRUE(ws->last_head()) << step.what;
    EXPECT_EQ(static_cast<int64_t>(ws->last_head()->size), before + 1) << step.what;
  }
  ExpectVerifies(*ws, 3);  // one user, one token, one custom role
}

TEST(Accounts, VerifyNamesAnAccountChangedBehindAimsBack) {
  struct Case {
    const char* sql;
    const char* where;
    const char* what;
  };
  const std::vector<Case> cases = {
      {"UPDATE user_accounts SET role = 'admin'", "user dave@example.org", "changed behind aims' back"},
      {"UPDATE user_accounts SET password_hash = '$argon2id$forged'", "user dave@example.org",
       "changed behind aims' back"},
      {"UPDATE api_tokens SET expires_us = NULL, revoked_us = NULL, token_sha256 = zeroblob(32)", "api_token 1",
       "changed behind aims' back"},
      {"INSERT INTO access_roles (record_version, created_us, updated_us, name, permissions) "
       "VALUES (1, 0, 0, 'backdoor', 'user.admin')",
       "access_role backdoor", "has no ledger entry"},
  };
  for (const auto& c : cases) {
    TempDir dir;
    auto ws = NewAccountsRegister(dir);
    ASSERT_TRUE(Accounts::AddUser(*ws, "dave@example.org", "", "viewer", kPassword, std::nullopt).ok());
    ASSERT_TRUE(Accounts::CreateToken(*ws, "dave@example.org", "ci", std::nullopt).ok());
    ExpectVerifies(*ws, 2);
    ASSERT_TRUE(ws->store().connection().Exec(c.sql).ok()) << c.sql;
    auto report = VerifyLedger(*ws, {.check_blobs = false});
    ASSERT_TRUE(report.ok());
    ASSERT_FALSE(report->ok()) << c.sql;
    EXPECT_EQ(report->problems.front().where, c.where) << c.sql;
    EXPECT_NE(report->problems.front().what.find(c.what), std::string::npos) << report->problems.front().what;
  }
}

TEST(Tokens, AuthenticateUntilRevokedExpiredOrDisabledAndAreNeverStoredInClear) {
  TempDir dir;
  FakeClock clock("2026-11-28T09:00:00Z");
  auto ws = NewAccountsRegister(dir);
  domain::Id person = AddPerson(*ws, "erin@example.org");
  ASSERT_TRUE(Accounts::AddUser(*ws, "erin@example.org", "Erin", "system-owner", kPassword, person).ok());
  auto created = Accounts::CreateToken(*ws, "erin@example.org", "ci", std::nullopt);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  const std::string token = created->token;
  EXPECT_TRUE(token.starts_with("aims_"));
  EXPECT_EQ(token.size(), 5u + 64u);

  auto p = Accounts::AuthenticateToken(*ws, token);
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ(p->email, "erin@example.org");
  EXPECT_EQ(p->role, "system-owner");
  EXPECT_EQ(p->person, person);
  EXPECT_TRUE(p->permissions.Has(Permission::kSystemWriteOwn));
  EXPECT_FALSE(p->permissions.Has(Permission::kSystemWrite));
  EXPECT_EQ(p->actor(), "user:erin@example.org");

  // Last use is written at most once a minute.
  auto last_used = [&] { return Accounts::GetToken(*ws, created->info.token.id)->token.last_used_at; };
  EXPECT_EQ(last_used(), clock.now());
  base::Timestamp first_use = clock.now();
  clock.AdvanceSeconds(30);
  ASSERT_TRUE(Accounts::AuthenticateToken(*ws, token).ok());
  EXPECT_EQ(last_used(), first_use);
  clock.AdvanceSeconds(30);
  ASSERT_TRUE(Accounts::AuthenticateToken(*ws, token).ok());
  EXPECT_EQ(last_used(), clock.now());

  // Neither the token nor its hex part is in the database files; listings never carry it.
  std::string bytes = DatabaseBytes(*ws);
  EXPECT_EQ(bytes.find(token), std::string::npos);
  EXPECT_EQ(bytes.find(token.substr(5)), std::string::npos);
  EXPECT_EQ(bytes.find(base::ToHex(base::Sha256(token))), std::string::npos);

  std::string other = "aims_" + std::string(64, 'a');
  for (const auto& bad : {std::string(""), std::string("Bearer"), token.substr(0, 60), token + "0",
                          std::string("aims_") + std::string(64, 'G'), other}) {
    auto r = Accounts::AuthenticateToken(*ws, bad);
    EXPECT_EQ(r.status().code(), base::StatusCode::kUnauthenticated) << bad;
  }

  // An expiring token works until its time, then not.
  base::Timestamp in_an_hour(clock.now().micros() + 60 * kMinute);
  auto expiring = Accounts::CreateToken(*ws, "erin@example.org", "short", in_an_hour);
  ASSERT_TRUE(expiring.ok());
  EXPECT_TRUE(Accounts::AuthenticateToken(*ws, expiring->token).ok());
  clock.Advance(60);
  auto expired = Accounts::AuthenticateToken(*ws, expiring->token);
  EXPECT_EQ(expired.status().code(), base::StatusCode::kUnauthenticated);
  EXPECT_NE(expired.status().message().find("expired"), std::string_view::npos);

  // A disabled user's token is refused, and accepted again once the user is enabled.
  ASSERT_TRUE(Accounts::DisableUser(*ws, "erin@example.org").ok());
  EXPECT_EQ(Accounts::AuthenticateToken(*ws, token).status().code(), base::StatusCode::kUnauthenticated);
  ASSERT_TRUE(Accounts::EnableUser(*ws, "erin@example.org").ok());
  EXPECT_TRUE(Accounts::AuthenticateToken(*ws, token).ok());

  // A revoked token is refused for good.
  ASSERT_TRUE(Accounts::RevokeToken(*ws, created->info.token.id).ok());
  auto revoked = Accounts::AuthenticateToken(*ws, token);
  EXPECT_EQ(revoked.status().code(), base::StatusCode::kUnauthenticated);
  EXPECT_NE(revoked.status().message().find("revoked"), std::string_view::npos);
  EXPECT_EQ(Accounts::RevokeToken(*ws, created->info.token.id).code(), base::StatusCode::kFailedPrecondition);

  auto listed = Accounts::ListTokens(*ws, "erin@example.org");
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].user_email, "erin@example.org");
  EXPECT_TRUE((*listed)[0].token.revoked_at);
  EXPECT_EQ(Accounts::ListTokens(*ws, "nobody@example.org").status().code(), base::StatusCode::kNotFound);
  ExpectVerifies(*ws, 3);
}

TEST(Login, LocksAKeyAfterFiveFailuresUntilFifteenMinutesPass) {
  TempDir dir;
  FakeClock clock("2026-11-28T09:00:00Z");
  auto ws = NewAccountsRegister(dir);
  ASSERT_TRUE(Accounts::AddUser(*ws, "frank@example.org", "", "auditor", kPassword, std::nullopt).ok());
  int64_t ledger_before = LedgerSize(*ws);
  auto login = [&](const char* password, const char* client = "10.0.0.1") {
    return Accounts::Login(*ws, "frank@example.org", password, client).status();
  };
  for (int i = 1; i <= 4; ++i) {
    clock.Advance(1);
    EXPECT_EQ(login("wrong password 1").code(), base::StatusCode::kUnauthenticated) << i;
  }
  clock.Advance(1);  // 09:05, the fifth failure
  base::Status fifth = login("wrong password 1");
  EXPECT_EQ(fifth.code(), base::StatusCode::kResourceExhausted);
  EXPECT_NE(fifth.message().find("too many failed logins; try again after 2026-11-28T09:20:00"),
            std::string_view::npos)
      << fifth.ToString();
  // Locked: the right password is refused too, but only for this client.
  EXPECT_EQ(login(kPassword).code(), base::StatusCode::kResourceExhausted);
  EXPECT_TRUE(login(kPassword, "10.0.0.2").ok());
  clock.Advance(14);  // 09:19
  EXPECT_EQ(login(kPassword).code(), base::StatusCode::kResourceExhausted);
  clock.Advance(1);  // 09:20: the lock has lifted
  EXPECT_TRUE(login(kPassword).ok());
  // A success resets the count: four more failures do not lock.
  for (int i = 0; i < 4; ++i) EXPECT_EQ(login("wrong password 2").code(), base::StatusCode::kUnauthenticated);
  EXPECT_TRUE(login(kPassword).ok());

  // An email without an account answers the same, and locks the same.
  for (int i = 1; i <= 4; ++i) {
    base::Status s = Accounts::Login(*ws, "ghost@example.org", kPassword, "10.0.0.1").status();
    EXPECT_EQ(s.code(), base::StatusCode::kUnauthenticated);
    EXPECT_EQ(s.message(), "wrong email or password");
  }
  EXPECT_EQ(Accounts::Login(*ws, "ghost@example.org", kPassword, "10.0.0.1").status().code(),
            base::StatusCode::kResourceExhausted);
  EXPECT_EQ(LedgerSize(*ws), ledger_before);
}

TEST(Sessions, ResolveUntilIdleOrAbsoluteEndAndLogout) {
  TempDir dir;
  FakeClock clock("2026-11-28T09:00:00Z");
  auto ws = NewAccountsRegister(dir);
  domain::Id person = AddPerson(*ws, "gina@example.org");
  ASSERT_TRUE(Accounts::AddUser(*ws, "gina@example.org", "", "risk-owner", kPassword, person).ok());
  auto session = Accounts::Login(*ws, "gina@example.org", kPassword, "10.0.0.1");
  ASSERT_TRUE(session.ok()) << session.status().ToString();
  EXPECT_TRUE(IsLowerHex(session->id, 64));
  EXPECT_TRUE(IsLowerHex(session->csrf_token, 64));
  EXPECT_NE(session->id, session->csrf_token);
  EXPECT_EQ(session->expires_at, base::Timestamp(clock.now().micros() + kSessionLifetimeMicros));
  EXPECT_EQ(DatabaseBytes(*ws).find(session->id), std::string::npos);

  auto info = Accounts::ResolveSession(*ws, session->id);
  ASSERT_TRUE(info.ok()) << info.status().ToString();
  EXPECT_EQ(info->principal.email, "gina@example.org");
  EXPECT_EQ(info->principal.person, person);
  EXPECT_EQ(info->csrf_token, session->csrf_token);
  EXPECT_EQ(info->expires_at, base::Timestamp(clock.now().micros() + kSessionIdleMicros));

  // A role change shows in the next request.
  ASSERT_TRUE(Accounts::SetRole(*ws, "gina@example.org", "auditor").ok());
  info = Accounts::ResolveSession(*ws, session->id);
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->principal.role, "auditor");
  EXPECT_TRUE(info->principal.permissions.Has(Permission::kLedgerRead));

  // Used every 119 minutes it lives until its absolute end, 12 hours after sign-in.
  for (int used = 0; used < 6; ++used) {
    clock.Advance(119);
    EXPECT_TRUE(Accounts::ResolveSession(*ws, session->id).ok()) << used;
  }
  clock.Advance(6);  // 09:00 + 12 h
  EXPECT_EQ(Accounts::ResolveSession(*ws, session->id).status().code(), base::StatusCode::kUnauthenticated);

  // Idle for two hours, a session ends.
  auto idle = Accounts::Login(*ws, "gina@example.org", kPassword, "10.0.0.1");
  ASSERT_TRUE(idle.ok());
  clock.Advance(119);
  EXPECT_TRUE(Accounts::ResolveSession(*ws, idle->id).ok());
  clock.Advance(120);
  EXPECT_EQ(Accounts::ResolveSession(*ws, idle->id).status().code(), base::StatusCode::kUnauthenticated);

  // Logout ends it at once; a second logout, or a malformed id, is not an error.
  auto out = Accounts::Login(*ws, "gina@example.org", kPassword, "10.0.0.1");
  ASSERT_TRUE(out.ok());
  EXPECT_TRUE(Accounts::ResolveSession(*ws, out->id).ok());
  EXPECT_TRUE(Accounts::Logout(*ws, out->id).ok());
  EXPECT_EQ(Accounts::ResolveSession(*ws, out->id).status().code(), base::StatusCode::kUnauthenticated);
  EXPECT_TRUE(Accounts::Logout(*ws, out->id).ok());
  EXPECT_TRUE(Accounts::Logout(*ws, "not a session").ok());
  EXPECT_EQ(Accounts::ResolveSession(*ws, "not a session").status().code(), base::StatusCode::kUnauthenticated);

  // Disabling a user ends their sessions, and they cannot sign in.
  auto live = Accounts::Login(*ws, "gina@example.org", kPassword, "10.0.0.1");
  ASSERT_TRUE(live.ok());
  ASSERT_TRUE(Accounts::DisableUser(*ws, "gina@example.org").ok());
  EXPECT_EQ(Accounts::ResolveSession(*ws, live->id).status().code(), base::StatusCode::kUnauthenticated);
  auto refused = Accounts::Login(*ws, "gina@example.org", kPassword, "10.0.0.1");
  EXPECT_EQ(refused.status().code(), base::StatusCode::kUnauthenticated);
  EXPECT_NE(refused.status().message().find("disabled"), std::string_view::npos);
}

TEST(Roles, ListBuiltinThenCustomWithPermissions) {
  TempDir dir;
  auto ws = NewAccountsRegister(dir);
  ASSERT_TRUE(Accounts::DefineRole(*ws, "dpo", {Permission::kRegisterRead, Permission::kLedgerRead}).ok());
  ASSERT_TRUE(Accounts::DefineRole(*ws, "auditor-lite", {Permission::kRegisterRead}).ok());
  auto roles = Accounts::ListRoles(*ws);
  ASSERT_TRUE(roles.ok());
  std::vector<std::string> names;
  for (const auto& r : *roles) names.push_back(r.name);
  EXPECT_EQ(names, (std::vector<std::string>{"admin", "aims-manager", "system-owner", "risk-owner", "approver",
                                             "auditor", "viewer", "auditor-lite", "dpo"}));
  EXPECT_FALSE(roles->back().builtin);
  EXPECT_EQ(roles->back().permissions.ToText(), "register.read ledger.read");
  // A custom role is usable at once.
  auto user = Accounts::AddUser(*ws, "hal@example.org", "", "dpo", kPassword, std::nullopt);
  ASSERT_TRUE(user.ok()) << user.status().ToString();
  auto session = Accounts::Login(*ws, "hal@example.org", kPassword, "");
  ASSERT_TRUE(session.ok());
  EXPECT_EQ(session->principal.permissions, (domain::PermissionSet{Permission::kRegisterRead, Permission::kLedgerRead}));
}

}  // namespace
}  // namespace aims::service
