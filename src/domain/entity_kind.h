// EntityKind: every kind of record in the governance register. The names are written into the
// ledger (entity type of each entry) and the export: never rename one.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace aims::domain {

using Id = int64_t;

enum class EntityKind {
  kOrganisation,
  kScopeStatement,
  kContextIssue,
  kInterestedParty,
  kPartyRequirement,
  kPerson,
  kRole,
  kSupplier,
  kDataset,
  kModel,
  kAiSystem,
  kPipeline,
  kControl,
  kRisk,
  kSoaEntry,
  kEvidence,
  kCatalog,
  kRiskMethodology,
  kImpactAssessment,
  kImpact,
  kAiActAssessment,
  kObligation,
  kGateRequest,
  kGatePolicy,
  kIncident,
  kPolicy,
  kResponsibility,
  kObjective,
  kMeasurement,
  kCourse,
  kTraining,
  kOversightArrangement,
  kNone,  // "no reference" in field specs; not a record kind
};

inline constexpr size_t kEntityKindCount = static_cast<size_t>(EntityKind::kNone);

struct EntityKindInfo {
  std::string_view name;    // ledger entity type, e.g. "ai_system"
  std::string_view plural;  // export section and CLI listing, e.g. "systems"
  std::string_view prefix;  // display id prefix, e.g. "SYS" in "SYS-12"
  std::string_view noun;    // human word, e.g. "AI system"
};

const EntityKindInfo& Info(EntityKind kind);
std::optional<EntityKind> EntityKindFromName(std::string_view name);

// "an AI system", "a risk".
std::string WithArticle(std::string_view noun);

// "SYS-12". Ids are positive; the prefix makes a pasted id self-describing.
std::string DisplayId(EntityKind kind, Id id);
// Accepts "SYS-12", "sys-12" or "12". nullopt if it is neither, or the prefix is another kind's.
std::optional<Id> ParseDisplayId(EntityKind kind, std::string_view text);

}  // namespace aims::domain
