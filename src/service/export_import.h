// aims export / aims import: the whole register as one JSON document (io/register_json_*.h),
// and back. Import is all or nothing: one transaction writes every record and its ledger entry;
// a bad record names its file and JSON pointer and nothing is written.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "base/result.h"
#include "io/register_json_reader.h"
#include "service/workspace.h"

namespace aims::service {

struct ExportOptions {
  bool include_blobs = true;  // embed evidence files (base64) for a self-contained document
};

base::Result<std::string> ExportRegister(Workspace& ws, const ExportOptions& options);

struct ImportSummary {
  std::map<std::string, int64_t> counts;  // section -> records imported
  int64_t records = 0;
  uint64_t ledger_size = 0;
};

// REQUIRES: the workspace's register is empty (a fresh data directory): FailedPrecondition
// otherwise. If the document carries no catalogs, the built-in ones are registered.
base::Result<ImportSummary> ImportRegister(Workspace& ws, std::string_view text,
                                           std::string_view file_name);
// The same for a document already parsed (the CLI parses while it opens the data directory).
base::Result<ImportSummary> ImportRegister(Workspace& ws, const io::RegisterJsonSource& source,
                                           std::string_view file_name);

}  // namespace aims::service
