// The web application through the real binary: pages rendered by `aims serve` over real HTTP on
// 127.0.0.1 against a real SQLite file. (The browser tests in tests/browser drive the same pages
// in Chromium; these check what needs no browser: access rules on every page, escaping, CSRF,
// stale forms, validation and the CSV import.)
#include <gtest/gtest.h>

#include <cctype>
#include <iostream>
#include <set>

#include "api/api.h"
#include "support/http_server.h"
#include "support/process.h"
#include "support/temp_dir.h"
#include "web/web.h"

namespace aims::testing {
namespace {

const std::map<std::string, std::string> kFastHash = {{"AIMS_PWHASH_FAST", "1"}};
const std::vector<std::string> kRoles = {"admin", "aims-manager", "system-owner", "risk-owner", "approver", "auditor",
                                         "viewer"};
const std::string kPassword = "correct horse battery staple";

std::string TokenIn(const std::string& out) {
  size_t at = out.find("aims_");
  if (at == std::string::npos) return "";
  size_t end = at + 5;
  while (end < out.size() && std::isxdigit(static_cast<unsigned char>(out[end]))) ++end;
  return out.substr(at, end - at);
}

std::string WithIds(const std::string& pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      size_t close = pattern.find('}', i);
      out += pattern.substr(i + 1, close - i - 1) == "name" ? "app.css" : "1";
      i = close;
    } else {
      out.push_back(pattern[i]);
    }
  }
  return out;
}

std::string FormEncode(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out += "&";
    out += k + "=";
    for (unsigned char c : v) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') {
        out.push_back(static_cast<char>(c));
      } else {
        char hex[4];
        std::snprintf(hex, sizeof hex, "%%%02X", c);
        out += hex;
      }
    }
  }
  return out;
}

// The value of attribute `attr` of the first element after `marker` in `html`.
std::string AttributeAfter(const std::string& html, const std::string& marker, const std::string& attr) {
  size_t at = html.find(marker);
  if (at == std::string::npos) return "";
  size_t a = html.find(attr + "=\"", at);
  if (a == std::string::npos) return "";
  a += attr.size() + 2;
  return html.substr(a, html.find('"', a) - a);
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

class WebTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir();
    data_ = dir_->Sub("data");
    ASSERT_EQ(RunAims({"--data", data_, "init", "--org", "Web Org"}).exit_code, 0);
    ASSERT_EQ(RunAims({"--data", data_, "person", "add", "--name", "Olive Owner", "--email", "olive@example.org"}).exit_code, 0);
    for (const auto& role : kRoles) {
      std::vector<std::string> args = {"--data", data_, "user", "add", "--email", role + "@example.org", "--role", role};
      if (role == "system-owner") args.insert(args.end(), {"--person", "PER-1"});
      auto added = RunAims(args, kPassword + "\n", kFastHash);
      ASSERT_EQ(added.exit_code, 0) << added.err;
      auto token = RunAims({"--data", data_, "token", "create", "--user", role + "@example.org"}, "", kFastHash);
      ASSERT_EQ(token.exit_code, 0) << token.err;
      (*tokens_)[role] = TokenIn(token.out);
    }
    server_ = new ServerProcess(data_, {"--quiet"}, kFastHash);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete dir_;
    server_ = nullptr;
    dir_ = nullptr;
  }
  void TearDown() override {
    if (HasFailure() && server_) std::cerr << "server log:\n" << server_->log() << std::endl;
  }

  static HttpResponse As(const std::string& role, const std::string& method, const std::string& target,
                         const std::string& body = "", std::map<std::string, std::string> headers = {}) {
    if (!role.empty()) headers["Authorization"] = "Bearer " + tokens_->at(role);
    return server_->client().Send(method, target, body, headers);
  }

  // A browser-like session: the cookie from the sign-in form and the CSRF token from a page.
  struct Session {
    std::string cookie;
    std::string csrf;
  };
  static Session SignIn(const std::string& role) {
    auto res = server_->client().Send("POST", "/login",
                                      FormEncode({{"email", role + "@example.org"}, {"password", kPassword}, {"next", "/"}}),
                                      {{"Content-Type", "application/x-www-form-urlencoded"}});
    EXPECT_EQ(res.status, 303) << res.body;
    std::string set = res.Header("set-cookie");
    Session s;
    s.cookie = set.substr(0, set.find(';'));
    auto page = server_->client().Send("GET", "/", "", {{"Cookie", s.cookie}});
    s.csrf = AttributeAfter(page.body, "<body", "data-csrf");
    EXPECT_FALSE(s.csrf.empty()) << page.body.substr(0, 400);
    return s;
  }
  static HttpResponse Post(const Session& s, const std::string& target, std::vector<std::pair<std::string, std::string>> fields,
                           bool with_csrf = true) {
    if (with_csrf) fields.emplace_back("_csrf", s.csrf);
    return server_->client().Send("POST", target, FormEncode(fields),
                                  {{"Cookie", s.cookie}, {"Content-Type", "application/x-www-form-urlencoded"}});
  }
  static HttpResponse Get(const Session& s, const std::string& target) {
    return server_->client().Send("GET", target, "", {{"Cookie", s.cookie}});
  }
  static int64_t SystemCount() {
    auto r = As("admin", "GET", "/api/v1/systems?limit=500");
    return static_cast<int64_t>(Count(r.body, "\"record_version\""));
  }

  static TempDir* dir_;
  static std::string data_;
  static std::map<std::string, std::string>* tokens_;
  static ServerProcess* server_;
};

TempDir* WebTest::dir_ = nullptr;
std::string WebTest::data_;
std::map<std::string, std::string>* WebTest::tokens_ = new std::map<std::string, std::string>();
ServerProcess* WebTest::server_ = nullptr;

// The page routes of a server with default settings.
class PageTable {
 public:
  PageTable() : dispatcher_(router_, config_, metrics_, log_) { web::AddWebRoutes(router_, dispatcher_); }
  const api::Router& router() const { return router_; }

 private:
  api::ServerConfig config_;
  api::Logger log_;
  api::Metrics metrics_;
  api::Router router_;
  api::Dispatcher dispatcher_;
};

TEST_F(WebTest, EveryPageChecksAccessForEveryRole) {
  PageTable table;
  std::map<std::string, std::set<std::string>> permissions;
  for (const auto& role : kRoles) {
    auto me = As(role, "GET", "/api/v1/me");
    for (const char* p : {"register.read", "ledger.read", "system.write.own", "system.write", "risk.write.own", "risk.write",
                          "inventory.write", "control.write", "evidence.write", "context.write", "approve", "user.admin",
                          "concern.handle"}) {
      if (me.body.find(std::string("\"") + p + "\"") != std::string::npos) permissions[role].insert(p);
    }
  }
  int checked = 0;
  for (const auto& route : table.router().routes()) {
    ASSERT_TRUE(route.page) << route.name();
    std::string target = WithIds(route.pattern);
    std::string method(api::http::to_string(route.method));
    auto anonymous = As("", method, target);
    if (route.access.kind == api::Access::Kind::kPublic) {
      EXPECT_NE(anonymous.status, 401) << route.name();
      continue;
    }
    if (method == "GET") {
      // A browser that is not signed in is sent to sign in, and back afterwards.
      EXPECT_EQ(anonymous.status, 303) << route.name();
      EXPECT_EQ(anonymous.Header("location").rfind("/login?next=", 0), 0u) << route.name();
    } else {
      EXPECT_EQ(anonymous.status, 401) << route.name();
    }
    if (route.access.kind != api::Access::Kind::kPermission) continue;
    std::string any(domain::PermissionName(route.access.permission));
    std::string own = route.access.own_permission ? std::string(domain::PermissionName(*route.access.own_permission)) : "";
    for (const auto& role : kRoles) {
      bool has_any = permissions[role].count(any) > 0;
      bool has_own = !own.empty() && permissions[role].count(own) > 0;
      int status = As(role, method, target, "", {{"Content-Type", "application/x-www-form-urlencoded"}}).status;
      if (has_any) {
        EXPECT_NE(status, 401) << role << " " << route.name();
        EXPECT_NE(status, 403) << role << " " << route.name();
      } else if (!has_own) {
        EXPECT_EQ(status, 403) << role << " " << route.name();
      }  // with only the right to change their own records, the record decides
      ++checked;
    }
  }
  EXPECT_GT(checked, 500);
}

TEST_F(WebTest, PagesAreHtmlWithAStrictContentSecurityPolicy) {
  auto s = SignIn("viewer");
  for (const std::string page : {"/", "/systems", "/risks", "/soa", "/evidence", "/register", "/people", "/import"}) {
    auto r = Get(s, page);
    EXPECT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.Header("content-type"), "text/html; charset=utf-8") << page;
    EXPECT_NE(r.Header("content-security-policy").find("script-src 'self'"), std::string::npos) << page;
    EXPECT_EQ(r.body.find("<script>"), std::string::npos) << page;  // no inline script anywhere
  }
  auto htmx = server_->client().Send("GET", "/static/htmx.min.js?v=1");
  EXPECT_EQ(htmx.status, 200);
  EXPECT_GT(htmx.body.size(), 10000u);
  EXPECT_NE(htmx.Header("cache-control").find("immutable"), std::string::npos);
  EXPECT_EQ(server_->client().Send("GET", "/static/..%2Fsecret").status, 404);
}

TEST_F(WebTest, LoginFormSignsInAndOutAndSlowsGuessing) {
  auto wrong = server_->client().Send("POST", "/login", FormEncode({{"email", "approver@example.org"}, {"password", "nope nope nope"}}),
                                      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(wrong.status, 401);
  EXPECT_NE(wrong.body.find("Wrong email or password."), std::string::npos);
  EXPECT_TRUE(wrong.Header("set-cookie").empty());
  // Only local paths are followed after sign-in.
  auto away = server_->client().Send(
      "POST", "/login", FormEncode({{"email", "auditor@example.org"}, {"password", kPassword}, {"next", "//evil.example/x"}}),
      {{"Content-Type", "application/x-www-form-urlencoded"}});
  EXPECT_EQ(away.status, 303);
  EXPECT_EQ(away.Header("location"), "/");
  EXPECT_NE(away.Header("set-cookie").find("HttpOnly; SameSite=Strict"), std::string::npos);

  auto s = SignIn("auditor");
  EXPECT_EQ(Get(s, "/ledger").status, 200);
  auto out = Post(s, "/logout", {});
  EXPECT_EQ(out.status, 303);
  EXPECT_EQ(Get(s, "/ledger").status, 303);  // the session is gone

  int last = 0;
  for (int i = 0; i < 10; ++i) {
    last = server_->client()
               .Send("POST", "/login", FormEncode({{"email", "risk-owner@example.org"}, {"password", "wrong guess " + std::to_string(i)}}),
                     {{"Content-Type", "application/x-www-form-urlencoded"}})
               .status;
  }
  EXPECT_EQ(last, 429);
}

TEST_F(WebTest, StoredScriptAndSqlAreShownAsText) {
  const std::string script = "<script>alert(1)</script>";
  const std::string sql = "x'); DROP TABLE ai_system;--";
  for (const auto& name : {script, sql}) {
    std::string body = "{\"name\": \"" + std::string(name) + "\", \"purpose\": \"escaping test\"}";
    auto created = As("admin", "POST", "/api/v1/systems", body, {{"Content-Type", "application/json"}});
    ASSERT_EQ(created.status, 201) << created.body;
  }
  auto s = SignIn("auditor");
  for (const std::string page : {"/systems", "/systems?q=alert", "/systems?q=DROP", "/", "/ledger"}) {
    auto r = Get(s, page);
    ASSERT_EQ(r.status, 200) << page;
    EXPECT_EQ(r.body.find(script), std::string::npos) << page;
  }
  auto list = Get(s, "/systems?q=alert");
  EXPECT_NE(list.body.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  auto found = Get(s, "/systems?q=DROP");
  EXPECT_NE(found.body.find("x&apos;); DROP TABLE ai_system;--"), std::string::npos) << found.body;
  std::string href = AttributeAfter(list.body, "<tbody>", "href");
  auto detail = Get(s, href);
  EXPECT_EQ(detail.status, 200);
  EXPECT_EQ(detail.body.find(script), std::string::npos);
  EXPECT_NE(detail.body.find("<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"), std::string::npos);
}

TEST_F(WebTest, FormPostsNeedTheCsrfTokenAndWriteNothingWithoutIt) {
  auto s = SignIn("aims-manager");
  int64_t before = SystemCount();
  auto forged = Post(s, "/systems", {{"name", "Forged"}, {"purpose", "cross-site"}}, /*with_csrf=*/false);
  EXPECT_EQ(forged.status, 403);
  auto wrong = Post(s, "/systems", {{"name", "Forged"}, {"purpose", "cross-site"}, {"_csrf", "0000"}}, false);
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(SystemCount(), before);
  auto real = Post(s, "/systems", {{"name", "Made in the browser"}, {"purpose", "form test"}, {"ai_act_tier", "high"},
                                   {"iso22989_roles", ""}, {"iso22989_roles", "provider"}});
  ASSERT_EQ(real.status, 303) << real.body;
  EXPECT_EQ(SystemCount(), before + 1);
  auto page = Get(s, real.Header("location"));
  EXPECT_NE(page.body.find("<h1>Made in the browser</h1>"), std::string::npos);
  EXPECT_NE(page.body.find("user:aims-manager@example.org"), std::string::npos);  // attributed in the ledger
}

TEST_F(WebTest, InvalidFormsAreShownAgainWithTheFieldNamed) {
  auto s = SignIn("admin");
  auto bad = Post(s, "/risks", {{"title", "Out of range"}, {"likelihood", "9"}, {"impact", "2"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("id=\"f-likelihood-error\""), std::string::npos) << bad.body;
  EXPECT_NE(bad.body.find("value=\"Out of range\""), std::string::npos);  // what was typed is kept
  auto missing = Post(s, "/systems", {{"name", ""}, {"purpose", "no name"}});
  EXPECT_EQ(missing.status, 422);
  EXPECT_NE(missing.body.find("id=\"f-name-error\""), std::string::npos);
  auto risks = As("admin", "GET", "/api/v1/risks?q=Out%20of%20range");
  EXPECT_EQ(risks.body.find("Out of range"), std::string::npos);
}

TEST_F(WebTest, AStaleEditIsRefusedAndOverwritesNothing) {
  auto s = SignIn("admin");
  auto created = Post(s, "/systems", {{"name", "Edited twice"}, {"purpose", "first"}});
  ASSERT_EQ(created.status, 303);
  std::string path = created.Header("location");
  auto form = Get(s, path + "/edit");
  std::string version = AttributeAfter(form.body, "name=\"_version\"", "value");
  ASSERT_EQ(version, "1");
  std::string id = path.substr(path.rfind('/') + 1);
  auto other = As("admin", "PATCH", "/api/v1/systems/" + id, R"({"purpose": "someone else's change"})",
                  {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
  ASSERT_EQ(other.status, 200) << other.body;
  auto stale = Post(s, path, {{"_version", version}, {"name", "Edited twice"}, {"purpose", "mine"}});
  EXPECT_EQ(stale.status, 412);
  EXPECT_NE(stale.body.find("Someone changed this record"), std::string::npos);
  auto now = As("admin", "GET", "/api/v1/systems/" + id);
  EXPECT_NE(now.body.find("someone else's change"), std::string::npos);
}

TEST_F(WebTest, TheHeatMapCountsOpenRisks) {
  auto s = SignIn("viewer");
  auto cell = [&]() {
    auto page = Get(s, "/");
    std::string v = AttributeAfter(page.body, "data-cell=\"5-5\"", "data-count");
    return v.empty() ? -1 : std::stoi(v);
  };
  int before = cell();
  ASSERT_GE(before, 0);
  auto risk = As("admin", "POST", "/api/v1/risks", R"({"title": "Severe and likely", "likelihood": 5, "impact": 5})",
                 {{"Content-Type", "application/json"}});
  ASSERT_EQ(risk.status, 201) << risk.body;
  EXPECT_EQ(cell(), before + 1);
}

// A risk whose review or treatment is past due is flagged on the dashboard, in the risk list,
// on its own page and among the related records of its system; an accepted or closed risk's
// treatment is no longer late.
TEST_F(WebTest, OverdueReviewsAndTreatmentsAreFlaggedEverywhere) {
  auto s = SignIn("viewer");
  auto count = [&](const std::string& id) {
    std::string page = Get(s, "/").body;
    size_t at = page.find("id=\"" + id + "\"");
    if (at == std::string::npos) return -1;
    size_t gt = page.find('>', at);
    return std::stoi(page.substr(gt + 1));
  };
  int late_before = count("late-treatment-count");
  ASSERT_GE(late_before, 0);
  auto system = As("admin", "POST", "/api/v1/systems", R"({"name": "Late treatment system", "purpose": "p"})",
                   {{"Content-Type", "application/json"}});
  ASSERT_EQ(system.status, 201) << system.body;
  auto sys_json = system.body.substr(system.body.find("\"id\": ") + 6);
  int64_t sid = std::stoll(sys_json);
  auto risk = As("admin", "POST", "/api/v1/risks",
                 R"({"title": "Late fairness fix", "likelihood": 2, "impact": 2, "status": "treating",
                     "treatment_due": "2021-03-01", "review_date": "2021-02-01", "systems": [)" + std::to_string(sid) + "]}",
                 {{"Content-Type", "application/json"}});
  ASSERT_EQ(risk.status, 201) << risk.body;
  int64_t rid = std::stoll(risk.body.substr(risk.body.find("\"id\": ") + 6));
  EXPECT_EQ(count("late-treatment-count"), late_before + 1);
  std::string dashboard = Get(s, "/").body;
  EXPECT_NE(dashboard.find("</a> Late fairness fix <span class=\"muted\">treatment was due"), std::string::npos) << dashboard;
  EXPECT_NE(dashboard.find("treatment was due 2021-03-01"), std::string::npos);

  std::string list = Get(s, "/risks?status=treating").body;
  EXPECT_NE(list.find("2021-03-01 <span class=\"badge warn\">treatment overdue</span>"), std::string::npos) << list;
  EXPECT_NE(list.find("2021-02-01 <span class=\"badge warn\">review overdue</span>"), std::string::npos);
  std::string page = Get(s, "/risks/" + std::to_string(rid)).body;
  EXPECT_NE(page.find("treatment overdue</span>"), std::string::npos);
  std::string system_page = Get(s, "/systems/" + std::to_string(sid)).body;
  EXPECT_NE(system_page.find("review overdue, treatment overdue</span>"), std::string::npos) << system_page;

  // Closed: neither a late treatment nor a late review any more.
  auto closed = As("admin", "PATCH", "/api/v1/risks/" + std::to_string(rid), R"({"status": "closed"})",
                   {{"Content-Type", "application/json"}, {"If-Match", "\"1\""}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(count("late-treatment-count"), late_before);
  EXPECT_EQ(Get(s, "/risks/" + std::to_string(rid)).body.find("overdue</span>"), std::string::npos);
}

TEST_F(WebTest, CsvImportDryRunThenImportAllOrSkipTheBadRows) {
  auto s = SignIn("admin");
  const std::string csv =
      "Name,Purpose,EU AI Act tier,Business unit\n"
      "Imported one,Screens CVs,high,HR\n"
      "\"Imported, two\",\"Answers \"\"customer\"\" chats\",limited,Service\n"
      "Imported three,Bad tier,extreme,Ops\n";
  auto map = Post(s, "/import/map", {{"kind", "ai_system"}, {"csv", csv}});
  ASSERT_EQ(map.status, 200) << map.body;
  // Columns are matched from their names.
  EXPECT_NE(map.body.find("<option value=\"ai_act_tier\" selected>"), std::string::npos) << map.body;
  std::vector<std::pair<std::string, std::string>> mapping = {
      {"kind", "ai_system"}, {"csv", csv}, {"map_0", "name"}, {"map_1", "purpose"}, {"map_2", "ai_act_tier"}, {"map_3", "business_unit"}};
  int64_t before = SystemCount();
  auto dry = Post(s, "/import/preview", mapping);
  EXPECT_EQ(dry.status, 422);
  EXPECT_NE(dry.body.find("column &quot;EU AI Act tier&quot;"), std::string::npos) << dry.body;
  EXPECT_EQ(SystemCount(), before);
  auto refused = Post(s, "/import/apply", mapping);
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(SystemCount(), before);  // all or nothing
  auto skip = mapping;
  skip.emplace_back("skip_bad", "true");
  auto applied = Post(s, "/import/apply", skip);
  EXPECT_EQ(applied.status, 200) << applied.body;
  EXPECT_NE(applied.body.find("id=\"import-done\""), std::string::npos);
  EXPECT_EQ(SystemCount(), before + 2);
  auto two = As("admin", "GET", "/api/v1/systems?q=Imported%2C%20two");
  EXPECT_NE(two.body.find("Answers \\\"customer\\\" chats"), std::string::npos) << two.body;
  // Again with a change: rows are matched by name, so they update instead of duplicating.
  const std::string again = "Name,Business unit\nImported one,People\nImported, two, three\n";
  auto bad_csv = Post(s, "/import/map", {{"kind", "ai_system"}, {"csv", again}});
  EXPECT_EQ(bad_csv.status, 422);
  EXPECT_NE(bad_csv.body.find("CSV:3"), std::string::npos) << bad_csv.body;  // the line is named
  const std::string update = "Name,Business unit\nImported one,People\n\"Imported, two\",Service\n";
  auto upd = Post(s, "/import/apply", {{"kind", "ai_system"}, {"csv", update}, {"map_0", "name"}, {"map_1", "business_unit"}});
  EXPECT_EQ(upd.status, 200) << upd.body;
  EXPECT_NE(upd.body.find("1 updated, 1 unchanged"), std::string::npos) << upd.body;
  EXPECT_EQ(SystemCount(), before + 2);
}

TEST_F(WebTest, AdminsManageAccountsButNeverRemoveTheLastAdministrator) {
  auto s = SignIn("admin");
  auto added = Post(s, "/accounts/users", {{"email", "new.person@example.org"}, {"display_name", "New Person"},
                                           {"role", "viewer"}, {"person", ""}, {"password", "a long enough password"}});
  EXPECT_EQ(added.status, 303) << added.body;
  auto page = Get(s, "/accounts");
  EXPECT_NE(page.body.find("new.person@example.org"), std::string::npos);
  auto role = Post(s, "/accounts/roles", {{"name", "dpo"}, {"permission", "register.read"}, {"permission", "ledger.read"}});
  EXPECT_EQ(role.status, 303) << role.body;
  auto demote = Post(s, "/accounts/users/role", {{"email", "admin@example.org"}, {"role", "viewer"}});
  EXPECT_EQ(demote.status, 409) << demote.body;
  EXPECT_NE(demote.body.find("last enabled user who can administer users"), std::string::npos);
  auto disable = Post(s, "/accounts/users/disable", {{"email", "admin@example.org"}});
  EXPECT_EQ(disable.status, 409);
  EXPECT_EQ(As("admin", "GET", "/api/v1/me").status, 200);
}

}  // namespace
}  // namespace aims::testing
