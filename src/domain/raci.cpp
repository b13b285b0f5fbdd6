#include "domain/raci.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace aims::domain {

namespace {

using S = LifecycleStage;

constexpr std::array<ExpectedActivity, 13> kAims = {{
    {"AI policy", "iso42001:5.2", std::nullopt},
    {"Roles, responsibilities and authorities", "iso42001:5.3", std::nullopt},
    {"AI risk assessment", "iso42001:6.1.2", std::nullopt},
    {"AI risk treatment", "iso42001:6.1.3", std::nullopt},
    {"AI system impact assessment", "iso42001:6.1.4", std::nullopt},
    {"AI objectives", "iso42001:6.2", std::nullopt},
    {"Competence and AI literacy", "iso42001:7.2", std::nullopt},
    {"Internal audit", "iso42001:9.2", std::nullopt},
    {"Management review", "iso42001:9.3", std::nullopt},
    {"Nonconformity and corrective action", "iso42001:10.2", std::nullopt},
    {"Concern handling", "iso42001:A.3.3", std::nullopt},
    {"Incident response", "iso42001:A.8.4", std::nullopt},
    {"Supplier management", "iso42001:A.10.3", std::nullopt},
}};

constexpr std::array<ExpectedActivity, 6> kLifecycle = {{
    {"Requirements", "iso42001:A.6.2.2", S::kDesign},
    {"Design and development", "iso42001:A.6.2.3", S::kDevelopment},
    {"Verification and validation", "iso42001:A.6.2.4", S::kVerificationValidation},
    {"Deployment", "iso42001:A.6.2.5", S::kDeployment},
    {"Operation and monitoring", "iso42001:A.6.2.6", S::kOperation},
    {"Responsible use and human oversight", "iso42001:A.9.2", S::kOperation},
}};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::span<const ExpectedActivity> AimsActivities() { return kAims; }
std::span<const ExpectedActivity> LifecycleActivities() { return kLifecycle; }

std::vector<ExpectedActivity> ActivitiesDueAt(LifecycleStage stage) {
  std::vector<ExpectedActivity> out;
  if (stage == S::kRetirement) return out;
  for (const auto& a : kLifecycle) {
    if (static_cast<int>(*a.from) <= static_cast<int>(stage)) out.push_back(a);
  }
  return out;
}

std::string RaciLetters(const Responsibility& row, Id person) {
  std::string out;
  auto holds = [&](const std::vector<Id>& ids) { return std::find(ids.begin(), ids.end(), person) != ids.end(); };
  auto add = [&](bool on, const char* letter) {
    if (on) out += (out.empty() ? "" : "/") + std::string(letter);
  };
  add(row.accountable == person, "A");
  add(holds(row.responsible), "R");
  add(holds(row.consulted), "C");
  add(holds(row.informed), "I");
  return out;
}

bool SameActivity(std::string_view a, std::string_view b) {
  a = Trim(a);
  b = Trim(b);
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  }
  return true;
}

}  // namespace aims::domain
