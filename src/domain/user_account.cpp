#include "domain/user_account.h"

#include "base/canonical_json.h"

namespace aims::domain {

namespace {

void OptionalTime(base::CanonicalJson* json, std::string_view key,
                  const std::optional<base::Timestamp>& t) {
  if (t) {
    json->Text(key, t->ToString());
  } else {
    json->Null(key);
  }
}

std::string CredentialDigest(std::string_view credential) {
  return base::ToHex(base::Sha256(credential));
}

}  // namespace

base::Result<std::string> NormaliseEmail(std::string_view email, std::string_view field) {
  while (!email.empty() && email.front() == ' ') email.remove_prefix(1);
  while (!email.empty() && email.back() == ' ') email.remove_suffix(1);
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  auto bad = [&](std::string_view why) {
    return base::Status::InvalidArgument("not an email address \"" + std::string(email) + "\" (" +
                                             std::string(why) + ")",
                                         field);
  };
  if (out.empty()) return base::Status::InvalidArgument("required field is missing or empty", field);
  if (out.size() > 254) return bad("longer than 254 bytes");
  size_t at = out.find('@');
  if (at == std::string::npos || out.find('@', at + 1) != std::string::npos) return bad("needs one @");
  if (at == 0 || at + 1 == out.size()) return bad("needs a name before and a domain after the @");
  for (char ch : out) {
    auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7f || ch == '<' || ch == '>' || ch == ',' || ch == ';') {
      return bad("no spaces, control characters or <>,;");
    }
  }
  return out;
}

base::Status CheckPassword(std::string_view password) {
  if (password.size() > kMaxPasswordBytes) {
    return base::Status::InvalidArgument(
        "too long: at most " + std::to_string(kMaxPasswordBytes) + " bytes", "password");
  }
  size_t chars = 0;
  for (char c : password) chars += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  if (chars < kMinPasswordChars) {
    return base::Status::InvalidArgument(
        "too short: at least " + std::to_string(kMinPasswordChars) + " characters", "password");
  }
  return base::Status::OK();
}

namespace {

base::Status CheckOneLine(std::string_view text, size_t max_bytes, std::string_view field) {
  if (text.size() > max_bytes) {
    return base::Status::InvalidArgument("too long: at most " + std::to_string(max_bytes) + " bytes",
                                         field);
  }
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      return base::Status::InvalidArgument("must be one line without control characters", field);
    }
  }
  return base::Status::OK();
}

}  // namespace

base::Status CheckTokenName(std::string_view name) {
  if (name.empty()) return base::Status::InvalidArgument("required field is missing or empty", "name");
  return CheckOneLine(name, 100, "name");
}

base::Status Validate(const UserAccount& user) {
  AIMS_ASSIGN_OR_RETURN(std::string email, NormaliseEmail(user.email));
  if (email != user.email) {
    return base::Status::InvalidArgument("must be stored lower-cased and trimmed", "email");
  }
  AIMS_TRY(CheckOneLine(user.display_name, kMaxDisplayNameBytes, "name"));
  AIMS_TRY(CheckRoleName(user.role, "role"));
  if (user.person && *user.person <= 0) {
    return base::Status::InvalidArgument("not a valid reference", "person");
  }
  return base::Status::OK();
}

base::Digest UserStateHash(const UserAccount& user, std::string_view credential) {
  base::CanonicalJson json;
  json.Text("entity", kUserEntityType);
  json.Int("id", user.id);
  json.Int("version", user.version);
  json.Text("created_at", user.created_at.ToString());
  json.Text("updated_at", user.updated_at.ToString());
  json.Text("email", user.email);
  json.Text("display_name", user.display_name);
  json.Text("role", user.role);
  if (user.person) {
    json.Int("person", *user.person);
  } else {
    json.Null("person");
  }
  json.Bool("disabled", user.disabled);
  json.Text("credential_sha256", CredentialDigest(credential));
  return base::Sha256(json.Finish());
}

base::Digest TokenStateHash(const ApiToken& token, std::string_view credential) {
  base::CanonicalJson json;
  json.Text("entity", kApiTokenEntityType);
  json.Int("id", token.id);
  json.Int("user_id", token.user_id);
  json.Text("name", token.name);
  json.Text("created_at", token.created_at.ToString());
  OptionalTime(&json, "expires_at", token.expires_at);
  OptionalTime(&json, "revoked_at", token.revoked_at);
  json.Text("credential_sha256", CredentialDigest(credential));
  return base::Sha256(json.Finish());
}

base::Digest RoleStateHash(const AccessRole& role) {
  base::CanonicalJson json;
  json.Text("entity", kAccessRoleEntityType);
  json.Int("id", role.id);
  json.Int("version", role.version);
  json.Text("created_at", role.created_at.ToString());
  json.Text("updated_at", role.updated_at.ToString());
  json.Text("name", role.name);
  json.TextArray("permissions", role.permissions.Names());
  return base::Sha256(json.Finish());
}

}  // namespace aims::domain
