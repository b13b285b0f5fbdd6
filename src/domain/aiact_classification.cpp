#include "domain/aiact_classification.h"

#include <algorithm>
#include <cmath>

namespace aims::domain {

namespace {

using base::Status;

std::string Ids(const std::vector<AiActListEntry>& list, std::string_view text_id = {}) {
  std::string out;
  for (const auto& e : list) {
    if (!text_id.empty() && !e.InText(text_id)) continue;
    if (!out.empty()) out += ", ";
    out += e.id;
  }
  return out;
}

Status Unknown(const std::string& what, const std::string& value, const std::string& expected,
               const std::string& key) {
  return Status::InvalidArgument("unknown " + what + " \"" + value + "\" (expected " + expected + ")", key);
}

// Checks each value of a list answer against `list`, refusing duplicates.
Status CheckList(const std::vector<std::string>& values, const std::vector<AiActListEntry>& list,
                 std::string_view text_id, const std::string& what, const std::string& key) {
  for (size_t i = 0; i < values.size(); ++i) {
    std::string where = key + "[" + std::to_string(i) + "]";
    const AiActListEntry* e = FindEntry(list, values[i]);
    if (!e || !e->InText(text_id)) {
      std::string in_text = text_id.empty() ? "" : " in the " + std::string(text_id) + " text";
      return Unknown(what + in_text, values[i], Ids(list, text_id), where);
    }
    if (std::find(values.begin(), values.begin() + i, values[i]) != values.begin() + i) {
      return Status::InvalidArgument("\"" + values[i] + "\" is given twice", where);
    }
  }
  return Status::OK();
}

bool Contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// What the answers established, in the terms of AiActCondition.
struct Facts {
  const AiActAnswers* answers = nullptr;
  bool via_annex_i = false;
  bool via_annex_iii = false;
  bool derogated = false;
  bool fria = false;
  AiActGpai gpai = AiActGpai::kNone;
};

bool RouteHolds(AiActRoute route, const Facts& f) {
  switch (route) {
    case AiActRoute::kNone: return true;
    case AiActRoute::kAny: return f.via_annex_i || f.via_annex_iii;
    case AiActRoute::kAnnexIii: return f.via_annex_iii;
    case AiActRoute::kAnnexI: return f.via_annex_i;
  }
  return false;
}

bool Holds(const AiActCondition& c, const Facts& f) {
  const AiActAnswers& a = *f.answers;
  if (!RouteHolds(c.high_risk, f)) return false;
  std::string_view area = a.annex_iii ? AnnexIiiArea(*a.annex_iii) : std::string_view();
  if (!c.annex_iii_areas.empty() && (!a.annex_iii || !Contains(c.annex_iii_areas, area))) return false;
  if (!c.annex_iii_except_areas.empty() && (!a.annex_iii || Contains(c.annex_iii_except_areas, area))) {
    return false;
  }
  if (!c.annex_iii_points.empty() && (!a.annex_iii || !Contains(c.annex_iii_points, *a.annex_iii))) {
    return false;
  }
  if (c.derogated && !f.derogated) return false;
  if (!c.transparency.empty() &&
      std::none_of(a.transparency.begin(), a.transparency.end(),
                   [&](const std::string& item) { return Contains(c.transparency, item); })) {
    return false;
  }
  if (c.gpai == AiActGpaiCondition::kAny && f.gpai == AiActGpai::kNone) return false;
  if (c.gpai == AiActGpaiCondition::kSystemic && f.gpai != AiActGpai::kGpaiSystemic) return false;
  if (c.unless_open_source && a.gpai.open_source && f.gpai != AiActGpai::kGpaiSystemic) return false;
  if (c.public_body && !a.public_body_or_public_service) return false;
  if (c.fria && !f.fria) return false;
  return true;
}

// The date an obligation applies from; nullopt when the text has no such date (the parser
// guarantees it does for every text the obligation is in).
std::optional<base::Date> AppliesFrom(const AiActRuleObligation& o, const AiActText& text, const Facts& f) {
  if (o.applies_from != kHighRiskDate) {
    const base::Date* d = text.FindDate(o.applies_from);
    return d ? std::optional<base::Date>(*d) : std::nullopt;
  }
  std::optional<base::Date> best;
  auto consider = [&](bool route_ok, std::string_view key) {
    const base::Date* d = text.FindDate(key);
    if (route_ok && d && (!best || *d < *best)) best = *d;
  };
  AiActRoute route = o.when.high_risk;
  consider(f.via_annex_iii && route != AiActRoute::kAnnexI, kAnnexIiiDate);
  consider(f.via_annex_i && route != AiActRoute::kAnnexIii, kAnnexIDate);
  return best;
}

std::string DateText(const base::Date& d) { return d.ToString(); }

// Art. 5: the duty to stop each practice, and whether any is prohibited at as_of.
bool Prohibitions(const AiActRules& rules, const AiActAnswers& a, const AiActText& text, base::Date as_of,
                  AiActClassification* out) {
  bool prohibited_now = false;
  for (const auto& e : rules.prohibitions) {
    if (!Contains(a.prohibited, e.id)) continue;
    const base::Date* from = text.FindDate(e.applies_from);
    if (!from) continue;  // the parser rules this out
    bool in_force = *from <= as_of;
    out->obligations.push_back({"art5-1-" + e.id, e.article, "Stop the prohibited practice: " + e.summary,
                                a.role, *from, in_force});
    if (in_force) {
      prohibited_now = true;
      out->rationale.push_back(e.article + " prohibits this practice from " + DateText(*from) + ": " +
                               e.summary);
    } else {
      out->rationale.push_back(e.article + " applies from " + DateText(*from) + ", after " +
                               DateText(as_of) + ": not yet a prohibition, but the practice must stop by then.");
    }
  }
  return prohibited_now;
}

void HighRisk(const AiActRules& rules, const AiActAnswers& a, Facts* f, AiActClassification* out) {
  const auto& i = a.annex_i;
  if (i.safety_component_or_product && i.third_party_conformity_assessment) {
    f->via_annex_i = true;
    out->rationale.push_back(
        "Art. 6(1): a safety component or product under Annex I legislation that needs third-party "
        "conformity assessment is high-risk.");
  } else if (i.safety_component_or_product || i.third_party_conformity_assessment) {
    out->rationale.push_back(
        "Art. 6(1) needs both conditions (Annex I safety component or product, and third-party "
        "conformity assessment); only one holds, so not high-risk by this route.");
  }
  if (!a.annex_iii) return;
  const AiActListEntry* point = FindEntry(rules.annex_iii, *a.annex_iii);
  std::string cite = "Art. 6(2), Annex III " + *a.annex_iii;
  if (!a.derogation_6_3) {
    f->via_annex_iii = true;
    out->rationale.push_back(cite + ": high-risk. " + point->summary);
    return;
  }
  const AiActListEntry* d = FindEntry(rules.derogations, *a.derogation_6_3);
  if (a.profiling) {
    f->via_annex_iii = true;
    out->rationale.push_back(cite + ": high-risk. The derogation of " + d->article +
                             " does not apply because the system profiles natural persons "
                             "(Art. 6(3), last subparagraph).");
    return;
  }
  f->derogated = true;
  out->rationale.push_back(cite + ": not high-risk under " + d->article + ". " + d->summary +
                           " The provider documents this assessment (Art. 6(4)) and registers the "
                           "system (Art. 49(2)).");
}

AiActGpai GpaiClass(const AiActRules& rules, const AiActAnswers& a, AiActClassification* out) {
  const auto& g = a.gpai;
  if (!g.is_gpai_model) return AiActGpai::kNone;
  if (g.designated_systemic_risk) {
    out->rationale.push_back("Art. 51(1)(b): designated by the Commission as a GPAI model with systemic risk.");
    return AiActGpai::kGpaiSystemic;
  }
  if (g.training_compute_flop && *g.training_compute_flop > rules.gpai_systemic_threshold_flop) {
    out->rationale.push_back(
        "Art. 51(2): training compute greater than the threshold presumes high-impact capabilities: "
        "a GPAI model with systemic risk.");
    return AiActGpai::kGpaiSystemic;
  }
  std::string note = g.open_source
                         ? " Released under a free and open-source licence with public weights: exempt "
                           "from Art. 53(1)(a), (b) and Art. 54 (Art. 53(2), 54(6))."
                         : "";
  out->rationale.push_back("Art. 3(63), Art. 53: a general-purpose AI model without systemic risk." + note);
  return AiActGpai::kGpai;
}

bool FriaRequired(const AiActRules& rules, const AiActAnswers& a, const Facts& f) {
  if (a.role != AiActRole::kDeployer || !f.via_annex_iii) return false;
  const std::string& point = *a.annex_iii;
  if (Contains(rules.fria.any_deployer_points, point)) return true;
  return a.public_body_or_public_service &&
         !Contains(rules.fria.public_deployer_except_areas, std::string(AnnexIiiArea(point)));
}

void Tier(const AiActRules& rules, const AiActAnswers& a, const Facts& f, AiActClassification* out) {
  for (const auto& item : rules.transparency) {
    if (Contains(a.transparency, item.id) && !Contains(out->transparency_obligations, item.article)) {
      out->transparency_obligations.push_back(item.article);
    }
  }
  std::string arts;
  for (const auto& art : out->transparency_obligations) arts += (arts.empty() ? "" : ", ") + art;
  if (f.via_annex_i || f.via_annex_iii) {
    out->tier = AiActTier::kHigh;
    if (!arts.empty()) out->rationale.push_back("A high-risk system keeps its transparency duties (" + arts + ").");
  } else if (!arts.empty()) {
    out->tier = AiActTier::kLimited;
    out->rationale.push_back("Not high-risk, with transparency duties (" + arts + "): limited risk.");
  } else {
    out->tier = AiActTier::kMinimal;
    out->rationale.push_back(
        "No prohibited practice, no high-risk route and no Art. 50 feature: minimal risk (voluntary "
        "codes of conduct, Art. 95).");
  }
}

}  // namespace

Status ValidateAnswers(const AiActRules& rules, const AiActAnswers& a, const AiActText& text) {
  if (a.role == AiActRole::kUndetermined) {
    return Status::InvalidArgument(
        "required: provider, deployer, importer, distributor, authorised_representative or "
        "product_manufacturer",
        "role");
  }
  if (a.scope_exclusion && !FindEntry(rules.scope_exclusions, *a.scope_exclusion)) {
    return Unknown("scope exclusion", *a.scope_exclusion, Ids(rules.scope_exclusions), "scope_exclusion");
  }
  AIMS_TRY(CheckList(a.prohibited, rules.prohibitions, text.id, "Art. 5(1) point", "prohibited"));
  if (a.annex_iii && !FindEntry(rules.annex_iii, *a.annex_iii)) {
    return Unknown("Annex III point", *a.annex_iii, Ids(rules.annex_iii), "annex_iii");
  }
  if (a.derogation_6_3) {
    if (!a.annex_iii) {
      return Status::InvalidArgument("an Art. 6(3) derogation is only for an Annex III system: give annex_iii",
                                     "derogation_6_3");
    }
    if (!FindEntry(rules.derogations, *a.derogation_6_3)) {
      return Unknown("Art. 6(3) derogation", *a.derogation_6_3, Ids(rules.derogations), "derogation_6_3");
    }
  }
  AIMS_TRY(CheckList(a.transparency, rules.transparency, {}, "transparency item", "transparency"));
  const auto& g = a.gpai;
  if (g.training_compute_flop) {
    double flop = *g.training_compute_flop;
    if (!std::isfinite(flop) || flop < 0) {
      return Status::InvalidArgument("must be a number of floating-point operations, 0 or more",
                                     "gpai.training_compute_flop");
    }
  }
  if (!g.is_gpai_model) {
    const char* key = g.training_compute_flop ? "gpai.training_compute_flop"
                      : g.open_source         ? "gpai.open_source"
                      : g.designated_systemic_risk ? "gpai.designated_systemic_risk"
                                                   : nullptr;
    if (key) return Status::InvalidArgument("only for a general-purpose AI model: set gpai.is_gpai_model", key);
  }
  return Status::OK();
}

base::Result<AiActClassification> Classify(const AiActRules& rules, const AiActAnswers& answers,
                                           std::string_view text_id, base::Date as_of) {
  std::string_view wanted = text_id.empty() ? std::string_view(rules.default_text) : text_id;
  const AiActText* text = rules.FindText(wanted);
  if (!text) {
    std::string expected;
    for (const auto& t : rules.texts) expected += (expected.empty() ? "" : ", ") + t.id;
    return Status::InvalidArgument("unknown text \"" + std::string(wanted) + "\" (expected " + expected + ")",
                                   "text");
  }
  AIMS_TRY(ValidateAnswers(rules, answers, *text));
  AiActClassification out;
  out.text = text->id;
  out.as_of = as_of;
  if (answers.scope_exclusion) {
    const AiActListEntry* e = FindEntry(rules.scope_exclusions, *answers.scope_exclusion);
    out.tier = AiActTier::kOutOfScope;
    out.rationale.push_back(e->article + ": " + e->summary);
    return out;
  }
  Facts facts;
  facts.answers = &answers;
  bool prohibited = Prohibitions(rules, answers, *text, as_of, &out);
  facts.gpai = out.gpai = GpaiClass(rules, answers, &out);
  if (prohibited) {
    out.tier = AiActTier::kProhibited;
    out.rationale.push_back("A prohibited practice outranks every other classification: only the duty to stop is listed.");
    return out;
  }
  HighRisk(rules, answers, &facts, &out);
  Tier(rules, answers, facts, &out);
  facts.fria = out.fria_required = FriaRequired(rules, answers, facts);
  if (out.fria_required) {
    out.rationale.push_back(rules.fria.article + ": the deployer performs a fundamental-rights impact assessment "
                            "before first use.");
  }
  for (const auto& o : rules.obligations) {
    if (!o.InText(text->id) || !Holds(o.when, facts)) continue;
    if (std::find(o.binds.begin(), o.binds.end(), answers.role) == o.binds.end()) continue;
    std::optional<base::Date> from = AppliesFrom(o, *text, facts);
    if (!from) continue;
    out.obligations.push_back({o.id, o.article, o.summary, answers.role, *from, *from <= as_of});
  }
  return out;
}

}  // namespace aims::domain
