// aims_bench_gen: writes an aims-register/1 document with N AI systems (and their owners), for
// the import, list and verify benchmarks in bench/run.sh. Deterministic for a given N.
//   aims_bench_gen --systems 100000 [--risks 100000] > register.json
// Risks (when asked for) are spread over the 5 x 5 matrix and the statuses, each linked to one
// system, with review dates around the generator's fixed date (some overdue).
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "io/register_json_writer.h"

int main(int argc, char** argv) {
  long systems = 100000;
  long risks = 0;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--systems") == 0) systems = std::atol(argv[i + 1]);
    if (std::strcmp(argv[i], "--risks") == 0) risks = std::atol(argv[i + 1]);
  }
  using namespace aims;
  const base::Timestamp when(1764300000000000);
  io::RegisterDocument doc;
  domain::Organisation org;
  org.meta = {1, 1, when, when, std::nullopt};
  org.name = "Benchmark Group";
  doc.records<domain::Organisation>().push_back(org);
  constexpr int kPeople = 500;
  for (int p = 1; p <= kPeople; ++p) {
    domain::Person person;
    person.meta = {p, 1, when, when, std::nullopt};
    person.name = "Owner " + std::to_string(p);
    person.email = "owner" + std::to_string(p) + "@bench.example";
    person.business_unit = "Unit " + std::to_string(p % 40);
    doc.records<domain::Person>().push_back(person);
  }
  auto& out = doc.records<domain::AiSystem>();
  out.reserve(static_cast<size_t>(systems));
  for (long i = 1; i <= systems; ++i) {
    domain::AiSystem s;
    s.meta = {i, 1, when, when, std::nullopt};
    s.name = "AI system " + std::to_string(i);
    s.purpose = "Scores and routes cases for business unit " + std::to_string(i % 40);
    s.intended_use = "Decision support; a person reviews every adverse outcome.";
    s.iso22989_roles = {domain::Iso22989Role::kProducer, domain::Iso22989Role::kProvider};
    s.ai_act_role = i % 3 ? domain::AiActRole::kProvider : domain::AiActRole::kDeployer;
    s.ai_act_tier = static_cast<domain::AiActTier>(1 + i % 5);
    s.owner = 1 + i % kPeople;
    s.business_unit = "Unit " + std::to_string(i % 40);
    s.lifecycle_stage = static_cast<domain::LifecycleStage>(i % 7);
    s.autonomy = domain::Autonomy::kPartialAutomation;
    s.human_oversight = domain::HumanOversight::kInTheLoop;
    s.affected_stakeholders = {"customers", "staff"};
    s.deployment_context = "EU, about " + std::to_string(1000 + i % 9000) + " decisions a day";
    out.push_back(std::move(s));
  }
  auto& rs = doc.records<domain::Risk>();
  rs.reserve(static_cast<size_t>(risks));
  const base::Date review = base::Date::FromDays(when.date().DaysSinceEpoch());
  for (long i = 1; i <= risks; ++i) {
    domain::Risk r;
    r.meta = {i, 1, when, when, std::nullopt};
    r.title = "Risk " + std::to_string(i) + ": outcomes drift for group " + std::to_string(i % 17);
    r.description = "Found in the quarterly review.";
    r.source = "iso42001:C.3." + std::to_string(1 + i % 9);
    r.likelihood = 1 + i % 5;
    r.impact = 1 + (i / 5) % 5;
    r.owner = 1 + i % kPeople;
    r.treatment = static_cast<domain::RiskTreatment>(i % 5);
    r.status = static_cast<domain::RiskStatus>(i % 4);
    r.review_date = review.AddDays(i % 730 - 365);
    r.systems = {1 + i % systems};
    rs.push_back(std::move(r));
  }
  std::string json = io::WriteRegisterJson(doc);
  std::fwrite(json.data(), 1, json.size(), stdout);
  return 0;
}
