// Unit tests for service/concerns.h on a real register: a report and its receipt code, the
// reporter's additions, the handlers' view (a report hidden from its system's owner), stale
// writes, and the ledger entry each change leaves.
#include <gtest/gtest.h>

#include "service/concerns.h"
#include "service/ledger_verifier.h"
#include "service/workspace.h"
#include "support/new_register.h"
#include "support/temp_dir.h"

namespace aims::service {
namespace {

using aims::testing::TempDir;
using domain::Permission;

struct ConcernRegister {
  TempDir dir;
  std::unique_ptr<Workspace> ws;
  domain::Id owner = 0, system = 0;
  ConcernHandler handler{{Permission::kRegisterRead, Permission::kConcernHandle}, std::nullopt};

  ConcernRegister() {
    ws = aims::testing::NewRegister(dir);
    EXPECT_TRUE(ws->Mutate([&](Mutation& m) -> base::Status {
      domain::Person p{.name = "Olivia Owner", .email = "olivia@example.org"};
      AIMS_ASSIGN_OR_RETURN(owner, m.Create(p));
      domain::AiSystem s;
      s.name = "Chat";
      s.purpose = "Answers customers";
      s.owner = owner;
      AIMS_ASSIGN_OR_RETURN(system, m.Create(s));
      return base::Status::OK();
    }).ok());
  }

  template <class F>
  base::Status Try(F f) {
    return ws->Mutate([&](Mutation& m) -> base::Status { return f(m); });
  }

  int64_t LedgerSize() {
    int64_t n = 0;
    EXPECT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(n, tx.ledger().LastSeq());
      return base::Status::OK();
    }).ok());
    return n;
  }

  base::Result<ConcernThread> ByReceipt(const std::string& code) {
    ConcernThread t;
    base::Status s = ws->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(t, ConcernByReceipt(tx, code));
      return base::Status::OK();
    });
    if (!s.ok()) return s;
    return t;
  }
};

TEST(Concerns, AReportIsOpenedByItsReceiptCodeOnlyAndEachChangeIsLedgered) {
  ConcernRegister r;
  int64_t start = r.LedgerSize();
  FiledConcern filed;
  ASSERT_TRUE(r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(filed, FileConcern(m, domain::ConcernCategory::kPrivacy, "the chat", "It asked for my ID."));
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(r.LedgerSize(), start + 1);
  auto thread = r.ByReceipt(filed.receipt_code);
  ASSERT_TRUE(thread.ok()) << thread.status().ToString();
  EXPECT_EQ(thread->concern.status, domain::ConcernStatus::kNew);
  ASSERT_EQ(thread->messages.size(), 1u);
  EXPECT_EQ(thread->messages[0].body, "It asked for my ID.");

  // Another valid-looking code opens nothing.
  std::string other = filed.receipt_code;
  other.back() = other.back() == '0' ? '1' : '0';
  EXPECT_EQ(r.ByReceipt(other).status().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(r.ByReceipt("hello").status().code(), base::StatusCode::kInvalidArgument);

  // Refusals write nothing: empty or oversized text, a message under a forged code.
  int64_t before = r.LedgerSize();
  EXPECT_EQ(r.Try([&](Mutation& m) { return FileConcern(m, domain::ConcernCategory::kOther, "", " ").status(); }).code(),
            base::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Try([&](Mutation& m) {
    return FileConcern(m, domain::ConcernCategory::kOther, "", std::string(10001, 'x')).status();
  }).code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.Try([&](Mutation& m) { return AddReporterMessage(m, other, "more"); }).code(), base::StatusCode::kNotFound);
  EXPECT_EQ(r.LedgerSize(), before);

  ASSERT_TRUE(r.Try([&](Mutation& m) { return AddReporterMessage(m, filed.receipt_code, "It was on Monday."); }).ok());
  EXPECT_EQ(r.ByReceipt(filed.receipt_code)->messages.size(), 2u);

  auto report = VerifyLedger(*r.ws, {});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->ok()) << report->problems.front().what;
}

TEST(Concerns, AReportHiddenFromItsSystemsOwnerIsNotShownToThemEvenAsHandler) {
  ConcernRegister r;
  FiledConcern filed;
  ASSERT_TRUE(r.Try([&](Mutation& m) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(filed, FileConcern(m, domain::ConcernCategory::kUnfairTreatment, "chat", "Refused me."));
    return base::Status::OK();
  }).ok());
  ConcernHandler owner{r.handler.permissions, r.owner};
  ConcernDecision hide{"We are looking into it.", domain::ConcernStatus::kAnswered, r.system, true};
  // The owner may not hide it from themselves; a stale version is refused.
  EXPECT_EQ(r.Try([&](Mutation& m) { return HandleConcern(m, filed.id, 1, owner, hide); }).code(),
            base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(r.Try([&](Mutation& m) { return HandleConcern(m, filed.id, 7, r.handler, hide); }).code(),
            base::StatusCode::kConflict);
  ASSERT_TRUE(r.Try([&](Mutation& m) { return HandleConcern(m, filed.id, 1, r.handler, hide); }).ok());

  ASSERT_TRUE(r.ws->Read([&](store::Tx& tx) -> base::Status {
    EXPECT_EQ(ConcernFor(tx, filed.id, owner).status().code(), base::StatusCode::kPermissionDenied);
    AIMS_ASSIGN_OR_RETURN(auto mine, ConcernsFor(tx, owner, 100));
    EXPECT_TRUE(mine.empty());
    AIMS_ASSIGN_OR_RETURN(auto all, ConcernsFor(tx, r.handler, 100));
    EXPECT_EQ(all.size(), 1u);
    ConcernHandler reader{{Permission::kRegisterRead}, std::nullopt};
    EXPECT_EQ(ConcernsFor(tx, reader, 100).status().code(), base::StatusCode::kPermissionDenied);
    return base::Status::OK();
  }).ok());
  auto thread = r.ByReceipt(filed.receipt_code);
  ASSERT_TRUE(thread.ok());
  EXPECT_EQ(thread->concern.status, domain::ConcernStatus::kAnswered);
  EXPECT_EQ(thread->messages.back().author, domain::ConcernAuthor::kHandler);
}

}  // namespace
}  // namespace aims::service
