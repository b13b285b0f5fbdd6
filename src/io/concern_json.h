// A concern as JSON. The reporter's view (POST /api/v1/concerns/receipt) holds only what the
// reporter may read: {"status": "answered", "messages": [{"author": "reporter"|"handler",
// "at": "...Z", "body": "..."}]}. The handlers' view adds the report's id, version, category,
// the system as named and as linked, the hide-from-owner mark and its times.
#pragma once

#include <string>

#include "domain/concern.h"

namespace aims::io {

std::string ConcernReporterJson(const domain::Concern& concern, const std::vector<domain::ConcernMessage>& messages);
std::string ConcernHandlerJson(const domain::Concern& concern, const std::vector<domain::ConcernMessage>& messages);

}  // namespace aims::io
