// Unit tests for store/account_table on real SQLite files: the 0002 tables, case-insensitive
// email uniqueness, versioned updates, token and session lookups by hash, last-use throttling
// and the login-attempt counters.
#include <gtest/gtest.h>

#include "store/store.h"
#include "support/temp_dir.h"

namespace aims::store {
namespace {

using aims::testing::TempDir;

domain::UserAccount User(const std::string& email) {
  domain::UserAccount u;
  u.email = email;
  u.role = "viewer";
  u.version = 1;
  u.created_at = base::Timestamp(10);
  u.updated_at = base::Timestamp(10);
  return u;
}

class AccountTableTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = Store::OpenSqlite(dir_.Sub("a.db"), {.create_if_missing = true});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
  }
  // Runs `body` in a write transaction and expects it to succeed.
  void Write(const std::function<base::Status(AccountTable&)>& body) {
    base::Status s = store_->Write([&](Tx& tx) {
      AccountTable accounts = tx.accounts();
      return body(accounts);
    });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

TEST_F(AccountTableTest, UsersAreUniqueByEmailAndUpdatedByVersion) {
  Write([](AccountTable& t) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t id, t.InsertUser(User("alice@example.org"), "$argon2id$x"));
    EXPECT_EQ(id, 1);
    auto dup = t.InsertUser(User("alice@example.org"), "$argon2id$y");
    EXPECT_EQ(dup.status().code(), base::StatusCode::kAlreadyExists);
    EXPECT_EQ(dup.status().where(), "email");
    // The schema refuses an email that is not lower-cased, so uniqueness cannot be dodged by case.
    EXPECT_FALSE(t.InsertUser(User("Alice@example.org"), "$argon2id$z").ok());

    AIMS_ASSIGN_OR_RETURN(auto found, t.FindUser("alice@example.org"));
    EXPECT_TRUE(found);
    EXPECT_EQ(found->password_hash, "$argon2id$x");
    EXPECT_EQ(found->account.created_at, base::Timestamp(10));
    domain::UserAccount u = found->account;
    u.role = "admin";
    u.version = 2;
    AIMS_TRY(t.UpdateUser(u, 1));
    EXPECT_EQ(t.UpdateUser(u, 1).code(), base::StatusCode::kConflict);
    u.id = 99;
    EXPECT_EQ(t.UpdateUser(u, 2).code(), base::StatusCode::kNotFound);
    AIMS_ASSIGN_OR_RETURN(auto again, t.GetUser(1));
    EXPECT_EQ(again->account.role, "admin");
    EXPECT_EQ(again->account.version, 2);
    AIMS_ASSIGN_OR_RETURN(auto none, t.FindUser("bob@example.org"));
    EXPECT_FALSE(none);
    return base::Status::OK();
  });
}

TEST_F(AccountTableTest, UsersReferToExistingPeopleOnly) {
  base::Status s = store_->Write([](Tx& tx) -> base::Status {
    domain::UserAccount u = User("carol@example.org");
    u.person = 42;
    return tx.accounts().InsertUser(u, "$argon2id$x").status();
  });
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);  // the foreign key to people
}

TEST_F(AccountTableTest, RolesStoreTheirPermissions) {
  Write([](AccountTable& t) -> base::Status {
    domain::AccessRole r{.name = "dpo", .permissions = {domain::Permission::kRegisterRead, domain::Permission::kApprove},
                         .version = 1};
    AIMS_ASSIGN_OR_RETURN(r.id, t.InsertRole(r));
    EXPECT_EQ(t.InsertRole(r).status().code(), base::StatusCode::kAlreadyExists);
    r.permissions.Add(domain::Permission::kLedgerRead);
    r.version = 2;
    AIMS_TRY(t.UpdateRole(r, 1));
    AIMS_ASSIGN_OR_RETURN(auto found, t.FindRole("dpo"));
    EXPECT_EQ(found->permissions, r.permissions);
    EXPECT_EQ(found->version, 2);
    AIMS_ASSIGN_OR_RETURN(auto all, t.ListRoles());
    EXPECT_EQ(all.size(), 1u);
    return base::Status::OK();
  });
  // A permission name the binary does not know is corruption, not an empty grant.
  ASSERT_TRUE(store_->connection().Exec("UPDATE access_roles SET permissions = 'register.read god.mode'").ok());
  base::Status s = store_->Read([](Tx& tx) { return tx.accounts().ListRoles().status(); });
  EXPECT_EQ(s.code(), base::StatusCode::kCorruption);
}

TEST_F(AccountTableTest, TokensAreFoundByHashAndTouchedAtMostOncePerInterval) {
  Write([](AccountTable& t) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t user, t.InsertUser(User("dave@example.org"), "$argon2id$x"));
    domain::ApiToken token{.user_id = user, .name = "ci", .created_at = base::Timestamp(100)};
    base::Digest digest = base::Sha256("aims_secret");
    AIMS_ASSIGN_OR_RETURN(token.id, t.InsertToken(token, digest));
    AIMS_ASSIGN_OR_RETURN(auto found, t.FindToken(digest));
    EXPECT_TRUE(found);
    EXPECT_EQ(found->token.name, "ci");
    EXPECT_FALSE(found->token.expires_at);
    AIMS_ASSIGN_OR_RETURN(auto missing, t.FindToken(base::Sha256("aims_other")));
    EXPECT_FALSE(missing);

    AIMS_TRY(t.TouchToken(token.id, base::Timestamp(1000), base::Timestamp(0)));
    AIMS_TRY(t.TouchToken(token.id, base::Timestamp(1500), base::Timestamp(500)));  // too soon
    AIMS_ASSIGN_OR_RETURN(auto touched, t.GetToken(token.id));
    EXPECT_EQ(touched->token.last_used_at, base::Timestamp(1000));
    AIMS_TRY(t.TouchToken(token.id, base::Timestamp(3000), base::Timestamp(2000)));
    AIMS_ASSIGN_OR_RETURN(touched, t.GetToken(token.id));
    EXPECT_EQ(touched->token.last_used_at, base::Timestamp(3000));

    AIMS_TRY(t.SetTokenRevoked(token.id, base::Timestamp(4000)));
    int n = 0;
    AIMS_TRY(t.ScanTokens(user, [&](const StoredToken& s) {
      ++n;
      EXPECT_EQ(s.token.revoked_at, base::Timestamp(4000));
      return base::Status::OK();
    }));
    AIMS_TRY(t.ScanTokens(user + 1, [&](const StoredToken&) {
      ++n;
      return base::Status::OK();
    }));
    EXPECT_EQ(n, 1);
    return base::Status::OK();
  });
}

TEST_F(AccountTableTest, SessionsAndLoginAttempts) {
  Write([](AccountTable& t) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t user, t.InsertUser(User("erin@example.org"), "$argon2id$x"));
    StoredSession s{.id_sha256 = base::Sha256("session"), .user_id = user, .csrf_token = "csrf",
                    .created_at = base::Timestamp(0), .expires_at = base::Timestamp(1000),
                    .last_seen_at = base::Timestamp(0)};
    AIMS_TRY(t.InsertSession(s));
    s.id_sha256 = base::Sha256("idle");
    s.expires_at = base::Timestamp(5000);
    AIMS_TRY(t.InsertSession(s));
    AIMS_ASSIGN_OR_RETURN(auto found, t.FindSession(base::Sha256("session")));
    EXPECT_EQ(found->csrf_token, "csrf");
    // At 2000 the first has reached its absolute end; the second goes once the idle cutoff
    // reaches its last use (0).
    AIMS_TRY(t.DeleteExpiredSessions(base::Timestamp(2000), base::Timestamp(-1)));
    AIMS_ASSIGN_OR_RETURN(found, t.FindSession(base::Sha256("session")));
    EXPECT_FALSE(found);
    AIMS_ASSIGN_OR_RETURN(found, t.FindSession(base::Sha256("idle")));
    EXPECT_TRUE(found);
    AIMS_TRY(t.DeleteExpiredSessions(base::Timestamp(2000), base::Timestamp(0)));
    AIMS_ASSIGN_OR_RETURN(found, t.FindSession(base::Sha256("idle")));
    EXPECT_FALSE(found);

    domain::LoginAttempts a{3, base::Timestamp(100), std::nullopt};
    AIMS_TRY(t.PutLoginAttempts("erin@example.org 10.0.0.1", a));
    a.failures = 5;
    a.locked_until = base::Timestamp(900);
    AIMS_TRY(t.PutLoginAttempts("erin@example.org 10.0.0.1", a));
    AIMS_TRY(t.PutLoginAttempts("erin@example.org 10.0.0.2", {1, base::Timestamp(100), std::nullopt}));
    AIMS_ASSIGN_OR_RETURN(auto got, t.GetLoginAttempts("erin@example.org 10.0.0.1"));
    EXPECT_EQ(got, a);
    // At 500 with a window cutoff of 100: the unlocked counter is stale, the locked one is not.
    AIMS_TRY(t.DeleteStaleLoginAttempts(base::Timestamp(500), base::Timestamp(100)));
    AIMS_ASSIGN_OR_RETURN(got, t.GetLoginAttempts("erin@example.org 10.0.0.2"));
    EXPECT_FALSE(got);
    AIMS_ASSIGN_OR_RETURN(got, t.GetLoginAttempts("erin@example.org 10.0.0.1"));
    EXPECT_TRUE(got);
    AIMS_TRY(t.DeleteLoginAttempts("erin@example.org 10.0.0.1"));
    AIMS_ASSIGN_OR_RETURN(got, t.GetLoginAttempts("erin@example.org 10.0.0.1"));
    EXPECT_FALSE(got);
    return base::Status::OK();
  });
}

}  // namespace
}  // namespace aims::store
