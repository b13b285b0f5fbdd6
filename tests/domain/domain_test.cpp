// Unit tests for src/domain: the rules (risk scoring, evidence freshness and control status,
// validation), the record field lists and canonical state.
#include <gtest/gtest.h>

#include <set>

#include "domain/canonical_state.h"
#include "domain/control_status.h"
#include "domain/risk_scoring.h"
#include "domain/validate.h"

namespace aims::domain {
namespace {

base::Date D(const char* s) { return *base::Date::Parse(s); }

TEST(RiskScoring, BandsEveryCellOfTheMatrix) {
  // Expected level for likelihood (rows) x impact (columns) on the default 5 x 5 scale.
  const char* expected[5][5] = {
      {"low", "low", "low", "low", "medium"},
      {"low", "low", "medium", "medium", "high"},
      {"low", "medium", "medium", "high", "high"},
      {"low", "medium", "high", "high", "critical"},
      {"medium", "high", "high", "critical", "critical"},
  };
  for (int l = 1; l <= 5; ++l) {
    for (int i = 1; i <= 5; ++i) {
      Risk r;
      r.likelihood = l;
      r.impact = i;
      EXPECT_EQ(RiskScore(r), l * i);
      EXPECT_EQ(EnumName(LevelForScore(RiskScore(r))), expected[l - 1][i - 1]) << l << "x" << i;
    }
  }
}

TEST(RiskScoring, ReviewOverdueOnlyWhenOpenAndPast) {
  Risk r;
  EXPECT_FALSE(ReviewOverdue(r, D("2026-11-28")));  // no review date
  r.review_date = D("2026-11-27");
  EXPECT_TRUE(ReviewOverdue(r, D("2026-11-28")));
  EXPECT_FALSE(ReviewOverdue(r, D("2026-11-27")));  // due today is not overdue
  r.status = RiskStatus::kClosed;
  EXPECT_FALSE(ReviewOverdue(r, D("2026-11-28")));
}

// The overdue dates every view flags: a treatment is late only while it is still under way.
TEST(RiskScoring, OverdueDatesNameTheFieldAndWhatIsLate) {
  Risk r;
  r.review_date = D("2026-11-27");
  r.treatment_due = D("2026-11-01");
  r.status = RiskStatus::kTreating;
  auto late = OverdueDates(r, D("2026-11-28"));
  ASSERT_EQ(late.size(), 2u);
  EXPECT_EQ(late[0].field, "review_date");
  EXPECT_EQ(late[0].what, "review");
  EXPECT_EQ(late[1].field, "treatment_due");
  EXPECT_EQ(late[1].what, "treatment");
  r.status = RiskStatus::kAccepted;  // accepted: the review is still due, the treatment no longer
  late = OverdueDates(r, D("2026-11-28"));
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].field, "review_date");
  r.status = RiskStatus::kClosed;
  EXPECT_TRUE(OverdueDates(r, D("2026-11-28")).empty());
}

TEST(ControlStatus, ExpiredEvidenceDegradesAClaimedControl) {
  struct Case {
    ControlStatus declared;
    EvidenceTally evidence;
    const char* expected;
  } cases[] = {
      {ControlStatus::kImplemented, {1, 0}, "implemented"},
      {ControlStatus::kImplemented, {1, 3}, "implemented"},  // one current piece is enough
      {ControlStatus::kImplemented, {0, 2}, "evidence_expired"},
      {ControlStatus::kImplemented, {0, 0}, "unevidenced"},
      {ControlStatus::kPartial, {0, 1}, "evidence_expired"},
      {ControlStatus::kPartial, {0, 0}, "partial"},
      {ControlStatus::kPlanned, {0, 1}, "planned"},
      {ControlStatus::kNotStarted, {0, 0}, "not_started"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(EnumName(EffectiveControlStatus(c.declared, c.evidence)), c.expected)
        << EnumName(c.declared) << " " << c.evidence.current << "/" << c.evidence.expired;
  }
}

TEST(ControlStatus, EvidenceCountsUntilTheEndOfItsExpiryDay) {
  Evidence e;
  EXPECT_TRUE(EvidenceCurrent(e, D("2030-01-01")));  // no expiry
  e.expires_on = D("2026-11-28");
  EXPECT_TRUE(EvidenceCurrent(e, D("2026-11-28")));
  EXPECT_FALSE(EvidenceCurrent(e, D("2026-11-29")));
  e.expires_on.reset();
  e.meta.retired_at = base::Timestamp(1);
  EXPECT_FALSE(EvidenceCurrent(e, D("2026-11-28")));
}

TEST(ControlStatus, RequirementStatusAddsUpImplementingControls) {
  using E = EffectiveStatus;
  auto status = [](Applicability a, std::vector<E> v) { return std::string(EnumName(RequirementStatus(a, v))); };
  EXPECT_EQ(status(Applicability::kNotApplicable, {E::kImplemented}), "not_applicable");
  EXPECT_EQ(status(Applicability::kApplicable, {}), "not_started");
  EXPECT_EQ(status(Applicability::kApplicable, {E::kImplemented, E::kImplemented}), "implemented");
  EXPECT_EQ(status(Applicability::kApplicable, {E::kImplemented, E::kEvidenceExpired}), "evidence_expired");
  EXPECT_EQ(status(Applicability::kApplicable, {E::kImplemented, E::kUnevidenced}), "unevidenced");
  EXPECT_EQ(status(Applicability::kApplicable, {E::kImplemented, E::kPlanned}), "partial");
  EXPECT_EQ(status(Applicability::kUndecided, {E::kPlanned, E::kNotStarted}), "planned");
  EXPECT_EQ(status(Applicability::kUndecided, {E::kNotStarted}), "not_started");
}

TEST(Validate, RequiredFieldsRangesAndText) {
  AiSystem s;
  base::Status st = Validate(s);
  EXPECT_EQ(st.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(st.where(), "name");
  s.name = "Credit assistant";
  EXPECT_EQ(Validate(s).where(), "purpose");
  s.purpose = "Scores applications";
  EXPECT_TRUE(Validate(s).ok());
  s.name = "two\nlines";
  EXPECT_EQ(Validate(s).where(), "name");
  s.name = std::string("bad \xff utf-8");
  EXPECT_EQ(Validate(s).where(), "name");
  s.name = "ok";
  s.description = "multi\nline\tfine";
  EXPECT_TRUE(Validate(s).ok());

  Risk r;
  r.title = "Bias";
  r.likelihood = 6;
  EXPECT_EQ(Validate(r).where(), "likelihood");
  r.likelihood = 0;
  EXPECT_EQ(Validate(r).where(), "likelihood");
  r.likelihood = 5;
  EXPECT_TRUE(Validate(r).ok());
}

TEST(Validate, KindRules) {
  Person p;
  p.name = "Alice";
  p.email = "not-an-email";
  EXPECT_EQ(Validate(p).where(), "email");
  p.email = "alice@example.com";
  EXPECT_TRUE(Validate(p).ok());

  SoaEntry e;
  e.framework = "iso42001";
  e.requirement = "A.2.2";
  e.catalog_version = "2023";
  e.catalog_revision = 1;
  EXPECT_TRUE(Validate(e).ok());  // undecided needs no justification
  e.applicable = Applicability::kNotApplicable;
  EXPECT_EQ(Validate(e).where(), "justification");
  e.justification = "We do not develop AI systems.";
  EXPECT_TRUE(Validate(e).ok());

  Evidence ev;
  ev.title = "Report";
  ev.sha256 = std::string(64, 'a');
  EXPECT_TRUE(Validate(ev).ok());
  ev.sha256 = std::string(64, 'A');
  EXPECT_EQ(Validate(ev).where(), "sha256");
  ev.sha256 = std::string(64, 'a');
  ev.observed_from = D("2026-02-01");
  ev.observed_to = D("2026-01-01");
  EXPECT_EQ(Validate(ev).where(), "observed_to");

  Control c;
  c.code = "CTL-1";
  c.title = "Logging";
  c.requirements = {"A.6.2.8"};
  EXPECT_EQ(Validate(c).code(), base::StatusCode::kInvalidArgument);
  c.requirements = {"iso42001:A.6.2.8"};
  EXPECT_TRUE(Validate(c).ok());
}

TEST(Fields, NamesAreUniqueAndNeverShadowRecordMeta) {
  const std::set<std::string> meta = {"entity", "id", "record_version", "created_at", "updated_at", "retired_at"};
  ForEachRecordType([&]<class T>() {
    std::set<std::string> seen;
    for (const Field& f : FieldsOf<T>()) {
      EXPECT_TRUE(seen.insert(std::string(f.name)).second) << Info(T::kKind).name << "." << f.name;
      EXPECT_FALSE(meta.count(std::string(f.name))) << Info(T::kKind).name << "." << f.name;
      if (f.kind == FieldKind::kRef || f.kind == FieldKind::kRefList) {
        EXPECT_NE(f.ref, EntityKind::kNone) << f.name;
      }
    }
    for (auto key : T::kNaturalKey) EXPECT_TRUE(seen.count(std::string(key))) << key;
  });
}

TEST(EntityKind, DisplayIdsRoundTrip) {
  EXPECT_EQ(DisplayId(EntityKind::kAiSystem, 12), "SYS-12");
  EXPECT_EQ(*ParseDisplayId(EntityKind::kAiSystem, "SYS-12"), 12);
  EXPECT_EQ(*ParseDisplayId(EntityKind::kAiSystem, "sys-12"), 12);
  EXPECT_EQ(*ParseDisplayId(EntityKind::kAiSystem, "12"), 12);
  EXPECT_FALSE(ParseDisplayId(EntityKind::kAiSystem, "RISK-12"));
  EXPECT_FALSE(ParseDisplayId(EntityKind::kAiSystem, "SYS-0"));
  EXPECT_FALSE(ParseDisplayId(EntityKind::kAiSystem, "SYS--1"));
  EXPECT_FALSE(ParseDisplayId(EntityKind::kAiSystem, "Credit assistant"));
  for (size_t i = 0; i < kEntityKindCount; ++i) {
    auto kind = static_cast<EntityKind>(i);
    EXPECT_EQ(*EntityKindFromName(Info(kind).name), kind);
  }
}

// An independent, slow construction of the canonical object with base::CanonicalJson, which
// sorts its keys itself: the fast per-type layout must produce the same bytes.
class ReferenceWriter {
 public:
  explicit ReferenceWriter(base::CanonicalJson* j) : j_(j) {}
  // A field added after a record type's first release is left out at its zero value.
  static bool Omit(const Field& f, bool zero) { return f.since > 1 && zero; }
  void operator()(const Field& f, const std::string& v) {
    if (!Omit(f, v.empty())) j_->Text(f.name, v);
  }
  void operator()(const Field& f, const int64_t& v) {
    if (!Omit(f, v == 0)) j_->Int(f.name, v);
  }
  void operator()(const Field& f, const bool& v) {
    if (!Omit(f, !v)) j_->Bool(f.name, v);
  }
  void operator()(const Field& f, const std::optional<base::Date>& v) {
    if (Omit(f, !v)) return;
    if (v) j_->Text(f.name, v->ToString()); else j_->Null(f.name);
  }
  void operator()(const Field& f, const std::optional<base::Timestamp>& v) {
    if (Omit(f, !v)) return;
    if (v) j_->Text(f.name, v->ToString()); else j_->Null(f.name);
  }
  void operator()(const Field& f, const std::vector<std::string>& v) {
    if (!Omit(f, v.empty())) j_->TextArray(f.name, v);
  }
  void operator()(const Field& f, const std::optional<Id>& v) {
    if (Omit(f, !v)) return;
    if (v) j_->Int(f.name, *v); else j_->Null(f.name);
  }
  void operator()(const Field& f, const std::vector<Id>& v) {
    if (!Omit(f, v.empty())) j_->IntArray(f.name, v);
  }
  template <DomainEnum E>
  void operator()(const Field& f, const E& v) {
    if (!Omit(f, static_cast<int>(v) == 0)) j_->Text(f.name, EnumName(v));
  }
  template <DomainEnum E>
  void operator()(const Field& f, const std::vector<E>& v) {
    if (Omit(f, v.empty())) return;
    std::vector<std::string> names;
    for (E e : v) names.emplace_back(EnumName(e));
    j_->TextArray(f.name, names);
  }

 private:
  base::CanonicalJson* j_;
};

template <class T>
std::string ReferenceCanonical(const T& r) {
  base::CanonicalJson j;
  j.Text("entity", Info(T::kKind).name);
  j.Int("id", r.meta.id);
  j.Int("record_version", r.meta.version);
  j.Text("created_at", r.meta.created_at.ToString());
  j.Text("updated_at", r.meta.updated_at.ToString());
  if (r.meta.retired_at) j.Text("retired_at", r.meta.retired_at->ToString()); else j.Null("retired_at");
  ReferenceWriter w(&j);
  VisitConst(r, w);
  return j.Finish();
}

TEST(CanonicalState, FastLayoutMatchesTheReferenceEncodingForEveryKind) {
  ForEachRecordType([&]<class T>() {
    T r;
    r.meta = {7, 3, base::Timestamp(1764300000123456), base::Timestamp(1764300000654321), std::nullopt};
    EXPECT_EQ(CanonicalState(r), ReferenceCanonical(r)) << Info(T::kKind).name;
    // Fill every text field with awkward content and every list with two items.
    auto fill = [](const Field&, auto& v) {
      using V = std::decay_t<decltype(v)>;
      if constexpr (std::is_same_v<V, std::string>) v = "quote \" back\\slash \x01 tab\t é";
      else if constexpr (std::is_same_v<V, std::vector<std::string>>) v = {"b", "a,\"c\""};
      else if constexpr (std::is_same_v<V, std::vector<Id>>) v = {2, 9};
      else if constexpr (std::is_same_v<V, std::optional<Id>>) v = 4;
      else if constexpr (std::is_same_v<V, std::optional<base::Date>>) v = *base::Date::Parse("2027-02-28");
      else if constexpr (std::is_same_v<V, std::optional<base::Timestamp>>) v = base::Timestamp(1764300000000001);
      else if constexpr (std::is_same_v<V, int64_t>) v = -12;
      else if constexpr (std::is_same_v<V, bool>) v = true;
    };
    r.VisitFields(fill);
    r.meta.retired_at = base::Timestamp(-5);
    EXPECT_EQ(CanonicalState(r), ReferenceCanonical(r)) << Info(T::kKind).name;
  });
}

TEST(CanonicalState, CoversEveryFieldAndMeta) {
  AiSystem s;
  s.meta.id = 3;
  s.meta.version = 2;
  s.meta.created_at = *base::Timestamp::Parse("2026-01-02T03:04:05Z");
  s.meta.updated_at = *base::Timestamp::Parse("2026-01-03T03:04:05Z");
  s.name = "Chat";
  s.purpose = "Answers";
  s.models = {2, 5};
  s.iso22989_roles = {Iso22989Role::kCustomer};
  std::string c = CanonicalState(s);
  EXPECT_EQ(c.substr(0, 39), "{\"affected_stakeholders\":[],\"ai_act_rol");
  EXPECT_NE(c.find("\"entity\":\"ai_system\""), std::string::npos);
  EXPECT_NE(c.find("\"models\":[2,5]"), std::string::npos);
  EXPECT_NE(c.find("\"owner\":null"), std::string::npos);
  EXPECT_NE(c.find("\"record_version\":2"), std::string::npos);
  EXPECT_NE(c.find("\"retired_at\":null"), std::string::npos);
  // Changing any single field changes the hash.
  base::Digest before = StateHash(s);
  AiSystem t = s;
  t.deployment_context = "x";
  EXPECT_NE(StateHash(t), before);
  t = s;
  t.meta.version = 3;
  EXPECT_NE(StateHash(t), before);
  t = s;
  t.human_oversight = HumanOversight::kNone;
  EXPECT_NE(StateHash(t), before);
  EXPECT_EQ(StateHash(s), before);
}

}  // namespace
}  // namespace aims::domain
