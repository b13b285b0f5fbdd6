// The register's record types, in dependency order (a record refers only to kinds listed
// before it, except Person -> Role). Generic code walks this list: the store creates and checks
// tables in this order, the export writes sections in it, the import loads in it.
#pragma once

#include <tuple>
#include <vector>

#include "domain/ai_system.h"
#include "domain/aiact_record.h"
#include "domain/catalog_record.h"
#include "domain/context_issue.h"
#include "domain/control.h"
#include "domain/dataset.h"
#include "domain/evidence.h"
#include "domain/gate_request.h"
#include "domain/impact_assessment.h"
#include "domain/incident.h"
#include "domain/interested_party.h"
#include "domain/model.h"
#include "domain/objective.h"
#include "domain/oversight.h"
#include "domain/organisation.h"
#include "domain/party_requirement.h"
#include "domain/person.h"
#include "domain/policy.h"
#include "domain/pipeline.h"
#include "domain/responsibility.h"
#include "domain/risk.h"
#include "domain/risk_methodology.h"
#include "domain/role.h"
#include "domain/scope_statement.h"
#include "domain/soa_entry.h"
#include "domain/supplier.h"

namespace aims::domain {

using AllRecordTypes =
    std::tuple<Organisation, CatalogRecord, Role, Person, ScopeStatement, ContextIssue,
               InterestedParty, PartyRequirement, Supplier, Dataset, Model, AiSystem, Pipeline,
               Control, Risk, SoaEntry, Evidence, RiskMethodology, ImpactAssessment,
               ImpactItem, AiActAssessment, Obligation, GateRequest, GatePolicyRecord, Incident, Policy,
               Responsibility, Objective, Measurement, Course, Training, OversightArrangement>;

// The same list for macros (explicit instantiations): X(TypeName) for each, in the same order.
// Split in three so that the heaviest instantiations (the store's tables, the web's pages) can be
// spread over several translation units and compile in parallel.
#define AIMS_RECORD_TYPES_1(X)                                                                  \
  X(Organisation) X(CatalogRecord) X(Role) X(Person) X(ScopeStatement) X(ContextIssue)          \
  X(InterestedParty) X(PartyRequirement) X(Supplier) X(Dataset)
#define AIMS_RECORD_TYPES_2(X)                                                                  \
  X(Model) X(AiSystem) X(Pipeline) X(Control) X(Risk) X(SoaEntry) X(Evidence)                   \
  X(RiskMethodology) X(ImpactAssessment) X(ImpactItem) X(AiActAssessment)
#define AIMS_RECORD_TYPES_3(X)                                                                  \
  X(Obligation) X(GateRequest) X(GatePolicyRecord) X(Incident) X(Policy) X(Responsibility)      \
  X(Objective) X(Measurement) X(Course) X(Training) X(OversightArrangement)
#define AIMS_RECORD_TYPES(X) AIMS_RECORD_TYPES_1(X) AIMS_RECORD_TYPES_2(X) AIMS_RECORD_TYPES_3(X)

// Calls fn.template operator()<T>() for every record type, in the order above.
template <class Fn>
void ForEachRecordType(Fn&& fn) {
  [&]<class... Ts>(std::tuple<Ts...>*) {
    (fn.template operator()<Ts>(), ...);
  }(static_cast<AllRecordTypes*>(nullptr));
}

// Calls fn.template operator()<T>() for the record type of `kind`; false if it has none.
template <class Fn>
bool VisitRecordType(EntityKind kind, Fn&& fn) {
  bool found = false;
  ForEachRecordType([&]<class T>() {
    if (T::kKind == kind) {
      fn.template operator()<T>();
      found = true;
    }
  });
  return found;
}

// The field list of T, as declared in T::VisitFields.
template <class T>
std::vector<Field> FieldsOf() {
  std::vector<Field> out;
  T probe;
  auto collect = [&out](const Field& f, auto&) { out.push_back(f); };
  probe.VisitFields(collect);
  return out;
}

// Visits the fields of a const record. Visitors used this way must not modify the value.
template <class T, class V>
void VisitConst(const T& record, V& visitor) {
  const_cast<T&>(record).VisitFields(visitor);
}

}  // namespace aims::domain
