// Policy: the AI policy (ISO/IEC 42001 5.2, A.2.2) and the policies that support it (A.2.3), as
// versioned documents with an owner, an approval and a review cycle (A.2.4). The text itself is
// an evidence file (hashed, in the ledger); the record says which version is in force, who
// approved it and when it is due for review.
// Workflow (service/governance.h): a policy starts as a draft; an approver other than its owner
// approves it, which sets the next review date. Approving it again is its review. Changing the
// content of an approved policy makes it a new version: it needs a new version number and goes
// back to draft until approved.
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

enum class PolicyKind {
  kAiPolicy,
  kResponsibleAi,
  kDataGovernance,
  kAcceptableUse,
  kHumanOversight,
  kIncidentResponse,
  kThirdParty,
  kOther
};
template <>
struct EnumTraits<PolicyKind> {
  static constexpr std::array<std::string_view, 8> kNames = {
      "ai_policy",         "responsible_ai", "data_governance", "acceptable_use",
      "human_oversight",   "incident_response", "third_party",  "other"};
};

enum class PolicyStatus { kDraft, kApproved };
template <>
struct EnumTraits<PolicyStatus> {
  static constexpr std::array<std::string_view, 2> kNames = {"draft", "approved"};
};

struct Policy {
  static constexpr EntityKind kKind = EntityKind::kPolicy;
  static constexpr std::array<std::string_view, 1> kNaturalKey = {"title"};
  RecordMeta meta;
  std::string title;
  PolicyKind kind = PolicyKind::kAiPolicy;
  std::string version;  // the document's own numbering, e.g. "2.1"
  std::string summary;
  std::optional<Id> document;  // the policy text, as an evidence file
  std::optional<Id> owner;
  std::vector<std::string> requirements;  // catalog refs it answers, e.g. iso42001:5.2
  int64_t review_months = 12;
  PolicyStatus status = PolicyStatus::kDraft;
  std::optional<Id> approved_by;
  std::optional<base::Date> approved_on;
  std::optional<base::Date> next_review;

  template <class V>
  void VisitFields(V& v) {
    v(Text("title").Required().Listed(), title);
    v(Enum<PolicyKind>("kind").Listed(), kind);
    v(Text("version").Required().Listed().Help("the document's version, e.g. 2.1"), version);
    v(LongText("summary").Help("what it commits the organisation to, in a few lines"), summary);
    v(Ref("document", EntityKind::kEvidence).Help("the policy text, as an evidence file"), document);
    v(Ref("owner", EntityKind::kPerson).Required().Listed(), owner);
    v(TextList("requirements").Help("what it answers, e.g. iso42001:5.2, iso42001:A.2.2"), requirements);
    v(Int("review_months").Range(1, 60).Help("months between reviews"), review_months);
    v(Enum<PolicyStatus>("status").Managed().Listed(), status);
    v(Ref("approved_by", EntityKind::kPerson).Managed(), approved_by);
    v(DateField("approved_on").Managed(), approved_on);
    v(DateField("next_review").Managed().Listed(), next_review);
  }
};

// `d` plus `months` calendar months, the day clamped to the month's last (31 Jan + 1 = 28/29 Feb).
base::Date AddMonths(base::Date d, int64_t months);

// Whether an approved policy is past its review date on `today`.
inline bool PolicyReviewOverdue(const Policy& p, base::Date today) {
  return p.status == PolicyStatus::kApproved && p.next_review && *p.next_review < today;
}

}  // namespace aims::domain
