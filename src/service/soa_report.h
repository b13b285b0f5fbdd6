// The Statement of Applicability as a report: one row per control of a framework, with the
// organisation's decision, the controls that implement it, their evidence and the risks they
// treat, and the status that follows (domain/control_status.h). Computed from a snapshot with a
// fixed number of queries, whatever the size of the register.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "domain/control_status.h"
#include "service/workspace.h"

namespace aims::service {

struct SoaRow {
  std::string id;     // the framework control, e.g. "A.6.2.8"
  std::string title;
  std::string objective;  // parent item id, e.g. "A.6.2"
  domain::Applicability applicable = domain::Applicability::kUndecided;
  std::string justification;
  domain::EffectiveStatus status = domain::EffectiveStatus::kNotStarted;
  std::vector<std::string> controls;  // codes of the organisation's implementing controls
  std::vector<domain::Id> risks;      // risks treated by those controls
  int evidence = 0;                   // evidence records linked to those controls
  int current_evidence = 0;
};

struct SoaReport {
  std::string framework;
  std::string catalog;  // the edition the rows were decided on, e.g. "iso42001@2023#1"
  base::Date today;
  std::vector<SoaRow> rows;
};

// NotFound if the framework is unknown. Frameworks without SoA entries report every control as
// undecided (how `aims control list --framework iso27001` shows coverage).
base::Result<SoaReport> BuildSoa(Workspace& ws, std::string_view framework, base::Date today);

struct ControlView {
  domain::Control control;
  domain::EffectiveStatus status = domain::EffectiveStatus::kNotStarted;
  int evidence = 0;
  int current_evidence = 0;
};

// Every control of the organisation with its effective status.
base::Result<std::vector<ControlView>> ControlStatuses(Workspace& ws, base::Date today,
                                                       bool include_retired);

}  // namespace aims::service
