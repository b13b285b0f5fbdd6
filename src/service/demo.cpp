#include "service/demo.h"

#include "service/aiact_service.h"
#include "service/assessments.h"
#include "service/governance.h"
#include "service/incidents.h"
#include "service/lifecycle_gates.h"
#include "service/objectives.h"
#include "domain/gate_policy_text.h"

#include <sodium.h>


#include <map>

#include "base/base64.h"
#include "service/accounts.h"
#include "service/catalog_service.h"

namespace aims::service {

namespace {

using domain::Id;

base::Date D(const char* text) { return *base::Date::Parse(text); }

// Builds the demo inside one mutation; each helper returns the new record's id.
class DemoBuilder {
 public:
  DemoBuilder(Mutation& m, BlobStore& blobs) : m_(m), blobs_(blobs) {}
  base::Status Build();

 private:
  template <class T>
  base::Result<Id> Add(T record) {
    return m_.Create(record);
  }
  base::Result<Id> Person(const char* name, const char* email, const char* title, const char* unit,
                          std::vector<Id> roles);
  base::Status SetControl(const char* code, domain::ControlStatus status, Id owner);
  base::Result<Id> CustomControl(const char* code, const char* title, const char* description, Id owner,
                                 domain::ControlStatus status, std::vector<std::string> requirements);
  base::Result<Id> ControlId(const std::string& code);
  base::Status Decide(const char* requirement, domain::Applicability applicable, const char* why);
  base::Result<Id> Evidence(const char* title, const char* file, const std::string& content, Id who,
                            const char* source, const char* effective, const char* observed_from,
                            const char* observed_to, const char* expires, std::vector<std::string> controls);

  Mutation& m_;
  BlobStore& blobs_;
  std::map<std::string, Id> controls_;
};

base::Result<Id> DemoBuilder::Person(const char* name, const char* email, const char* title,
                                     const char* unit, std::vector<Id> roles) {
  domain::Person p;
  p.name = name;
  p.email = email;
  p.job_title = title;
  p.business_unit = unit;
  p.roles = std::move(roles);
  return Add(p);
}

base::Result<Id> DemoBuilder::ControlId(const std::string& code) {
  if (controls_.empty()) {
    AIMS_TRY(m_.tx().records<domain::Control>().Scan({}, [&](domain::Control& c) -> base::Status {
      controls_[c.code] = c.meta.id;
      return base::Status::OK();
    }));
  }
  auto it = controls_.find(code);
  if (it == controls_.end()) return base::Status::NotFound("demo: no control " + code);
  return it->second;
}

base::Status DemoBuilder::SetControl(const char* code, domain::ControlStatus status, Id owner) {
  AIMS_ASSIGN_OR_RETURN(Id id, ControlId(code));
  AIMS_ASSIGN_OR_RETURN(domain::Control c, m_.Get<domain::Control>(id));
  c.status = status;
  c.owner = owner;
  return m_.Update(c, c.meta.version);
}

base::Result<Id> DemoBuilder::CustomControl(const char* code, const char* title, const char* description,
                                            Id owner, domain::ControlStatus status,
                                            std::vector<std::string> requirements) {
  domain::Control c;
  c.code = code;
  c.title = title;
  c.description = description;
  c.owner = owner;
  c.status = status;
  c.requirements = std::move(requirements);
  AIMS_ASSIGN_OR_RETURN(Id id, Add(c));
  controls_[code] = id;
  return id;
}

base::Status DemoBuilder::Decide(const char* requirement, domain::Applicability applicable, const char* why) {
  domain::SoaEntry probe;
  probe.framework = std::string(kPrimaryFramework);
  probe.requirement = requirement;
  AIMS_ASSIGN_OR_RETURN(auto id, m_.tx().records<domain::SoaEntry>().FindByKey(probe));
  if (!id) return base::Status::NotFound(std::string("demo: no SoA entry ") + requirement);
  AIMS_ASSIGN_OR_RETURN(domain::SoaEntry e, m_.Get<domain::SoaEntry>(*id));
  e.applicable = applicable;
  e.justification = why;
  return m_.Update(e, e.meta.version);
}

base::Result<Id> DemoBuilder::Evidence(const char* title, const char* file, const std::string& content, Id who,
                                       const char* source, const char* effective, const char* observed_from,
                                       const char* observed_to, const char* expires,
                                       std::vector<std::string> controls) {
  AIMS_ASSIGN_OR_RETURN(StoredBlob blob, blobs_.Put(content));
  domain::Evidence ev;
  ev.title = title;
  ev.file_name = file;
  ev.media_type = std::string(file).ends_with(".csv") ? "text/csv" : "text/markdown";
  ev.size_bytes = blob.size;
  ev.sha256 = blob.sha256;
  ev.collected_by = who;
  ev.source = source;
  if (effective) ev.effective_date = D(effective);
  if (observed_from) ev.observed_from = D(observed_from);
  if (observed_to) ev.observed_to = D(observed_to);
  if (expires) ev.expires_on = D(expires);
  for (const auto& code : controls) {
    AIMS_ASSIGN_OR_RETURN(Id id, ControlId(code));
    ev.controls.push_back(id);
  }
  return Add(ev);
}

base::Status DemoBuilder::Build() {
  using domain::Applicability;
  using domain::ControlStatus;

  // Roles and people across IT, data science, legal, compliance and operations.
  domain::Role r;
  r.name = "AIMS manager";
  r.description = "Runs the AI management system; owns the scope, SoA and management review.";
  r.responsibilities = "Maintain scope and SoA; plan internal audits; report AIMS performance to the board.";
  AIMS_ASSIGN_OR_RETURN(Id role_manager, Add(r));
  r = {};
  r.name = "AI system owner";
  r.description = "Accountable for one AI system across its life cycle.";
  r.responsibilities = "Keep the inventory entry, intended use, oversight and gate evidence current.";
  AIMS_ASSIGN_OR_RETURN(Id role_owner, Add(r));
  r = {};
  r.name = "Risk owner";
  r.description = "Accountable for assessing and treating an AI risk.";
  AIMS_ASSIGN_OR_RETURN(Id role_risk, Add(r));
  r = {};
  r.name = "AI governance board member";
  r.description = "Approves lifecycle gates, risk acceptances and impact assessments; never their own.";
  AIMS_ASSIGN_OR_RETURN(Id role_approver, Add(r));
  r = {};
  r.name = "Data steward";
  r.description = "Owns data provenance, quality and lawful use for AI datasets.";
  AIMS_ASSIGN_OR_RETURN(Id role_data, Add(r));
  r = {};
  r.name = "Internal auditor";
  r.description = "Audits the AIMS against ISO/IEC 42001; read-only.";
  AIMS_ASSIGN_OR_RETURN(Id role_auditor, Add(r));

  AIMS_ASSIGN_OR_RETURN(Id amira, Person("Amira Haddad", "amira.haddad@northbridge.example", "Head of AI Governance",
                                         "Compliance", {role_manager}));
  AIMS_ASSIGN_OR_RETURN(Id tom, Person("Tom Becker", "tom.becker@northbridge.example", "CISO and ISMS manager", "IT",
                                       {role_risk}));
  AIMS_ASSIGN_OR_RETURN(Id priya, Person("Priya Nair", "priya.nair@northbridge.example", "Head of Data Science",
                                         "Data science", {role_owner, role_risk}));
  AIMS_ASSIGN_OR_RETURN(Id lukas, Person("Lukas Meyer", "lukas.meyer@northbridge.example", "ML engineer",
                                         "Data science", {role_data}));
  AIMS_ASSIGN_OR_RETURN(Id sofia, Person("Sofia Rossi", "sofia.rossi@northbridge.example", "Legal counsel and DPO",
                                         "Legal", {role_approver}));
  AIMS_ASSIGN_OR_RETURN(Id james, Person("James Okafor", "james.okafor@northbridge.example", "Chief Risk Officer",
                                         "Risk", {role_approver, role_risk}));
  AIMS_ASSIGN_OR_RETURN(Id elena, Person("Elena Petrova", "elena.petrova@northbridge.example", "Head of Talent",
                                         "HR", {role_owner}));
  AIMS_ASSIGN_OR_RETURN(Id marco, Person("Marco Silva", "marco.silva@northbridge.example", "Customer operations lead",
                                         "Operations", {role_owner}));
  AIMS_TRY(Person("Hana Kim", "hana.kim@northbridge.example", "Internal audit manager",
                                        "Internal audit", {role_auditor}).status());

  domain::ScopeStatement scope;
  scope.revision = 1;
  scope.statement =
      "The AI management system covers the design, development, procurement, deployment and operation of AI "
      "systems used by Northbridge Lending in consumer lending, fraud prevention, customer service and "
      "recruitment, at the Leeds and Dublin offices and the EU cloud region that hosts them.";
  scope.boundaries = "Business units: Lending, Risk, Operations, HR, Data science. Roles held: provider and "
                     "deployer (EU AI Act); producer, provider and customer (ISO/IEC 22989).";
  scope.exclusions = "Spreadsheet models without machine learning; the group's US subsidiary (own programme).";
  scope.effective_date = D("2026-03-01");
  scope.approved_by = james;
  AIMS_TRY(Add(scope).status());

  domain::ContextIssue issue;
  issue.title = "EU AI Act obligations for credit scoring and recruitment";
  issue.origin = domain::IssueOrigin::kExternal;
  issue.category = "regulatory";
  issue.description = "Annex III high-risk obligations apply to our credit and CV-screening systems from 2 Dec 2027.";
  AIMS_TRY(Add(issue).status());
  issue = {};
  issue.title = "Dependence on a third-party foundation model";
  issue.origin = domain::IssueOrigin::kExternal;
  issue.category = "technological";
  issue.description = "The support assistant relies on a general-purpose model whose versions change outside our control.";
  AIMS_TRY(Add(issue).status());
  issue = {};
  issue.title = "Scarce model-validation skills";
  issue.origin = domain::IssueOrigin::kInternal;
  issue.category = "resources";
  issue.description = "Two people can independently validate credit models; validation queues delay releases.";
  AIMS_TRY(Add(issue).status());
  issue = {};
  issue.title = "Energy use of model training";
  issue.origin = domain::IssueOrigin::kExternal;
  issue.category = "climate";
  issue.description = "Climate change is a relevant issue: retraining cadence is weighed against its footprint.";
  AIMS_TRY(Add(issue).status());

  domain::InterestedParty party;
  party.name = "Loan applicants";
  party.origin = domain::IssueOrigin::kExternal;
  party.description = "People who apply for credit and are scored by our models.";
  AIMS_ASSIGN_OR_RETURN(Id applicants, Add(party));
  party = {};
  party.name = "Financial conduct supervisor";
  party.origin = domain::IssueOrigin::kExternal;
  party.description = "Supervises consumer credit; expects explainable, fair lending decisions.";
  AIMS_ASSIGN_OR_RETURN(Id supervisor, Add(party));
  party = {};
  party.name = "Works council";
  party.origin = domain::IssueOrigin::kInternal;
  party.description = "Represents employees, including on AI used in recruitment and monitoring.";
  AIMS_ASSIGN_OR_RETURN(Id council, Add(party));
  domain::PartyRequirement req;
  req.party = applicants;
  req.requirement = "A meaningful explanation of the main reasons for a credit refusal, and a human review on request.";
  req.addressed = true;
  req.how_addressed = "Reason codes on every decision; appeal to a credit officer (human-in-the-loop).";
  AIMS_TRY(Add(req).status());
  req = {};
  req.party = supervisor;
  req.requirement = "Evidence that credit models do not discriminate on protected characteristics.";
  req.addressed = true;
  req.how_addressed = "Quarterly bias testing (evidence linked to A.5.4 and A.6.2.4).";
  AIMS_TRY(Add(req).status());
  req = {};
  req.party = council;
  req.requirement = "Information before AI is used to screen job applicants.";
  req.addressed = false;
  AIMS_TRY(Add(req).status());

  domain::Supplier sup;
  sup.name = "Aurora AI";
  sup.kind = domain::SupplierKind::kModelProvider;
  sup.country = "IE";
  sup.contract_ref = "MSA-2025-114";
  sup.due_diligence = "Assessed 2026-02: model card and GPAI documentation received; no EU data residency for fine-tuning.";
  AIMS_ASSIGN_OR_RETURN(Id aurora, Add(sup));
  sup = {};
  sup.name = "Harbour Credit Bureau";
  sup.kind = domain::SupplierKind::kDataProvider;
  sup.country = "GB";
  sup.contract_ref = "DPA-2019-007";
  sup.due_diligence = "Annual data-quality attestation; lawful basis documented.";
  AIMS_ASSIGN_OR_RETURN(Id bureau, Add(sup));
  sup = {};
  sup.name = "Talentry ATS";
  sup.kind = domain::SupplierKind::kPlatform;
  sup.country = "NL";
  sup.contract_ref = "SAAS-2024-031";
  sup.due_diligence = "Provider of the CV-ranking feature; conformity documentation requested, not yet received.";
  AIMS_ASSIGN_OR_RETURN(Id talentry, Add(sup));

  domain::Dataset ds;
  ds.name = "Loan applications 2018-2025";
  ds.description = "Applications with outcomes and 24-month repayment performance.";
  ds.provenance = "Core banking system extracts; lineage recorded by the training pipeline.";
  ds.personal_data = true;
  ds.personal_data_categories = {"identity", "financial", "employment"};
  ds.licence = "internal";
  ds.quality_notes = "2020 applications under-represent self-employed applicants (pandemic policy).";
  AIMS_ASSIGN_OR_RETURN(Id loans, Add(ds));
  ds = {};
  ds.name = "Bureau credit files";
  ds.provenance = "Monthly feed from Harbour Credit Bureau under DPA-2019-007.";
  ds.personal_data = true;
  ds.personal_data_categories = {"financial"};
  ds.licence = "contract";
  ds.supplier = bureau;
  AIMS_ASSIGN_OR_RETURN(Id bureau_files, Add(ds));
  ds = {};
  ds.name = "Card transactions (rolling 18 months)";
  ds.provenance = "Payment switch; pseudonymised before feature engineering.";
  ds.personal_data = true;
  ds.personal_data_categories = {"financial"};
  ds.licence = "internal";
  AIMS_ASSIGN_OR_RETURN(Id transactions, Add(ds));
  ds = {};
  ds.name = "Job applications 2023-2026";
  ds.provenance = "Exported from the Talentry ATS; used only for monitoring the vendor's ranking.";
  ds.personal_data = true;
  ds.personal_data_categories = {"identity", "employment", "education"};
  ds.licence = "internal";
  ds.supplier = talentry;
  AIMS_ASSIGN_OR_RETURN(Id jobs, Add(ds));

  domain::Model mod;
  mod.name = "credit-risk-gbm";
  mod.version = "3.2";
  mod.model_type = "gradient-boosted trees";
  mod.source = domain::ModelSource::kInHouse;
  mod.provenance = "Trained by the data science team on loan applications and bureau files.";
  mod.licence = "proprietary";
  mod.datasets = {loans, bureau_files};
  AIMS_ASSIGN_OR_RETURN(Id credit_model, Add(mod));
  mod = {};
  mod.name = "fraud-sentinel";
  mod.version = "7.0";
  mod.model_type = "isolation forest + gradient boosting";
  mod.source = domain::ModelSource::kInHouse;
  mod.licence = "proprietary";
  mod.datasets = {transactions};
  AIMS_ASSIGN_OR_RETURN(Id fraud_model, Add(mod));
  mod = {};
  mod.name = "aurora-large";
  mod.version = "2026-05";
  mod.model_type = "general-purpose transformer LLM";
  mod.source = domain::ModelSource::kThirdParty;
  mod.provenance = "Hosted API from Aurora AI; not fine-tuned by us.";
  mod.licence = "commercial API terms";
  mod.supplier = aurora;
  AIMS_ASSIGN_OR_RETURN(Id llm, Add(mod));
  mod = {};
  mod.name = "talentry-rank";
  mod.version = "1.4";
  mod.model_type = "learning-to-rank";
  mod.source = domain::ModelSource::kThirdParty;
  mod.licence = "SaaS subscription";
  mod.supplier = talentry;
  AIMS_ASSIGN_OR_RETURN(Id ranker, Add(mod));
  mod = {};
  mod.name = "doc-reader";
  mod.version = "2.1";
  mod.model_type = "OCR + layout transformer";
  mod.source = domain::ModelSource::kOpenSource;
  mod.licence = "Apache-2.0";
  AIMS_ASSIGN_OR_RETURN(Id ocr, Add(mod));

  using domain::AiActRole;
  using domain::AiActTier;
  using domain::HumanOversight;
  using domain::Iso22989Role;
  using domain::LifecycleStage;
  domain::AiSystem sys;
  sys.name = "Credit decisioning assistant";
  sys.purpose = "Scores consumer loan applications and recommends approve, refer or decline.";
  sys.intended_use = "Used by credit officers for unsecured loans up to EUR 50,000; officers decide every refer and decline.";
  sys.iso22989_roles = {Iso22989Role::kProducer, Iso22989Role::kProvider};
  sys.ai_act_role = AiActRole::kProvider;
  sys.ai_act_tier = AiActTier::kHigh;
  sys.owner = priya;
  sys.business_unit = "Lending";
  sys.lifecycle_stage = LifecycleStage::kOperation;
  sys.autonomy = domain::Autonomy::kPartialAutomation;
  sys.human_oversight = HumanOversight::kInTheLoop;
  sys.affected_stakeholders = {"loan applicants", "credit officers"};
  sys.deployment_context = "Branch and online channels in IE and GB; about 40,000 applications a year.";
  sys.models = {credit_model};
  sys.datasets = {loans, bureau_files};
  sys.suppliers = {bureau};
  AIMS_ASSIGN_OR_RETURN(Id credit_sys, Add(sys));
  sys = {};
  sys.name = "CV screening and ranking";
  sys.purpose = "Ranks job applicants for recruiter review.";
  sys.intended_use = "Recruiters see a ranked shortlist; every rejection is made by a recruiter.";
  sys.iso22989_roles = {Iso22989Role::kCustomer};
  sys.ai_act_role = AiActRole::kDeployer;
  sys.ai_act_tier = AiActTier::kHigh;
  sys.owner = elena;
  sys.business_unit = "HR";
  sys.lifecycle_stage = LifecycleStage::kVerificationValidation;
  sys.autonomy = domain::Autonomy::kAssistance;
  sys.human_oversight = HumanOversight::kInTheLoop;
  sys.affected_stakeholders = {"job applicants"};
  sys.deployment_context = "About 9,000 applications a year across all vacancies.";
  sys.models = {ranker};
  sys.datasets = {jobs};
  sys.suppliers = {talentry};
  AIMS_ASSIGN_OR_RETURN(Id cv_sys, Add(sys));
  sys = {};
  sys.name = "Customer support assistant";
  sys.purpose = "Answers customer questions in web chat and drafts replies for agents.";
  sys.intended_use = "General account and product questions; never gives credit decisions or financial advice.";
  sys.iso22989_roles = {Iso22989Role::kCustomer};
  sys.ai_act_role = AiActRole::kDeployer;
  sys.ai_act_tier = AiActTier::kLimited;
  sys.owner = marco;
  sys.business_unit = "Operations";
  sys.lifecycle_stage = LifecycleStage::kOperation;
  sys.autonomy = domain::Autonomy::kConditionalAutomation;
  sys.human_oversight = HumanOversight::kOnTheLoop;
  sys.affected_stakeholders = {"customers", "support agents"};
  sys.deployment_context = "Web chat, about 3,000 conversations a day; users are told they are talking to an AI.";
  sys.models = {llm};
  sys.suppliers = {aurora};
  AIMS_ASSIGN_OR_RETURN(Id chat_sys, Add(sys));
  sys = {};
  sys.name = "Card fraud detection";
  sys.purpose = "Flags card transactions likely to be fraudulent for blocking or review.";
  sys.intended_use = "Real-time scoring; analysts review blocked transactions within 2 hours.";
  sys.iso22989_roles = {Iso22989Role::kProducer, Iso22989Role::kProvider};
  sys.ai_act_role = AiActRole::kProvider;
  sys.ai_act_tier = AiActTier::kMinimal;
  sys.owner = priya;
  sys.business_unit = "Risk";
  sys.lifecycle_stage = LifecycleStage::kOperation;
  sys.autonomy = domain::Autonomy::kHighAutomation;
  sys.human_oversight = HumanOversight::kOnTheLoop;
  sys.affected_stakeholders = {"card holders"};
  sys.deployment_context = "All card transactions; fraud detection is excluded from Annex III 5(b).";
  sys.models = {fraud_model};
  sys.datasets = {transactions};
  AIMS_ASSIGN_OR_RETURN(Id fraud_sys, Add(sys));
  sys = {};
  sys.name = "KYC document reader";
  sys.purpose = "Extracts fields from identity documents during onboarding.";
  sys.intended_use = "Pre-fills onboarding forms; staff confirm every extracted field.";
  sys.iso22989_roles = {Iso22989Role::kProducer, Iso22989Role::kProvider};
  sys.ai_act_role = AiActRole::kProvider;
  sys.ai_act_tier = AiActTier::kMinimal;
  sys.owner = marco;
  sys.business_unit = "Operations";
  sys.lifecycle_stage = LifecycleStage::kDeployment;  // it passes its operation gate below
  sys.autonomy = domain::Autonomy::kAssistance;
  sys.human_oversight = HumanOversight::kInTheLoop;
  sys.affected_stakeholders = {"new customers"};
  sys.models = {ocr};
  AIMS_ASSIGN_OR_RETURN(Id kyc_sys, Add(sys));
  // The lifecycle gate policy as the AIMS manager keeps it, and the KYC reader's operation gate:
  // asked for by its owner, approved by the Chief Risk Officer.
  domain::GatePolicyRecord gate_policy;
  gate_policy.name = "Northbridge lifecycle gates 2026";
  gate_policy.rules = "# Checks by stage and EU AI Act tier; the largest quorum of the rules that apply holds.\n" +
                      domain::FormatGatePolicy(domain::DefaultGatePolicy());
  AIMS_TRY(Add(gate_policy).status());
  AIMS_ASSIGN_OR_RETURN(domain::GateRequest kyc_gate,
                        RequestAdvance(m_, {kyc_sys, LifecycleStage::kOperation, "Pilot in two branches completed"},
                                       {marco, false}));
  AIMS_TRY(ApproveGate(m_, kyc_gate.meta.id, kyc_gate.meta.version, {james, true}, "Pilot error rate within target")
               .status());
  sys = {};
  sys.name = "Call-centre emotion monitor";
  sys.purpose = "Proposed: infer agents' emotions from call audio to coach them.";
  sys.intended_use = "Rejected at inception: emotion recognition at the workplace is prohibited (EU AI Act Art. 5(1)(f)).";
  sys.iso22989_roles = {Iso22989Role::kCustomer};
  sys.ai_act_role = AiActRole::kDeployer;
  sys.ai_act_tier = AiActTier::kProhibited;
  sys.owner = marco;
  sys.business_unit = "Operations";
  sys.lifecycle_stage = LifecycleStage::kInception;
  sys.affected_stakeholders = {"call-centre agents"};
  AIMS_ASSIGN_OR_RETURN(Id emotion_sys, Add(sys));
  AIMS_ASSIGN_OR_RETURN(domain::AiSystem rejected, m_.Get<domain::AiSystem>(emotion_sys));
  AIMS_TRY(m_.Retire(rejected, rejected.meta.version));

  domain::Pipeline pipe;
  pipe.name = "credit-model-training";
  pipe.description = "Monthly retraining candidate build with validation gates.";
  pipe.system = credit_sys;
  pipe.tooling = "Airflow, MLflow, LightGBM";
  pipe.models = {credit_model};
  pipe.datasets = {loans, bureau_files};
  AIMS_TRY(Add(pipe).status());
  pipe = {};
  pipe.name = "fraud-feature-stream";
  pipe.description = "Streaming feature computation for the fraud model.";
  pipe.system = fraud_sys;
  pipe.tooling = "Kafka, Flink, Feast";
  pipe.models = {fraud_model};
  pipe.datasets = {transactions};
  AIMS_TRY(Add(pipe).status());

  // Control implementation status of the seeded Annex A controls.
  struct Status {
    const char* code;
    ControlStatus status;
    Id owner;
  };
  const Status statuses[] = {
      {"A.2.2", ControlStatus::kImplemented, amira}, {"A.2.3", ControlStatus::kImplemented, amira},
      {"A.2.4", ControlStatus::kPlanned, amira},     {"A.3.2", ControlStatus::kImplemented, amira},
      {"A.3.3", ControlStatus::kPartial, sofia},     {"A.4.2", ControlStatus::kPartial, priya},
      {"A.4.3", ControlStatus::kImplemented, lukas}, {"A.4.4", ControlStatus::kPartial, lukas},
      {"A.4.5", ControlStatus::kPartial, tom},       {"A.4.6", ControlStatus::kImplemented, elena},
      {"A.5.2", ControlStatus::kImplemented, amira}, {"A.5.3", ControlStatus::kImplemented, amira},
      {"A.5.4", ControlStatus::kImplemented, priya}, {"A.5.5", ControlStatus::kPlanned, sofia},
      {"A.6.1.2", ControlStatus::kPartial, priya},   {"A.6.1.3", ControlStatus::kPartial, priya},
      {"A.6.2.2", ControlStatus::kImplemented, priya}, {"A.6.2.3", ControlStatus::kPartial, lukas},
      {"A.6.2.4", ControlStatus::kImplemented, priya}, {"A.6.2.5", ControlStatus::kImplemented, lukas},
      {"A.6.2.6", ControlStatus::kPartial, lukas},   {"A.6.2.7", ControlStatus::kPlanned, priya},
      {"A.6.2.8", ControlStatus::kImplemented, tom}, {"A.7.2", ControlStatus::kImplemented, lukas},
      {"A.7.3", ControlStatus::kImplemented, lukas}, {"A.7.4", ControlStatus::kPartial, lukas},
      {"A.7.5", ControlStatus::kImplemented, lukas}, {"A.7.6", ControlStatus::kPartial, lukas},
      {"A.8.2", ControlStatus::kPartial, marco},     {"A.8.3", ControlStatus::kPlanned, sofia},
      {"A.8.4", ControlStatus::kPartial, tom},       {"A.8.5", ControlStatus::kPlanned, sofia},
      {"A.9.2", ControlStatus::kPartial, amira},     {"A.9.3", ControlStatus::kPlanned, amira},
      {"A.9.4", ControlStatus::kImplemented, marco}, {"A.10.2", ControlStatus::kPartial, sofia},
      {"A.10.3", ControlStatus::kImplemented, tom},  {"A.10.4", ControlStatus::kPlanned, marco},
  };
  for (const auto& s : statuses) AIMS_TRY(SetControl(s.code, s.status, s.owner));

  // Controls the ISMS already runs that also satisfy 42001 and NIST AI RMF requirements.
  AIMS_TRY(CustomControl("CTL-LOG-1", "Central event logging for AI inference services",
                         "Every inference request, output, model version and human override is logged to the SIEM "
                         "and kept 13 months.",
                         tom, ControlStatus::kImplemented,
                         {"iso42001:A.6.2.8", "iso27001:A.8.15", "iso27001:A.8.16", "nist-ai-rmf:MEASURE 2.4"})
               .status());
  AIMS_TRY(CustomControl("CTL-SUP-1", "Supplier due diligence covering AI suppliers",
                         "The ISMS supplier assessment extended with model documentation, training-data terms and "
                         "change notification duties.",
                         tom, ControlStatus::kImplemented,
                         {"iso42001:A.10.3", "iso27001:A.5.19", "iso27001:A.5.20", "nist-ai-rmf:GOVERN 6.1"})
               .status());
  AIMS_TRY(CustomControl("CTL-ACC-1", "Access control to models, weights and training data",
                         "Role-based access to model registry, feature store and training buckets; quarterly review.",
                         tom, ControlStatus::kImplemented, {"iso27001:A.5.15", "iso27001:A.8.2", "iso27001:A.8.4"})
               .status());

  // Statement of Applicability decisions.
  const char* yes_why = "Required: we develop and deploy AI systems within the AIMS scope.";
  const struct {
    const char* id;
    Applicability applicable;
    const char* why;
  } decisions[] = {
      {"A.2.2", Applicability::kApplicable, "AI policy approved by the board; covers all AI use."},
      {"A.2.3", Applicability::kApplicable, "AI policy interacts with security, privacy and model-risk policies."},
      {"A.2.4", Applicability::kApplicable, "Annual review and review on significant regulatory change."},
      {"A.3.2", Applicability::kApplicable, "AI roles defined in the RACI across five business units."},
      {"A.3.3", Applicability::kApplicable, "Staff and customers must be able to raise AI concerns."},
      {"A.4.2", Applicability::kApplicable, yes_why},
      {"A.4.3", Applicability::kApplicable, "Credit and fraud models are trained on personal data."},
      {"A.4.4", Applicability::kApplicable, yes_why},
      {"A.4.5", Applicability::kApplicable, "Training and inference run in our EU cloud region."},
      {"A.4.6", Applicability::kApplicable, "Model validation needs scarce competences (see context issue)."},
      {"A.5.2", Applicability::kApplicable, "High-risk systems affect applicants' access to credit and jobs."},
      {"A.5.3", Applicability::kApplicable, yes_why},
      {"A.5.4", Applicability::kApplicable, "Credit and recruitment decisions affect individuals."},
      {"A.5.5", Applicability::kApplicable, "Lending at scale can affect financial inclusion."},
      {"A.6.1.2", Applicability::kApplicable, "We develop credit and fraud models in house."},
      {"A.6.1.3", Applicability::kApplicable, "We develop credit and fraud models in house."},
      {"A.6.2.2", Applicability::kApplicable, yes_why},
      {"A.6.2.3", Applicability::kApplicable, yes_why},
      {"A.6.2.4", Applicability::kApplicable, "Model risk policy requires independent validation."},
      {"A.6.2.5", Applicability::kApplicable, yes_why},
      {"A.6.2.6", Applicability::kApplicable, "Drift and fairness monitoring of models in operation."},
      {"A.6.2.7", Applicability::kApplicable, "Providers of high-risk systems must keep technical documentation."},
      {"A.6.2.8", Applicability::kApplicable, "Logging required for traceability (EU AI Act Art. 12)."},
      {"A.7.2", Applicability::kApplicable, yes_why},
      {"A.7.3", Applicability::kApplicable, "Bureau data is acquired from a third party."},
      {"A.7.4", Applicability::kApplicable, "Data quality drives credit-model fairness."},
      {"A.7.5", Applicability::kApplicable, yes_why},
      {"A.7.6", Applicability::kApplicable, yes_why},
      {"A.8.2", Applicability::kApplicable, "Credit officers and recruiters need instructions for use."},
      {"A.8.3", Applicability::kApplicable, "Applicants and the public must be able to report adverse impacts."},
      {"A.8.4", Applicability::kApplicable, yes_why},
      {"A.8.5", Applicability::kApplicable, "Serious-incident reporting duties as provider of high-risk systems."},
      {"A.9.2", Applicability::kApplicable, "We deploy third-party AI (support assistant, CV ranking)."},
      {"A.9.3", Applicability::kApplicable, "We deploy third-party AI (support assistant, CV ranking)."},
      {"A.9.4", Applicability::kApplicable, yes_why},
      {"A.10.2", Applicability::kApplicable, "Model, data and platform suppliers are involved."},
      {"A.10.3", Applicability::kApplicable, "Model, data and platform suppliers are involved."},
  };
  for (const auto& d : decisions) AIMS_TRY(Decide(d.id, d.applicable, d.why));
  // A.10.4 (customers) is left undecided: the AIMS manager has an open question to the board.

  // Risks, scored on the 5 x 5 scale, with treatments tied to controls.
  AIMS_ASSIGN_OR_RETURN(Id c_a524, ControlId("A.6.2.4"));
  AIMS_ASSIGN_OR_RETURN(Id c_a54, ControlId("A.5.4"));
  AIMS_ASSIGN_OR_RETURN(Id c_a74, ControlId("A.7.4"));
  AIMS_ASSIGN_OR_RETURN(Id c_a82, ControlId("A.8.2"));
  AIMS_ASSIGN_OR_RETURN(Id c_a92, ControlId("A.9.2"));
  AIMS_ASSIGN_OR_RETURN(Id c_a103, ControlId("A.10.3"));
  AIMS_ASSIGN_OR_RETURN(Id c_a75, ControlId("A.7.5"));
  AIMS_ASSIGN_OR_RETURN(Id c_log, ControlId("CTL-LOG-1"));
  AIMS_ASSIGN_OR_RETURN(Id c_acc, ControlId("CTL-ACC-1"));
  struct RiskSpec {
    const char* title;
    const char* description;
    const char* source;
    int64_t likelihood, impact;
    Id owner;
    domain::RiskTreatment treatment;
    const char* plan;
    domain::RiskStatus status;
    const char* review;
    std::vector<Id> systems, controls;
  };
  using domain::RiskStatus;
  using domain::RiskTreatment;
  const RiskSpec risks[] = {
      {"Credit model disadvantages protected groups",
       "Approval rates differ by sex and age band beyond the four-fifths rule.", "iso42001:C.3.4", 3, 5, priya,
       RiskTreatment::kModify, "Quarterly bias testing; reweighting; fairness constraint in training.",
       RiskStatus::kTreating, "2027-01-31", {credit_sys}, {c_a524, c_a54}},
      {"Credit refusals cannot be explained to applicants",
       "Reason codes do not reflect the model's main drivers for some segments.", "iso42001:C.3.2", 3, 4, priya,
       RiskTreatment::kModify, "SHAP-based reason codes validated against officer review.", RiskStatus::kTreating,
       "2026-12-15", {credit_sys}, {c_a82}},
      {"Credit officers rubber-stamp the recommendation",
       "Override rate fell from 9% to 2% in 12 months while error rates stayed flat.", "iso42001:C.3.3", 4, 4, james,
       RiskTreatment::kModify, "Monitor override rate; blind second review of a sample; refresher training.",
       RiskStatus::kOpen, "2026-10-31", {credit_sys}, {c_a92, c_log}},
      {"CV ranking disadvantages older and female applicants",
       "Vendor ranking model trained on historic hiring outcomes.", "iso42001:C.3.4", 3, 4, elena,
       RiskTreatment::kShare, "Contractual bias audit by the vendor; our own adverse-impact monitoring.",
       RiskStatus::kOpen, "2027-02-28", {cv_sys}, {c_a103, c_a54}},
      {"Support assistant gives wrong financial guidance",
       "The LLM can produce plausible but wrong statements about products and rates.", "iso42001:C.3.6", 3, 3, marco,
       RiskTreatment::kModify, "Retrieval from approved content only; refusal rules; weekly transcript sampling.",
       RiskStatus::kTreating, "2027-03-31", {chat_sys}, {c_a92, c_log}},
      {"Bureau data errors propagate into credit scores",
       "Stale or wrong bureau records lower scores without the applicant knowing.", "iso42001:C.3.4", 2, 4, lukas,
       RiskTreatment::kModify, "Data-quality checks at ingestion; applicants can dispute bureau data.",
       RiskStatus::kTreating, "2027-01-15", {credit_sys}, {c_a74, c_a75}},
      {"Foundation model changes without notice",
       "The supplier updates the hosted model; behaviour changes silently.", "iso42001:C.3.6", 4, 3, tom,
       RiskTreatment::kShare, "Version pinning in the contract; regression suite on each announced release.",
       RiskStatus::kOpen, "2026-11-15", {chat_sys}, {c_a103}},
      {"Model weights or training data exfiltrated", "Theft of credit model or personal training data.", "other: security",
       2, 5, tom, RiskTreatment::kModify, "Access control and monitoring of model registry and buckets.",
       RiskStatus::kTreating, "2027-04-30", {credit_sys, fraud_sys}, {c_acc, c_log}},
  };
  // The organisation's methodology: the five-level scales of the built-in one, in its own words.
  domain::RiskMethodology methodology = domain::DefaultMethodology();
  methodology.name = "Northbridge AI risk methodology 2026";
  methodology.description = "Adopted by the AI governance board on 2026-02-19. Likelihood over the next 12 months; "
                            "impact on applicants, customers and the bank.";
  AIMS_TRY(SetMethodology(m_, &methodology, std::nullopt).status());
  // Residual scores after treatment and treatment due dates, by position in the list above.
  struct Residual {
    int64_t likelihood, impact;
    const char* due;
  };
  const Residual residuals[] = {{2, 4, "2027-01-31"}, {2, 3, "2026-12-15"}, {0, 0, "2026-10-31"}, {3, 4, "2027-03-31"},
                                {2, 2, "2027-03-31"}, {1, 3, "2027-01-15"}, {0, 0, "2026-12-31"}, {1, 4, "2027-04-30"}};
  std::vector<Id> risk_ids;
  size_t index = 0;
  for (const auto& s : risks) {
    domain::Risk risk;
    risk.residual_likelihood = residuals[index].likelihood;
    risk.residual_impact = residuals[index].impact;
    risk.treatment_due = D(residuals[index].due);
    ++index;
    risk.title = s.title;
    risk.description = s.description;
    risk.source = s.source;
    risk.likelihood = s.likelihood;
    risk.impact = s.impact;
    risk.owner = s.owner;
    risk.treatment = s.treatment;
    risk.treatment_plan = s.plan;
    risk.status = s.status;
    risk.review_date = D(s.review);
    risk.systems = s.systems;
    risk.controls = s.controls;
    AIMS_ASSIGN_OR_RETURN(Id risk_id, Add(risk));
    risk_ids.push_back(risk_id);
  }
  // The CV-ranking risk stays high after treatment: legal, not its owner, accepts it above the appetite.
  {
    AIMS_ASSIGN_OR_RETURN(domain::Risk cv_risk, m_.Get<domain::Risk>(risk_ids[3]));
    AIMS_TRY(AcceptRisk(m_, cv_risk.meta.id, cv_risk.meta.version, {sofia, true},
                        "Vendor bias audit contracted; quarterly adverse-impact monitoring; human review of every "
                        "rejection until the first audit reports.",
                        nullptr));
  }

  // The credit assistant's impact assessment: version 1 approved by legal, drafted by data science.
  domain::ImpactAssessment ia;
  ia.system = credit_sys;
  ia.intended_uses = "Recommend approve/refer/decline on consumer loan applications up to EUR 50,000; a credit "
                     "officer decides every application.";
  ia.foreseeable_misuses = "Officers approving recommendations without review; use on small-business loans it was "
                           "not built for.";
  ia.affected_parties = {"loan applicants", "credit officers", "applicants' households"};
  ia.vulnerable_groups = {"applicants under 25", "applicants with thin credit files"};
  ia.benefits = "Faster, more consistent decisions; fewer manual errors in affordability checks.";
  ia.use_context = "Branch and online applications, about 4,000 a month, every working day.";
  ia.oversight_measures = "Officer decides every case; blind second review of 5% of approvals and declines.";
  ia.remedies = "Applicants can ask for a human re-assessment and an explanation; complaints to the credit "
                "ombudsman; model can be switched off by the head of credit.";
  ia.residual_impact = "Some unequal approval rates remain for applicants under 25, monitored quarterly.";
  ia.review_triggers = {"new model version", "new product or customer group", "bias ratio under 0.8"};
  ia.risks = {risk_ids[0], risk_ids[1], risk_ids[2]};
  ia.controls = {c_a524, c_a54, c_a82};
  ia.drafted_by = priya;
  AIMS_ASSIGN_OR_RETURN(Id ia_id, Add(ia));
  domain::ImpactItem harm;
  harm.assessment = ia_id;
  harm.kind = domain::ImpactKind::kHarm;
  harm.description = "Creditworthy applicants from protected groups are declined more often.";
  harm.affected = "loan applicants";
  harm.severity = 4;
  harm.likelihood = 3;
  harm.reversibility = domain::Reversibility::kHardToReverse;
  harm.scale = domain::ImpactScale::kGroup;
  harm.vulnerable_groups = true;
  harm.mitigation = "Quarterly bias tests; fairness constraint in training; officer review.";
  harm.risks = {risk_ids[0]};
  harm.controls = {c_a54};
  harm.residual = "Selection-rate ratio above 0.9 for sex, 0.8 for age bands.";
  AIMS_TRY(Add(harm).status());
  harm = {};
  harm.assessment = ia_id;
  harm.kind = domain::ImpactKind::kHarm;
  harm.description = "Applicants cannot understand or contest a refusal.";
  harm.affected = "declined applicants";
  harm.severity = 3;
  harm.likelihood = 3;
  harm.reversibility = domain::Reversibility::kReversible;
  harm.scale = domain::ImpactScale::kIndividual;
  harm.mitigation = "Validated reason codes; right to human re-assessment.";
  harm.risks = {risk_ids[1]};
  harm.controls = {c_a82};
  AIMS_TRY(Add(harm).status());
  harm = {};
  harm.assessment = ia_id;
  harm.kind = domain::ImpactKind::kBenefit;
  harm.description = "Decisions within a day instead of a week.";
  harm.affected = "loan applicants";
  harm.scale = domain::ImpactScale::kGroup;
  AIMS_TRY(Add(harm).status());
  AIMS_TRY(ApproveImpactAssessment(m_, ia_id, 1, {sofia, true}, nullptr));

  // EU AI Act classifications (as of the demo's day), which also fill the obligations register.
  auto classify = [&](Id system, auto fill) -> base::Status {
    domain::AiActAnswers answers;
    fill(answers);
    return ClassifySystem(m_, system, answers, "", m_.now().date(), sofia).status();
  };
  using domain::AiActRole;
  AIMS_TRY(classify(credit_sys, [](domain::AiActAnswers& a) {
    a.role = AiActRole::kProvider;
    a.annex_iii = "5(b)";
    a.profiling = true;
  }));
  AIMS_TRY(classify(cv_sys, [](domain::AiActAnswers& a) {
    a.role = AiActRole::kDeployer;
    a.annex_iii = "4(a)";
    a.profiling = true;
  }));
  AIMS_TRY(classify(chat_sys, [](domain::AiActAnswers& a) {
    a.role = AiActRole::kDeployer;
    a.transparency = {"interacts_with_persons"};
  }));
  AIMS_TRY(classify(fraud_sys, [](domain::AiActAnswers& a) { a.role = AiActRole::kProvider; }));

  // Evidence files (generated here; in real use they are uploaded with `aims evidence add`).
  AIMS_ASSIGN_OR_RETURN(Id policy_text,
                        Evidence("AI policy v1.2 (board-approved)", "ai-policy-v1.2.md",
                                 "# Northbridge Lending AI policy v1.2\n\nApproved by the board on 2026-02-19.\n"
                                 "Principles: lawful, fair, explainable, overseen by people, secure.\n",
                                 amira, "policy library", "2026-02-19", nullptr, nullptr, "2027-02-19", {"A.2.2", "A.2.3"}));
  AIMS_TRY(Evidence("Independent validation report credit-risk-gbm 3.2", "validation-credit-gbm-3.2.md",
                    "# Validation report: credit-risk-gbm 3.2\n\nGini 0.61 (out of time); stability PSI 0.04; "
                    "approved for release with conditions.\n",
                    james, "model risk management", "2026-06-30", "2026-05-01", "2026-06-30", "2027-06-30",
                    {"A.6.2.4", "A.6.2.5"})
               .status());
  AIMS_TRY(Evidence("Bias test results 2026 Q3", "bias-tests-2026q3.csv",
                    "group,selection_rate,ratio_to_reference\nfemale,0.412,0.93\nmale,0.443,1.00\n"
                    "age_under_25,0.351,0.79\nage_25_plus,0.445,1.00\n",
                    priya, "fairness test pipeline", "2026-09-30", "2026-07-01", "2026-09-30", "2026-12-31",
                    {"A.5.4", "A.6.2.4"})
               .status());
  AIMS_TRY(Evidence("Inference logging configuration", "inference-logging.md",
                    "# Inference logging\n\nFields: request id, model version, score, decision, officer override, "
                    "timestamps. Retention 13 months.\n",
                    tom, "SIEM configuration export", "2026-08-01", nullptr, nullptr, nullptr,
                    {"A.6.2.8", "CTL-LOG-1"})
               .status());
  AIMS_TRY(Evidence("Aurora AI supplier assessment", "supplier-assessment-aurora.md",
                    "# Supplier assessment: Aurora AI\n\nGPAI documentation received; copyright policy reviewed.\n",
                    tom, "third-party risk tool", "2026-02-10", nullptr, nullptr, "2027-02-10",
                    {"A.10.3", "CTL-SUP-1"})
               .status());
  AIMS_TRY(Evidence("Impact assessment: credit decisioning (2026)", "impact-assessment-credit-2026.md",
                    "# AI system impact assessment: credit decisioning assistant\n\nAffected: applicants. "
                    "Harms: wrongful refusal, unequal treatment. Mitigations: human review, bias tests.\n",
                    amira, "impact assessment workflow", "2026-04-15", nullptr, nullptr, "2027-04-15",
                    {"A.5.2", "A.5.3", "A.5.4"})
               .status());
  AIMS_TRY(Evidence("Data provenance record: loan applications", "provenance-loans.md",
                    "# Provenance\n\nSource systems, extraction jobs and transformations for the loan dataset.\n",
                    lukas, "data catalogue", "2026-05-20", nullptr, nullptr, nullptr, {"A.7.5", "A.4.3"})
               .status());
  AIMS_TRY(Evidence("Model-validation training records 2024", "training-records-2024.csv",
                    "person,course,completed\nPriya Nair,Model validation,2024-03-12\nJames Okafor,Model risk,2024-05-02\n",
                    elena, "learning management system", "2024-12-31", "2024-01-01", "2024-12-31", "2025-12-31",
                    {"A.4.6"})
               .status());

  // Incidents (A.8.4): one resolved and fed into the risk register, one EU serious incident
  // whose reporting clock runs (its times are relative to now, so the clock always runs).
  auto ago = [&](int64_t hours) { return base::Timestamp(m_.now().micros() - hours * 3600 * int64_t{1000000}); };
  domain::Incident advice;
  advice.title = "Support assistant told a customer to skip a loan repayment";
  advice.description = "Asked about payment holidays, the assistant answered that a repayment could be skipped "
                       "without notice. The customer missed a payment and was charged a late fee.";
  advice.severity = domain::IncidentSeverity::kMedium;
  advice.status = domain::IncidentStatus::kResolved;
  advice.owner = priya;
  advice.systems = {chat_sys};
  advice.affected_people = "One customer charged a late fee; 37 similar conversations found in the logs.";
  advice.occurred_at = ago(9 * 24 + 5);
  advice.aware_at = ago(9 * 24);
  advice.root_cause = "Retrieval returned a withdrawn forbearance FAQ, which the model paraphrased as advice.";
  advice.corrective_actions = {"withdrawn FAQ removed from the index", "answers on repayments now cite the current terms",
                               "late fee refunded"};
  AIMS_ASSIGN_OR_RETURN(Id advice_id, Add(advice));
  AIMS_ASSIGN_OR_RETURN(advice, AddTimelineEntry(m_, advice_id, 1, ago(9 * 24), "complaint received by customer operations"));
  AIMS_ASSIGN_OR_RETURN(advice, AddTimelineEntry(m_, advice_id, advice.meta.version, ago(8 * 24),
                                                 "withdrawn FAQ removed from the retrieval index"));
  AIMS_ASSIGN_OR_RETURN(advice, AddCommunication(m_, advice_id, advice.meta.version,
                                                 {ago(7 * 24), "the customer", "letter",
                                                  "apology, explanation and refund of the late fee"}));
  AIMS_TRY(FeedRiskRegister(m_, advice_id, advice.meta.version, {risk_ids[4], 4, 3, ""}).status());

  domain::Incident feed;
  feed.title = "Credit assistant declined applicants on a stale bureau feed";
  feed.description = "A failed bureau refresh left credit files 6 weeks old; the assistant recommended declining "
                     "applicants whose arrears had since been cleared, and officers followed it.";
  feed.severity = domain::IncidentSeverity::kHigh;
  feed.status = domain::IncidentStatus::kInvestigating;
  feed.owner = james;
  feed.systems = {credit_sys};
  feed.affected_people = "212 applicants declined between the failed refresh and its detection.";
  feed.occurred_at = ago(5 * 24);
  feed.aware_at = ago(2 * 24);
  feed.serious_incident = domain::SeriousIncidentKind::kGeneral;
  AIMS_ASSIGN_OR_RETURN(Id feed_id, Add(feed));
  AIMS_ASSIGN_OR_RETURN(feed, AddTimelineEntry(m_, feed_id, 1, ago(2 * 24), "data quality monitor alerted on bureau data age"));
  AIMS_ASSIGN_OR_RETURN(feed, AddCommunication(m_, feed_id, feed.meta.version,
                                               {ago(24), "Central Bank of Ireland", "email",
                                                "early warning; a full Art. 73 report will follow"}));

  // Policies (5.2, A.2): the AI policy in force, a standard overdue for review, a draft.
  auto policy = [&](const char* title, domain::PolicyKind kind, const char* version, const char* summary, Id owner,
                    std::vector<std::string> requirements, std::optional<Id> document) -> base::Result<Id> {
    domain::Policy p;
    p.title = title;
    p.kind = kind;
    p.version = version;
    p.summary = summary;
    p.owner = owner;
    p.requirements = std::move(requirements);
    p.document = document;
    return Add(p);
  };
  AIMS_ASSIGN_OR_RETURN(Id ai_policy, policy("Northbridge AI policy", domain::PolicyKind::kAiPolicy, "1.2",
                                              "AI is used lawfully, fairly, explainably, securely and under human "
                                              "oversight; every AI system is registered, assessed and owned.",
                                              amira, {"iso42001:5.2", "iso42001:A.2.2"}, policy_text));
  AIMS_TRY(ApprovePolicy(m_, ai_policy, 1, {james, true}, D("2026-02-19")).status());
  AIMS_ASSIGN_OR_RETURN(Id oversight_policy,
                        policy("Human oversight standard", domain::PolicyKind::kHumanOversight, "1.0",
                               "Who may stop, override or escalate an AI decision, and the training they need.", priya,
                               {"iso42001:A.2.3", "iso42001:A.9.2"}, std::nullopt));
  AIMS_TRY(ApprovePolicy(m_, oversight_policy, 1, {sofia, true}, D("2025-06-02")).status());
  AIMS_TRY(policy("Acceptable use of generative AI", domain::PolicyKind::kAcceptableUse, "0.3",
                  "What staff may and may not put into generative AI tools.", sofia, {"iso42001:A.2.3"}, std::nullopt)
               .status());

  // The RACI matrix (5.3, A.3.2): the AIMS's main activities and the credit assistant's lifecycle.
  // Daniel validated the credit model and has since left: the gaps show what he still holds.
  AIMS_ASSIGN_OR_RETURN(Id daniel, Person("Daniel Ortiz", "daniel.ortiz@northbridge.example", "Model validator",
                                          "Data science", {}));
  struct Row {
    const char* activity;
    std::optional<Id> system;
    Id accountable;
    std::vector<Id> responsible, consulted, informed;
  };
  const Row rows[] = {
      {"AI policy", std::nullopt, amira, {amira}, {sofia, tom}, {marco}},
      {"Roles, responsibilities and authorities", std::nullopt, amira, {amira}, {elena}, {}},
      {"AI risk assessment", std::nullopt, james, {priya, lukas}, {sofia}, {amira}},
      {"AI risk treatment", std::nullopt, james, {priya}, {tom}, {amira}},
      {"AI system impact assessment", std::nullopt, sofia, {priya}, {marco}, {amira}},
      {"Competence and AI literacy", std::nullopt, elena, {elena}, {amira}, {}},
      {"Concern handling", std::nullopt, sofia, {amira}, {}, {james}},
      {"Incident response", std::nullopt, james, {marco, priya}, {sofia}, {amira}},
      {"Supplier management", std::nullopt, tom, {tom}, {sofia}, {}},
      {"Requirements", credit_sys, priya, {lukas}, {marco}, {}},
      {"Design and development", credit_sys, priya, {lukas}, {}, {}},
      {"Verification and validation", credit_sys, daniel, {daniel}, {priya}, {james}},
      {"Deployment", credit_sys, james, {priya}, {sofia}, {marco}},
      {"Operation and monitoring", credit_sys, priya, {lukas}, {}, {marco}},
  };
  for (const auto& row : rows) {
    domain::Responsibility e;
    e.activity = row.activity;
    e.system = row.system;
    e.accountable = row.accountable;
    e.responsible = row.responsible;
    e.consulted = row.consulted;
    e.informed = row.informed;
    AIMS_TRY(Add(e).status());
  }
  AIMS_ASSIGN_OR_RETURN(domain::Person leaver, m_.Get<domain::Person>(daniel));
  AIMS_TRY(m_.Retire(leaver, leaver.meta.version));

  // AI objectives (6.2) with a value each month: fairness rising to its target, human review of
  // declines slipping away from it (a sign of over-reliance on the model).
  struct Series {
    const char* title;
    const char* metric;
    const char* unit;
    const char* target;
    Id owner;
    const char* due;
    std::vector<std::string> requirements;
    std::vector<std::pair<const char*, const char*>> values;
  };
  const Series objectives[] = {
      {"Fair credit approvals", "approval-rate ratio, applicants under 25 to 25 and over", "ratio", "0.8", priya,
       "2027-03-31", {"iso42001:6.2", "iso42001:C.2.5"},
       {{"2026-06-30", "0.72"}, {"2026-07-31", "0.74"}, {"2026-08-31", "0.77"}, {"2026-09-30", "0.79"},
        {"2026-10-31", "0.82"}}},
      {"Human review of declined applications", "share of declines reviewed by a credit officer", "%", "100", james,
       "2026-12-31", {"iso42001:6.2"},
       {{"2026-07-31", "100"}, {"2026-08-31", "99"}, {"2026-09-30", "97.5"}, {"2026-10-31", "96"}}},
  };
  for (const auto& s : objectives) {
    domain::Objective o;
    o.title = s.title;
    o.metric = s.metric;
    o.unit = s.unit;
    o.target = s.target;
    o.owner = s.owner;
    o.due = D(s.due);
    o.systems = {credit_sys};
    o.requirements = s.requirements;
    AIMS_ASSIGN_OR_RETURN(Id oid, Add(o));
    for (const auto& [on, value] : s.values) {
      AIMS_TRY(RecordMeasurement(m_, oid, D(on), value, "monthly monitoring report").status());
    }
  }

  // Competence and AI literacy (7.2, EU AI Act Art. 4) and human oversight (A.9, Art. 14). Elena
  // has not taken the literacy course, nor the oversight course the CV screener's arrangement
  // asks of her; Marco's oversight training has expired: both systems show what is missing.
  auto course = [&](const char* title, domain::CourseKind kind, int64_t months, bool everyone, std::vector<Id> roles,
                    std::vector<std::string> requirements, const char* description) -> base::Result<Id> {
    domain::Course c;
    c.title = title;
    c.kind = kind;
    c.provider = "in-house";
    c.validity_months = months;
    c.required_of_all = everyone;
    c.for_roles = std::move(roles);
    c.requirements = std::move(requirements);
    c.description = description;
    return Add(c);
  };
  AIMS_ASSIGN_OR_RETURN(Id literacy, course("AI literacy for all staff", domain::CourseKind::kAiLiteracy, 24, true, {},
                                            {"iso42001:7.2", "iso42001:7.3"},
                                            "What AI is and is not, the AI policy, how to raise a concern."));
  AIMS_ASSIGN_OR_RETURN(Id oversight_course,
                        course("Overseeing automated decisions", domain::CourseKind::kHumanOversight, 12, false, {},
                               {"iso42001:A.9.2"},
                               "Reading a model's output, automation bias, when and how to stop or override."));
  AIMS_ASSIGN_OR_RETURN(Id act_course, course("EU AI Act for approvers", domain::CourseKind::kLegal, 24, false,
                                              {role_approver}, {"iso42001:7.2"},
                                              "The Act's tiers and duties, and what an approval of a gate vouches for."));
  const std::tuple<Id, Id, const char*> completions[] = {
      {amira, literacy, "2026-01-20"},  {tom, literacy, "2026-01-20"},   {priya, literacy, "2026-01-20"},
      {lukas, literacy, "2026-01-20"},  {sofia, literacy, "2026-02-03"}, {james, literacy, "2026-02-03"},
      {marco, literacy, "2026-02-03"},  {priya, oversight_course, "2026-03-10"},
      {lukas, oversight_course, "2025-02-14"}, {lukas, oversight_course, "2026-02-10"},  // renewed: the latest counts
      {james, oversight_course, "2026-03-10"}, {marco, oversight_course, "2024-11-05"},   // Marco's has expired
      {sofia, act_course, "2025-09-15"}, {james, act_course, "2025-09-15"},
  };
  for (const auto& [who, what, on] : completions) {
    domain::Training t;
    t.person = who;
    t.course = what;
    t.completed_on = D(on);
    AIMS_TRY(Add(t).status());
  }
  domain::OversightArrangement credit_oversight;
  credit_oversight.system = credit_sys;
  credit_oversight.can_stop = {priya, james};
  credit_oversight.can_override = {priya, lukas};
  credit_oversight.escalate_to = {james};
  credit_oversight.required_courses = {oversight_course};
  credit_oversight.stop_procedure =
      "The credit platform's kill switch routes every application to manual underwriting within five minutes.";
  credit_oversight.override_procedure = "A credit officer records the decision and the reason in the case file.";
  credit_oversight.escalation_procedure = "Unexplained declines or a drift alert go to the Chief Risk Officer the same day.";
  credit_oversight.monitoring =
      "A weekly sample of 5% of approvals and declines is reviewed blind; the override rate is an AI objective.";
  AIMS_TRY(Add(credit_oversight).status());
  domain::OversightArrangement cv_oversight;
  cv_oversight.system = cv_sys;
  cv_oversight.can_stop = {elena};
  cv_oversight.can_override = {elena};
  cv_oversight.escalate_to = {james};
  cv_oversight.required_courses = {oversight_course};
  cv_oversight.stop_procedure = "Recruiters switch the ranking off in the applicant tracking system.";
  AIMS_TRY(Add(cv_oversight).status());
  domain::OversightArrangement chat_oversight;
  chat_oversight.system = chat_sys;
  chat_oversight.can_stop = {marco};
  chat_oversight.required_courses = {oversight_course};
  chat_oversight.stop_procedure = "The contact-centre platform falls back to human agents only.";
  AIMS_TRY(Add(chat_oversight).status());
  return base::Status::OK();
}

}  // namespace

namespace {

// A random password for a demo sign-in: 16 characters from 12 random bytes.
std::string RandomPassword() {
  unsigned char bytes[12];
  randombytes_buf(bytes, sizeof bytes);
  std::string s = base::Base64Encode(std::string_view(reinterpret_cast<const char*>(bytes), sizeof bytes));
  for (char& c : s) {
    if (c == '+') c = '-';
    if (c == '/') c = '_';
  }
  return s;
}

// One user per built-in role, each acting as a demo person whose work fits the role.
base::Result<std::vector<DemoLogin>> CreateDemoLogins(Workspace& ws) {
  struct Plan {
    const char* role;
    const char* email;
    const char* person_email;  // empty: no person (the administrator)
  };
  static constexpr Plan kPlans[] = {
      {"admin", "admin@northbridge.example", ""},
      {"aims-manager", "amira.haddad@northbridge.example", "amira.haddad@northbridge.example"},
      {"system-owner", "priya.nair@northbridge.example", "priya.nair@northbridge.example"},
      {"risk-owner", "james.okafor@northbridge.example", "james.okafor@northbridge.example"},
      {"approver", "sofia.rossi@northbridge.example", "sofia.rossi@northbridge.example"},
      {"auditor", "hana.kim@northbridge.example", "hana.kim@northbridge.example"},
      {"viewer", "marco.silva@northbridge.example", "marco.silva@northbridge.example"},
  };
  std::vector<DemoLogin> logins;
  for (const Plan& plan : kPlans) {
    std::optional<domain::Id> person;
    if (*plan.person_email) {
      domain::Person probe;
      probe.email = plan.person_email;
      AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(person, tx.records<domain::Person>().FindByKey(probe));
        return base::Status::OK();
      }));
    }
    DemoLogin login{plan.role, plan.email, RandomPassword()};
    AIMS_TRY(Accounts::AddUser(ws, login.email, "", login.role, login.password, person).status());
    logins.push_back(std::move(login));
  }
  return logins;
}

}  // namespace

base::Result<DemoSummary> CreateDemo(const WorkspaceOptions& options) {
  DemoSummary summary;
  summary.organisation = std::string(kDemoOrganisation);
  summary.description =
      "A consumer lender with 6 AI systems (2 high-risk, 1 limited, 2 minimal, 1 prohibited and retired), "
      "5 models, 4 datasets, 3 suppliers, 8 risks, 41 controls with ISO/IEC 27001 and NIST AI RMF mappings, "
      "a Statement of Applicability, 8 evidence files (one expired), 2 incidents (one EU serious incident), 3 policies, "
      "a RACI matrix with its gaps and 2 AI objectives measured monthly.";
  if (Workspace::Exists(options.data_dir)) {
    AIMS_ASSIGN_OR_RETURN(auto ws, Workspace::Open(options));
    std::string existing;
    AIMS_TRY(ws->Read([&](store::Tx& tx) {
      return tx.records<domain::Organisation>().Scan({}, [&](domain::Organisation& o) -> base::Status {
        existing = o.name;
        return base::Status::OK();
      });
    }));
    if (existing == kDemoOrganisation) return summary;
    return base::Status::AlreadyExists(
        existing.empty() ? "this data directory already holds a register"
                         : "this data directory holds \"" + existing + "\", not the demo",
        options.data_dir);
  }
  AIMS_ASSIGN_OR_RETURN(auto ws, Workspace::Create(options));
  domain::Organisation org;
  org.name = std::string(kDemoOrganisation);
  org.legal_name = "Northbridge Lending DAC";
  org.sector = "Consumer credit";
  org.description = "Demo organisation: a fictional lender in Ireland and the UK with an ISO/IEC 27001 "
                    "certificate, adding ISO/IEC 42001.";
  org.isms_scope = "Information security of lending, payments and customer-service operations (ISO/IEC 27001:2022).";
  org.time_zone = "Europe/Dublin";
  AIMS_TRY(ws->Mutate([&](Mutation& m) -> base::Status {
    AIMS_TRY(InitialiseRegister(m, org));
    DemoBuilder builder(m, ws->blobs());
    return builder.Build();
  }));
  AIMS_ASSIGN_OR_RETURN(summary.logins, CreateDemoLogins(*ws));
  summary.created = true;
  return summary;
}

}  // namespace aims::service
