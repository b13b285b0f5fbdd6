#include "service/objectives.h"

#include "service/mutation.h"
#include "service/record_reads.h"

namespace aims::service {

base::Result<std::vector<domain::Measurement>> MeasurementsOf(store::Tx& tx, domain::Id objective) {
  return LiveReferring<domain::Measurement>(tx, "objective", objective);
}

base::Result<ObjectiveView> ViewOf(store::Tx& tx, domain::Id objective, base::Date today) {
  ObjectiveView v;
  AIMS_ASSIGN_OR_RETURN(v.objective, tx.records<domain::Objective>().Get(objective));
  AIMS_ASSIGN_OR_RETURN(auto measurements, MeasurementsOf(tx, objective));
  v.progress = domain::ProgressOf(v.objective, measurements, today);
  return v;
}

base::Result<std::vector<ObjectiveView>> ObjectiveViews(store::Tx& tx, base::Date today) {
  AIMS_ASSIGN_OR_RETURN(auto live, AllRecords<domain::Objective>(tx));
  std::vector<ObjectiveView> out;
  for (const auto& o : live) {
    AIMS_ASSIGN_OR_RETURN(ObjectiveView v, ViewOf(tx, o.meta.id, today));
    out.push_back(std::move(v));
  }
  return out;
}

base::Result<domain::Measurement> RecordMeasurement(Mutation& m, domain::Id objective, base::Date on,
                                                    const std::string& value, const std::string& note) {
  AIMS_ASSIGN_OR_RETURN(domain::Objective o, m.Get<domain::Objective>(objective));
  if (o.meta.retired()) {
    return base::Status::FailedPrecondition("it is retired", domain::DisplayId(domain::EntityKind::kObjective, objective));
  }
  domain::Measurement measurement;
  measurement.objective = objective;
  measurement.measured_on = on;
  measurement.value = value;
  measurement.note = note;
  AIMS_TRY(m.Create(measurement, "record").status());
  return measurement;
}

}  // namespace aims::service
