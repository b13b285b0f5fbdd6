// The demo organisation: a mid-sized lender with AI systems across the EU AI Act tiers, their
// models, data, suppliers, risks, controls, Statement of Applicability decisions and evidence
// files, built through the same use cases (and ledger) as real data.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "service/workspace.h"

namespace aims::service {

inline constexpr std::string_view kDemoOrganisation = "Northbridge Lending";

// A sign-in for `aims serve`, one per built-in role, made with the demo. The password is random
// and shown only when the demo is created.
struct DemoLogin {
  std::string role;
  std::string email;
  std::string password;
};

struct DemoSummary {
  std::string organisation;
  std::string description;  // one paragraph on what is in it
  bool created = false;     // false: the directory already held the demo
  std::vector<DemoLogin> logins;  // when created
};

// Creates the data directory with the demo register. If the directory already holds the demo
// organisation, reports it (created = false); if it holds anything else, AlreadyExists.
base::Result<DemoSummary> CreateDemo(const WorkspaceOptions& options);

}  // namespace aims::service
