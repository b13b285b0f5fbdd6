// API tokens: created and revoked with a ledger entry; authenticating with one is not ledgered.
#include <map>

#include "base/clock.h"
#include "service/accounts.h"
#include "service/credentials.h"

namespace aims::service {

namespace {

std::string_view DigestBytes(const base::Digest& d) {
  return std::string_view(reinterpret_cast<const char*>(d.data()), d.size());
}

base::Status LogToken(Mutation& m, const domain::ApiToken& token, const base::Digest& digest,
                      std::string_view action) {
  return m.LogEntity(domain::kApiTokenEntityType, token.id, domain::TokenStateHash(token, DigestBytes(digest)),
                     action);
}

}  // namespace

base::Result<NewToken> Accounts::CreateToken(Workspace& ws, std::string_view email, std::string_view name,
                                             std::optional<base::Timestamp> expires) {
  AIMS_ASSIGN_OR_RETURN(std::string normalised, domain::NormaliseEmail(email, "user"));
  AIMS_TRY(domain::CheckTokenName(name));
  NewToken out;
  out.token = std::string(kTokenPrefix) + RandomHex(32);
  base::Digest digest = SecretDigest(out.token);
  domain::ApiToken& token = out.info.token;
  token.name = std::string(name);
  token.expires_at = expires;
  AIMS_TRY(ws.Mutate([&](Mutation& m) -> base::Status {
    if (expires && *expires <= m.now()) {
      return base::Status::InvalidArgument("must be in the future, got " + expires->ToString(), "expires");
    }
    store::AccountTable accounts = m.tx().accounts();
    AIMS_ASSIGN_OR_RETURN(auto user, accounts.FindUser(normalised));
    if (!user) return base::Status::NotFound("no user \"" + normalised + "\"", "user");
    if (user->account.disabled) {
      return base::Status::FailedPrecondition("the user is disabled", normalised);
    }
    token.user_id = user->account.id;
    token.created_at = m.now();
    AIMS_ASSIGN_OR_RETURN(token.id, accounts.InsertToken(token, digest));
    return LogToken(m, token, digest, "create");
  }));
  out.info.user_email = normalised;
  return out;
}

base::Status Accounts::RevokeToken(Workspace& ws, int64_t token_id) {
  return ws.Mutate([&](Mutation& m) -> base::Status {
    store::AccountTable accounts = m.tx().accounts();
    AIMS_ASSIGN_OR_RETURN(auto stored, accounts.GetToken(token_id));
    std::string where = "token " + std::to_string(token_id);
    if (!stored) return base::Status::NotFound("no such API token", where);
    if (stored->token.revoked_at) {
      return base::Status::FailedPrecondition("already revoked on " + stored->token.revoked_at->ToString(), where);
    }
    stored->token.revoked_at = m.now();
    AIMS_TRY(accounts.SetTokenRevoked(token_id, m.now()));
    return LogToken(m, stored->token, stored->token_sha256, "revoke");
  });
}

base::Result<TokenInfo> Accounts::GetToken(Workspace& ws, int64_t token_id) {
  TokenInfo out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto stored, tx.accounts().GetToken(token_id));
    if (!stored) return base::Status::NotFound("no such API token", "token " + std::to_string(token_id));
    AIMS_ASSIGN_OR_RETURN(auto user, tx.accounts().GetUser(stored->token.user_id));
    out.token = stored->token;
    out.user_email = user ? user->account.email : "";
    return base::Status::OK();
  }));
  return out;
}

base::Result<std::vector<TokenInfo>> Accounts::ListTokens(Workspace& ws, std::optional<std::string_view> email) {
  std::vector<TokenInfo> out;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    store::AccountTable accounts = tx.accounts();
    std::map<int64_t, std::string> emails;
    AIMS_TRY(accounts.ScanUsers([&](const store::StoredUser& u) {
      emails[u.account.id] = u.account.email;
      return base::Status::OK();
    }));
    std::optional<int64_t> user_id;
    if (email) {
      AIMS_ASSIGN_OR_RETURN(std::string normalised, domain::NormaliseEmail(*email, "user"));
      AIMS_ASSIGN_OR_RETURN(auto user, accounts.FindUser(normalised));
      if (!user) return base::Status::NotFound("no user \"" + normalised + "\"", "user");
      user_id = user->account.id;
    }
    return accounts.ScanTokens(user_id, [&](const store::StoredToken& t) {
      out.push_back({t.token, emails[t.token.user_id]});
      return base::Status::OK();
    });
  }));
  return out;
}

base::Result<Principal> Accounts::AuthenticateToken(Workspace& ws, std::string_view token) {
  if (!token.starts_with(kTokenPrefix) || !IsLowerHex(token.substr(kTokenPrefix.size()), 64)) {
    return base::Status::Unauthenticated("not an aims API token (expected aims_ and 64 hex digits)");
  }
  base::Digest digest = SecretDigest(token);
  base::Timestamp now = base::Now();
  Principal principal;
  bool touch = false;
  int64_t token_id = 0;
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(auto stored, tx.accounts().FindToken(digest));
    if (!stored) return base::Status::Unauthenticated("unknown API token");
    const domain::ApiToken& t = stored->token;
    if (t.revoked_at) return base::Status::Unauthenticated("this API token was revoked");
    if (t.expires_at && now >= *t.expires_at) {
      return base::Status::Unauthenticated("this API token expired at " + t.expires_at->ToString());
    }
    AIMS_ASSIGN_OR_RETURN(auto user, tx.accounts().GetUser(t.user_id));
    if (!user || user->account.disabled) return base::Status::Unauthenticated("this user account is disabled");
    AIMS_ASSIGN_OR_RETURN(principal, PrincipalOf(tx, user->account));
    token_id = t.id;
    touch = !t.last_used_at || now.micros() - t.last_used_at->micros() >= kTouchIntervalMicros;
    return base::Status::OK();
  }));
  // Not ledgered: a token's use is an access, not a change to the register.
  if (touch) {
    base::Timestamp not_before(now.micros() - kTouchIntervalMicros);
    AIMS_TRY(ws.store().Write([&](store::Tx& tx) { return tx.accounts().TouchToken(token_id, now, not_before); }));
  }
  return principal;
}

}  // namespace aims::service
