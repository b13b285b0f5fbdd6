// CliContext: the global options every command shares and the workspace they select.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "service/workspace.h"

namespace aims::cli {

struct CliContext {
  std::string data_dir;  // --data, AIMS_DATA, default ./aims-data
  std::string actor;     // --actor, AIMS_ACTOR, default cli:<login name>
  bool json = false;     // --json

  service::WorkspaceOptions Options() const;
  base::Result<std::unique_ptr<service::Workspace>> Open() const;
};

}  // namespace aims::cli
