// Notifications, the inbox (issue 5): what is waiting for one user, derived from the live register
// each time it is read, never stored, so it can never disagree with the records:
//   approvals   gate requests and draft policies waiting for an approver who did not ask for them
//               (or own them) and has not approved them yet;
//   reviews     policies and risks the user's person owns, due for review within 30 days or past;
//   evidence    evidence that expires within 30 days or has expired, for those who keep evidence;
//   incidents   serious incidents whose EU reporting clock runs, for their owner and for those who
//               may change every system;
//   training    courses required of the user's person that are missing, expired or expiring.
// Most urgent first: overdue items, then by due date.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "base/time.h"
#include "base/time_zone.h"
#include "domain/access.h"
#include "domain/entity_kind.h"
#include "store/store.h"

namespace aims::service {

struct InboxItem {
  std::string key;   // stable while nothing changes: "review:RISK-3:2026-10-31:overdue" (webhook events)
  std::string kind;  // approval, review, evidence, incident, training
  std::string text;  // one line for people
  domain::EntityKind record_kind = domain::EntityKind::kNone;
  domain::Id record = 0;
  std::optional<base::Date> due;
  bool overdue = false;
};

// Within this many days a review or an expiry is announced.
inline constexpr int kInboxHorizonDays = 30;

base::Result<std::vector<InboxItem>> InboxFor(store::Tx& tx, std::optional<domain::Id> person,
                                              const domain::PermissionSet& permissions, base::Timestamp now);

// The same items seen by no one user: every pending approval, review due, evidence expiring and
// running incident clock (the events webhooks are sent; no personal training items).
base::Result<std::vector<InboxItem>> OrganisationNotices(store::Tx& tx, base::Timestamp now);

// {"kind": "approval", "text": "...", "record": "GATE-3", "href": "/gate_requests/3",
//  "due": "2026-12-01"|null, "overdue": false}
std::string InboxItemJson(const InboxItem& item);

}  // namespace aims::service
