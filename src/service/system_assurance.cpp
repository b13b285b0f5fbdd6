#include "service/system_assurance.h"

#include <set>

#include "service/mutation.h"

namespace aims::service {

base::Result<SystemAssurance> AssuranceOf(store::Tx& tx, domain::Id system) {
  SystemAssurance a;
  AIMS_ASSIGN_OR_RETURN(a.risks, LiveReferring<domain::Risk>(tx, "systems", system));
  std::set<domain::Id> control_ids;
  for (const auto& r : a.risks) control_ids.insert(r.controls.begin(), r.controls.end());
  std::set<domain::Id> seen;
  for (domain::Id cid : control_ids) {
    auto c = tx.records<domain::Control>().Get(cid);
    if (!c.ok()) continue;
    a.controls.push_back(std::move(*c));
    AIMS_ASSIGN_OR_RETURN(auto evidence, LiveReferring<domain::Evidence>(tx, "controls", cid));
    for (auto& e : evidence) {
      if (seen.insert(e.meta.id).second) a.evidence.push_back(std::move(e));
    }
  }
  return a;
}

}  // namespace aims::service
