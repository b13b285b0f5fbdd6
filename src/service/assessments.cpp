#include "service/assessments.h"

#include "domain/risk_scoring.h"
#include "service/record_reads.h"

namespace aims::service {

namespace {

using domain::DisplayId;
using domain::EntityKind;

// Live risks per (likelihood, impact) pair of the given fields.
base::Result<std::vector<std::pair<std::pair<int64_t, int64_t>, int64_t>>> Cells(store::Tx& tx, std::string l,
                                                                                 std::string i) {
  store::RecordQuery q;
  std::vector<std::string> by = {std::move(l), std::move(i)};
  AIMS_ASSIGN_OR_RETURN(auto groups, tx.records<domain::Risk>().CountBy(q, by));
  std::vector<std::pair<std::pair<int64_t, int64_t>, int64_t>> out;
  for (const auto& g : groups) out.push_back({{std::stoll(g.values[0]), std::stoll(g.values[1])}, g.count});
  return out;
}

// Effective-level cells: residual when assessed, inherent otherwise.
base::Result<std::vector<std::pair<std::pair<int64_t, int64_t>, int64_t>>> EffectiveCells(store::Tx& tx) {
  store::RecordQuery q;
  std::vector<std::string> by = {"likelihood", "impact", "residual_likelihood", "residual_impact"};
  AIMS_ASSIGN_OR_RETURN(auto groups, tx.records<domain::Risk>().CountBy(q, by));
  std::vector<std::pair<std::pair<int64_t, int64_t>, int64_t>> out;
  for (const auto& g : groups) {
    int64_t rl = std::stoll(g.values[2]), ri = std::stoll(g.values[3]);
    bool residual = rl > 0 && ri > 0;
    out.push_back({{residual ? rl : std::stoll(g.values[0]), residual ? ri : std::stoll(g.values[1])}, g.count});
  }
  return out;
}

}  // namespace

base::Status CheckApprover(const Approver& who, std::string_view what) {
  if (!who.may_approve) {
    return base::Status::PermissionDenied("only an approver can " + std::string(what) +
                                          " (your role does not grant the approve permission)");
  }
  if (!who.person) {
    return base::Status::PermissionDenied("an approval is signed by a person: your account is linked to no person");
  }
  return base::Status::OK();
}

std::string RescoreSummary::Text() const {
  std::string out = std::to_string(risks) + " live risks re-scored: " + std::to_string(inherent_changed) +
                    " changed inherent level, " + std::to_string(residual_changed) +
                    " changed residual level; above appetite " + std::to_string(above_appetite_before) +
                    " before, " + std::to_string(above_appetite_after) + " after. By level:";
  for (const auto& [level, n] : by_level) out += " " + level + " " + std::to_string(n) + ";";
  if (!by_level.empty()) out.pop_back();
  return out;
}

base::Result<RescoreSummary> CountByLevel(store::Tx& tx, const domain::RiskScale& scale) {
  RescoreSummary s;
  s.by_level.resize(static_cast<size_t>(scale.level_count()));
  for (int r = 0; r < scale.level_count(); ++r) s.by_level[static_cast<size_t>(r)].first = scale.LevelName(r);
  AIMS_ASSIGN_OR_RETURN(auto cells, EffectiveCells(tx));
  for (const auto& [cell, n] : cells) {
    int rank = scale.Rank(cell.first, cell.second);
    s.risks += n;
    if (rank < 0) continue;
    s.by_level[static_cast<size_t>(rank)].second += n;
    if (scale.AboveAppetite(rank)) s.above_appetite_after += n;
  }
  s.above_appetite_before = s.above_appetite_after;
  return s;
}

base::Result<RescoreSummary> SetMethodology(Mutation& m, domain::RiskMethodology* next_ptr,
                                            std::optional<int64_t> expected_version) {
  domain::RiskMethodology& next = *next_ptr;
  AIMS_TRY(domain::Validate(next));
  AIMS_ASSIGN_OR_RETURN(domain::RiskScale after, domain::RiskScale::Compile(next));
  AIMS_ASSIGN_OR_RETURN(const domain::RiskScale* before_ptr, m.Scale());
  const domain::RiskScale before = *before_ptr;
  AIMS_ASSIGN_OR_RETURN(domain::RiskMethodology current, m.Methodology());

  // Every live risk must still be on the scales: name the first scale a score falls off.
  AIMS_ASSIGN_OR_RETURN(auto inherent, Cells(m.tx(), "likelihood", "impact"));
  AIMS_ASSIGN_OR_RETURN(auto residual, Cells(m.tx(), "residual_likelihood", "residual_impact"));
  auto off_scale = [&](const auto& cells, bool zero_ok, std::string_view what) -> base::Status {
    int64_t over_l = 0, over_i = 0;
    for (const auto& [cell, n] : cells) {
      if (zero_ok && cell.first == 0) continue;
      if (cell.first > after.likelihoods()) over_l += n;
      if (cell.second > after.impacts()) over_i += n;
    }
    if (over_l > 0) {
      return base::Status::FailedPrecondition(
          std::to_string(over_l) + " live risks have a " + std::string(what) + "likelihood above " +
              std::to_string(after.likelihoods()) + ", the top of the new scale: lower them first",
          "likelihood_scale");
    }
    if (over_i > 0) {
      return base::Status::FailedPrecondition(
          std::to_string(over_i) + " live risks have a " + std::string(what) + "impact above " +
              std::to_string(after.impacts()) + ", the top of the new scale: lower them first",
          "impact_scale");
    }
    return base::Status::OK();
  };
  AIMS_TRY(off_scale(inherent, false, ""));
  AIMS_TRY(off_scale(residual, true, "residual "));

  RescoreSummary s;
  s.by_level.resize(static_cast<size_t>(after.level_count()));
  for (int r = 0; r < after.level_count(); ++r) s.by_level[static_cast<size_t>(r)].first = after.LevelName(r);
  // A level "changed" when its name differs: renaming or re-banding both count.
  for (const auto& [cell, n] : inherent) {
    s.risks += n;
    if (before.LevelName(std::max(before.Rank(cell.first, cell.second), 0)) !=
        after.LevelName(after.Rank(cell.first, cell.second))) {
      s.inherent_changed += n;
    }
  }
  for (const auto& [cell, n] : residual) {
    if (cell.first == 0 || cell.second == 0) continue;
    if (before.LevelName(std::max(before.Rank(cell.first, cell.second), 0)) !=
        after.LevelName(after.Rank(cell.first, cell.second))) {
      s.residual_changed += n;
    }
  }
  AIMS_ASSIGN_OR_RETURN(auto effective, EffectiveCells(m.tx()));
  for (const auto& [cell, n] : effective) {
    int was = before.Rank(cell.first, cell.second), now = after.Rank(cell.first, cell.second);
    if (was >= 0 && before.AboveAppetite(was)) s.above_appetite_before += n;
    if (now >= 0) {
      s.by_level[static_cast<size_t>(now)].second += n;
      if (after.AboveAppetite(now)) s.above_appetite_after += n;
    }
  }

  next.last_rescore = s.Text();
  if (current.meta.id > 0) {
    if (expected_version && *expected_version != current.meta.version) {
      return base::Status::Conflict("the risk methodology was changed since version " +
                                    std::to_string(*expected_version) + " (now " +
                                    std::to_string(current.meta.version) + ")");
    }
    next.meta = current.meta;
    AIMS_TRY(m.Update(next, current.meta.version, "change"));
  } else {
    AIMS_TRY(m.Create(next).status());
  }
  m.InvalidateScale();
  return s;
}

base::Status AcceptRisk(Mutation& m, domain::Id risk_id, int64_t expected_version, const Approver& who,
                        const std::string& note, domain::Risk* out) {
  AIMS_TRY(CheckApprover(who, "accept a risk"));
  AIMS_ASSIGN_OR_RETURN(auto risk, GetAtVersion<domain::Risk>(m, risk_id, expected_version));
  if (risk.meta.retired()) return base::Status::FailedPrecondition("it is retired", DisplayId(EntityKind::kRisk, risk_id));
  if (risk.owner && risk.owner == who.person) {
    return base::Status::PermissionDenied("the owner of a risk cannot accept it: another approver must",
                                          "accepted_by");
  }
  if (note.empty()) {
    return base::Status::InvalidArgument("say why the risk is acceptable", "acceptance_note");
  }
  if (risk.treatment == domain::RiskTreatment::kUndecided) risk.treatment = domain::RiskTreatment::kRetain;
  risk.status = domain::RiskStatus::kAccepted;
  risk.accepted_by = who.person;
  risk.accepted_on = m.now().date();
  risk.acceptance_note = note;
  AIMS_TRY(m.Update(risk, expected_version, "accept"));
  if (out) *out = std::move(risk);
  return base::Status::OK();
}

base::Result<std::vector<domain::ImpactItem>> ImpactsOf(store::Tx& tx, domain::Id assessment) {
  std::vector<domain::ImpactItem> out;
  store::RecordQuery q;
  q.equals = {{"assessment", std::to_string(assessment)}};
  q.limit = 1000;
  std::optional<store::PageKey> next;
  while (true) {
    std::vector<domain::ImpactItem> page;
    q.after = next;
    AIMS_TRY(tx.records<domain::ImpactItem>().Query(q, &page, &next));
    for (auto& item : page) out.push_back(std::move(item));
    if (!next) break;
  }
  return out;
}

base::Status ApproveImpactAssessment(Mutation& m, domain::Id id, int64_t expected_version, const Approver& who,
                                     domain::ImpactAssessment* out) {
  AIMS_TRY(CheckApprover(who, "approve an impact assessment"));
  AIMS_ASSIGN_OR_RETURN(auto a, GetAtVersion<domain::ImpactAssessment>(m, id, expected_version));
  if (a.drafted_by && a.drafted_by == who.person) {
    return base::Status::PermissionDenied("you drafted this impact assessment: another approver must approve it",
                                          "approved_by");
  }
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(*a.system));
  if (system.owner && system.owner == who.person) {
    return base::Status::PermissionDenied(
        "you own " + DisplayId(EntityKind::kAiSystem, system.meta.id) +
            ": the impact assessment of your own system is approved by someone else",
        "approved_by");
  }
  if (a.meta.retired()) return base::Status::FailedPrecondition("it is retired", "status");
  // Supersede the approved version(s) before, so only one version of a system is in force.
  store::RecordQuery q;
  q.equals = {{"system", std::to_string(*a.system)}, {"status", "approved"}};
  q.limit = 100;
  std::vector<domain::ImpactAssessment> approved;
  std::optional<store::PageKey> next;
  AIMS_TRY(m.tx().records<domain::ImpactAssessment>().Query(q, &approved, &next));
  for (auto& old : approved) {
    old.status = domain::AssessmentStatus::kSuperseded;
    AIMS_TRY(m.Update(old, old.meta.version, "supersede"));
  }
  a.status = domain::AssessmentStatus::kApproved;
  a.approved_by = who.person;
  a.approved_on = m.now().date();
  AIMS_TRY(m.Update(a, expected_version, "approve"));
  if (out) *out = std::move(a);
  return base::Status::OK();
}

base::Status ReviseImpactAssessment(Mutation& m, domain::Id id, std::optional<domain::Id> drafter,
                                    domain::ImpactAssessment* out) {
  AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment source, m.Get<domain::ImpactAssessment>(id));
  if (source.status == domain::AssessmentStatus::kDraft) {
    return base::Status::FailedPrecondition(DisplayId(EntityKind::kImpactAssessment, id) +
                                                " is a draft: edit it instead of revising it",
                                            "status");
  }
  // One draft at a time per system.
  store::RecordQuery q;
  q.equals = {{"system", std::to_string(*source.system)}, {"status", "draft"}};
  q.limit = 1;
  std::vector<domain::ImpactAssessment> drafts;
  std::optional<store::PageKey> next;
  AIMS_TRY(m.tx().records<domain::ImpactAssessment>().Query(q, &drafts, &next));
  if (!drafts.empty()) {
    return base::Status::AlreadyExists(DisplayId(EntityKind::kImpactAssessment, drafts.front().meta.id) +
                                       " is already a draft revision of this system's assessment");
  }
  domain::ImpactAssessment draft = source;
  draft.version = 0;  // numbered on create
  draft.status = domain::AssessmentStatus::kDraft;
  draft.drafted_by = drafter;
  draft.approved_by.reset();
  draft.approved_on.reset();
  draft.revises = id;
  AIMS_ASSIGN_OR_RETURN(domain::Id new_id, m.Create(draft, "revise"));
  AIMS_ASSIGN_OR_RETURN(auto items, ImpactsOf(m.tx(), id));
  for (auto item : items) {
    item.assessment = new_id;
    AIMS_TRY(m.Create(item, "create").status());
  }
  if (out) *out = std::move(draft);
  return base::Status::OK();
}

}  // namespace aims::service
