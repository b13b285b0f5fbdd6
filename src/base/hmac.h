// HMAC-SHA256 (RFC 2104 with SHA-256, through OpenSSL), and a comparison of secrets that takes
// the same time wherever they differ.
// Thread safety: functions only.
#pragma once

#include <string_view>

#include "base/sha256.h"

namespace aims::base {

Digest HmacSha256(std::string_view key, std::string_view message);

// Whether a and b are equal, in time that depends only on their lengths.
bool ConstantTimeEqual(std::string_view a, std::string_view b);

}  // namespace aims::base
