#include "service/concerns.h"

#include <sodium.h>

#include "base/sha256.h"

namespace aims::service {

namespace {

base::Digest ReceiptDigest(std::string_view normalised) { return base::Sha256(normalised); }

base::Status Log(Mutation& m, const domain::Concern& c, std::string_view action) {
  AIMS_ASSIGN_OR_RETURN(auto messages, m.tx().concerns().Messages(c.id));
  return m.LogEntity(domain::kConcernEntityType, c.id, domain::ConcernStateHash(c, messages), action);
}

base::Result<ConcernThread> Thread(store::Tx& tx, domain::Concern concern) {
  ConcernThread t;
  AIMS_ASSIGN_OR_RETURN(t.messages, tx.concerns().Messages(concern.id));
  if (concern.system) {
    auto system = tx.records<domain::AiSystem>().Get(*concern.system);
    if (system.ok()) t.system_owner = system->owner;
  }
  t.concern = std::move(concern);
  return t;
}

}  // namespace

base::Result<FiledConcern> FileConcern(Mutation& m, domain::ConcernCategory category, const std::string& system_named,
                                       const std::string& body) {
  AIMS_TRY(domain::CheckConcernText(body, "body"));
  if (!system_named.empty()) AIMS_TRY(domain::CheckConcernText(system_named, "system", domain::kMaxSystemNamedChars));
  std::array<uint8_t, 15> random;
  randombytes_buf(random.data(), random.size());
  FiledConcern out;
  out.receipt_code = domain::FormatReceiptCode(random);
  domain::Concern c;
  c.version = 1;
  c.created_at = m.now();
  c.updated_at = m.now();
  c.category = category;
  c.system_named = system_named;
  AIMS_ASSIGN_OR_RETURN(c.id, m.tx().concerns().Insert(c, ReceiptDigest(out.receipt_code)));
  domain::ConcernMessage first{0, c.id, m.now(), domain::ConcernAuthor::kReporter, body};
  AIMS_TRY(m.tx().concerns().InsertMessage(first).status());
  AIMS_TRY(Log(m, c, "report"));
  out.id = c.id;
  return out;
}

base::Result<ConcernThread> ConcernByReceipt(store::Tx& tx, std::string_view receipt_code) {
  AIMS_ASSIGN_OR_RETURN(std::string code, domain::NormaliseReceiptCode(receipt_code));
  AIMS_ASSIGN_OR_RETURN(auto found, tx.concerns().FindByReceipt(ReceiptDigest(code)));
  if (!found) return base::Status::NotFound("no report has this receipt code: check it and try again", "receipt");
  return Thread(tx, std::move(*found));
}

base::Status AddReporterMessage(Mutation& m, std::string_view receipt_code, const std::string& body) {
  AIMS_TRY(domain::CheckConcernText(body, "body"));
  AIMS_ASSIGN_OR_RETURN(ConcernThread t, ConcernByReceipt(m.tx(), receipt_code));
  if (t.concern.status == domain::ConcernStatus::kClosed) {
    return base::Status::FailedPrecondition("this report is closed: file a new one", "status");
  }
  domain::ConcernMessage msg{0, t.concern.id, m.now(), domain::ConcernAuthor::kReporter, body};
  AIMS_TRY(m.tx().concerns().InsertMessage(msg).status());
  domain::Concern c = t.concern;
  c.version += 1;
  c.updated_at = m.now();
  if (c.status == domain::ConcernStatus::kAnswered) c.status = domain::ConcernStatus::kInReview;
  AIMS_TRY(m.tx().concerns().Update(c, t.concern.version));
  return Log(m, c, "reporter.message");
}

base::Result<std::vector<ConcernThread>> ConcernsFor(store::Tx& tx, const ConcernHandler& who, int64_t limit) {
  if (!who.permissions.Has(domain::Permission::kConcernHandle)) {
    return base::Status::PermissionDenied("only concern handlers read reports (concern.handle)");
  }
  AIMS_ASSIGN_OR_RETURN(auto all, tx.concerns().List(limit));
  std::vector<ConcernThread> out;
  for (auto& c : all) {
    AIMS_ASSIGN_OR_RETURN(ConcernThread t, Thread(tx, std::move(c)));
    if (domain::MaySeeConcern(t.concern, who.permissions, who.person, t.system_owner)) out.push_back(std::move(t));
  }
  return out;
}

base::Result<ConcernThread> ConcernFor(store::Tx& tx, int64_t id, const ConcernHandler& who) {
  AIMS_ASSIGN_OR_RETURN(domain::Concern c, tx.concerns().Get(id));
  AIMS_ASSIGN_OR_RETURN(ConcernThread t, Thread(tx, std::move(c)));
  if (!domain::MaySeeConcern(t.concern, who.permissions, who.person, t.system_owner)) {
    return base::Status::PermissionDenied(
        who.permissions.Has(domain::Permission::kConcernHandle)
            ? "this report is hidden from the owner of the AI system it names: another handler deals with it"
            : "only concern handlers read reports (concern.handle)");
  }
  return t;
}

base::Status HandleConcern(Mutation& m, int64_t id, int64_t expected_version, const ConcernHandler& who,
                           const ConcernDecision& decision) {
  AIMS_ASSIGN_OR_RETURN(ConcernThread t, ConcernFor(m.tx(), id, who));
  if (t.concern.version != expected_version) {
    return base::Status::Conflict("the report was changed by someone else since version " +
                                  std::to_string(expected_version));
  }
  if (!decision.reply.empty()) {
    AIMS_TRY(domain::CheckConcernText(decision.reply, "reply"));
    domain::ConcernMessage msg{0, id, m.now(), domain::ConcernAuthor::kHandler, decision.reply};
    AIMS_TRY(m.tx().concerns().InsertMessage(msg).status());
  }
  domain::Concern c = t.concern;
  c.version += 1;
  c.updated_at = m.now();
  c.status = decision.status;
  c.system = decision.system;
  c.hide_from_owner = decision.hide_from_owner;
  if (c.system) {
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(*c.system));
    // Hiding a report from its system's owner must not lock out the handler doing it unseen.
    if (c.hide_from_owner && system.owner && system.owner == who.person) {
      return base::Status::FailedPrecondition(
          "you own " + domain::DisplayId(domain::EntityKind::kAiSystem, *c.system) +
              ": a report hidden from its owner is handled by someone else",
          "hide_from_owner");
    }
  }
  AIMS_TRY(m.tx().concerns().Update(c, expected_version));
  return Log(m, c, decision.reply.empty() ? "triage" : "reply");
}

}  // namespace aims::service
