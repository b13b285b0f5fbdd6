// The gate policy as text, the form the AIMS manager edits (GatePolicyRecord::rules): one rule
// per line, blank lines and lines starting with '#' ignored.
//
//   <stage> [for <tier>, <tier>...]: <check>, <check>... [; approvers <N>]
//
//   deployment for high: impact_assessment_approved, event_logging; approvers 2
//
// Stages, tiers and checks are their enum names (EnumNames<LifecycleStage>, <AiActTier>,
// <GateCheck>); N is 1 to 9; the rule applies to every tier when "for" is left out.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/lifecycle_gate.h"

namespace aims::domain {

// InvalidArgument naming the line ("line 3") and what is wrong with it, with the words allowed.
base::Result<GatePolicy> ParseGatePolicy(std::string_view text);

// The text ParseGatePolicy reads back to the same policy.
std::string FormatGatePolicy(const GatePolicy& policy);

}  // namespace aims::domain
