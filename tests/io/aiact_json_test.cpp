// Unit tests for io/aiact_json: strict reading of the questionnaire's answers (errors name the
// file and JSON pointer), the answers' canonical form, and the classification document.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "io/aiact_json.h"

namespace aims::io {
namespace {

base::Status ReadError(std::string_view text) {
  auto a = ReadAiActAnswersJson(text, "answers.json");
  return a.ok() ? base::Status::OK() : a.status();
}

TEST(AiActAnswersJson, ReadsEveryKey) {
  auto a = ReadAiActAnswersJson(R"j({
    "role": "deployer", "scope_exclusion": null, "prohibited": ["c", "f"],
    "annex_i": {"safety_component_or_product": true, "third_party_conformity_assessment": false},
    "annex_iii": "4(a)", "derogation_6_3": "preparatory_task", "profiling": true,
    "transparency": ["interacts_with_persons"],
    "gpai": {"is_gpai_model": true, "training_compute_flop": 2.5e25, "open_source": true,
             "designated_systemic_risk": false},
    "public_body_or_public_service": true})j",
                                "answers.json");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->role, domain::AiActRole::kDeployer);
  EXPECT_FALSE(a->scope_exclusion);
  EXPECT_EQ(a->prohibited, (std::vector<std::string>{"c", "f"}));
  EXPECT_TRUE(a->annex_i.safety_component_or_product);
  EXPECT_FALSE(a->annex_i.third_party_conformity_assessment);
  EXPECT_EQ(a->annex_iii, "4(a)");
  EXPECT_EQ(a->derogation_6_3, "preparatory_task");
  EXPECT_TRUE(a->profiling);
  EXPECT_EQ(a->transparency, std::vector<std::string>{"interacts_with_persons"});
  EXPECT_TRUE(a->gpai.is_gpai_model);
  EXPECT_EQ(a->gpai.training_compute_flop, 2.5e25);
  EXPECT_TRUE(a->gpai.open_source);
  EXPECT_TRUE(a->public_body_or_public_service);
}

TEST(AiActAnswersJson, OnlyRoleIsRequiredAndNullMeansDefault) {
  auto a = ReadAiActAnswersJson(R"j({"role": "provider", "annex_iii": null, "gpai": null, "prohibited": null,
                                    "profiling": null})j",
                                "a.json");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->role, domain::AiActRole::kProvider);
  EXPECT_FALSE(a->annex_iii);
  EXPECT_FALSE(a->gpai.is_gpai_model);
  EXPECT_TRUE(a->prohibited.empty());
}

TEST(AiActAnswersJson, WholeNumberComputeIsAccepted) {
  auto a = ReadAiActAnswersJson(R"j({"role": "provider", "gpai": {"is_gpai_model": true,
                                    "training_compute_flop": 1000000000000000000}})j",
                                "a.json");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->gpai.training_compute_flop, 1e18);
}

TEST(AiActAnswersJson, BadInputNamesFileAndPointer) {
  struct Case {
    const char* json;
    const char* where;
  } cases[] = {
      {R"j({})j", "answers.json:/role"},
      {R"j({"role": null})j", "answers.json:/role"},
      {R"j({"role": "undetermined"})j", "answers.json:/role"},
      {R"j({"role": "user"})j", "answers.json:/role"},
      {R"j({"role": 3})j", "answers.json:/role"},
      {R"j({"role": "provider", "colour": "red"})j", "answers.json:/colour"},
      {R"j({"role": "provider", "annex_i": {"safety": true}})j", "answers.json:/annex_i/safety"},
      {R"j({"role": "provider", "annex_i": true})j", "answers.json:/annex_i"},
      {R"j({"role": "provider", "annex_i": {"safety_component_or_product": "yes"}})j",
       "answers.json:/annex_i/safety_component_or_product"},
      {R"j({"role": "provider", "gpai": {"params": 7}})j", "answers.json:/gpai/params"},
      {R"j({"role": "provider", "gpai": {"training_compute_flop": "1e25"}})j",
       "answers.json:/gpai/training_compute_flop"},
      {R"j({"role": "provider", "gpai": {"training_compute_flop": 1e999}})j", "answers.json:/gpai/training_compute_flop"},
      {R"j({"role": "provider", "profiling": "no"})j", "answers.json:/profiling"},
      {R"j({"role": "provider", "prohibited": "c"})j", "answers.json:/prohibited"},
      {R"j({"role": "provider", "prohibited": [3]})j", "answers.json:/prohibited"},
      {R"j({"role": "provider", "transparency": {"interacts_with_persons": true}})j", "answers.json:/transparency"},
      {R"j({"role": "provider", "annex_iii": 4})j", "answers.json:/annex_iii"},
      {R"j({"role": "provider", "annex_iii": ""})j", "answers.json:/annex_iii"},
      {R"j({"role": "provider", "derogation_6_3": true})j", "answers.json:/derogation_6_3"},
      {R"j({"role": "provider", "public_body_or_public_service": 1})j",
       "answers.json:/public_body_or_public_service"},
      {R"j([])j", "answers.json:"},
      {R"j({"role": "provider",)j", "answers.json:1:21"},
      {"{\"role\": \"provider\"}\n{}", "answers.json:2:1"},
      {"", "answers.json:1:1"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.json);
    base::Status s = ReadError(c.json);
    EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
    EXPECT_EQ(s.where(), c.where) << s.ToString();
  }
}

TEST(AiActAnswersJson, ComputeKeepsFifteenSignificantDigitsSoTheFormIsStable) {
  auto a = ReadAiActAnswersJson(R"j({"role": "provider", "gpai": {"is_gpai_model": true,
                                    "training_compute_flop": -1.6666666666666666666666666e41}})j",
                                "a.json");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->gpai.training_compute_flop, -1.66666666666667e41);
  std::string text = WriteAiActAnswersJson(*a);
  auto back = ReadAiActAnswersJson(text, "b.json");
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(WriteAiActAnswersJson(*back), text);
}

TEST(AiActAnswersJson, UnknownKeyMessageListsTheKeys) {
  base::Status s = ReadError(R"j({"role": "provider", "annexIII": "4(a)"})j");
  EXPECT_NE(s.message().find("annex_iii"), std::string_view::npos) << s.ToString();
}

TEST(AiActAnswersJson, TooLargeIsRefused) {
  std::string big = R"j({"role": "provider", "transparency": [)j";
  while (big.size() <= kMaxAiActAnswersBytes) big += R"j("interacts_with_persons",)j";
  EXPECT_EQ(ReadError(big + R"j("x"]})j").where(), "answers.json");
}

TEST(AiActAnswersJson, WritesEveryKeyAndReadsBack) {
  domain::AiActAnswers a;
  a.role = domain::AiActRole::kProductManufacturer;
  a.scope_exclusion = "research";
  a.prohibited = {"a", "i"};
  a.annex_i = {true, true};
  a.annex_iii = "8(b)";
  a.derogation_6_3 = "narrow_procedural_task";
  a.profiling = true;
  a.transparency = {"deep_fake", "interacts_with_persons"};
  a.gpai = {true, 1.23456789012345e25, true, true};
  a.public_body_or_public_service = true;
  std::string text = WriteAiActAnswersJson(a);
  auto back = ReadAiActAnswersJson(text, "w.json");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(WriteAiActAnswersJson(*back), text);
  EXPECT_EQ(back->gpai.training_compute_flop, a.gpai.training_compute_flop);
  EXPECT_EQ(back->transparency, a.transparency);

  domain::AiActAnswers minimal;
  minimal.role = domain::AiActRole::kDeployer;
  EXPECT_EQ(WriteAiActAnswersJson(minimal),
            R"j({"role": "deployer", "scope_exclusion": null, "prohibited": [], )j"
            R"j("annex_i": {"safety_component_or_product": false, "third_party_conformity_assessment": false}, )j"
            R"j("annex_iii": null, "derogation_6_3": null, "profiling": false, "transparency": [], )j"
            R"j("gpai": {"is_gpai_model": false, "training_compute_flop": null, "open_source": false, )j"
            R"j("designated_systemic_risk": false}, "public_body_or_public_service": false})j");
}

domain::AiActClassification Sample() {
  domain::AiActClassification c;
  c.text = "amended";
  c.as_of = *base::Date::Parse("2026-10-01");
  c.tier = domain::AiActTier::kHigh;
  c.gpai = domain::AiActGpai::kGpaiSystemic;
  c.fria_required = true;
  c.transparency_obligations = {"Art. 50(1)"};
  c.obligations.push_back({"hr-art27-fria", "Art. 27", "Do a \"FRIA\".", domain::AiActRole::kDeployer,
                           *base::Date::Parse("2027-12-02"), false});
  c.obligations.push_back({"art4-ai-literacy", "Art. 4", "Literacy.", domain::AiActRole::kDeployer,
                           *base::Date::Parse("2025-02-02"), true});
  c.rationale = {"Art. 6(2), Annex III 5(b): high-risk.", "Line\nbreak"};
  return c;
}

TEST(AiActClassificationJson, WritesExactly) {
  EXPECT_EQ(WriteAiActClassificationJson(Sample()),
            "{\n"
            "  \"text\": \"amended\",\n"
            "  \"as_of\": \"2026-10-01\",\n"
            "  \"tier\": \"high\",\n"
            "  \"gpai\": \"gpai_systemic\",\n"
            "  \"fria_required\": true,\n"
            "  \"transparency_obligations\": [\"Art. 50(1)\"],\n"
            "  \"obligations\": [\n"
            "    {\"id\": \"hr-art27-fria\", \"article\": \"Art. 27\", \"summary\": \"Do a \\\"FRIA\\\".\", "
            "\"binds\": \"deployer\", \"applies_from\": \"2027-12-02\", \"in_force\": false},\n"
            "    {\"id\": \"art4-ai-literacy\", \"article\": \"Art. 4\", \"summary\": \"Literacy.\", "
            "\"binds\": \"deployer\", \"applies_from\": \"2025-02-02\", \"in_force\": true}\n"
            "  ],\n"
            "  \"rationale\": [\n"
            "    \"Art. 6(2), Annex III 5(b): high-risk.\",\n"
            "    \"Line\\nbreak\"\n"
            "  ]\n"
            "}\n");
}

TEST(AiActClassificationJson, IsValidJsonWithExactlyTheDocumentedKeys) {
  for (bool empty : {false, true}) {
    domain::AiActClassification c = Sample();
    if (empty) {
      c.obligations.clear();
      c.rationale.clear();
      c.transparency_obligations.clear();
    }
    boost::json::value v = boost::json::parse(WriteAiActClassificationJson(c));
    const auto& obj = v.as_object();
    std::vector<std::string> keys;
    for (const auto& kv : obj) keys.emplace_back(kv.key());
    EXPECT_EQ(keys, (std::vector<std::string>{"text", "as_of", "tier", "gpai", "fria_required",
                                              "transparency_obligations", "obligations", "rationale"}));
    if (!empty) {
      std::vector<std::string> okeys;
      for (const auto& kv : obj.at("obligations").as_array()[0].as_object()) okeys.emplace_back(kv.key());
      EXPECT_EQ(okeys, (std::vector<std::string>{"id", "article", "summary", "binds", "applies_from", "in_force"}));
      EXPECT_EQ(obj.at("rationale").as_array()[1].as_string(), "Line\nbreak");
    }
  }
}

}  // namespace
}  // namespace aims::io
