#include "service/risk_library.h"

#include <algorithm>

#include "io/risk_library_parser.h"

namespace aims::service {

base::Result<std::shared_ptr<const domain::RiskLibrary>> SeedRisks() { return io::BuiltinRiskLibrary(); }

base::Result<domain::Risk> RiskFromLibrary(store::Tx& tx, std::string_view template_id) {
  AIMS_ASSIGN_OR_RETURN(auto library, SeedRisks());
  const domain::RiskTemplate* t = library->Find(template_id);
  if (!t) {
    std::string known;
    for (const auto& item : library->items) known += (known.empty() ? "" : ", ") + item.id;
    return base::Status::NotFound("no seed risk \"" + std::string(template_id) + "\" in the library (known: " + known + ")",
                                  "from_library");
  }
  domain::Risk risk = domain::RiskFromTemplate(*t);
  AIMS_TRY(tx.records<domain::Control>().Scan({}, [&](domain::Control& c) -> base::Status {
    bool meets = std::any_of(c.requirements.begin(), c.requirements.end(), [&](const std::string& ref) {
      return std::find(t->controls.begin(), t->controls.end(), ref) != t->controls.end();
    });
    if (meets) risk.controls.push_back(c.meta.id);
    return base::Status::OK();
  }));
  return risk;
}

}  // namespace aims::service
