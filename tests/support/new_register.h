// A new, initialised register in a temporary data directory, for the service tests: a real
// SQLite file, the 38 Annex A controls seeded as `aims init` does, actor "test:alice".
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "service/catalog_service.h"
#include "service/workspace.h"
#include "support/temp_dir.h"

namespace aims::testing {

inline std::unique_ptr<service::Workspace> NewRegister(const TempDir& dir, const std::string& name = "data") {
  service::WorkspaceOptions options;
  options.data_dir = dir.Sub(name);
  options.actor = "test:alice";
  auto ws = service::Workspace::Create(options);
  EXPECT_TRUE(ws.ok()) << ws.status().ToString();
  if (!ws.ok()) return nullptr;
  domain::Organisation org;
  org.name = "Test Org";
  base::Status s = (*ws)->Mutate([&](service::Mutation& m) { return service::InitialiseRegister(m, org); });
  EXPECT_TRUE(s.ok()) << s.ToString();
  return std::move(*ws);
}

}  // namespace aims::testing
