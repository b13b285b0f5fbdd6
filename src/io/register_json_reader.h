// Reads the JSON form of a RegisterDocument (aims import), strictly: an unknown key, a value of
// the wrong type, an unknown enum name, a bad date or a malformed file is an InvalidArgument
// whose `where` is the file and the JSON pointer (or line and column for a syntax error).
// Record-level rules (required fields, references, duplicates) are checked later by the service
// when the records are stored. Missing timestamps default to `now`; a missing record_version to 1.
#pragma once

#include <string_view>

#include "base/result.h"
#include "base/time.h"
#include "io/register_document.h"

namespace aims::io {

inline constexpr size_t kMaxRegisterBytes = size_t{2} << 30;

base::Result<RegisterDocument> ReadRegisterJson(std::string_view text, std::string_view file_name,
                                                base::Timestamp now);

}  // namespace aims::io
