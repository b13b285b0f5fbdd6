// AI objectives (issue 5, ISO/IEC 42001 6.2): recording a measurement, and where each objective
// stands (domain::ProgressOf) from its live measurements.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/objective.h"
#include "store/store.h"

namespace aims::service {

class Mutation;

// The objective's live measurements, in id order.
base::Result<std::vector<domain::Measurement>> MeasurementsOf(store::Tx& tx, domain::Id objective);

struct ObjectiveView {
  domain::Objective objective;
  domain::ObjectiveProgress progress;
};
base::Result<ObjectiveView> ViewOf(store::Tx& tx, domain::Id objective, base::Date today);
// Every live objective, in id order.
base::Result<std::vector<ObjectiveView>> ObjectiveViews(store::Tx& tx, base::Date today);

// Records `value` for the objective on day `on` (action "record"). InvalidArgument for a value
// that is not a number or a day in the future (Mutation's rules), FailedPrecondition for a
// retired objective.
base::Result<domain::Measurement> RecordMeasurement(Mutation& m, domain::Id objective, base::Date on,
                                                    const std::string& value, const std::string& note);

}  // namespace aims::service
