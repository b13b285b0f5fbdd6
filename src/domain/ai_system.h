// AiSystem: an AI system in the inventory, with the organisation's role for it and how it is
// governed. Roles are kept in both vocabularies (ISO/IEC 22989 and the EU AI Act): they differ.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/time.h"
#include "domain/field.h"
#include "domain/record_meta.h"

namespace aims::domain {

// ISO/IEC 22989 AI stakeholder roles an organisation can hold for a system.
enum class Iso22989Role { kProducer, kProvider, kCustomer, kPartner };
template <>
struct EnumTraits<Iso22989Role> {
  static constexpr std::array<std::string_view, 4> kNames = {"producer", "provider", "customer",
                                                             "partner"};
};

// EU AI Act operator roles (Art. 3(3)-(8)).
enum class AiActRole {
  kUndetermined,
  kProvider,
  kDeployer,
  kImporter,
  kDistributor,
  kAuthorisedRepresentative,
  kProductManufacturer,
};
template <>
struct EnumTraits<AiActRole> {
  static constexpr std::array<std::string_view, 7> kNames = {
      "undetermined", "provider",  "deployer", "importer", "distributor",
      "authorised_representative", "product_manufacturer"};
};

enum class LifecycleStage {
  kInception,
  kDesign,
  kDevelopment,
  kVerificationValidation,
  kDeployment,
  kOperation,
  kRetirement,
};
template <>
struct EnumTraits<LifecycleStage> {
  static constexpr std::array<std::string_view, 7> kNames = {
      "inception", "design",    "development", "verification_validation",
      "deployment", "operation", "retirement"};
};

// Levels of automation after ISO/IEC 22989.
enum class Autonomy {
  kUnspecified,
  kAssistance,
  kPartialAutomation,
  kConditionalAutomation,
  kHighAutomation,
  kFullAutomation,
  kAutonomous,
};
template <>
struct EnumTraits<Autonomy> {
  static constexpr std::array<std::string_view, 7> kNames = {
      "unspecified",     "assistance",      "partial_automation", "conditional_automation",
      "high_automation", "full_automation", "autonomous"};
};

enum class HumanOversight { kUnspecified, kInTheLoop, kOnTheLoop, kOverTheLoop, kNone };
template <>
struct EnumTraits<HumanOversight> {
  static constexpr std::array<std::string_view, 5> kNames = {
      "unspecified", "human_in_the_loop", "human_on_the_loop", "human_over_the_loop", "none"};
};

// EU AI Act risk tier. Set by hand until a classification (Art. 5, 6, 50) computes it.
enum class AiActTier { kUnclassified, kProhibited, kHigh, kLimited, kMinimal, kOutOfScope };
template <>
struct EnumTraits<AiActTier> {
  static constexpr std::array<std::string_view, 6> kNames = {
      "unclassified", "prohibited", "high", "limited", "minimal", "out_of_scope"};
};

struct AiSystem {
  static constexpr EntityKind kKind = EntityKind::kAiSystem;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"name"};
  RecordMeta meta;
  std::string name;
  std::string purpose;
  std::string intended_use;
  std::string description;
  std::vector<Iso22989Role> iso22989_roles;
  AiActRole ai_act_role = AiActRole::kUndetermined;
  AiActTier ai_act_tier = AiActTier::kUnclassified;
  std::optional<Id> owner;
  std::string business_unit;
  LifecycleStage lifecycle_stage = LifecycleStage::kInception;
  Autonomy autonomy = Autonomy::kUnspecified;
  HumanOversight human_oversight = HumanOversight::kUnspecified;
  std::vector<std::string> affected_stakeholders;
  std::string deployment_context;
  std::vector<Id> models;
  std::vector<Id> datasets;
  std::vector<Id> suppliers;

  template <class V>
  void VisitFields(V& v) {
    v(Text("name").Required().Listed(), name);
    v(LongText("purpose").Required().Help("what the system is for"), purpose);
    v(LongText("intended_use").Help("intended use and users (EU AI Act Art. 3(12))"),
      intended_use);
    v(LongText("description"), description);
    v(EnumList<Iso22989Role>("iso22989_roles").Help("the organisation's ISO/IEC 22989 roles"),
      iso22989_roles);
    v(Enum<AiActRole>("ai_act_role").Listed().Help("the organisation's EU AI Act role"),
      ai_act_role);
    v(Enum<AiActTier>("ai_act_tier").Listed().Help("EU AI Act risk tier"), ai_act_tier);
    v(Ref("owner", EntityKind::kPerson).Listed().Help("accountable system owner"), owner);
    v(Text("business_unit").Listed(), business_unit);
    v(Enum<LifecycleStage>("lifecycle_stage").Listed(), lifecycle_stage);
    v(Enum<Autonomy>("autonomy").Help("level of automation (ISO/IEC 22989)"), autonomy);
    v(Enum<HumanOversight>("human_oversight"), human_oversight);
    v(TextList("affected_stakeholders").Help("people and groups affected by its outputs"),
      affected_stakeholders);
    v(LongText("deployment_context").Help("where, by whom and at what scale it is used"),
      deployment_context);
    v(RefList("models", EntityKind::kModel), models);
    v(RefList("datasets", EntityKind::kDataset), datasets);
    v(RefList("suppliers", EntityKind::kSupplier), suppliers);
  }
};

}  // namespace aims::domain
