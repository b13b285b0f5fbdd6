// Unit tests for domain/aiact_classification (the EU AI Act engine) against the built-in rules
// (catalogs/rules/eu-ai-act.yaml, parsed by io/aiact_rules_parser), and the scenario cases of
// tests/cases/aiact/scenarios.yaml, taken from the Regulation and the Commission's guidance.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "domain/aiact_classification.h"
#include "io/aiact_json.h"
#include "io/aiact_rules_parser.h"

#ifndef AIMS_CASES_DIR
#define AIMS_CASES_DIR ""
#endif

namespace aims::domain {
namespace {

const AiActRules& Rules() {
  static const AiActRules rules = [] {
    auto r = io::BuiltinAiActRules();
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      return AiActRules();
    }
    return **r;
  }();
  return rules;
}

base::Date D(const char* text) { return *base::Date::Parse(text); }
const base::Date kLate = D("2029-01-01");

AiActClassification ClassifyOk(const AiActAnswers& a, std::string_view text = "amended", base::Date as_of = kLate) {
  auto c = Classify(Rules(), a, text, as_of);
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return c.ok() ? *c : AiActClassification();
}

base::Status ErrorOf(const AiActAnswers& a, std::string_view text = "amended") {
  auto c = Classify(Rules(), a, text, kLate);
  return c.ok() ? base::Status::OK() : c.status();
}

const AiActObligation* Find(const AiActClassification& c, std::string_view article) {
  for (const auto& o : c.obligations) {
    if (o.article == article) return &o;
  }
  return nullptr;
}

bool RationaleMentions(const AiActClassification& c, std::string_view words) {
  return std::any_of(c.rationale.begin(), c.rationale.end(),
                     [&](const std::string& s) { return s.find(words) != std::string::npos; });
}

AiActAnswers Role(AiActRole role) {
  AiActAnswers a;
  a.role = role;
  return a;
}

AiActAnswers Provider() { return Role(AiActRole::kProvider); }
AiActAnswers Deployer() { return Role(AiActRole::kDeployer); }

// ---- the built-in rule file -------------------------------------------------------------------

TEST(AiActRules, BuiltinFileParses) {
  auto rules = io::BuiltinAiActRules();
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  const AiActRules& r = **rules;
  EXPECT_EQ(r.format, kAiActRulesFormat);
  EXPECT_EQ(r.id, "eu-ai-act");
  EXPECT_EQ(r.default_text, "amended");
  ASSERT_NE(r.FindText("original"), nullptr);
  ASSERT_NE(r.FindText("amended"), nullptr);
  EXPECT_EQ(*r.FindText("original")->FindDate("annex_iii"), D("2026-08-02"));
  EXPECT_EQ(*r.FindText("amended")->FindDate("annex_iii"), D("2027-12-02"));
  EXPECT_EQ(*r.FindText("original")->FindDate("annex_i"), D("2027-08-02"));
  EXPECT_EQ(*r.FindText("amended")->FindDate("annex_i"), D("2028-08-02"));
  EXPECT_EQ(r.FindText("original")->FindDate("new_prohibition"), nullptr);
  EXPECT_EQ(*r.FindText("amended")->FindDate("new_prohibition"), D("2026-12-02"));
  EXPECT_EQ(r.gpai_systemic_threshold_flop, 1e25);
  EXPECT_EQ(r.annex_iii.size(), 25u);  // 1(a)-(c), 2(a), 3(a)-(d), 4(a)-(b), 5(a)-(d), 6(a)-(e), 7(a)-(d), 8(a)-(b)
  EXPECT_EQ(r.prohibitions.size(), 9u);
  EXPECT_EQ(io::BuiltinAiActRulesName(), "eu-ai-act.yaml");
}

// ---- text and as_of ---------------------------------------------------------------------------

TEST(AiActClassify, EmptyTextMeansTheDefault) {
  AiActAnswers a = Provider();
  a.annex_iii = "4(a)";
  auto c = Classify(Rules(), a, "", kLate);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->text, "amended");
  EXPECT_EQ(c->as_of, kLate);
}

TEST(AiActClassify, UnknownTextNamesTheKey) {
  base::Status s = ErrorOf(Provider(), "draft");
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(s.where(), "text");
  EXPECT_NE(s.message().find("original, amended"), std::string_view::npos);
}

TEST(AiActClassify, InForceFollowsAsOfDayByDay) {
  AiActAnswers a = Provider();
  a.annex_iii = "4(a)";
  EXPECT_FALSE(Find(ClassifyOk(a, "amended", D("2027-12-01")), "Art. 9")->in_force);
  EXPECT_TRUE(Find(ClassifyOk(a, "amended", D("2027-12-02")), "Art. 9")->in_force);
  EXPECT_FALSE(Find(ClassifyOk(a, "original", D("2026-08-01")), "Art. 9")->in_force);
  EXPECT_TRUE(Find(ClassifyOk(a, "original", D("2026-08-02")), "Art. 9")->in_force);
  EXPECT_EQ(ClassifyOk(a, "amended", D("2024-01-01")).tier, AiActTier::kHigh);  // a classification, not a date
}

TEST(AiActClassify, ObligationKeepsItsIdWhileItsWordingFollowsTheText) {
  AiActClassification by_original = ClassifyOk(Deployer(), "original");
  AiActClassification by_amended = ClassifyOk(Deployer(), "amended");
  const AiActObligation* original = Find(by_original, "Art. 4");
  const AiActObligation* amended = Find(by_amended, "Art. 4");
  ASSERT_NE(original, nullptr);
  ASSERT_NE(amended, nullptr);
  EXPECT_EQ(original->id, amended->id);
  EXPECT_NE(original->summary, amended->summary);
}

// ---- validation -------------------------------------------------------------------------------

struct BadAnswers {
  const char* what;
  AiActAnswers answers;
  const char* text;
  const char* key;
};

std::vector<BadAnswers> BadAnswerCases() {
  std::vector<BadAnswers> out;
  auto add = [&](const char* what, auto change, const char* key, const char* text = "amended") {
    AiActAnswers a = Provider();
    change(a);
    out.push_back({what, a, text, key});
  };
  add("undetermined role", [](AiActAnswers& a) { a.role = AiActRole::kUndetermined; }, "role");
  add("unknown scope exclusion", [](AiActAnswers& a) { a.scope_exclusion = "hobby"; }, "scope_exclusion");
  add("prohibited point z", [](AiActAnswers& a) { a.prohibited = {"z"}; }, "prohibited[0]");
  add("prohibited point given twice", [](AiActAnswers& a) { a.prohibited = {"c", "c"}; }, "prohibited[1]");
  add("point i in the original text", [](AiActAnswers& a) { a.prohibited = {"a", "i"}; }, "prohibited[1]",
      "original");
  add("Annex III point that does not exist", [](AiActAnswers& a) { a.annex_iii = "4(c)"; }, "annex_iii");
  add("Annex III area that does not exist", [](AiActAnswers& a) { a.annex_iii = "9(a)"; }, "annex_iii");
  add("Annex III point without a letter", [](AiActAnswers& a) { a.annex_iii = "4"; }, "annex_iii");
  add("derogation without annex_iii", [](AiActAnswers& a) { a.derogation_6_3 = "narrow_procedural_task"; },
      "derogation_6_3");
  add("unknown derogation",
      [](AiActAnswers& a) {
        a.annex_iii = "4(a)";
        a.derogation_6_3 = "harmless";
      },
      "derogation_6_3");
  add("unknown transparency item", [](AiActAnswers& a) { a.transparency = {"interacts_with_persons", "hologram"}; },
      "transparency[1]");
  add("transparency item twice", [](AiActAnswers& a) { a.transparency = {"interacts_with_persons", "interacts_with_persons"}; },
      "transparency[1]");
  add("negative compute",
      [](AiActAnswers& a) {
        a.gpai.is_gpai_model = true;
        a.gpai.training_compute_flop = -1;
      },
      "gpai.training_compute_flop");
  add("NaN compute",
      [](AiActAnswers& a) {
        a.gpai.is_gpai_model = true;
        a.gpai.training_compute_flop = std::nan("");
      },
      "gpai.training_compute_flop");
  add("compute without a GPAI model", [](AiActAnswers& a) { a.gpai.training_compute_flop = 1e20; },
      "gpai.training_compute_flop");
  add("open source without a GPAI model", [](AiActAnswers& a) { a.gpai.open_source = true; }, "gpai.open_source");
  add("designation without a GPAI model", [](AiActAnswers& a) { a.gpai.designated_systemic_risk = true; },
      "gpai.designated_systemic_risk");
  return out;
}

TEST(AiActClassify, BadAnswersNameTheKey) {
  for (const auto& bad : BadAnswerCases()) {
    SCOPED_TRACE(bad.what);
    base::Status s = ErrorOf(bad.answers, bad.text);
    EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
    EXPECT_EQ(s.where(), bad.key) << s.ToString();
    EXPECT_FALSE(s.message().empty());
  }
}

TEST(AiActClassify, UnknownValueMessagesListWhatIsAllowed) {
  AiActAnswers a = Provider();
  a.prohibited = {"i"};
  base::Status s = ErrorOf(a, "original");
  EXPECT_NE(s.message().find("original text"), std::string_view::npos) << s.ToString();
  EXPECT_NE(s.message().find("a, b, c, d, e, f, g, h)"), std::string_view::npos) << s.ToString();
  a.prohibited = {};
  a.annex_iii = "4(c)";
  EXPECT_NE(ErrorOf(a).message().find("4(a), 4(b)"), std::string_view::npos);
}

TEST(AiActClassify, EveryAnnexIiiPointIsHighRiskForItsProvider) {
  for (const auto& point : Rules().annex_iii) {
    SCOPED_TRACE(point.id);
    AiActAnswers a = Provider();
    a.annex_iii = point.id;
    AiActClassification c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kHigh);
    EXPECT_NE(Find(c, "Art. 9"), nullptr);
    EXPECT_EQ(Find(c, "Art. 49(1)") != nullptr, AnnexIiiArea(point.id) != "2");
    EXPECT_TRUE(RationaleMentions(c, "Annex III " + point.id));
  }
}

// ---- precedence -------------------------------------------------------------------------------

TEST(AiActClassify, ScopeExclusionOutranksEverything) {
  for (const auto& exclusion : Rules().scope_exclusions) {
    SCOPED_TRACE(exclusion.id);
    AiActAnswers a = Provider();
    a.scope_exclusion = exclusion.id;
    a.prohibited = {"c"};
    a.annex_iii = "4(a)";
    a.transparency = {"interacts_with_persons"};
    a.gpai.is_gpai_model = true;
    a.gpai.training_compute_flop = 1e26;
    AiActClassification c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kOutOfScope);
    EXPECT_EQ(c.gpai, AiActGpai::kNone);
    EXPECT_TRUE(c.obligations.empty());
    EXPECT_TRUE(c.transparency_obligations.empty());
    EXPECT_TRUE(RationaleMentions(c, exclusion.article));
  }
}

TEST(AiActClassify, EveryProhibitionInForceOutranksHighRisk) {
  for (const auto& p : Rules().prohibitions) {
    SCOPED_TRACE(p.id);
    AiActAnswers a = Deployer();
    a.prohibited = {p.id};
    a.annex_iii = "5(b)";
    a.transparency = {"interacts_with_persons"};
    AiActClassification c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kProhibited);
    EXPECT_FALSE(c.fria_required);
    ASSERT_EQ(c.obligations.size(), 1u);
    EXPECT_EQ(c.obligations[0].id, "art5-1-" + p.id);
    EXPECT_EQ(c.obligations[0].article, p.article);
    EXPECT_TRUE(c.obligations[0].in_force);
    EXPECT_TRUE(RationaleMentions(c, p.article));
  }
}

TEST(AiActClassify, ProhibitionNotYetApplicableIsListedButDoesNotDecide) {
  AiActAnswers a = Provider();
  a.prohibited = {"i", "c"};
  AiActClassification c = ClassifyOk(a, "amended", D("2026-06-01"));
  EXPECT_EQ(c.tier, AiActTier::kProhibited);  // (c) already applies
  ASSERT_GE(c.obligations.size(), 2u);
  EXPECT_EQ(c.obligations[0].article, "Art. 5(1)(c)");  // rule-file order, not answer order
  EXPECT_TRUE(c.obligations[0].in_force);
  EXPECT_FALSE(c.obligations[1].in_force);
  a.prohibited = {"i"};
  c = ClassifyOk(a, "amended", D("2026-12-01"));
  EXPECT_EQ(c.tier, AiActTier::kMinimal);
  EXPECT_TRUE(RationaleMentions(c, "not yet a prohibition"));
  EXPECT_EQ(ClassifyOk(a, "amended", D("2026-12-02")).tier, AiActTier::kProhibited);
}

TEST(AiActClassify, AnnexINeedsBothConditions) {
  for (int mask = 0; mask < 4; ++mask) {
    AiActAnswers a = Provider();
    a.annex_i.safety_component_or_product = mask & 1;
    a.annex_i.third_party_conformity_assessment = mask & 2;
    AiActClassification c = ClassifyOk(a);
    EXPECT_EQ(c.tier, mask == 3 ? AiActTier::kHigh : AiActTier::kMinimal) << mask;
    EXPECT_EQ(RationaleMentions(c, "Art. 6(1)"), mask != 0) << mask;
  }
}

TEST(AiActClassify, DerogationAndProfiling) {
  for (const auto& d : Rules().derogations) {
    SCOPED_TRACE(d.id);
    AiActAnswers a = Provider();
    a.annex_iii = "3(b)";
    a.derogation_6_3 = d.id;
    AiActClassification c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kMinimal);
    EXPECT_NE(Find(c, "Art. 6(4)"), nullptr);
    EXPECT_NE(Find(c, "Art. 49(2)"), nullptr);
    EXPECT_EQ(Find(c, "Art. 9"), nullptr);
    EXPECT_TRUE(RationaleMentions(c, d.article));
    a.profiling = true;
    c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kHigh);
    EXPECT_EQ(Find(c, "Art. 6(4)"), nullptr);
    EXPECT_TRUE(RationaleMentions(c, "last subparagraph"));
  }
}

TEST(AiActClassify, DerogatedSystemWithAnnexIStaysHighRisk) {
  AiActAnswers a = Provider();
  a.annex_iii = "5(d)";
  a.derogation_6_3 = "preparatory_task";
  a.annex_i = {true, true};
  AiActClassification c = ClassifyOk(a);
  EXPECT_EQ(c.tier, AiActTier::kHigh);
  EXPECT_EQ(Find(c, "Art. 9")->applies_from, D("2028-08-02"));  // Annex I route only
  EXPECT_EQ(Find(c, "Art. 49(1)"), nullptr);
  EXPECT_NE(Find(c, "Art. 6(4)"), nullptr);
}

TEST(AiActClassify, ProfilingWithoutAnnexIiiChangesNothing) {
  AiActAnswers a = Provider();
  a.profiling = true;
  EXPECT_EQ(ClassifyOk(a).tier, AiActTier::kMinimal);
}

TEST(AiActClassify, TransparencyTiersAndHighRiskKeepsArticle50) {
  for (const auto& item : Rules().transparency) {
    SCOPED_TRACE(item.id);
    AiActAnswers a = Provider();
    a.transparency = {item.id};
    AiActClassification c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kLimited);
    EXPECT_EQ(c.transparency_obligations, std::vector<std::string>{item.article});
    a.annex_iii = "4(b)";
    c = ClassifyOk(a);
    EXPECT_EQ(c.tier, AiActTier::kHigh);
    EXPECT_EQ(c.transparency_obligations, std::vector<std::string>{item.article});
  }
  AiActAnswers a = Deployer();
  a.transparency = {"emotion_recognition_or_biometric_categorisation", "deep_fake"};
  EXPECT_EQ(ClassifyOk(a).transparency_obligations, (std::vector<std::string>{"Art. 50(3)", "Art. 50(4)"}));
}

// ---- GPAI -------------------------------------------------------------------------------------

TEST(AiActClassify, GpaiThresholdIsStrictlyGreater) {
  AiActAnswers a = Provider();
  a.gpai.is_gpai_model = true;
  EXPECT_EQ(ClassifyOk(a).gpai, AiActGpai::kGpai);  // compute unknown: not presumed
  a.gpai.training_compute_flop = 1e25;
  EXPECT_EQ(ClassifyOk(a).gpai, AiActGpai::kGpai);
  a.gpai.training_compute_flop = std::nextafter(1e25, 1e26);
  EXPECT_EQ(ClassifyOk(a).gpai, AiActGpai::kGpaiSystemic);
  a.gpai.training_compute_flop = 0;
  EXPECT_EQ(ClassifyOk(a).gpai, AiActGpai::kGpai);
}

TEST(AiActClassify, GpaiDutiesBindTheProviderOnly) {
  AiActAnswers a = Deployer();
  a.gpai.is_gpai_model = true;
  a.gpai.training_compute_flop = 1e26;
  AiActClassification c = ClassifyOk(a);
  EXPECT_EQ(c.gpai, AiActGpai::kGpaiSystemic);
  EXPECT_EQ(Find(c, "Art. 55(1)(a)"), nullptr);
  EXPECT_EQ(Find(c, "Art. 53(1)(c)"), nullptr);
  a.role = AiActRole::kProvider;
  c = ClassifyOk(a, "amended", D("2025-08-01"));
  EXPECT_FALSE(Find(c, "Art. 55(1)(a)")->in_force);
  EXPECT_EQ(Find(c, "Art. 55(1)(a)")->applies_from, D("2025-08-02"));
}

// ---- FRIA -------------------------------------------------------------------------------------

TEST(AiActClassify, FriaForEveryAnnexIiiPoint) {
  for (const auto& point : Rules().annex_iii) {
    for (bool public_body : {false, true}) {
      SCOPED_TRACE(point.id + (public_body ? " public" : " private"));
      AiActAnswers a = Deployer();
      a.annex_iii = point.id;
      a.public_body_or_public_service = public_body;
      bool expected = point.id == "5(b)" || point.id == "5(c)" || (public_body && AnnexIiiArea(point.id) != "2");
      AiActClassification c = ClassifyOk(a);
      EXPECT_EQ(c.fria_required, expected);
      EXPECT_EQ(Find(c, "Art. 27") != nullptr, expected);
      a.role = AiActRole::kProvider;
      EXPECT_FALSE(ClassifyOk(a).fria_required);
    }
  }
}

TEST(AiActClassify, NoFriaForAnnexIOnlyOrDerogatedSystems) {
  AiActAnswers a = Deployer();
  a.public_body_or_public_service = true;
  a.annex_i = {true, true};
  EXPECT_FALSE(ClassifyOk(a).fria_required);
  a.annex_i = {};
  a.annex_iii = "5(b)";
  a.derogation_6_3 = "narrow_procedural_task";
  EXPECT_FALSE(ClassifyOk(a).fria_required);
}

// ---- obligations as a whole -------------------------------------------------------------------

TEST(AiActClassify, ObligationsBindTheAnswersRoleAndAreUnique) {
  for (AiActRole role : {AiActRole::kProvider, AiActRole::kDeployer, AiActRole::kImporter, AiActRole::kDistributor,
                         AiActRole::kAuthorisedRepresentative, AiActRole::kProductManufacturer}) {
    AiActAnswers a = Role(role);
    a.annex_iii = "5(b)";
    a.annex_i = {true, true};
    a.transparency = {"interacts_with_persons", "deep_fake"};
    a.gpai.is_gpai_model = true;
    a.gpai.training_compute_flop = 1e26;
    a.public_body_or_public_service = true;
    AiActClassification c = ClassifyOk(a);
    std::set<std::string> ids;
    for (const auto& o : c.obligations) {
      EXPECT_EQ(o.binds, role);
      EXPECT_TRUE(ids.insert(o.id).second) << o.id;
      EXPECT_EQ(o.in_force, o.applies_from <= kLate);
    }
    EXPECT_FALSE(c.obligations.empty()) << EnumName(role);
  }
}

// ---- the scenario cases -----------------------------------------------------------------------

struct Scenario {
  std::string name;
  std::string citation;
  std::string answers;
  std::string text = "amended";
  std::string as_of = "2029-01-01";
  YAML::Node expect;
};

std::string CasesFile() {
  std::filesystem::path dir = AIMS_CASES_DIR;
  if (dir.empty()) dir = std::filesystem::path(__FILE__).parent_path().parent_path() / "cases";
  return (dir / "aiact" / "scenarios.yaml").string();
}

std::vector<Scenario> LoadScenarios() {
  std::vector<Scenario> out;
  YAML::Node root = YAML::LoadFile(CasesFile());
  for (const auto& node : root["scenarios"]) {
    Scenario s;
    s.name = node["name"].as<std::string>();
    s.citation = node["citation"].as<std::string>();
    s.answers = node["answers"].as<std::string>();
    if (node["text"]) s.text = node["text"].as<std::string>();
    if (node["as_of"]) s.as_of = node["as_of"].as<std::string>();
    s.expect = node["expect"];
    out.push_back(std::move(s));
  }
  return out;
}

const std::vector<Scenario>& Scenarios() {
  static const std::vector<Scenario> all = LoadScenarios();
  return all;
}

class AiActScenario : public ::testing::TestWithParam<Scenario> {};

TEST_P(AiActScenario, Classifies) {
  const Scenario& s = GetParam();
  SCOPED_TRACE(s.citation);
  auto answers = io::ReadAiActAnswersJson(s.answers, s.name);
  ASSERT_TRUE(answers.ok()) << answers.status().ToString();
  auto result = Classify(Rules(), *answers, s.text, D(s.as_of.c_str()));
  if (s.expect["error"]) {
    ASSERT_FALSE(result.ok());
    EXPECT_EQ(result.status().where(), s.expect["error"].as<std::string>());
    return;
  }
  ASSERT_TRUE(result.ok()) << result.status().ToString();
  const AiActClassification& c = *result;
  if (s.expect["tier"]) {
    EXPECT_EQ(EnumName(c.tier), s.expect["tier"].as<std::string>());
  }
  EXPECT_EQ(EnumName(c.gpai), s.expect["gpai"] ? s.expect["gpai"].as<std::string>() : "none");
  if (s.expect["fria_required"]) {
    EXPECT_EQ(c.fria_required, s.expect["fria_required"].as<bool>());
  }
  for (const auto& art : s.expect["present"]) {
    EXPECT_NE(Find(c, art.as<std::string>()), nullptr) << "missing " << art.as<std::string>();
  }
  for (const auto& art : s.expect["absent"]) {
    EXPECT_EQ(Find(c, art.as<std::string>()), nullptr) << "unexpected " << art.as<std::string>();
  }
  for (const auto& kv : s.expect["applies_from"]) {
    const AiActObligation* o = Find(c, kv.first.as<std::string>());
    ASSERT_NE(o, nullptr) << kv.first.as<std::string>();
    EXPECT_EQ(o->applies_from.ToString(), kv.second.as<std::string>()) << kv.first.as<std::string>();
  }
  for (const auto& kv : s.expect["in_force"]) {
    const AiActObligation* o = Find(c, kv.first.as<std::string>());
    ASSERT_NE(o, nullptr) << kv.first.as<std::string>();
    EXPECT_EQ(o->in_force, kv.second.as<bool>()) << kv.first.as<std::string>();
  }
  EXPECT_FALSE(c.rationale.empty());
}

std::string ScenarioName(const ::testing::TestParamInfo<Scenario>& info) {
  std::string name = info.param.name;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Cases, AiActScenario, ::testing::ValuesIn(Scenarios()), ScenarioName);

TEST(AiActScenarios, AtLeastThirtyWithUniqueNamesAndCitations) {
  std::set<std::string> names;
  for (const auto& s : Scenarios()) {
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_FALSE(s.citation.empty()) << s.name;
  }
  EXPECT_GE(Scenarios().size(), 30u);
}

// Every obligation of the rule file is produced by at least one scenario (ctest runs each test
// alone, so this classifies the scenarios itself).
TEST(AiActScenarios, EveryRuleObligationIsExercised) {
  std::set<std::string> seen;
  for (const auto& s : Scenarios()) {
    auto answers = io::ReadAiActAnswersJson(s.answers, s.name);
    if (!answers.ok()) continue;
    auto c = Classify(Rules(), *answers, s.text, D(s.as_of.c_str()));
    if (!c.ok()) continue;
    for (const auto& o : c->obligations) seen.insert(o.id);
  }
  for (const auto& o : Rules().obligations) EXPECT_TRUE(seen.count(o.id)) << "no scenario yields " << o.id;
}

}  // namespace
}  // namespace aims::domain
