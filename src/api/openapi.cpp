#include "api/openapi.h"

#include <boost/json.hpp>

#include <map>
#include <set>

#include "domain/concern.h"
#include "domain/entities.h"
#include "domain/raci.h"

namespace aims::api {

namespace {

namespace json = boost::json;
using domain::FieldKind;

json::object Ref(std::string_view component) {
  return {{"$ref", "#/components/schemas/" + std::string(component)}};
}

json::value FieldSchema(const domain::Field& f) {
  json::object s;
  auto nullable = [](std::string_view type) { return json::array{type, "null"}; };
  switch (f.kind) {
    case FieldKind::kText:
    case FieldKind::kLongText:
      s["type"] = "string";
      break;
    case FieldKind::kInt:
      s["type"] = "integer";
      if (f.min != std::numeric_limits<int64_t>::min()) s["minimum"] = f.min;
      if (f.max != std::numeric_limits<int64_t>::max()) s["maximum"] = f.max;
      break;
    case FieldKind::kBool:
      s["type"] = "boolean";
      break;
    case FieldKind::kDate:
      s["type"] = nullable("string");
      s["format"] = "date";
      break;
    case FieldKind::kTimestamp:
      s["type"] = nullable("string");
      s["format"] = "date-time";
      break;
    case FieldKind::kTextList:
      s["type"] = "array";
      s["items"] = {{"type", "string"}};
      break;
    case FieldKind::kEnum: {
      json::array names;
      for (auto n : f.enum_names) names.emplace_back(n);
      s["type"] = "string";
      s["enum"] = std::move(names);
      break;
    }
    case FieldKind::kEnumList: {
      json::array names;
      for (auto n : f.enum_names) names.emplace_back(n);
      s["type"] = "array";
      s["items"] = {{"type", "string"}, {"enum", std::move(names)}};
      break;
    }
    case FieldKind::kRef:
      s["type"] = nullable("integer");
      s["minimum"] = 1;
      s["description"] = "id of " + domain::WithArticle(domain::Info(f.ref).noun);
      break;
    case FieldKind::kRefList:
      s["type"] = "array";
      s["items"] = {{"type", "integer"}, {"minimum", 1}};
      s["description"] = "ids of " + std::string(domain::Info(f.ref).plural);
      break;
  }
  if (!f.help.empty() && !s.contains("description")) s["description"] = f.help;
  if (f.managed) s["readOnly"] = true;
  return s;
}

template <class T>
void AddRecordSchemas(json::object& schemas) {
  const auto& info = domain::Info(T::kKind);
  std::string name(info.name);
  json::object props{{"id", {{"type", "integer"}, {"minimum", 1}, {"readOnly", true}}},
                     {"record_version", {{"type", "integer"}, {"minimum", 1}, {"readOnly", true}}},
                     {"created_at", {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}}},
                     {"updated_at", {{"type", "string"}, {"format", "date-time"}, {"readOnly", true}}},
                     {"retired_at", {{"type", json::array{"string", "null"}}, {"format", "date-time"}, {"readOnly", true}}}};
  json::object input_props;
  json::array required;
  for (const auto& f : domain::FieldsOf<T>()) {
    props[f.name] = FieldSchema(f);
    input_props[f.name] = FieldSchema(f);
    if (f.required) required.emplace_back(f.name);
  }
  schemas[name] = {{"type", "object"},
                   {"description", "A record of the register: " + domain::WithArticle(info.noun) + "."},
                   {"properties", std::move(props)}};
  json::object input{{"type", "object"},
                     {"description", "Fields to set. On create, absent fields take their defaults; on PATCH, absent "
                                     "fields keep their values. Required on create: " +
                                         (required.empty() ? std::string("none") : json::serialize(required)) + "."},
                     {"properties", std::move(input_props)},
                     {"additionalProperties", false}};
  if (T::kKind != domain::EntityKind::kCatalog) schemas[name + "_input"] = std::move(input);  // read-only kind
  schemas[name + "_page"] = {{"type", "object"},
                             {"properties",
                              {{"items", {{"type", "array"}, {"items", Ref(name)}}},
                               {"next_cursor", {{"type", json::array{"string", "null"}},
                                                {"description", "pass as ?cursor= for the next page; null on the last"}}}}}};
}

json::object FixedSchemas() {
  json::object s;
  s["problem"] = {{"type", "object"},
                  {"description", "RFC 9457 problem details"},
                  {"properties",
                   {{"type", {{"type", "string"}}},
                    {"title", {{"type", "string"}}},
                    {"status", {{"type", "integer"}}},
                    {"detail", {{"type", "string"}}},
                    {"field", {{"type", "string"}, {"description", "JSON pointer into the body, or the parameter"}}},
                    {"instance", {{"type", "string"}}},
                    {"request_id", {{"type", "string"}}}}}};
  s["history"] = {{"type", "object"},
                  {"properties",
                   {{"items",
                     {{"type", "array"},
                      {"items",
                       {{"type", "object"},
                        {"properties",
                         {{"seq", {{"type", "integer"}}},
                          {"time", {{"type", "string"}, {"format", "date-time"}}},
                          {"actor", {{"type", "string"}}},
                          {"action", {{"type", "string"}}},
                          {"state_hash", {{"type", "string"}}}}}}}}}}}};
  s["methodology_view"] = {{"type", "object"},
                           {"properties",
                            {{"methodology", Ref("risk_methodology")},
                             {"builtin", {{"type", "boolean"}, {"description", "true while no methodology is stored"}}},
                             {"levels",
                              {{"type", "object"},
                               {"properties",
                                {{"risks", {{"type", "integer"}}},
                                 {"inherent_changed", {{"type", "integer"}}},
                                 {"residual_changed", {{"type", "integer"}}},
                                 {"above_appetite_before", {{"type", "integer"}}},
                                 {"above_appetite", {{"type", "integer"}}},
                                 {"levels", {{"type", "object"}, {"additionalProperties", {{"type", "integer"}}}}}}}}}}}};
  json::object gpai_answers = {{"type", "object"},
                                {"properties",
                                 {{"is_gpai_model", {{"type", "boolean"}}},
                                  {"training_compute_flop", {{"type", json::array{"number", "null"}}}},
                                  {"open_source", {{"type", "boolean"}}},
                                  {"designated_systemic_risk", {{"type", "boolean"}}}}},
                                {"additionalProperties", false}};
  s["aiact_answers"] = {
      {"type", "object"},
      {"description", "EU AI Act questionnaire (docs/assessment.md)"},
      {"required", json::array{"role"}},
      {"properties",
       {{"role", {{"type", "string"}, {"enum", json::array{"provider", "deployer", "importer", "distributor",
                                                              "product_manufacturer", "authorised_representative"}}}},
        {"scope_exclusion", {{"type", json::array{"string", "null"}}, {"enum", json::array{nullptr, "military", "research", "personal"}}}},
        {"prohibited", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"annex_i",
         {{"type", "object"},
          {"properties",
           {{"safety_component_or_product", {{"type", "boolean"}}}, {"third_party_conformity_assessment", {{"type", "boolean"}}}}},
          {"additionalProperties", false}}},
        {"annex_iii", {{"type", json::array{"string", "null"}}}},
        {"derogation_6_3", {{"type", json::array{"string", "null"}}}},
        {"profiling", {{"type", "boolean"}}},
        {"transparency", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"gpai", gpai_answers},
        {"public_body_or_public_service", {{"type", "boolean"}}}}},
      {"additionalProperties", false}};
  s["aiact_classification"] = {
      {"type", "object"},
      {"properties",
       {{"tier", {{"type", "string"}, {"enum", json::array{"prohibited", "high", "limited", "minimal", "out_of_scope"}}}},
        {"gpai", {{"type", "string"}, {"enum", json::array{"none", "gpai", "gpai_systemic"}}}},
        {"fria_required", {{"type", "boolean"}}},
        {"transparency_obligations", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"obligations",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"id", {{"type", "string"}}},
              {"article", {{"type", "string"}}},
              {"summary", {{"type", "string"}}},
              {"binds", {{"type", "string"}}},
              {"applies_from", {{"type", "string"}, {"format", "date"}}},
              {"in_force", {{"type", "boolean"}}}}}}}}},
        {"rationale", {{"type", "array"}, {"items", {{"type", "string"}}}}},
        {"text", {{"type", "string"}}},
        {"as_of", {{"type", "string"}, {"format", "date"}}}}}};
  s["aiact_outcome"] = {{"type", "object"},
                        {"properties",
                         {{"assessment", Ref("aiact_assessment")},
                          {"unchanged", {{"type", "boolean"}}},
                          {"obligations_added", {{"type", "integer"}}},
                          {"obligations_superseded", {{"type", "integer"}}},
                          {"classification", Ref("aiact_classification")}}}};
  s["acceptance"] = {{"type", "object"},
                     {"required", json::array{"note"}},
                     {"properties", {{"note", {{"type", "string"}, {"description", "why the residual risk is acceptable"}}}}},
                     {"additionalProperties", false}};
  json::object str = {{"type", "string"}};
  json::object strings = {{"type", "array"}, {"items", str}};
  json::array stages;
  for (auto n : domain::EnumNames<domain::LifecycleStage>()) stages.emplace_back(n);
  s["advance_request"] = {
      {"type", "object"},
      {"required", json::array{"to"}},
      {"properties",
       {{"to", {{"type", "string"}, {"enum", stages}}},
        {"reason", {{"type", "string"}, {"description", "why; required with override"}}},
        {"override", {{"type", "boolean"}, {"description", "emergency override (admin only)"}}}}},
      {"additionalProperties", false}};
  s["gate_decision"] = {{"type", "object"},
                        {"properties", {{"note", {{"type", "string"}, {"description", "a remark; required to refuse"}}}}},
                        {"additionalProperties", false}};
  s["gate_checklist"] = {
      {"type", "object"},
      {"properties",
       {{"system", {{"type", "integer"}}},
        {"from", str},
        {"to", str},
        {"forward", {{"type", "boolean"}, {"description", "false for a move back or into retirement: no gate"}}},
        {"met", {{"type", "boolean"}}},
        {"approvers_needed", {{"type", "integer"}}},
        {"checklist",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties", {{"check", str}, {"label", str}, {"met", {{"type", "boolean"}}}}}}}}},
        {"pending", {{"description", "the request waiting for approval, or null"}}}}}};
  json::object time = {{"type", "string"},
                       {"description", "RFC 3339, or YYYY-MM-DDTHH:MM in the organisation's time zone; default now"}};
  json::object line = {{"type", "string"}, {"description", "one line, at most 2,000 characters"}};
  s["incident_timeline_entry"] = {{"type", "object"},
                                  {"required", json::array{"what"}},
                                  {"properties", {{"at", time}, {"what", line}}},
                                  {"additionalProperties", false}};
  s["incident_communication"] = {{"type", "object"},
                                 {"required", json::array{"to", "what"}},
                                 {"properties", {{"at", time}, {"to", line}, {"channel", line}, {"what", line}}},
                                 {"additionalProperties", false}};
  json::object score = {{"type", "integer"}, {"minimum", 1}, {"maximum", 5}};
  s["incident_feed_risk"] = {
      {"type", "object"},
      {"required", json::array{"likelihood", "impact"}},
      {"properties",
       {{"risk", {{"type", json::array{"integer", "null"}}, {"description", "a risk to re-score; absent: a new risk"}}},
        {"likelihood", score},
        {"impact", score},
        {"title", {{"type", "string"}, {"description", "title of a new risk"}}}}},
      {"additionalProperties", false}};
  s["incident_feed_risk_result"] = {{"type", "object"},
                                    {"properties",
                                     {{"created", {{"type", "boolean"}}},
                                      {"risk", {{"$ref", "#/components/schemas/risk"}}},
                                      {"incident", {{"$ref", "#/components/schemas/incident"}}}}}};
  json::object clock = {
      {"type", "object"},
      {"properties",
       {{"incident", {{"type", "integer"}}}, {"id", str}, {"title", str}, {"kind", str},
        {"days", {{"type", "integer"}}}, {"article", str}, {"aware_at", str}, {"deadline", str},
        {"deadline_local", str}, {"time_zone", str}, {"seconds_left", {{"type", "integer"}}},
        {"overdue", {{"type", "boolean"}}}, {"reported", {{"type", "boolean"}}}, {"text", str}}}};
  s["incident_clocks"] = {{"type", "array"}, {"items", clock}};
  json::object nullable_id = {{"type", json::array{"integer", "null"}}};
  s["objective_progress"] = {
      {"type", "object"},
      {"properties",
       {{"objective", {{"type", "integer"}}}, {"id", str}, {"title", str}, {"metric", str}, {"unit", str},
        {"direction", {{"type", "string"}, {"enum", json::array{"at_least", "at_most"}}}},
        {"target", {{"type", "string"}, {"description", "a decimal number, as entered"}}},
        {"due", {{"type", json::array{"string", "null"}}}},
        {"latest", {{"type", json::array{"number", "null"}}}},
        {"met", {{"type", "boolean"}}}, {"overdue", {{"type", "boolean"}}},
        {"trend", {{"type", "integer"}, {"description", "1 towards the target since the previous value, -1 away, 0"}}},
        {"points",
         {{"type", "array"},
          {"items", {{"type", "object"}, {"properties", {{"on", str}, {"value", {{"type", "number"}}}}}}}}}}}};
  json::array categories, concern_statuses;
  for (auto n : domain::EnumNames<domain::ConcernCategory>()) categories.emplace_back(n);
  for (auto n : domain::EnumNames<domain::ConcernStatus>()) concern_statuses.emplace_back(n);
  json::object report_text = {{"type", "string"}, {"maxLength", domain::kMaxConcernChars}};
  s["concern_report"] = {{"type", "object"},
                         {"required", json::array{"body"}},
                         {"properties",
                          {{"category", {{"type", "string"}, {"enum", categories}}},
                           {"system_named", {{"type", "string"}, {"description", "the AI system, as the reporter names it"}}},
                           {"body", report_text}}},
                         {"additionalProperties", false}};
  s["concern_receipt"] = {{"type", "object"},
                          {"properties", {{"receipt_code", {{"type", "string"}, {"description", "shown once: keep it"}}}}}};
  s["concern_code"] = {{"type", "object"},
                       {"required", json::array{"receipt_code"}},
                       {"properties", {{"receipt_code", str}}},
                       {"additionalProperties", false}};
  s["concern_message"] = {{"type", "object"},
                          {"required", json::array{"receipt_code", "body"}},
                          {"properties", {{"receipt_code", str}, {"body", report_text}}},
                          {"additionalProperties", false}};
  json::object messages = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"properties",
         {{"author", {{"type", "string"}, {"enum", json::array{"reporter", "handler"}}}}, {"at", str}, {"body", str}}}}}};
  s["concern_reporter_view"] = {{"type", "object"},
                                {"properties", {{"status", {{"type", "string"}, {"enum", concern_statuses}}},
                                                {"messages", messages}}}};
  json::object concern_view = {
      {"type", "object"},
      {"properties",
       {{"id", {{"type", "integer"}}}, {"version", {{"type", "integer"}}}, {"created_at", str}, {"updated_at", str},
        {"category", {{"type", "string"}, {"enum", categories}}}, {"system_named", str}, {"system", nullable_id},
        {"status", {{"type", "string"}, {"enum", concern_statuses}}}, {"hide_from_owner", {{"type", "boolean"}}},
        {"messages", messages}}}};
  s["concern_view"] = concern_view;
  s["concern_list"] = {{"type", "array"}, {"items", concern_view}};
  s["concern_decision"] = {{"type", "object"},
                           {"required", json::array{"status"}},
                           {"properties",
                            {{"reply", {{"type", "string"}, {"description", "shown to the reporter"}}},
                             {"status", {{"type", "string"}, {"enum", concern_statuses}}},
                             {"system", nullable_id},
                             {"hide_from_owner", {{"type", "boolean"}}}}},
                           {"additionalProperties", false}};
  s["raci_matrix"] = {
      {"type", "object"},
      {"properties",
       {{"people",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"id", {{"type", "integer"}}}, {"name", str}, {"business_unit", str}, {"left", {{"type", "boolean"}}}}}}}}},
        {"rows",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"id", {{"type", "integer"}}},
              {"activity", str},
              {"system", nullable_id},
              {"cells", {{"type", "object"}, {"description", "person id -> letters, e.g. \"A/R\""},
                         {"additionalProperties", str}}}}}}}}}}}};
  json::array gap_kinds;
  for (auto n : domain::EnumNames<domain::RaciGapKind>()) gap_kinds.emplace_back(n);
  s["webhook"] = {{"type", "object"},
                  {"properties",
                   {{"id", {{"type", "integer"}}},
                    {"url", str},
                    {"events", {{"type", "array"}, {"items", str}}},
                    {"active", {{"type", "boolean"}}},
                    {"created_at", str},
                    {"created_by", str},
                    {"secret", {{"type", "string"}, {"description", "hex HMAC-SHA256 key; only in the answer to POST"}}}}}};
  s["webhooks"] = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/webhook"}}}};
  s["webhook_new"] = {{"type", "object"},
                      {"required", json::array{"url"}},
                      {"properties",
                       {{"url", {{"type", "string"}, {"description", "http://host:port/path"}}},
                        {"events", {{"description", "event kinds, a list or comma-separated; all when absent"}}}}}};
  s["webhook_deliveries"] = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"properties",
         {{"id", {{"type", "integer"}}},
          {"webhook", {{"type", "integer"}}},
          {"event", str},
          {"kind", str},
          {"status", {{"type", "string"}, {"enum", json::array{"pending", "delivered", "failed"}}}},
          {"attempts", {{"type", "integer"}}},
          {"queued_at", str},
          {"next_try_at", {{"type", json::array{"string", "null"}}}},
          {"delivered_at", {{"type", json::array{"string", "null"}}}},
          {"last_http_status", {{"type", "integer"}}},
          {"last_error", str},
          {"payload", {{"type", "string"}, {"description", "the JSON body sent"}}}}}}}};
  s["inbox"] = {{"type", "array"},
                {"items",
                 {{"type", "object"},
                  {"properties",
                   {{"kind", {{"type", "string"}, {"enum", json::array{"approval", "review", "evidence", "incident", "training"}}}},
                    {"text", str},
                    {"record", {{"type", "string"}, {"description", "e.g. GATE-3"}}},
                    {"href", {{"type", "string"}, {"description", "the record's page"}}},
                    {"due", {{"type", json::array{"string", "null"}}, {"format", "date"}}},
                    {"overdue", {{"type", "boolean"}}}}}}}};
  s["raci_gaps"] = {{"type", "array"},
                    {"items",
                     {{"type", "object"},
                      {"properties",
                       {{"kind", {{"type", "string"}, {"enum", gap_kinds}}},
                        {"activity", str},
                        {"source", str},
                        {"system", nullable_id},
                        {"entry", nullable_id},
                        {"person", nullable_id},
                        {"record", {{"type", json::array{"string", "null"}}}},
                        {"text", str}}}}}};
  json::array competence_states;
  for (auto n : domain::EnumNames<domain::CompetenceState>()) competence_states.emplace_back(n);
  json::object competence_check = {
      {"state", {{"type", "string"}, {"enum", competence_states}}},
      {"completed_on", {{"type", json::array{"string", "null"}}, {"format", "date"}}},
      {"expires_on", {{"type", json::array{"string", "null"}}, {"format", "date"}, {"description", "its last valid day"}}},
      {"training", {{"type", json::array{"string", "null"}}, {"description", "the completion counted, TRN-n"}}}};
  json::object overseer_course = competence_check;
  overseer_course["course"] = {{"type", "integer"}};
  overseer_course["id"] = str;
  s["oversight_view"] = {
      {"type", "object"},
      {"properties",
       {{"system", {{"type", "integer"}}},
        {"id", str},
        {"name", str},
        {"mode", str},
        {"arrangement", {{"type", json::array{"string", "null"}}, {"description", "OVS-n"}}},
        {"ok", {{"type", "boolean"}, {"description", "overseers named, present and trained"}}},
        {"gaps", {{"type", "array"}, {"items", str}}},
        {"warnings", {{"type", "array"}, {"items", str}}},
        {"overseers",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"person", {{"type", "integer"}}},
              {"id", str},
              {"name", str},
              {"left", {{"type", "boolean"}}},
              {"powers", {{"type", "array"}, {"items", {{"type", "string"}, {"enum", json::array{"stop", "override", "escalation"}}}}}},
              {"courses", {{"type", "array"}, {"items", {{"type", "object"}, {"properties", overseer_course}}}}}}}}}}}}}};
  s["oversight_review"] = {{"type", "array"}, {"items", {{"$ref", "#/components/schemas/oversight_view"}}}};
  json::object required_course = competence_check;
  required_course["course"] = {{"type", "integer"}};
  required_course["id"] = str;
  required_course["title"] = str;
  required_course["because"] = {{"type", "array"}, {"items", str}};
  s["competence_register"] = {
      {"type", "array"},
      {"items",
       {{"type", "object"},
        {"properties",
         {{"person", {{"type", "integer"}}},
          {"id", str},
          {"name", str},
          {"competent", {{"type", "boolean"}}},
          {"courses", {{"type", "array"}, {"items", {{"type", "object"}, {"properties", required_course}}}}}}}}}};
  s["incident_clock_view"] = {{"type", "object"},
                              {"properties", {{"clock", {{"description", "the clock, or null when not serious"}}}}}};
  s["gate_policy_view"] = {{"type", "object"},
                           {"properties",
                            {{"policy", {{"description", "the stored gate policy record, or null"}}},
                             {"builtin", {{"type", "boolean"}}},
                             {"rules", str}}}};
  s["risk_library"] = {
      {"type", "object"},
      {"description", "the seed risks a new risk can start from (catalogs/library/ai-risks.yaml)"},
      {"properties",
       {{"id", str},
        {"revision", {{"type", "integer"}}},
        {"title", str},
        {"source", str},
        {"licence", str},
        {"items",
         {{"type", "array"},
          {"items",
           {{"type", "object"},
            {"properties",
             {{"id", str},
              {"title", str},
              {"description", str},
              {"source", {{"type", "string"}, {"description", "ISO/IEC 42001 Annex C risk source, e.g. iso42001:C.3.4"}}},
              {"objectives", strings},
              {"controls", {{"type", "array"}, {"items", str}, {"description", "Annex A controls that usually treat it"}}},
              {"likelihood", {{"type", "integer"}}},
              {"impact", {{"type", "integer"}}},
              {"treatment", str},
              {"treatment_plan", str}}}}}}}}}};
  s["uploaded_file"] = {{"type", "object"},
                        {"properties", {{"sha256", {{"type", "string"}}}, {"size_bytes", {{"type", "integer"}}}}}};
  s["login"] = {{"type", "object"},
                {"required", json::array{"email", "password"}},
                {"properties", {{"email", {{"type", "string"}}}, {"password", {{"type", "string"}}}}},
                {"additionalProperties", false}};
  s["principal"] = {{"type", "object"},
                    {"properties",
                     {{"email", {{"type", "string"}}},
                      {"role", {{"type", "string"}}},
                      {"person", {{"type", json::array{"integer", "null"}}}},
                      {"permissions", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
  s["session"] = {{"type", "object"},
                  {"properties",
                   {{"user", Ref("principal")},
                    {"csrf_token", {{"type", "string"}, {"description", "send as X-CSRF-Token on every write"}}},
                    {"expires_at", {{"type", "string"}, {"format", "date-time"}}}}}};
  s["tree_head"] = {{"type", "object"},
                    {"properties",
                     {{"size", {{"type", "integer"}}},
                      {"time", {{"type", "string"}, {"format", "date-time"}}},
                      {"root", {{"type", "string"}}},
                      {"signature", {{"type", "string"}}},
                      {"public_key", {{"type", "string"}}},
                      {"signature_valid", {{"type", "boolean"}}}}}};
  s["inclusion_proof"] = {{"type", "object"},
                          {"properties",
                           {{"seq", {{"type", "integer"}}},
                            {"leaf_index", {{"type", "integer"}}},
                            {"tree_size", {{"type", "integer"}}},
                            {"leaf_hash", {{"type", "string"}}},
                            {"root", {{"type", "string"}}},
                            {"path", {{"type", "array"}, {"items", {{"type", "string"}}}}},
                            {"verified", {{"type", "boolean"}}},
                            {"matches_signed_head", {{"type", "boolean"}}},
                            {"entry", {{"type", "object"}}}}}};
  s["verify_report"] = {{"type", "object"},
                        {"properties",
                         {{"ok", {{"type", "boolean"}}},
                          {"entries", {{"type", "integer"}}},
                          {"problems",
                           {{"type", "array"},
                            {"items",
                             {{"type", "object"},
                              {"properties", {{"where", {{"type", "string"}}}, {"what", {{"type", "string"}}}}}}}}}}}};
  return s;
}

json::object Content(const std::string& schema) {
  if (schema == "binary") return {{"application/octet-stream", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}};
  if (schema == "text") return {{"text/plain", {{"schema", {{"type", "string"}}}}}};
  if (schema == "svg") return {{"image/svg+xml", {{"schema", {{"type", "string"}}}}}};
  if (schema == "openapi") return {{"application/json", {{"schema", {{"type", "object"}}}}}};
  return {{"application/json", {{"schema", Ref(schema)}}}};
}

std::string OperationId(const Route& r) {
  std::string id(http::to_string(r.method));
  for (char& c : id) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  bool upper = true;
  for (char c : r.pattern) {
    if (c == '/' || c == '_' || c == '.' || c == '-' || c == '{' || c == '}') {
      upper = true;
      continue;
    }
    id.push_back(upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    upper = false;
  }
  return id;
}

json::object Problem(std::string_view description) {
  return {{"description", description}, {"content", {{"application/problem+json", {{"schema", Ref("problem")}}}}}};
}

// The record kind whose fields a list route filters on, by the route's tag (its plural).
std::vector<domain::Field> FilterFields(const std::string& plural) {
  std::vector<domain::Field> out;
  domain::ForEachRecordType([&]<class T>() {
    if (domain::Info(T::kKind).plural == plural) out = domain::FieldsOf<T>();
  });
  return out;
}

json::object Operation(const Route& r) {
  json::object op;
  op["operationId"] = OperationId(r);
  op["summary"] = r.doc.summary;
  op["tags"] = json::array{r.doc.tag};
  if (r.access.kind == Access::Kind::kPublic) {
    op["security"] = json::array{};
  } else if (r.access.kind == Access::Kind::kPermission) {
    std::string needs = "Needs the permission `" + std::string(domain::PermissionName(r.access.permission)) + "`";
    if (r.access.own_permission) {
      needs += ", or `" + std::string(domain::PermissionName(*r.access.own_permission)) + "` for records you own";
    }
    op["description"] = needs + ".";
  }
  json::array params;
  size_t pos = 0;
  while ((pos = r.pattern.find('{', pos)) != std::string::npos) {
    size_t end = r.pattern.find('}', pos);
    std::string name = r.pattern.substr(pos + 1, end - pos - 1);
    params.push_back({{"name", name}, {"in", "path"}, {"required", true}, {"schema", {{"type", "integer"}, {"minimum", 1}}}});
    pos = end;
  }
  if (r.doc.paginated) {
    params.push_back({{"name", "q"}, {"in", "query"}, {"description", "case-insensitive text search over listed fields"},
                      {"schema", {{"type", "string"}}}});
    params.push_back({{"name", "sort"}, {"in", "query"},
                      {"description", "a field, id, created_at or updated_at; prefix - for descending"},
                      {"schema", {{"type", "string"}}}});
    params.push_back({{"name", "limit"}, {"in", "query"},
                      {"schema", {{"type", "integer"}, {"minimum", 1}, {"maximum", 500}, {"default", 50}}}});
    params.push_back({{"name", "cursor"}, {"in", "query"}, {"description", "next_cursor of the previous page"},
                      {"schema", {{"type", "string"}}}});
    params.push_back({{"name", "include_retired"}, {"in", "query"}, {"schema", {{"type", "boolean"}, {"default", false}}}});
    for (const auto& f : FilterFields(r.doc.tag)) {
      params.push_back({{"name", f.name}, {"in", "query"}, {"description", "only records whose " + std::string(f.name) +
                                                                            " equals (or, for a list, holds) this value"},
                        {"schema", {{"type", "string"}}}});
    }
    for (const auto& f : FilterFields(r.doc.tag)) {
      if (f.kind != domain::FieldKind::kDate) continue;
      params.push_back({{"name", std::string(f.name) + "_before"},
                        {"in", "query"},
                        {"description", "only records whose " + std::string(f.name) +
                                            " is set and earlier than this date (e.g. today: the overdue ones)"},
                        {"schema", {{"type", "string"}, {"format", "date"}}}});
    }
  }
  for (const auto& q : r.doc.query) params.push_back({{"name", q}, {"in", "query"}, {"schema", {{"type", "integer"}}}});
  bool writes = r.method == http::verb::patch || r.method == http::verb::delete_;
  if (r.doc.versioned && writes) {
    params.push_back({{"name", "If-Match"}, {"in", "header"}, {"required", true},
                      {"description", "the ETag of the version being changed"}, {"schema", {{"type", "string"}}}});
  }
  if (!params.empty()) op["parameters"] = std::move(params);
  if (!r.doc.request_schema.empty()) {
    op["requestBody"] = {{"required", true}, {"content", Content(r.doc.request_schema)}};
  }
  json::object responses;
  json::object ok{{"description", "success"}};
  if (!r.doc.response_schema.empty()) ok["content"] = Content(r.doc.response_schema);
  if (r.doc.versioned) ok["headers"] = {{"ETag", {{"description", "the record's version"}, {"schema", {{"type", "string"}}}}}};
  responses[std::to_string(r.doc.success)] = std::move(ok);
  responses["400"] = Problem("malformed request");
  if (r.access.kind != Access::Kind::kPublic) {
    responses["401"] = Problem("not signed in");
    responses["403"] = Problem("the role does not allow this");
  }
  if (r.pattern.find('{') != std::string::npos) responses["404"] = Problem("no such record");
  if (!r.doc.request_schema.empty()) responses["422"] = Problem("a field's value is not acceptable");
  if (r.method == http::verb::post && r.doc.request_schema != "binary") responses["409"] = Problem("conflicts with the register");
  if (r.doc.request_schema == "binary") responses["413"] = Problem("the file is too large");
  if (r.doc.versioned && writes) {
    responses["412"] = Problem("the record changed since the given version");
    responses["428"] = Problem("If-Match is required");
  }
  op["responses"] = std::move(responses);
  return op;
}

}  // namespace

std::string OpenApiDocument(const Router& router) {
  json::object schemas = FixedSchemas();
  domain::ForEachRecordType([&]<class T>() { AddRecordSchemas<T>(schemas); });
  json::object paths;
  std::set<std::string> tags;
  for (const Route& r : router.routes()) {
    if (r.page) continue;  // HTML pages of the web application are not the API
    json::value& slot = paths[r.pattern];
    if (!slot.is_object()) slot.emplace_object();
    json::object& item = slot.get_object();
    std::string method(http::to_string(r.method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    item[method] = Operation(r);
    tags.insert(r.doc.tag);
  }
  static const std::map<std::string, std::string> kFixedTags = {
      {"operations", "Health, readiness, metrics and this description"},
      {"session", "Signing in and out with a password; the signed-in user"},
      {"ledger", "The tamper-evident ledger: signed head, inclusion proofs, verification"},
      {"inbox", "What waits for the signed-in user, derived from the register"},
      {"webhooks", "Outgoing webhooks for notification events: endpoints and their delivery log (user.admin)"},
      {"concerns", "Concerns anyone may raise without an account (A.3.3), read with a receipt code; handled by "
                   "those with concern.handle"}};
  std::map<std::string, std::string> record_tags;
  domain::ForEachRecordType([&]<class T>() {
    record_tags[std::string(domain::Info(T::kKind).plural)] =
        "Register records: " + std::string(domain::Info(T::kKind).plural) + " (" +
        domain::WithArticle(domain::Info(T::kKind).noun) + " each)";
  });
  json::array tag_list;
  for (const auto& t : tags) {
    auto fixed = kFixedTags.find(t);
    std::string description = fixed != kFixedTags.end() ? fixed->second : record_tags[t];
    tag_list.push_back(json::object{{"name", t}, {"description", description}});
  }
  json::object doc{
      {"openapi", "3.1.0"},
      {"info",
       {{"title", "aims API"},
        {"version", "1"},
        {"summary", "The governance register of an ISO/IEC 42001 AI management system"}}},
      {"servers", json::array{{{"url", "/"}}}},
      {"tags", std::move(tag_list)},
      {"security", json::array{{{"bearer", json::array{}}}, {{"session", json::array{}}}}},
      {"paths", std::move(paths)},
      {"components",
       {{"schemas", std::move(schemas)},
        {"securitySchemes",
         {{"bearer", {{"type", "http"}, {"scheme", "bearer"}, {"description", "an API token from `aims token create`"}}},
          {"session",
           {{"type", "apiKey"},
            {"in", "cookie"},
            {"name", "aims_session"},
            {"description", "set by POST /api/v1/session; writes also need the X-CSRF-Token header"}}}}}}}};
  return json::serialize(doc) + "\n";
}

}  // namespace aims::api
