#include "domain/gate_policy_text.h"

#include <algorithm>

namespace aims::domain {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> SplitList(std::string_view s) {
  std::vector<std::string_view> out;
  while (true) {
    size_t comma = s.find(',');
    std::string_view item = Trim(s.substr(0, comma));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string_view::npos) break;
    s.remove_prefix(comma + 1);
  }
  return out;
}

base::Result<GateRule> ParseRule(std::string_view line, const std::string& where) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return base::Status::InvalidArgument("expected \"<stage> [for <tier>, ...]: <check>, ... [; approvers N]\"", where);
  }
  GateRule rule;
  std::string_view head = Trim(line.substr(0, colon));
  std::string_view body = line.substr(colon + 1);
  size_t space = head.find_first_of(" \t");
  AIMS_ASSIGN_OR_RETURN(rule.to, ParseEnumOr<LifecycleStage>(Trim(head.substr(0, space)), "stage", where));
  if (rule.to == LifecycleStage::kInception) {
    return base::Status::InvalidArgument("inception is where systems start: no gate leads to it", where);
  }
  if (rule.to == LifecycleStage::kRetirement) {
    return base::Status::InvalidArgument("retirement needs no gate: a system may always be retired", where);
  }
  if (space != std::string_view::npos) {
    std::string_view rest = Trim(head.substr(space));
    if (rest == "for") return base::Status::InvalidArgument("\"for\" names no tier", where);
    if (rest.substr(0, 4) != "for " && rest.substr(0, 4) != "for\t") {
      return base::Status::InvalidArgument("after the stage, expected \"for <tier>, ...\" or ':'", where);
    }
    auto tiers = SplitList(rest.substr(4));
    if (tiers.empty()) return base::Status::InvalidArgument("\"for\" names no tier", where);
    for (auto t : tiers) {
      AIMS_ASSIGN_OR_RETURN(AiActTier tier, ParseEnumOr<AiActTier>(t, "tier", where));
      if (std::find(rule.tiers.begin(), rule.tiers.end(), tier) == rule.tiers.end()) rule.tiers.push_back(tier);
    }
  }
  size_t semi = body.find(';');
  for (auto c : SplitList(body.substr(0, semi))) {
    AIMS_ASSIGN_OR_RETURN(GateCheck check, ParseEnumOr<GateCheck>(c, "check", where));
    if (std::find(rule.checks.begin(), rule.checks.end(), check) == rule.checks.end()) rule.checks.push_back(check);
  }
  rule.approvers = 1;
  if (semi != std::string_view::npos) {
    std::string_view quorum = Trim(body.substr(semi + 1));
    constexpr std::string_view kWord = "approvers";
    if (quorum.substr(0, kWord.size()) != kWord) {
      return base::Status::InvalidArgument("after ';', expected \"approvers <N>\"", where);
    }
    std::string_view n = Trim(quorum.substr(kWord.size()));
    if (n.size() != 1 || n[0] < '1' || n[0] > '9') {
      return base::Status::InvalidArgument("approvers must be a number from 1 to 9, got \"" + std::string(n) + "\"",
                                           where);
    }
    rule.approvers = n[0] - '0';
  }
  return rule;
}

}  // namespace

base::Result<GatePolicy> ParseGatePolicy(std::string_view text) {
  GatePolicy policy;
  int number = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = Trim(text.substr(0, nl));
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    ++number;
    if (line.empty() || line.front() == '#') continue;
    AIMS_ASSIGN_OR_RETURN(GateRule rule, ParseRule(line, "line " + std::to_string(number)));
    policy.rules.push_back(std::move(rule));
  }
  if (policy.rules.empty()) return base::Status::InvalidArgument("the gate policy has no rule");
  return policy;
}

std::string FormatGatePolicy(const GatePolicy& policy) {
  std::string out;
  for (const GateRule& rule : policy.rules) {
    out += EnumName(rule.to);
    for (size_t i = 0; i < rule.tiers.size(); ++i) {
      out += i ? ", " : " for ";
      out += EnumName(rule.tiers[i]);
    }
    out += ":";
    for (size_t i = 0; i < rule.checks.size(); ++i) {
      out += i ? ", " : " ";
      out += EnumName(rule.checks[i]);
    }
    if (rule.approvers != 1) out += "; approvers " + std::to_string(rule.approvers);
    out += "\n";
  }
  return out;
}

}  // namespace aims::domain
