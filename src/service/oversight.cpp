#include "service/oversight.h"

#include "domain/role.h"
#include "service/record_reads.h"

namespace aims::service {

base::Result<domain::CompetenceData> LoadCompetenceData(store::Tx& tx) {
  domain::CompetenceData d;
  AIMS_ASSIGN_OR_RETURN(auto people, AllRecords<domain::Person>(tx, true));
  for (auto& p : people) d.people.emplace(p.meta.id, std::move(p));
  AIMS_ASSIGN_OR_RETURN(auto roles, AllRecords<domain::Role>(tx, true));
  for (const auto& r : roles) d.role_names.emplace(r.meta.id, r.name);
  AIMS_ASSIGN_OR_RETURN(d.courses, AllRecords<domain::Course>(tx, true));
  AIMS_ASSIGN_OR_RETURN(d.trainings, AllRecords<domain::Training>(tx));
  AIMS_ASSIGN_OR_RETURN(d.arrangements, AllRecords<domain::OversightArrangement>(tx));
  return d;
}

base::Result<domain::OversightView> OversightOf(store::Tx& tx, domain::Id system, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem s, tx.records<domain::AiSystem>().Get(system));
  AIMS_ASSIGN_OR_RETURN(domain::CompetenceData data, LoadCompetenceData(tx));
  return domain::ViewOversight(s, data, today);
}

base::Result<std::vector<domain::OversightView>> OversightViews(store::Tx& tx, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::CompetenceData data, LoadCompetenceData(tx));
  AIMS_ASSIGN_OR_RETURN(auto systems, AllRecords<domain::AiSystem>(tx));
  std::vector<domain::OversightView> out;
  for (const auto& s : systems) {
    if (s.lifecycle_stage == domain::LifecycleStage::kRetirement) continue;
    out.push_back(domain::ViewOversight(s, data, today));
  }
  return out;
}

base::Result<std::vector<domain::PersonCompetence>> CompetenceRegisterOf(store::Tx& tx, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(domain::CompetenceData data, LoadCompetenceData(tx));
  return domain::CompetenceRegister(data, today);
}

}  // namespace aims::service
