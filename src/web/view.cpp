#include "web/view.h"

#include <map>
#include <memory>

#include "base/assert.h"
#include "base/embedded_file.h"
#include "web/static_assets.h"

namespace aims_web_files {
std::span<const aims::base::EmbeddedFile> Files();
}

namespace aims::web {

namespace {

using domain::Permission;

std::string_view TemplateSource(std::string_view name) {
  std::string path = "src/web/templates/" + std::string(name) + ".mustache";
  for (const auto& f : aims_web_files::Files()) {
    if (f.path == path) return f.data;
  }
  return {};
}

struct NavItem {
  std::string_view href;
  std::string_view label;
  std::optional<Permission> needs;
};

constexpr NavItem kNav[] = {
    {"/", "Dashboard", Permission::kRegisterRead},
    {"/inbox", "Inbox", Permission::kRegisterRead},
    {"/systems", "AI systems", Permission::kRegisterRead},
    {"/risks", "Risks", Permission::kRegisterRead},
    {"/soa", "SoA", Permission::kRegisterRead},
    {"/evidence", "Evidence", Permission::kRegisterRead},
    {"/incidents", "Incidents", Permission::kRegisterRead},
    {"/register", "Register", Permission::kRegisterRead},
    {"/people", "People", Permission::kRegisterRead},
    {"/governance", "Governance", Permission::kRegisterRead},
    {"/ledger", "Ledger", Permission::kLedgerRead},
    {"/concerns", "Concerns", Permission::kConcernHandle},
    {"/import", "Import", Permission::kRegisterRead},
    {"/accounts", "Accounts", Permission::kUserAdmin},
};

}  // namespace

std::string Render(std::string_view name, const Data& data) {
  thread_local std::map<std::string, std::unique_ptr<mustache::mustache>, std::less<>> compiled;
  auto it = compiled.find(name);
  if (it == compiled.end()) {
    std::string_view source = TemplateSource(name);
    AIMS_ASSERT(!source.empty());
    it = compiled.emplace(std::string(name), std::make_unique<mustache::mustache>(std::string(source))).first;
    AIMS_ASSERT(it->second->is_valid());
  }
  return it->second->render(data);
}

std::string Escape(std::string_view text) { return mustache::html_escape<std::string>(std::string(text)); }

api::Response HtmlResponse(api::http::status status, std::string body) {
  api::Response res = api::MakeResponse(status, std::move(body), "text/html; charset=utf-8");
  res.set("Content-Security-Policy",
          "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
          "form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
  return res;
}

api::Response Redirect(std::string_view location) {
  api::Response res = api::MakeResponse(api::http::status::see_other, "", "text/plain");
  res.set(api::http::field::location, location);
  return res;
}

bool IsHtmx(const api::RequestContext& ctx) { return ctx.request["HX-Request"] == "true"; }

api::Response Page(const api::RequestContext& ctx, const PageOptions& options, std::string content) {
  Data page;
  page.set("title", options.title);
  page.set("content", std::move(content));
  page.set("asset_version", std::string(AssetVersion()));
  if (ctx.principal) {
    page.set("signed_in", true);
    page.set("email", ctx.principal->email);
    page.set("role", ctx.principal->role);
    page.set("csrf", ctx.csrf_token);
    DataList nav;
    for (const auto& item : kNav) {
      if (item.needs && !ctx.principal->permissions.Has(*item.needs)) continue;
      Data entry;
      entry.set("href", std::string(item.href));
      entry.set("label", std::string(item.label));
      entry.set("active", item.label == options.active);
      nav.push_back(std::move(entry));
    }
    page.set("nav", nav);
  }
  return HtmlResponse(options.status, Render("layout", page));
}

std::string FormValue(const std::multimap<std::string, std::string, std::less<>>& form, std::string_view name) {
  auto [first, last] = form.equal_range(name);
  if (first == last) return {};
  return std::prev(last)->second;
}

void AddPage(api::Router& router, api::http::verb method, std::string pattern, api::Access access,
             api::Handler handler, bool conceal_client) {
  api::Route route{method, std::move(pattern), access, {}, std::move(handler)};
  route.page = true;
  route.conceal_client = conceal_client;
  router.Add(std::move(route));
}

}  // namespace aims::web
