#include "service/aiact_service.h"

#include <map>

#include "io/aiact_json.h"
#include "io/aiact_rules_parser.h"

namespace aims::service {

namespace {

using domain::DisplayId;
using domain::EntityKind;

std::string RulesLabel(const domain::AiActRules& rules, const std::string& text) {
  return rules.id + "#" + std::to_string(rules.revision) + " " + text;
}

}  // namespace

base::Result<domain::AiActClassification> ClassifyAnswers(const domain::AiActAnswers& answers, std::string_view text,
                                                          base::Date as_of) {
  AIMS_ASSIGN_OR_RETURN(auto rules, io::BuiltinAiActRules());
  return domain::Classify(*rules, answers, text, as_of);
}

base::Result<ClassifyOutcome> ClassifySystem(Mutation& m, domain::Id system_id, const domain::AiActAnswers& answers,
                                             std::string_view text, base::Date as_of,
                                             std::optional<domain::Id> assessed_by) {
  AIMS_ASSIGN_OR_RETURN(auto rules, io::BuiltinAiActRules());
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem system, m.Get<domain::AiSystem>(system_id));
  if (system.meta.retired()) {
    return base::Status::FailedPrecondition(DisplayId(EntityKind::kAiSystem, system_id) + " is retired");
  }
  ClassifyOutcome out;
  AIMS_ASSIGN_OR_RETURN(out.classification, domain::Classify(*rules, answers, text, as_of));
  const std::string answers_json = io::WriteAiActAnswersJson(answers);
  const std::string label = RulesLabel(*rules, out.classification.text);

  // The latest version: unchanged answers under the same rules and text write nothing.
  AIMS_ASSIGN_OR_RETURN(auto latest, LatestVersion<domain::AiActAssessment>(m.tx(), system_id, true));
  if (latest && !latest->meta.retired() && latest->answers == answers_json && latest->rules == label &&
      latest->as_of == as_of) {
    out.assessment = *latest;
    out.unchanged = true;
    return out;
  }

  domain::AiActAssessment a;
  a.system = system_id;
  a.version = latest ? latest->version + 1 : 1;
  a.answers = answers_json;
  a.rules = label;
  a.as_of = as_of;
  a.tier = out.classification.tier;
  a.gpai = std::string(domain::EnumName(out.classification.gpai));
  a.fria_required = out.classification.fria_required;
  a.result = io::WriteAiActClassificationJson(out.classification);
  a.assessed_by = assessed_by;
  AIMS_ASSIGN_OR_RETURN(domain::Id assessment_id, m.Create(a, "classify"));

  if (system.ai_act_tier != out.classification.tier || system.ai_act_role != answers.role) {
    system.ai_act_tier = out.classification.tier;
    system.ai_act_role = answers.role;
    AIMS_TRY(m.Update(system, system.meta.version, "classify"));
  }

  // The obligations register: keyed by rule id within the system.
  std::map<std::string, domain::Obligation> existing;
  store::RecordQuery oq;
  oq.equals = {{"system", std::to_string(system_id)}};
  oq.limit = 500;
  std::optional<store::PageKey> onext;
  do {
    std::vector<domain::Obligation> page;
    oq.after = onext;
    AIMS_TRY(m.tx().records<domain::Obligation>().Query(oq, &page, &onext));
    for (auto& o : page) existing[o.rule] = std::move(o);
  } while (onext);
  std::map<std::string, bool> wanted;
  for (const auto& duty : out.classification.obligations) {
    // Duties that bind another operator are not this organisation's.
    if (duty.binds != answers.role) continue;
    wanted[duty.id] = true;
    auto it = existing.find(duty.id);
    if (it == existing.end()) {
      domain::Obligation o;
      o.system = system_id;
      o.assessment = assessment_id;
      o.rule = duty.id;
      o.article = duty.article;
      o.summary = duty.summary;
      o.binds = duty.binds;
      o.applies_from = duty.applies_from;
      o.owner = system.owner;
      AIMS_TRY(m.Create(o, "classify").status());
      ++out.obligations_added;
      continue;
    }
    domain::Obligation o = it->second;
    o.assessment = assessment_id;
    o.article = duty.article;
    o.summary = duty.summary;
    o.binds = duty.binds;
    o.applies_from = duty.applies_from;
    if (o.status == domain::ObligationStatus::kSuperseded) o.status = domain::ObligationStatus::kOpen;
    AIMS_TRY(m.Update(o, it->second.meta.version, "classify"));
    ++out.obligations_updated;
  }
  for (auto& [rule, o] : existing) {
    if (wanted.count(rule) || o.status == domain::ObligationStatus::kSuperseded) continue;
    int64_t version = o.meta.version;
    o.status = domain::ObligationStatus::kSuperseded;
    o.assessment = assessment_id;
    AIMS_TRY(m.Update(o, version, "classify"));
    ++out.obligations_superseded;
  }
  AIMS_ASSIGN_OR_RETURN(out.assessment, m.Get<domain::AiActAssessment>(assessment_id));
  return out;
}

}  // namespace aims::service
