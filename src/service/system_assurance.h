// What treats an AI system's risks, as the system's page shows it and its lifecycle gates check
// it: the live risks that name the system, the controls those risks list (as linked, retired
// ones included) and the live evidence for those controls, each once.
#pragma once

#include <vector>

#include "base/result.h"
#include "domain/entities.h"
#include "store/store.h"

namespace aims::service {

struct SystemAssurance {
  std::vector<domain::Risk> risks;
  std::vector<domain::Control> controls;
  std::vector<domain::Evidence> evidence;
};

base::Result<SystemAssurance> AssuranceOf(store::Tx& tx, domain::Id system);

}  // namespace aims::service
