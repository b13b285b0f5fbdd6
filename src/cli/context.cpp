#include "cli/context.h"

namespace aims::cli {

service::WorkspaceOptions CliContext::Options() const {
  service::WorkspaceOptions options;
  options.data_dir = data_dir;
  options.actor = actor;
  return options;
}

base::Result<std::unique_ptr<service::Workspace>> CliContext::Open() const {
  return service::Workspace::Open(Options());
}

}  // namespace aims::cli
