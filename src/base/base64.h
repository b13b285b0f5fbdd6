// Base64 (RFC 4648, standard alphabet, padded), for evidence files carried inside the export.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace aims::base {

std::string Base64Encode(std::string_view bytes);
// Rejects characters outside the alphabet, bad padding and bad lengths; ignores no whitespace.
Result<std::string> Base64Decode(std::string_view text);

}  // namespace aims::base
