// The JSON API through the real binary: `aims serve` on 127.0.0.1, real HTTP, a real SQLite file.
// One server per suite (starting one takes a moment); tests use their own records.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <ctime>

#include <boost/json.hpp>

#include <cctype>
#include <iostream>
#include <memory>
#include <set>
#include <thread>

#include "api/api.h"
#include "support/http_server.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

namespace json = boost::json;

const std::map<std::string, std::string> kFastHash = {{"AIMS_PWHASH_FAST", "1"}};
const std::vector<std::string> kRoles = {"admin", "aims-manager", "system-owner", "risk-owner", "approver", "auditor",
                                         "viewer"};

// The token `aims token create` printed ("aims_" and hex digits), or "" if there is none.
std::string TokenIn(const std::string& out) {
  size_t at = out.find("aims_");
  if (at == std::string::npos) return "";
  size_t end = at + 5;
  while (end < out.size() && std::isxdigit(static_cast<unsigned char>(out[end]))) ++end;
  return end - at >= 25 ? out.substr(at, end - at) : "";
}

// "/api/v1/systems/{id}/history" -> "/api/v1/systems/1/history".
std::string WithIds(const std::string& pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      out += "1";
      i = pattern.find('}', i);
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

json::value Json(const HttpResponse& r) {
  boost::system::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec) ADD_FAILURE() << "not JSON (" << r.status << "): " << r.body;
  return v;
}

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    data_ = dir_->Sub("data");
    auto init = RunAims({"--data", data_, "init", "--org", "Test Org"});
    ASSERT_EQ(init.exit_code, 0) << init.err;
    auto person = RunAims({"--data", data_, "person", "add", "--name", "Olive Owner", "--email", "olive@example.org"});
    ASSERT_EQ(person.exit_code, 0) << person.err;
    auto approver = RunAims({"--data", data_, "person", "add", "--name", "Abe Approver", "--email", "abe@example.org"});
    ASSERT_EQ(approver.exit_code, 0) << approver.err;
    for (const auto& role : kRoles) {
      std::vector<std::string> args = {"--data", data_, "user", "add", "--email", role + "@example.org", "--role", role};
      if (role == "system-owner") args.insert(args.end(), {"--person", "PER-1"});
      if (role == "approver") args.insert(args.end(), {"--person", "PER-2"});
      auto added = RunAims(args, "correct horse battery staple\n", kFastHash);
      ASSERT_EQ(added.exit_code, 0) << added.err;
      auto token = RunAims({"--data", data_, "token", "create", "--user", role + "@example.org"}, "", kFastHash);
      ASSERT_EQ(token.exit_code, 0) << token.err;
      std::string t = TokenIn(token.out);
      ASSERT_FALSE(t.empty()) << token.out;
      (*tokens_)[role] = t;
    }
    server_ = new ServerProcess(data_, {"--quiet"}, kFastHash);
  }
  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "server log:\n" << server_->log() << std::endl;
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
    server_ = nullptr;
    dir_ = nullptr;
  }

  static HttpResponse As(const std::string& role, const std::string& method, const std::string& target,
                         const std::string& body = "", std::map<std::string, std::string> headers = {}) {
    if (!role.empty()) headers["Authorization"] = "Bearer " + tokens_->at(role);
    return server_->client().Send(method, target, body, headers);
  }

  static TempDir* dir_;
  static std::string data_;
  static std::map<std::string, std::string>* tokens_;
  static ServerProcess* server_;
};

TempDir* ApiTest::dir_ = nullptr;
std::string ApiTest::data_;
std::map<std::string, std::string>* ApiTest::tokens_ = new std::map<std::string, std::string>();
ServerProcess* ApiTest::server_ = nullptr;

TEST_F(ApiTest, HealthReadinessAndMetrics) {
  auto health = As("", "GET", "/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
  EXPECT_FALSE(health.Header("X-Request-Id").empty());
  EXPECT_EQ(As("", "GET", "/readyz").status, 200);
  As("viewer", "GET", "/api/v1/systems");
  auto metrics = As("", "GET", "/metrics");
  EXPECT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("aims_http_requests_total{route=\"GET /api/v1/systems\",status=\"200\"}"),
            std::string::npos) << metrics.body;
  EXPECT_NE(metrics.body.find("aims_http_request_duration_seconds_bucket{route=\"GET /healthz\",status=\"200\",le=\"+Inf\"}"),
            std::string::npos);
}

TEST_F(ApiTest, CreateReadUpdateRetireWithOptimisticConcurrency) {
  auto created = As("aims-manager", "POST", "/api/v1/systems",
                    R"({"name": "Credit scorer", "purpose": "Scores loan applications", "ai_act_tier": "high"})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::value sys = Json(created);
  int64_t id = sys.at("id").as_int64();
  EXPECT_EQ(created.Header("ETag"), "\"1\"");
  EXPECT_EQ(created.Header("Location"), "/api/v1/systems/" + std::to_string(id));
  std::string path = "/api/v1/systems/" + std::to_string(id);

  auto read = As("viewer", "GET", path);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(Json(read).at("name").as_string(), "Credit scorer");

  auto no_if_match = As("aims-manager", "PATCH", path, R"({"business_unit": "Lending"})");
  EXPECT_EQ(no_if_match.status, 428) << no_if_match.body;
  auto v2 = As("aims-manager", "PATCH", path, R"({"business_unit": "Lending"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(v2.status, 200) << v2.body;
  EXPECT_EQ(v2.Header("ETag"), "\"2\"");
  EXPECT_EQ(Json(v2).at("business_unit").as_string(), "Lending");
  EXPECT_EQ(Json(v2).at("purpose").as_string(), "Scores loan applications");  // untouched fields stay

  // A write based on version 1 is stale now: refused, nothing changes.
  auto stale = As("aims-manager", "PATCH", path, R"({"business_unit": "Retail"})", {{"If-Match", "\"1\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  EXPECT_EQ(Json(stale).at("type").as_string(), "https://aims.invalid/problems/stale-version");
  EXPECT_EQ(Json(As("viewer", "GET", path)).at("business_unit").as_string(), "Lending");

  auto retired = As("aims-manager", "DELETE", path, "", {{"If-Match", "\"2\""}});
  ASSERT_EQ(retired.status, 200) << retired.body;
  EXPECT_FALSE(Json(retired).at("retired_at").is_null());

  auto history = As("auditor", "GET", path + "/history");
  ASSERT_EQ(history.status, 200) << history.body;
  auto items = Json(history).at("items").as_array();
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].at("action").as_string(), "create");
  EXPECT_EQ(items[0].at("actor").as_string(), "user:aims-manager@example.org");
  EXPECT_EQ(items[2].at("action").as_string(), "retire");
}

TEST_F(ApiTest, ListsFilterSortAndPageWithACursor) {
  for (int i = 0; i < 7; ++i) {
    std::string body = "{\"name\": \"Pager " + std::to_string(i) + "\", \"purpose\": \"p\", \"business_unit\": \"" +
                       (i % 2 ? "odd" : "even") + "\"}";
    ASSERT_EQ(As("admin", "POST", "/api/v1/systems", body).status, 201);
  }
  std::vector<std::string> names;
  std::string target = "/api/v1/systems?q=pager&sort=-name&limit=3";
  int pages = 0;
  while (true) {
    auto page = As("viewer", "GET", target);
    ASSERT_EQ(page.status, 200) << page.body;
    json::value v = Json(page);
    for (const auto& item : v.at("items").as_array()) names.emplace_back(item.at("name").as_string());
    ++pages;
    if (v.at("next_cursor").is_null()) break;
    EXPECT_NE(page.Header("Link").find("rel=\"next\""), std::string::npos);
    target = "/api/v1/systems?q=pager&sort=-name&limit=3&cursor=" + std::string(v.at("next_cursor").as_string());
  }
  EXPECT_EQ(pages, 3);
  ASSERT_EQ(names.size(), 7u);
  for (int i = 0; i < 7; ++i) EXPECT_EQ(names[static_cast<size_t>(i)], "Pager " + std::to_string(6 - i));

  auto odd = Json(As("viewer", "GET", "/api/v1/systems?business_unit=odd&q=pager"));
  EXPECT_EQ(odd.at("items").as_array().size(), 3u);
  EXPECT_EQ(As("viewer", "GET", "/api/v1/systems?cursor=garbage").status, 422);
  EXPECT_EQ(As("viewer", "GET", "/api/v1/systems?sort=nonsense").status, 422);
  EXPECT_EQ(As("viewer", "GET", "/api/v1/systems?colour=red").status, 422);
  EXPECT_EQ(As("viewer", "GET", "/api/v1/systems?limit=0").status, 422);
}

TEST_F(ApiTest, BadInputIsAProblemAndWritesNothing) {
  auto before = Json(As("auditor", "GET", "/api/v1/ledger/head")).at("size").as_int64();
  auto malformed = As("admin", "POST", "/api/v1/systems", "{\"name\": ");
  EXPECT_EQ(malformed.status, 400) << malformed.body;
  EXPECT_EQ(malformed.Header("Content-Type"), "application/problem+json");
  auto wrong_type = As("admin", "POST", "/api/v1/systems", R"({"name": 5, "purpose": "x"})");
  EXPECT_EQ(wrong_type.status, 422);
  EXPECT_EQ(Json(wrong_type).at("field").as_string(), "/name");
  auto unknown = As("admin", "POST", "/api/v1/systems", R"({"name": "a", "purpose": "x", "colour": "red"})");
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(Json(unknown).at("field").as_string(), "/colour");
  auto missing = As("admin", "POST", "/api/v1/systems", R"({"purpose": "x"})");
  EXPECT_EQ(missing.status, 422) << missing.body;
  auto not_json = As("admin", "POST", "/api/v1/systems", "name=a", {{"Content-Type", "text/plain"}});
  EXPECT_EQ(not_json.status, 415);
  std::string huge = "{\"name\": \"" + std::string(2 << 20, 'a') + "\"}";
  auto too_big = As("admin", "POST", "/api/v1/systems", huge);
  EXPECT_EQ(too_big.status, 413);
  EXPECT_EQ(As("admin", "GET", "/api/v1/systems/999999").status, 404);
  EXPECT_EQ(As("admin", "GET", "/api/v1/systems/abc").status, 404);
  EXPECT_EQ(As("admin", "GET", "/api/v1/nothing-here").status, 404);
  EXPECT_EQ(As("admin", "PUT", "/api/v1/systems").status, 405);
  auto after = Json(As("auditor", "GET", "/api/v1/ledger/head")).at("size").as_int64();
  EXPECT_EQ(before, after);
}

TEST_F(ApiTest, HostileTextIsStoredAndReturnedLiterally) {
  const std::string xss = "<script>alert(1)</script>";
  const std::string sql = "x'); DROP TABLE ai_systems; --";
  json::object body{{"name", xss}, {"purpose", sql}};
  auto created = As("admin", "POST", "/api/v1/systems", json::serialize(body));
  ASSERT_EQ(created.status, 201) << created.body;
  auto read = Json(As("viewer", "GET", "/api/v1/systems/" + std::to_string(Json(created).at("id").as_int64())));
  EXPECT_EQ(read.at("name").as_string(), xss);
  EXPECT_EQ(read.at("purpose").as_string(), sql);
  EXPECT_EQ(As("viewer", "GET", "/api/v1/systems").status, 200);  // the table is still there
}

TEST_F(ApiTest, EvidenceFilesGoUpAndComeBackByTheirHash) {
  std::string file = "line one\nline two\n";
  auto up = As("admin", "POST", "/api/v1/evidence/files", file, {{"Content-Type", "application/octet-stream"}});
  ASSERT_EQ(up.status, 201) << up.body;
  std::string sha(Json(up).at("sha256").as_string());
  json::object ev{{"title", "Access review"}, {"sha256", sha}, {"file_name", "review.txt"}, {"media_type", "text/plain"}};
  auto created = As("admin", "POST", "/api/v1/evidence", json::serialize(ev));
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = Json(created).at("id").as_int64();
  EXPECT_EQ(Json(created).at("size_bytes").as_int64(), static_cast<int64_t>(file.size()));
  auto down = As("viewer", "GET", "/api/v1/evidence/" + std::to_string(id) + "/file");
  ASSERT_EQ(down.status, 200);
  EXPECT_EQ(down.body, file);
  EXPECT_EQ(down.Header("Content-Disposition"), "attachment; filename=\"review.txt\"");
  // Only ids name files: a path in the URL reaches nothing.
  EXPECT_EQ(As("viewer", "GET", "/api/v1/evidence/..%2F..%2Fetc%2Fpasswd/file").status, 404);
  EXPECT_EQ(As("viewer", "GET", "/api/v1/evidence/../../etc/passwd/file").status, 404);
  json::object bad{{"title", "Nothing"}, {"sha256", std::string(64, 'a')}};
  EXPECT_EQ(As("admin", "POST", "/api/v1/evidence", json::serialize(bad)).status, 422);
}

TEST_F(ApiTest, SystemOwnersChangeOnlyTheirOwnSystems) {
  auto mine = As("system-owner", "POST", "/api/v1/systems", R"({"name": "Mine", "purpose": "p"})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(Json(mine).at("owner").as_int64(), 1);  // their person, by default
  std::string my_path = "/api/v1/systems/" + std::to_string(Json(mine).at("id").as_int64());
  EXPECT_EQ(As("system-owner", "PATCH", my_path, R"({"purpose": "q"})", {{"If-Match", "\"1\""}}).status, 200);

  auto theirs = As("admin", "POST", "/api/v1/systems", R"({"name": "Theirs", "purpose": "p"})");
  std::string their_path = "/api/v1/systems/" + std::to_string(Json(theirs).at("id").as_int64());
  auto refused = As("system-owner", "PATCH", their_path, R"({"purpose": "q"})", {{"If-Match", "\"1\""}});
  EXPECT_EQ(refused.status, 403) << refused.body;
  // Nor may they give their system away to someone else.
  auto give = As("system-owner", "PATCH", my_path, R"({"owner": null})", {{"If-Match", "\"2\""}});
  EXPECT_EQ(give.status, 403) << give.body;
}

TEST_F(ApiTest, SessionsNeedTheCsrfTokenForWritesAndEndOnLogout) {
  auto login = As("", "POST", "/api/v1/session",
                  R"({"email": "aims-manager@example.org", "password": "correct horse battery staple"})");
  ASSERT_EQ(login.status, 200) << login.body;
  std::string cookie = login.Header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  std::string session = cookie.substr(0, cookie.find(';'));
  std::string csrf(Json(login).at("csrf_token").as_string());

  auto client = server_->client();
  EXPECT_EQ(client.Send("GET", "/api/v1/me", "", {{"Cookie", session}}).status, 200);
  auto forged = client.Send("POST", "/api/v1/systems", R"({"name": "Forged", "purpose": "p"})", {{"Cookie", session}});
  EXPECT_EQ(forged.status, 403) << forged.body;
  auto wrong = client.Send("POST", "/api/v1/systems", R"({"name": "Forged", "purpose": "p"})",
                           {{"Cookie", session}, {"X-CSRF-Token", "nope"}});
  EXPECT_EQ(wrong.status, 403);
  auto ok = client.Send("POST", "/api/v1/systems", R"({"name": "Via session", "purpose": "p"})",
                        {{"Cookie", session}, {"X-CSRF-Token", csrf}});
  EXPECT_EQ(ok.status, 201) << ok.body;

  EXPECT_EQ(client.Send("DELETE", "/api/v1/session", "", {{"Cookie", session}}).status, 204);
  EXPECT_EQ(client.Send("GET", "/api/v1/me", "", {{"Cookie", session}}).status, 401);
}

TEST_F(ApiTest, RepeatedWrongPasswordsAreRefusedForAWhile) {
  int last = 0;
  for (int i = 0; i < 10; ++i) {
    last = As("", "POST", "/api/v1/session", R"({"email": "viewer@example.org", "password": "wrong password!!"})").status;
  }
  EXPECT_EQ(last, 429);
  // Locked even with the right password.
  auto right = As("", "POST", "/api/v1/session", R"({"email": "viewer@example.org", "password": "correct horse battery staple"})");
  EXPECT_EQ(right.status, 429) << right.body;
}

// Every route × every role: no credentials is 401, a role without the permission is 403, and a
// role with it gets past authorisation (whatever the handler then says).
TEST_F(ApiTest, EveryRouteChecksAuthorisationForEveryRole) {
  api::RouteTable table;
  const api::Router& router = table.router();
  std::map<std::string, std::set<std::string>> permissions;
  for (const auto& role : kRoles) {
    json::value me = Json(As(role, "GET", "/api/v1/me"));
    for (const auto& p : me.at("permissions").as_array()) {
      permissions[role].insert(std::string(p.as_string()));
    }
  }
  int checked = 0;
  for (const auto& route : router.routes()) {
    if (route.pattern == "/api/v1/session") continue;  // signing in and out is for everyone
    std::string target = WithIds(route.pattern);
    std::string method(api::http::to_string(route.method));
    std::string body = route.doc.request_schema.empty() ? "" : "{}";
    auto anonymous = As("", method, target, body);
    if (route.access.kind == api::Access::Kind::kPublic) {
      EXPECT_NE(anonymous.status, 401) << route.name();
      continue;
    }
    EXPECT_EQ(anonymous.status, 401) << route.name();
    EXPECT_FALSE(anonymous.Header("WWW-Authenticate").empty()) << route.name();
    if (route.access.kind != api::Access::Kind::kPermission) continue;
    std::string any(domain::PermissionName(route.access.permission));
    std::string own = route.access.own_permission ? std::string(domain::PermissionName(*route.access.own_permission)) : "";
    for (const auto& role : kRoles) {
      bool has_any = permissions[role].count(any) > 0;
      bool has_own = !own.empty() && permissions[role].count(own) > 0;
      if (!has_any && !has_own && route.method != api::http::verb::get) {
        // Writes by a role without the right must be refused before anything happens.
        EXPECT_EQ(As(role, method, target, body).status, 403) << role << " " << route.name();
      } else if (!has_any && !has_own) {
        EXPECT_EQ(As(role, method, target, body).status, 403) << role << " " << route.name();
      } else if (has_any && route.method == api::http::verb::get) {
        int status = As(role, method, target, body).status;
        EXPECT_NE(status, 401) << role << " " << route.name();
        EXPECT_NE(status, 403) << role << " " << route.name();
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 300);
}

TEST_F(ApiTest, TheOpenApiDocumentDescribesEveryRouteTheServerAnswers) {
  api::RouteTable table;
  const api::Router& router = table.router();
  auto doc = As("", "GET", "/api/openapi.json");
  ASSERT_EQ(doc.status, 200);
  json::value v = Json(doc);
  EXPECT_EQ(v.at("openapi").as_string(), "3.1.0");
  const auto& paths = v.at("paths").as_object();
  for (const auto& route : router.routes()) {
    std::string method(api::http::to_string(route.method));
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    ASSERT_TRUE(paths.contains(route.pattern)) << route.pattern;
    EXPECT_TRUE(paths.at(route.pattern).as_object().contains(method)) << route.name();
  }
  // And the server answers nothing outside the document: any other path is 404.
  for (const std::string p : {"/api/v1", "/api/v2/systems", "/admin", "/api/v1/systems/1/secret"}) {
    EXPECT_EQ(As("admin", "GET", p).status, 404) << p;
  }
}

TEST_F(ApiTest, LedgerHeadAndProofsVerify) {
  auto head = As("auditor", "GET", "/api/v1/ledger/head");
  ASSERT_EQ(head.status, 200) << head.body;
  EXPECT_TRUE(Json(head).at("signature_valid").as_bool());
  auto proof = As("auditor", "GET", "/api/v1/ledger/proofs/1");
  ASSERT_EQ(proof.status, 200) << proof.body;
  EXPECT_TRUE(Json(proof).at("verified").as_bool());
  auto verify = As("auditor", "GET", "/api/v1/ledger/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(Json(verify).at("ok").as_bool()) << verify.body;
  EXPECT_EQ(As("viewer", "GET", "/api/v1/ledger/head").status, 403);
}

// `aims demo` makes one sign-in per built-in role, and each signs in to the server with its role.
TEST_F(ApiTest, RiskMethodologyChangesReScoreAndNeedIfMatchOnceStored) {
  auto builtin = As("viewer", "GET", "/api/v1/risk-methodology");
  ASSERT_EQ(builtin.status, 200) << builtin.body;
  EXPECT_TRUE(Json(builtin).at("builtin").as_bool());
  EXPECT_EQ(Json(builtin).at("methodology").at("appetite").as_string(), "medium");
  auto risk = As("admin", "POST", "/api/v1/risks", R"({"title": "Methodology probe", "likelihood": 2, "impact": 3})");
  ASSERT_EQ(risk.status, 201) << risk.body;
  EXPECT_EQ(As("risk-owner", "PUT", "/api/v1/risk-methodology", R"({"appetite": "low"})",
               {{"Content-Type", "application/json"}}).status, 403);
  auto set = As("aims-manager", "PUT", "/api/v1/risk-methodology", R"({"name": "Test 5x5", "appetite": "low"})",
                {{"Content-Type", "application/json"}});
  ASSERT_EQ(set.status, 200) << set.body;
  json::value v = Json(set);
  EXPECT_FALSE(v.at("builtin").as_bool());
  EXPECT_GE(v.at("levels").at("above_appetite").as_int64(), 1);  // the 2x3 probe (medium) is above "low" now
  EXPECT_NE(std::string(v.at("methodology").at("last_rescore").as_string()).find("live risks re-scored"), std::string::npos);
  // Stored now: changing it again needs If-Match, and a stale one is refused.
  auto no_match = As("aims-manager", "PUT", "/api/v1/risk-methodology", R"({"appetite": "medium"})",
                     {{"Content-Type", "application/json"}});
  EXPECT_EQ(no_match.status, 428) << no_match.body;
  auto stale = As("aims-manager", "PUT", "/api/v1/risk-methodology", R"({"appetite": "medium"})",
                  {{"Content-Type", "application/json"}, {"If-Match", "\"7\""}});
  EXPECT_EQ(stale.status, 412) << stale.body;
  auto bad = As("aims-manager", "PUT", "/api/v1/risk-methodology", R"({"appetite": "tolerable"})",
                {{"Content-Type", "application/json"}, {"If-Match", set.Header("ETag")}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Json(bad).at("field").as_string(), "appetite");
  auto back = As("aims-manager", "PUT", "/api/v1/risk-methodology", R"({"appetite": "medium"})",
                 {{"Content-Type", "application/json"}, {"If-Match", set.Header("ETag")}});
  EXPECT_EQ(back.status, 200) << back.body;
  // The methodology is changed as a whole: the generic PATCH is refused.
  std::string id = std::to_string(Json(back).at("methodology").at("id").as_int64());
  auto patch = As("admin", "PATCH", "/api/v1/risk_methodologies/" + id, R"({"appetite": "high"})",
                  {{"If-Match", back.Header("ETag")}, {"Content-Type", "application/json"}});
  EXPECT_EQ(patch.status, 409) << patch.body;
}

TEST_F(ApiTest, AcceptingARiskAboveAppetiteTakesAnApproverWhoIsNotItsOwner) {
  auto risk = As("admin", "POST", "/api/v1/risks",
                 R"({"title": "Rubber-stamping", "likelihood": 5, "impact": 5, "owner": 2, "accepted_by": 2})");
  ASSERT_EQ(risk.status, 201) << risk.body;
  EXPECT_TRUE(Json(risk).at("accepted_by").is_null());  // managed: not set by a client
  std::string path = "/api/v1/risks/" + std::to_string(Json(risk).at("id").as_int64());
  auto by_hand = As("admin", "PATCH", path, R"({"status": "accepted"})", {{"If-Match", "\"1\""}});
  EXPECT_EQ(by_hand.status, 409) << by_hand.body;
  EXPECT_EQ(Json(by_hand).at("field").as_string(), "status");
  // The approver owns this one: refused. Then another risk owned by someone else: accepted.
  auto own = As("approver", "POST", path + "/accept", R"({"note": "fine"})",
                {{"If-Match", "\"1\""}, {"Content-Type", "application/json"}});
  EXPECT_EQ(own.status, 403) << own.body;
  auto other = As("admin", "POST", "/api/v1/risks", R"({"title": "Vendor drift", "likelihood": 5, "impact": 4, "owner": 1})");
  std::string other_path = "/api/v1/risks/" + std::to_string(Json(other).at("id").as_int64());
  EXPECT_EQ(As("system-owner", "POST", other_path + "/accept", R"({"note": "x"})",
               {{"If-Match", "\"1\""}, {"Content-Type", "application/json"}}).status, 403);
  auto accepted = As("approver", "POST", other_path + "/accept", R"({"note": "Contract penalties cover it"})",
                     {{"If-Match", "\"1\""}, {"Content-Type", "application/json"}});
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(Json(accepted).at("status").as_string(), "accepted");
  EXPECT_EQ(Json(accepted).at("accepted_by").as_int64(), 2);
  EXPECT_EQ(accepted.Header("ETag"), "\"2\"");
}

TEST_F(ApiTest, ARiskStartsFromASeedOfTheLibrary) {
  auto library = As("viewer", "GET", "/api/v1/risk-library");
  ASSERT_EQ(library.status, 200) << library.body;
  auto library_json = Json(library);
  const auto& items = library_json.at("items").as_array();
  ASSERT_GE(items.size(), 8u);
  EXPECT_EQ(items[0].at("id").as_string(), "bias");
  EXPECT_EQ(items[0].at("source").as_string(), "iso42001:C.3.4");

  auto control = As("admin", "POST", "/api/v1/controls",
                    R"({"code": "CTL-OVERSIGHT", "title": "Reviewer training", "requirements": ["iso42001:A.4.6"]})");
  ASSERT_EQ(control.status, 201) << control.body;
  int64_t control_id = Json(control).at("id").as_int64();
  EXPECT_EQ(As("viewer", "POST", "/api/v1/risk-library/over-reliance/risks", "{}",
               {{"Content-Type", "application/json"}}).status, 403);
  int64_t ledger_before = Json(As("admin", "GET", "/api/v1/ledger/head")).at("size").as_int64();
  auto unknown = As("admin", "POST", "/api/v1/risk-library/asteroids/risks", "{}", {{"Content-Type", "application/json"}});
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  EXPECT_NE(unknown.body.find("over-reliance"), std::string::npos) << unknown.body;
  auto bad = As("admin", "POST", "/api/v1/risk-library/over-reliance/risks", R"({"likelihood": "often"})",
                {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Json(As("admin", "GET", "/api/v1/ledger/head")).at("size").as_int64(), ledger_before);

  auto created = As("admin", "POST", "/api/v1/risk-library/over-reliance/risks", R"({"impact": 5, "owner": 1})",
                    {{"Content-Type", "application/json"}});
  ASSERT_EQ(created.status, 201) << created.body;
  auto risk = Json(created);
  EXPECT_EQ(risk.at("title").as_string(), "Over-reliance on automation (automation bias)");
  EXPECT_EQ(risk.at("source").as_string(), "iso42001:C.3.3");
  EXPECT_EQ(risk.at("likelihood").as_int64(), 4);  // the seed's suggestion
  EXPECT_EQ(risk.at("impact").as_int64(), 5);      // the body's value wins
  EXPECT_EQ(risk.at("treatment").as_string(), "modify");
  // Linked: the new control, and the Annex A controls the register was initialised with.
  const auto& linked = risk.at("controls").as_array();
  EXPECT_NE(std::find(linked.begin(), linked.end(), json::value(control_id)), linked.end()) << created.body;
  EXPECT_EQ(linked.size(), 5u) << created.body;  // the seed names A.9.2, A.9.3, A.4.6, A.6.2.6
  EXPECT_EQ(created.Header("Location"), "/api/v1/risks/" + std::to_string(risk.at("id").as_int64()));
  // The risk is an ordinary one from then on.
  EXPECT_EQ(As("viewer", "GET", created.Header("Location")).status, 200);
}

// Any date field filters with <field>_before: the overdue reviews or treatments as of a day.
TEST_F(ApiTest, DateFieldsFilterWithBeforeForOverdueRecords) {
  auto late = As("admin", "POST", "/api/v1/risks",
                 R"({"title": "Overdue review", "likelihood": 1, "impact": 1, "review_date": "2021-01-05"})");
  ASSERT_EQ(late.status, 201) << late.body;
  auto later = As("admin", "POST", "/api/v1/risks",
                  R"({"title": "Review next decade", "likelihood": 1, "impact": 1, "review_date": "2035-01-05"})");
  ASSERT_EQ(later.status, 201) << later.body;
  auto found = As("viewer", "GET", "/api/v1/risks?review_date_before=2026-01-01&limit=500");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_NE(found.body.find("Overdue review"), std::string::npos);
  EXPECT_EQ(found.body.find("Review next decade"), std::string::npos);
  json::value found_json = Json(found);
  for (const auto& item : found_json.at("items").as_array()) {
    EXPECT_LT(std::string(item.at("review_date").as_string()), "2026-01-01");
  }
  auto bad = As("viewer", "GET", "/api/v1/risks?review_date_before=soon");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Json(bad).at("field").as_string(), "review_date_before");
  EXPECT_EQ(As("viewer", "GET", "/api/v1/risks?title_before=x").status, 422);  // not a date field
}

TEST_F(ApiTest, AiActClassificationStatelessAndStoredWithObligations) {
  auto result = As("viewer", "POST", "/api/v1/aiact/classify", R"j({"role": "provider", "annex_iii": "4(a)"})j",
                   {{"Content-Type", "application/json"}});
  ASSERT_EQ(result.status, 200) << result.body;
  EXPECT_EQ(Json(result).at("tier").as_string(), "high");
  auto bad = As("viewer", "POST", "/api/v1/aiact/classify", R"j({"role": "provider", "annex_iii": "4(z)"})j",
                {{"Content-Type", "application/json"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(Json(bad).at("field").as_string(), "annex_iii");
  auto unknown = As("viewer", "POST", "/api/v1/aiact/classify", R"({"role": "provider", "riskiness": 3})",
                    {{"Content-Type", "application/json"}});
  EXPECT_EQ(unknown.status, 422) << unknown.body;

  auto mine = As("system-owner", "POST", "/api/v1/systems", R"({"name": "CV ranker", "purpose": "rank CVs"})");
  ASSERT_EQ(mine.status, 201) << mine.body;
  std::string id = std::to_string(Json(mine).at("id").as_int64());
  std::string answers = R"j({"role": "deployer", "annex_iii": "4(a)"})j";
  auto stored = As("system-owner", "POST", "/api/v1/systems/" + id + "/classify", answers,
                   {{"Content-Type", "application/json"}});
  ASSERT_EQ(stored.status, 201) << stored.body;
  EXPECT_EQ(Json(stored).at("assessment").at("tier").as_string(), "high");
  EXPECT_GT(Json(stored).at("obligations_added").as_int64(), 3);
  auto again = As("system-owner", "POST", "/api/v1/systems/" + id + "/classify", answers,
                  {{"Content-Type", "application/json"}});
  EXPECT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(Json(again).at("unchanged").as_bool());
  auto system = Json(As("viewer", "GET", "/api/v1/systems/" + id));
  EXPECT_EQ(system.at("ai_act_tier").as_string(), "high");
  EXPECT_EQ(system.at("ai_act_role").as_string(), "deployer");
  auto obligations = Json(As("viewer", "GET", "/api/v1/obligations?system=" + id + "&limit=100"));
  std::set<std::string> articles;
  for (const auto& o : obligations.at("items").as_array()) articles.insert(std::string(o.at("article").as_string()));
  EXPECT_TRUE(articles.count("Art. 26(1)")) << json::serialize(obligations);
  // Someone else's system, and classifications by hand, are refused.
  auto theirs = As("admin", "POST", "/api/v1/systems", R"({"name": "Not theirs", "purpose": "p"})");
  std::string their_id = std::to_string(Json(theirs).at("id").as_int64());
  EXPECT_EQ(As("system-owner", "POST", "/api/v1/systems/" + their_id + "/classify", answers,
               {{"Content-Type", "application/json"}}).status, 403);
  auto by_hand = As("admin", "POST", "/api/v1/aiact_assessments", R"({"system": 1, "tier": "minimal"})");
  EXPECT_EQ(by_hand.status, 409) << by_hand.body;
}

TEST_F(ApiTest, ImpactAssessmentIsApprovedByAnotherAndThenFrozen) {
  auto mine = As("system-owner", "POST", "/api/v1/systems", R"({"name": "Triage helper", "purpose": "p"})");
  std::string system = std::to_string(Json(mine).at("id").as_int64());
  auto draft = As("system-owner", "POST", "/api/v1/impact_assessments",
                  R"({"system": )" + system + R"(, "intended_uses": "Order the queue", "affected_parties": ["patients"], "status": "approved"})");
  ASSERT_EQ(draft.status, 201) << draft.body;
  json::value d = Json(draft);
  EXPECT_EQ(d.at("status").as_string(), "draft");  // managed: a client cannot create it approved
  EXPECT_EQ(d.at("version").as_int64(), 1);
  EXPECT_EQ(d.at("drafted_by").as_int64(), 1);
  std::string path = "/api/v1/impact_assessments/" + std::to_string(d.at("id").as_int64());
  auto harm = As("system-owner", "POST", "/api/v1/impacts",
                 R"({"assessment": )" + std::to_string(d.at("id").as_int64()) + R"(, "description": "Urgent cases wait", "severity": 5})");
  ASSERT_EQ(harm.status, 201) << harm.body;
  EXPECT_EQ(As("system-owner", "POST", path + "/approve", "", {{"If-Match", "\"1\""}}).status, 403);
  auto approved = As("approver", "POST", path + "/approve", "", {{"If-Match", "\"1\""}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Json(approved).at("status").as_string(), "approved");
  EXPECT_EQ(Json(approved).at("approved_by").as_int64(), 2);
  auto edit = As("admin", "PATCH", path, R"({"benefits": "late"})", {{"If-Match", approved.Header("ETag")}});
  EXPECT_EQ(edit.status, 409) << edit.body;
  auto late_harm = As("admin", "POST", "/api/v1/impacts",
                      R"({"assessment": )" + std::to_string(d.at("id").as_int64()) + R"(, "description": "late"})");
  EXPECT_EQ(late_harm.status, 409) << late_harm.body;
  auto revised = As("system-owner", "POST", path + "/revise");
  ASSERT_EQ(revised.status, 201) << revised.body;
  EXPECT_EQ(Json(revised).at("version").as_int64(), 2);
  EXPECT_EQ(Json(revised).at("status").as_string(), "draft");
}

TEST_F(ApiTest, LifecycleGatesRefuseUnmetChecklistsAndOpenOnAnotherPersonsApproval) {
  auto created = As("system-owner", "POST", "/api/v1/systems", R"({"name": "Gate keeper", "purpose": "p", "owner": 1})");
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = "/api/v1/systems/" + std::to_string(Json(created).at("id").as_int64());

  // The checklist names what is missing; a request is refused (409) and writes nothing.
  auto gate = As("viewer", "GET", path + "/gate");
  ASSERT_EQ(gate.status, 200) << gate.body;
  json::value g = Json(gate);
  EXPECT_EQ(g.at("to").as_string(), "design");
  EXPECT_FALSE(g.at("met").as_bool());
  EXPECT_TRUE(g.at("pending").is_null());
  std::vector<std::string> unmet;
  for (const auto& item : g.at("checklist").as_array()) {
    if (!item.at("met").as_bool()) unmet.emplace_back(item.at("check").as_string());
  }
  EXPECT_EQ(unmet, std::vector<std::string>{"intended_use"});
  std::string head = As("auditor", "GET", "/api/v1/ledger/head").body;
  auto refused = As("system-owner", "POST", path + "/advance", R"({"to": "design"})");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("the intended use written down (intended_use)"), std::string::npos) << refused.body;
  auto skip = As("system-owner", "POST", path + "/advance", R"({"to": "deployment"})");
  EXPECT_EQ(skip.status, 409) << skip.body;
  EXPECT_EQ(As("system-owner", "POST", path + "/advance", R"({"to": "launch"})").status, 422);
  EXPECT_EQ(As("system-owner", "POST", path + "/advance", R"({"to": "design", "colour": 1})").status, 422);
  EXPECT_EQ(As("viewer", "POST", path + "/advance", R"({"to": "design"})").status, 403);
  auto override = As("system-owner", "POST", path + "/advance", R"({"to": "design", "override": true, "reason": "x"})");
  EXPECT_EQ(override.status, 403) << override.body;
  EXPECT_NE(override.body.find("only an admin can override"), std::string::npos) << override.body;
  EXPECT_EQ(As("auditor", "GET", "/api/v1/ledger/head").body, head);
  // Nor can a plain edit move the stage.
  auto edit = As("system-owner", "PATCH", path, R"({"lifecycle_stage": "design", "intended_use": "Staff only"})",
                 {{"If-Match", created.Header("ETag")}});
  EXPECT_EQ(edit.status, 409) << edit.body;

  auto ready = As("system-owner", "PATCH", path, R"({"intended_use": "Staff only"})", {{"If-Match", created.Header("ETag")}});
  ASSERT_EQ(ready.status, 200) << ready.body;
  auto asked = As("system-owner", "POST", path + "/advance", R"({"to": "design", "reason": "kick-off"})");
  ASSERT_EQ(asked.status, 201) << asked.body;
  json::value a = Json(asked);
  EXPECT_EQ(a.at("status").as_string(), "pending");
  EXPECT_EQ(a.at("requested_by").as_int64(), 1);
  std::string gate_path = "/api/v1/gate_requests/" + std::to_string(a.at("id").as_int64());
  EXPECT_EQ(asked.Header("Location"), gate_path);
  EXPECT_EQ(Json(As("viewer", "GET", path + "/gate?to=design")).at("pending").at("id").as_int64(), a.at("id").as_int64());
  // Gate records are written by aims only.
  EXPECT_EQ(As("admin", "POST", "/api/v1/gate_requests", R"({"system": 1})").status, 422);  // system is managed

  EXPECT_EQ(As("system-owner", "POST", gate_path + "/approve", "", {{"If-Match", "\"1\""}}).status, 403);
  EXPECT_EQ(As("approver", "POST", gate_path + "/approve").status, 428);
  EXPECT_EQ(As("approver", "POST", gate_path + "/refuse", R"({"note": ""})", {{"If-Match", "\"1\""}}).status, 422);
  auto approved = As("approver", "POST", gate_path + "/approve", R"({"note": "ok"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(Json(approved).at("status").as_string(), "opened");
  EXPECT_EQ(Json(approved).at("approved_by").as_array().size(), 1u);
  EXPECT_EQ(Json(As("viewer", "GET", path)).at("lifecycle_stage").as_string(), "design");
  EXPECT_EQ(As("approver", "POST", gate_path + "/approve", "", {{"If-Match", "\"2\""}}).status, 409);  // decided

  auto policy = As("viewer", "GET", "/api/v1/gate-policy");
  ASSERT_EQ(policy.status, 200);
  EXPECT_TRUE(Json(policy).at("builtin").as_bool());
  EXPECT_NE(std::string(Json(policy).at("rules").as_string()).find("design: owner, intended_use"), std::string::npos);
}

TEST_F(ApiTest, IncidentsRunTheirReportingClockAndFeedTheRiskRegister) {
  // A serious incident needs its time of awareness: 422 naming the field, nothing written.
  std::string head = As("auditor", "GET", "/api/v1/ledger/head").body;
  auto missing = As("system-owner", "POST", "/api/v1/incidents",
                    R"({"title": "Wrong refusals", "serious_incident": "death", "owner": 1})");
  EXPECT_EQ(missing.status, 422) << missing.body;
  EXPECT_NE(missing.body.find("aware_at"), std::string::npos) << missing.body;
  auto future = As("system-owner", "POST", "/api/v1/incidents",
                   R"({"title": "Wrong refusals", "aware_at": "2099-01-01T00:00:00Z", "owner": 1})");
  EXPECT_EQ(future.status, 422) << future.body;
  auto not_a_time = As("system-owner", "POST", "/api/v1/incidents", R"({"title": "x", "aware_at": "yesterday"})");
  EXPECT_EQ(not_a_time.status, 422) << not_a_time.body;
  EXPECT_EQ(As("auditor", "GET", "/api/v1/ledger/head").body, head);

  // Aware three days ago, a death: ten days from the day after, so about a week is left.
  auto now = std::chrono::system_clock::now();
  auto iso = [](std::chrono::system_clock::time_point t) {
    std::time_t tt = std::chrono::system_clock::to_time_t(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&tt));
    return std::string(buf);
  };
  std::string aware = iso(now - std::chrono::hours(72));
  auto created = As("system-owner", "POST", "/api/v1/incidents",
                    R"({"title": "Wrong refusals", "serious_incident": "death", "owner": 1, "severity": "critical",
                        "aware_at": ")" + aware + R"("})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::value inc = Json(created);
  std::string path = "/api/v1/incidents/" + std::to_string(inc.at("id").as_int64());
  EXPECT_EQ(std::string(inc.at("aware_at").as_string()).substr(0, 19), aware.substr(0, 19));
  auto clock = As("viewer", "GET", path + "/clock");
  ASSERT_EQ(clock.status, 200) << clock.body;
  json::value c = Json(clock).at("clock");
  EXPECT_EQ(c.at("kind").as_string(), "death");
  EXPECT_EQ(c.at("days").as_int64(), 10);
  EXPECT_EQ(c.at("article").as_string(), "Art. 73(4)");
  EXPECT_EQ(c.at("time_zone").as_string(), "UTC");
  EXPECT_FALSE(c.at("overdue").as_bool());
  EXPECT_GT(c.at("seconds_left").as_int64(), 7 * 86400);
  EXPECT_LE(c.at("seconds_left").as_int64(), 8 * 86400);
  auto clocks = As("viewer", "GET", "/api/v1/incident-clocks");
  ASSERT_EQ(clocks.status, 200) << clocks.body;
  bool listed = false;
  json::value list = Json(clocks);
  for (const auto& item : list.as_array()) listed = listed || item.at("incident") == inc.at("id");
  EXPECT_TRUE(listed) << clocks.body;
  EXPECT_EQ(As("viewer", "GET", "/api/v1/incident-clocks?all=maybe").status, 422);

  // The timeline and communications need If-Match; bad bodies are 422 and write nothing.
  EXPECT_EQ(As("system-owner", "POST", path + "/timeline", R"({"what": "monitor alerted"})").status, 428);
  EXPECT_EQ(As("viewer", "POST", path + "/timeline", R"({"what": "x"})", {{"If-Match", "\"1\""}}).status, 403);
  head = As("auditor", "GET", "/api/v1/ledger/head").body;
  EXPECT_EQ(As("system-owner", "POST", path + "/timeline", R"({"what": ""})", {{"If-Match", "\"1\""}}).status, 422);
  EXPECT_EQ(As("system-owner", "POST", path + "/timeline", R"({"what": "x", "who": "me"})", {{"If-Match", "\"1\""}}).status,
            422);
  EXPECT_EQ(As("system-owner", "POST", path + "/timeline", R"({"what": "x", "at": "soon"})", {{"If-Match", "\"1\""}}).status,
            422);
  EXPECT_EQ(As("auditor", "GET", "/api/v1/ledger/head").body, head);
  auto logged = As("system-owner", "POST", path + "/timeline",
                   R"({"what": "monitor alerted", "at": "2026-01-10T09:00:00Z"})", {{"If-Match", "\"1\""}});
  ASSERT_EQ(logged.status, 200) << logged.body;
  EXPECT_EQ(logged.Header("ETag"), "\"2\"");
  EXPECT_EQ(Json(logged).at("timeline").as_array().at(0).as_string(), "2026-01-10T09:00:00Z: monitor alerted");
  EXPECT_EQ(As("system-owner", "POST", path + "/timeline", R"({"what": "again"})", {{"If-Match", "\"1\""}}).status, 412);
  auto told = As("system-owner", "POST", path + "/communications",
                 R"({"to": "the family", "channel": "letter", "what": "condolences and contact"})", {{"If-Match", "\"2\""}});
  ASSERT_EQ(told.status, 200) << told.body;
  EXPECT_NE(std::string(Json(told).at("communications").as_array().at(0).as_string()).find(": the family (letter): condolences"),
            std::string::npos);

  // Feeding the risk register: a new risk linked both ways (201), then a re-score (200).
  EXPECT_EQ(As("system-owner", "POST", path + "/feed-risk", R"({"likelihood": 3})", {{"If-Match", "\"3\""}}).status, 422);
  EXPECT_EQ(As("system-owner", "POST", path + "/feed-risk", R"({"likelihood": 3, "impact": 6})", {{"If-Match", "\"3\""}}).status,
            422);
  auto raised = As("system-owner", "POST", path + "/feed-risk", R"({"likelihood": 3, "impact": 5})", {{"If-Match", "\"3\""}});
  ASSERT_EQ(raised.status, 201) << raised.body;
  json::value r = Json(raised);
  EXPECT_TRUE(r.at("created").as_bool());
  int64_t risk = r.at("risk").at("id").as_int64();
  EXPECT_EQ(raised.Header("Location"), "/api/v1/risks/" + std::to_string(risk));
  EXPECT_EQ(r.at("incident").at("risks").as_array().at(0).as_int64(), risk);
  EXPECT_EQ(Json(As("viewer", "GET", "/api/v1/risks/" + std::to_string(risk))).at("impact").as_int64(), 5);
  auto rescored = As("system-owner", "POST", path + "/feed-risk",
                     R"({"risk": )" + std::to_string(risk) + R"(, "likelihood": 4, "impact": 5})", {{"If-Match", "\"4\""}});
  ASSERT_EQ(rescored.status, 200) << rescored.body;
  EXPECT_FALSE(Json(rescored).at("created").as_bool());
  EXPECT_EQ(Json(rescored).at("risk").at("likelihood").as_int64(), 4);
}

TEST_F(ApiTest, PoliciesAreApprovedByAnotherAndTheRaciMatrixShowsItsGaps) {
  auto created = As("aims-manager", "POST", "/api/v1/policies",
                    R"({"title": "Responsible AI policy", "version": "1.0", "owner": 1, "review_months": 12,
                        "requirements": ["iso42001:5.2"]})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::value p = Json(created);
  EXPECT_EQ(p.at("status").as_string(), "draft");
  std::string path = "/api/v1/policies/" + std::to_string(p.at("id").as_int64());
  EXPECT_EQ(As("system-owner", "POST", path + "/approve", "", {{"If-Match", "\"1\""}}).status, 403);  // no approve right
  EXPECT_EQ(As("approver", "POST", path + "/approve").status, 428);
  auto approved = As("approver", "POST", path + "/approve", "", {{"If-Match", "\"1\""}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  json::value a = Json(approved);
  EXPECT_EQ(a.at("status").as_string(), "approved");
  EXPECT_EQ(a.at("approved_by").as_int64(), 2);
  EXPECT_FALSE(a.at("next_review").is_null());
  // A new text needs a new version number; with one it is a draft again.
  auto same = As("aims-manager", "PATCH", path, R"({"summary": "wider"})", {{"If-Match", "\"2\""}});
  EXPECT_EQ(same.status, 409) << same.body;
  auto next = As("aims-manager", "PATCH", path, R"({"summary": "wider", "version": "1.1"})", {{"If-Match", "\"2\""}});
  ASSERT_EQ(next.status, 200) << next.body;
  EXPECT_EQ(Json(next).at("status").as_string(), "draft");

  auto row = As("aims-manager", "POST", "/api/v1/responsibilities",
                R"({"activity": "Management review", "accountable": 2, "responsible": [1]})");
  ASSERT_EQ(row.status, 201) << row.body;
  auto again = As("aims-manager", "POST", "/api/v1/responsibilities",
                  R"({"activity": "management review ", "accountable": 1})");
  EXPECT_EQ(again.status, 409) << again.body;
  auto matrix = As("viewer", "GET", "/api/v1/raci/matrix");
  ASSERT_EQ(matrix.status, 200) << matrix.body;
  json::value m = Json(matrix);
  bool found = false;
  for (const auto& r : m.at("rows").as_array()) {
    if (r.at("activity").as_string() != "Management review") continue;
    found = true;
    EXPECT_EQ(r.at("cells").at("2").as_string(), "A");
    EXPECT_EQ(r.at("cells").at("1").as_string(), "R");
  }
  EXPECT_TRUE(found) << matrix.body;
  auto gaps = As("viewer", "GET", "/api/v1/raci/gaps");
  ASSERT_EQ(gaps.status, 200) << gaps.body;
  // The gap texts, as JSON strings (quotes escaped).
  EXPECT_NE(gaps.body.find(R"(no one is accountable for \"Internal audit\" (iso42001:9.2))"), std::string::npos) << gaps.body;
  EXPECT_NE(gaps.body.find(R"(\"AI policy\" (iso42001:5.2))"), std::string::npos) << gaps.body;
  EXPECT_EQ(gaps.body.find(R"(\"Management review\" (iso42001:9.3))"), std::string::npos) << gaps.body;
}

TEST_F(ApiTest, ConcernsAreRaisedReadAndHandledThroughTheApiAndTheCli) {
  // Anyone, no account: the answer holds the receipt code, and nothing else about the report.
  auto filed = As("", "POST", "/api/v1/concerns",
                  R"({"category": "unfair_treatment", "system_named": "the loan robot", "body": "I was refused twice."})",
                  {{"Content-Type", "application/json"}});
  ASSERT_EQ(filed.status, 201) << filed.body;
  std::string code(Json(filed).at("receipt_code").as_string());
  EXPECT_EQ(Json(filed).as_object().size(), 1u);
  auto bad = As("", "POST", "/api/v1/concerns", R"({"category": "rudeness", "body": "x"})");
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(As("", "POST", "/api/v1/concerns", R"({"body": ")" + std::string(10001, 'x') + R"("})").status, 422);

  // The reporter reads and adds with the code, in the body; a forged code opens nothing.
  auto read = As("", "POST", "/api/v1/concerns/receipt", R"({"receipt_code": ")" + code + R"("})");
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(Json(read).at("status").as_string(), "new");
  EXPECT_EQ(Json(read).at("messages").as_array().at(0).at("body").as_string(), "I was refused twice.");
  EXPECT_EQ(read.body.find("system_named"), std::string::npos) << "the reporter view holds only status and messages";
  std::string forged = code;
  forged[0] = forged[0] == 'A' ? 'B' : 'A';
  EXPECT_EQ(As("", "POST", "/api/v1/concerns/receipt", R"({"receipt_code": ")" + forged + R"("})").status, 404);
  auto added = As("", "POST", "/api/v1/concerns/receipt/messages",
                  R"({"receipt_code": ")" + code + R"(", "body": "It happened on 3 March."})");
  ASSERT_EQ(added.status, 201) << added.body;

  // Handlers only: the viewer may not list reports.
  EXPECT_EQ(As("viewer", "GET", "/api/v1/concerns").status, 403);
  auto list = As("aims-manager", "GET", "/api/v1/concerns");
  ASSERT_EQ(list.status, 200) << list.body;
  json::value reports = Json(list);
  ASSERT_FALSE(reports.as_array().empty());
  json::value report = reports.as_array().at(0);
  EXPECT_EQ(report.at("system_named").as_string(), "the loan robot");
  EXPECT_EQ(report.at("messages").as_array().size(), 2u);
  std::string path = "/api/v1/concerns/" + std::to_string(report.at("id").as_int64());
  auto one = As("aims-manager", "GET", path);
  ASSERT_EQ(one.status, 200);
  EXPECT_EQ(As("aims-manager", "POST", path + "/handle", R"({"status": "answered"})").status, 428);
  EXPECT_EQ(As("aims-manager", "POST", path + "/handle", R"({"status": "lost"})", {{"If-Match", one.Header("ETag")}}).status,
            422);
  auto handled = As("aims-manager", "POST", path + "/handle",
                    R"({"status": "answered", "reply": "We are re-assessing your application."})",
                    {{"If-Match", one.Header("ETag")}});
  ASSERT_EQ(handled.status, 200) << handled.body;
  EXPECT_EQ(Json(handled).at("status").as_string(), "answered");
  EXPECT_EQ(As("aims-manager", "POST", path + "/handle", R"({"status": "closed"})", {{"If-Match", one.Header("ETag")}}).status,
            412);
  auto answered = Json(As("", "POST", "/api/v1/concerns/receipt", R"({"receipt_code": ")" + code + R"("})"));
  EXPECT_EQ(answered.at("messages").as_array().at(2).at("author").as_string(), "handler");

  // The CLI sees the same report, by its number or its receipt code.
  auto cli_list = RunAims({"--data", data_, "concern", "list"});
  ASSERT_EQ(cli_list.exit_code, 0) << cli_list.err;
  EXPECT_NE(cli_list.out.find("unfair_treatment"), std::string::npos) << cli_list.out;
  auto cli_receipt = RunAims({"--data", data_, "concern", "receipt", code});
  ASSERT_EQ(cli_receipt.exit_code, 0) << cli_receipt.err;
  EXPECT_NE(cli_receipt.out.find("We are re-assessing your application."), std::string::npos) << cli_receipt.out;
  std::string number = std::to_string(report.at("id").as_int64());
  auto closed = RunAims({"--data", data_, "concern", "handle", number, "--status", "closed", "--reply", "Done."});
  ASSERT_EQ(closed.exit_code, 0) << closed.err;
  EXPECT_EQ(Json(As("", "POST", "/api/v1/concerns/receipt", R"({"receipt_code": ")" + code + R"("})")).at("status").as_string(),
            "closed");
  auto late = As("", "POST", "/api/v1/concerns/receipt/messages", R"({"receipt_code": ")" + code + R"(", "body": "More."})");
  EXPECT_EQ(late.status, 409) << late.body;

  // A flood from one client is refused with the wait, and writes nothing.
  int accepted = 0, refused = 0;
  std::string retry_after;
  for (int i = 0; i < 8; ++i) {
    auto r = As("", "POST", "/api/v1/concerns", R"({"body": "flood )" + std::to_string(i) + R"("})");
    if (r.status == 201) ++accepted;
    if (r.status == 429) {
      ++refused;
      retry_after = r.Header("Retry-After");
    }
  }
  EXPECT_LE(accepted, 4);  // five per client per ten minutes, one used above
  EXPECT_GE(refused, 4);
  EXPECT_EQ(retry_after, "600");
}

TEST_F(ApiTest, ObjectivesShowTheirProgressAndTrendChart) {
  auto created = As("aims-manager", "POST", "/api/v1/objectives",
                    R"({"title": "Human review of declines", "metric": "share of declines reviewed", "unit": "%",
                        "target": "100", "owner": 1})");
  ASSERT_EQ(created.status, 201) << created.body;
  int64_t id = Json(created).at("id").as_int64();
  EXPECT_EQ(As("aims-manager", "POST", "/api/v1/objectives", R"({"title": "x", "metric": "m", "target": "lots", "owner": 1})").status,
            422);
  for (auto [on, value] : {std::pair{"2026-07-31", "100"}, std::pair{"2026-08-31", "97.5"}}) {
    auto m = As("aims-manager", "POST", "/api/v1/measurements",
                R"({"objective": )" + std::to_string(id) + R"(, "measured_on": ")" + on + R"(", "value": ")" + value + R"("})");
    ASSERT_EQ(m.status, 201) << m.body;
  }
  auto ahead = As("aims-manager", "POST", "/api/v1/measurements",
                  R"({"objective": )" + std::to_string(id) + R"(, "measured_on": "2099-01-01", "value": "1"})");
  EXPECT_EQ(ahead.status, 422) << ahead.body;
  auto progress = As("viewer", "GET", "/api/v1/objectives/" + std::to_string(id) + "/progress");
  ASSERT_EQ(progress.status, 200) << progress.body;
  json::value p = Json(progress);
  EXPECT_EQ(p.at("latest").as_double(), 97.5);
  EXPECT_FALSE(p.at("met").as_bool());
  EXPECT_EQ(p.at("trend").as_int64(), -1);
  EXPECT_EQ(p.at("points").as_array().size(), 2u);
  auto chart = As("viewer", "GET", "/api/v1/objectives/" + std::to_string(id) + "/chart.svg");
  ASSERT_EQ(chart.status, 200);
  EXPECT_EQ(chart.Header("Content-Type"), "image/svg+xml");
  EXPECT_EQ(chart.body.rfind("<svg", 0), 0u);
  EXPECT_NE(chart.body.find("2 measurements from 2026-07-31 to 2026-08-31: 100 to 97.5. Target: at least 100 %."),
            std::string::npos)
      << chart.body;
  EXPECT_EQ(As("viewer", "GET", "/api/v1/objectives/999999/progress").status, 404);
}

TEST(ApiServer, DemoSignInsWorkForEveryRole) {
  TempDir dir;
  std::string data = dir.Sub("demo");
  auto demo = RunAims({"--data", data, "--json", "demo"}, "", kFastHash);
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  json::value out = json::parse(demo.out);
  const auto& logins = out.at("logins").as_array();
  ASSERT_EQ(logins.size(), kRoles.size());
  ServerProcess server(data, {"--quiet"}, kFastHash);
  std::set<std::string> roles;
  for (const auto& login : logins) {
    json::object body{{"email", login.at("email")}, {"password", login.at("password")}};
    auto r = server.client().Send("POST", "/api/v1/session", json::serialize(body));
    ASSERT_EQ(r.status, 200) << r.body;
    json::value signed_in = json::parse(r.body);
    EXPECT_EQ(signed_in.at("user").at("role"), login.at("role"));
    roles.insert(std::string(login.at("role").as_string()));
  }
  EXPECT_EQ(roles, std::set<std::string>(kRoles.begin(), kRoles.end()));
}

// SIGTERM while a request is still arriving: the request is answered, then the server exits 0.
// Every I/O thread keeps the tokens it checked, and runs a read in the transaction of that check.
// A revocation by another process (the CLI) must still take effect on the very next request,
// whichever thread answers it (each request below is a new connection, dealt to the threads in turn).
TEST(ApiServer, ATokenRevokedByAnotherProcessIsRefusedAtOnceOnEveryThread) {
  TempDir dir;
  std::string data = dir.Sub("data");
  ASSERT_EQ(RunAims({"--data", data, "init", "--org", "Org"}).exit_code, 0);
  ASSERT_EQ(RunAims({"--data", data, "user", "add", "--email", "a@example.org", "--role", "admin"},
                    "correct horse battery staple\n", kFastHash).exit_code, 0);
  std::string first = TokenIn(RunAims({"--data", data, "token", "create", "--user", "a@example.org"}, "", kFastHash).out);
  std::string second = TokenIn(RunAims({"--data", data, "token", "create", "--user", "a@example.org"}, "", kFastHash).out);
  ASSERT_FALSE(first.empty());
  ASSERT_FALSE(second.empty());
  ServerProcess server(data, {"--quiet"}, kFastHash);  // two I/O threads
  auto get = [&](const std::string& token) {
    return server.client().Send("GET", "/api/v1/systems", "", {{"Authorization", "Bearer " + token}}).status;
  };
  for (int i = 0; i < 9; ++i) ASSERT_EQ(get(first), 200);  // every thread has it cached
  auto revoked = RunAims({"--data", data, "token", "revoke", "1"});
  ASSERT_EQ(revoked.exit_code, 0) << revoked.err;
  for (int i = 0; i < 9; ++i) EXPECT_EQ(get(first), 401) << "request " << i;
  for (int i = 0; i < 9; ++i) EXPECT_EQ(get(second), 200) << "request " << i;
}

TEST(ApiServer, StopsGracefullyFinishingRequestsInFlight) {
  TempDir dir;
  std::string data = dir.Sub("data");
  ASSERT_EQ(RunAims({"--data", data, "init", "--org", "Org"}).exit_code, 0);
  ASSERT_EQ(RunAims({"--data", data, "user", "add", "--email", "a@example.org", "--role", "admin"},
                    "correct horse battery staple\n", kFastHash).exit_code, 0);
  auto token_out = RunAims({"--data", data, "token", "create", "--user", "a@example.org"}, "", kFastHash);
  std::string token = TokenIn(token_out.out);
  ASSERT_FALSE(token.empty()) << token_out.out;
  ServerProcess server(data, {"--quiet"}, kFastHash);
  std::string body = R"({"name": "In flight", "purpose": "p"})";
  std::string head = "POST /api/v1/systems HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token +
                     "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  RawConnection idle("127.0.0.1", server.port());  // connected, sends nothing: closed at once on stop
  RawConnection busy("127.0.0.1", server.port());
  busy.Write(head + body.substr(0, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(::kill(server.pid(), SIGTERM), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  busy.Write(body.substr(10));
  std::string answer = busy.ReadToEnd();
  EXPECT_EQ(answer.rfind("HTTP/1.1 201", 0), 0u) << answer;
  EXPECT_NE(answer.find("Connection: close"), std::string::npos) << answer;
  EXPECT_EQ(idle.ReadToEnd(), "");
  EXPECT_EQ(server.WaitExit(), 0) << server.log();
  EXPECT_NE(server.log().find("\"msg\": \"stopped\""), std::string::npos) << server.log();
  auto list = RunAims({"--data", data, "system", "list"});
  EXPECT_NE(list.out.find("In flight"), std::string::npos) << list.out;
}


TEST_F(ApiTest, OversightNamesWhoMayStopASystemAndChecksTheyAreTrained) {
  auto sys = As("system-owner", "POST", "/api/v1/systems",
                R"({"name": "Oversight API system", "purpose": "Scores claims", "owner": 1, "human_oversight": "human_on_the_loop"})");
  ASSERT_EQ(sys.status, 201) << sys.body;
  std::string sid = std::to_string(Json(sys).at("id").as_int64());
  auto none = As("viewer", "GET", "/api/v1/systems/" + sid + "/oversight");
  ASSERT_EQ(none.status, 200) << none.body;
  EXPECT_FALSE(Json(none).at("ok").as_bool());
  EXPECT_NE(none.body.find("no oversight arrangement"), std::string::npos) << none.body;

  auto course = As("aims-manager", "POST", "/api/v1/courses",
                   R"({"title": "Oversight API course", "kind": "human_oversight", "validity_months": 12})");
  ASSERT_EQ(course.status, 201) << course.body;
  std::string cid = std::to_string(Json(course).at("id").as_int64());
  std::string arrangement = R"({"system": )" + sid + R"(, "can_stop": [1], "can_override": [1], "required_courses": [)" + cid + "]}";
  EXPECT_EQ(As("viewer", "POST", "/api/v1/oversight", arrangement).status, 403);
  auto made = As("system-owner", "POST", "/api/v1/oversight", arrangement);
  ASSERT_EQ(made.status, 201) << made.body;
  auto twice = As("system-owner", "POST", "/api/v1/oversight", arrangement);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_NE(twice.body.find("has its oversight arrangement already"), std::string::npos) << twice.body;

  auto untrained = As("viewer", "GET", "/api/v1/systems/" + sid + "/oversight");
  json::value u = Json(untrained);
  EXPECT_FALSE(u.at("ok").as_bool());
  EXPECT_EQ(u.at("overseers").at(0).at("powers"), (json::array{"stop", "override"}));
  EXPECT_EQ(u.at("overseers").at(0).at("courses").at(0).at("state").as_string(), "missing");

  std::time_t now = std::time(nullptr);
  char today[16];
  std::strftime(today, sizeof today, "%Y-%m-%d", std::gmtime(&now));
  std::string training = R"({"person": 1, "course": )" + cid + R"(, "completed_on": ")" + today + R"("})";
  EXPECT_EQ(As("system-owner", "POST", "/api/v1/trainings", training).status, 403);  // the register is the manager's
  auto done = As("aims-manager", "POST", "/api/v1/trainings", training);
  ASSERT_EQ(done.status, 201) << done.body;

  auto trained = As("viewer", "GET", "/api/v1/systems/" + sid + "/oversight");
  EXPECT_TRUE(Json(trained).at("ok").as_bool()) << trained.body;
  auto review = As("viewer", "GET", "/api/v1/oversight-review");
  ASSERT_EQ(review.status, 200);
  EXPECT_NE(review.body.find("\"name\": \"Oversight API system\""), std::string::npos) << review.body;
  auto register_ = As("viewer", "GET", "/api/v1/competence");
  ASSERT_EQ(register_.status, 200);
  bool found = false;
  json::value people = Json(register_);
  for (const auto& p : people.as_array()) {
    if (p.at("person").as_int64() != 1) continue;
    for (const auto& c : p.at("courses").as_array()) {
      if (c.at("title").as_string() != "Oversight API course") continue;
      found = true;
      EXPECT_EQ(c.at("state").as_string(), "valid");
      EXPECT_EQ(c.at("because").at(0).as_string(), "overseer of SYS-" + sid + " (stop, override)");
    }
  }
  EXPECT_TRUE(found) << register_.body;
  EXPECT_EQ(As("viewer", "GET", "/api/v1/systems/999999/oversight").status, 404);
}

TEST_F(ApiTest, TheInboxShowsWhatWaitsForTheCallerFromTheLiveRegister) {
  auto policy = As("aims-manager", "POST", "/api/v1/policies",
                   R"({"title": "Inbox API policy", "version": "1.0", "owner": 1})");
  ASSERT_EQ(policy.status, 201) << policy.body;
  int64_t pid = Json(policy).at("id").as_int64();
  std::string record = "\"record\": \"POL-" + std::to_string(pid) + "\"";
  // The approver (PER-2) is asked; the owner (PER-1, no approve permission) is not.
  auto approver = As("approver", "GET", "/api/v1/inbox");
  ASSERT_EQ(approver.status, 200) << approver.body;
  EXPECT_NE(approver.body.find(record), std::string::npos) << approver.body;
  EXPECT_NE(approver.body.find("\"kind\": \"approval\""), std::string::npos) << approver.body;
  EXPECT_EQ(As("system-owner", "GET", "/api/v1/inbox").body.find(record), std::string::npos);
  // A risk the owner must review, past its date: in her inbox, overdue, first.
  std::time_t now = std::time(nullptr) - 3 * 86400;
  char past[16];
  std::strftime(past, sizeof past, "%Y-%m-%d", std::gmtime(&now));
  auto risk = As("system-owner", "POST", "/api/v1/risks",
                 R"({"title": "Inbox API risk", "likelihood": 2, "impact": 2, "owner": 1, "review_date": ")" +
                     std::string(past) + R"("})");
  ASSERT_EQ(risk.status, 201) << risk.body;
  auto mine = Json(As("system-owner", "GET", "/api/v1/inbox"));
  bool found = false;
  for (const auto& item : mine.as_array()) {
    if (item.at("record").as_string() != "RISK-" + std::to_string(Json(risk).at("id").as_int64())) continue;
    found = true;
    EXPECT_EQ(item.at("kind").as_string(), "review");
    EXPECT_TRUE(item.at("overdue").as_bool());
    EXPECT_EQ(item.at("due").as_string(), past);
  }
  EXPECT_TRUE(found) << json::serialize(mine);
  // Once approved, the approval is no longer waiting: the inbox follows the register.
  auto approved = As("approver", "POST", "/api/v1/policies/" + std::to_string(pid) + "/approve", "", {{"If-Match", "\"1\""}});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(As("approver", "GET", "/api/v1/inbox").body.find(record), std::string::npos);
  EXPECT_EQ(As("", "GET", "/api/v1/inbox").status, 401);
}

}  // namespace
}  // namespace aims::testing
