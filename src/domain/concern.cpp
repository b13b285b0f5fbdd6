#include "domain/concern.h"

#include <algorithm>

#include "base/canonical_json.h"
#include "base/sha256.h"

namespace aims::domain {

namespace {

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

// Length of the UTF-8 sequence starting with `lead`, 0 if it cannot start one.
int Utf8Length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

}  // namespace

base::Status CheckConcernText(std::string_view text, std::string_view field, size_t max) {
  std::string where(field);
  if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return base::Status::InvalidArgument("write what happened", where);
  }
  size_t chars = 0;
  for (size_t i = 0; i < text.size();) {
    auto c = static_cast<unsigned char>(text[i]);
    int len = Utf8Length(c);
    if (len == 0 || i + static_cast<size_t>(len) > text.size()) {
      return base::Status::InvalidArgument("is not valid UTF-8 text", where);
    }
    for (int k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + static_cast<size_t>(k)]) & 0xC0) != 0x80) {
        return base::Status::InvalidArgument("is not valid UTF-8 text", where);
      }
    }
    if (len == 1 && c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
      return base::Status::InvalidArgument("contains control characters", where);
    }
    i += static_cast<size_t>(len);
    ++chars;
  }
  if (chars > max) {
    return base::Status::InvalidArgument("is " + std::to_string(chars) + " characters long; the limit is " +
                                             std::to_string(max),
                                         where);
  }
  return base::Status::OK();
}

std::string FormatReceiptCode(const std::array<uint8_t, 15>& random) {
  std::string out;
  uint32_t buffer = 0;
  int bits = 0;
  for (uint8_t byte : random) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      if (!out.empty() && (out.size() + 1) % 5 == 0) out += '-';
      out += kCrockford[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return out;  // 120 bits: 24 symbols in six groups
}

base::Result<std::string> NormaliseReceiptCode(std::string_view text) {
  std::string symbols;
  for (char raw : text) {
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(raw)));
    if (c == '-' || c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    if (kCrockford.find(c) == std::string_view::npos || symbols.size() >= 24) {
      return base::Status::InvalidArgument("is not a receipt code (24 letters and digits, like 7KQ2-M9XD-...)",
                                           "receipt");
    }
    symbols += c;
  }
  if (symbols.size() != 24) {
    return base::Status::InvalidArgument("is not a receipt code (24 letters and digits, like 7KQ2-M9XD-...)",
                                         "receipt");
  }
  std::string out;
  for (size_t i = 0; i < symbols.size(); ++i) {
    if (i && i % 4 == 0) out += '-';
    out += symbols[i];
  }
  return out;
}

bool MaySeeConcern(const Concern& concern, const PermissionSet& permissions, std::optional<Id> person,
                   std::optional<Id> system_owner) {
  if (!permissions.Has(Permission::kConcernHandle)) return false;
  if (concern.hide_from_owner && person && system_owner && *person == *system_owner) return false;
  return true;
}

base::Digest ConcernStateHash(const Concern& c, const std::vector<ConcernMessage>& messages) {
  std::string thread;  // a hash chain over the messages, oldest first
  for (const auto& msg : messages) {
    base::CanonicalJson one;
    one.Text("previous", thread);
    one.Int("id", msg.id);
    one.Text("at", msg.at.ToString());
    one.Text("author", EnumName(msg.author));
    one.Text("body", msg.body);
    thread = base::ToHex(base::Sha256(one.Finish()));
  }
  base::CanonicalJson json;
  json.Text("entity", kConcernEntityType);
  json.Int("id", c.id);
  json.Int("version", c.version);
  json.Text("created_at", c.created_at.ToString());
  json.Text("updated_at", c.updated_at.ToString());
  json.Text("category", EnumName(c.category));
  json.Text("system_named", c.system_named);
  if (c.system) {
    json.Int("system", *c.system);
  } else {
    json.Null("system");
  }
  json.Text("status", EnumName(c.status));
  json.Bool("hide_from_owner", c.hide_from_owner);
  json.Int("messages", static_cast<int64_t>(messages.size()));
  json.Text("thread_sha256", thread);
  return base::Sha256(json.Finish());
}

bool RateWindow::Allow(int64_t now, int64_t window_micros, size_t limit) {
  auto first_kept = std::find_if(times.begin(), times.end(), [&](int64_t t) { return t > now - window_micros; });
  times.erase(times.begin(), first_kept);
  if (times.size() >= limit) return false;
  times.push_back(now);
  return true;
}

}  // namespace aims::domain
