#include "web/accounts_page.h"

#include <charconv>

#include "api/problem.h"
#include "web/record_view.h"

namespace aims::web {

namespace {

using service::Accounts;

base::Result<api::Response> AccountsView(api::RequestContext& ctx, std::string message, const base::Status& problem) {
  AIMS_ASSIGN_OR_RETURN(auto users, Accounts::ListUsers(*ctx.ws));
  AIMS_ASSIGN_OR_RETURN(auto roles, Accounts::ListRoles(*ctx.ws));
  NameCache names(*ctx.ws);
  Data d;
  d.set("csrf", ctx.csrf_token);
  if (!message.empty()) d.set("message", message);
  if (!problem.ok()) {
    d.set("problem", "Nothing was changed: " + std::string(problem.message()) +
                         (problem.where().empty() ? "" : " (" + std::string(problem.where()) + ")"));
  }
  DataList user_rows;
  for (const auto& u : users) {
    Data row;
    row.set("email", u.email);
    row.set("display_name", u.display_name);
    row.set("disabled", u.disabled);
    row.set("person", u.person ? names.Name(domain::EntityKind::kPerson, *u.person) : std::string());
    row.set("csrf", ctx.csrf_token);
    DataList options;
    for (const auto& r : roles) {
      Data o;
      o.set("name", r.name);
      o.set("selected", r.name == u.role);
      options.push_back(std::move(o));
    }
    row.set("roles", options);
    user_rows.push_back(std::move(row));
  }
  d.set("users", user_rows);
  DataList role_rows;
  for (const auto& r : roles) {
    Data row;
    row.set("name", r.name);
    row.set("builtin", r.builtin);
    std::string perms;
    for (auto p : domain::AllPermissions()) {
      if (r.permissions.Has(p)) perms += (perms.empty() ? "" : ", ") + std::string(domain::PermissionName(p));
    }
    row.set("permissions", perms);
    role_rows.push_back(std::move(row));
  }
  d.set("all_roles", role_rows);
  DataList permission_names;
  for (auto p : domain::AllPermissions()) permission_names.push_back(Data(std::string(domain::PermissionName(p))));
  d.set("permission_names", permission_names);
  DataList people;
  if (auto choices = names.Choices(domain::EntityKind::kPerson)) {
    for (const auto& [id, name] : *choices) {
      Data o;
      o.set("id", std::to_string(id));
      o.set("name", name);
      people.push_back(std::move(o));
    }
  }
  d.set("people", people);
  api::http::status status = problem.ok() ? api::http::status::ok : api::HttpStatusFor(problem);
  return Page(ctx, {"Accounts and roles", "Accounts", status}, Render("accounts", d));
}

base::Result<api::Response> ShowAccounts(api::RequestContext& ctx) {
  return AccountsView(ctx, ctx.Query("done").value_or(""), base::Status::OK());
}

// Runs an account change; on success back to the page (303, so a reload does not repeat it),
// on a refused change the page with the reason.
base::Result<api::Response> Change(api::RequestContext& ctx, const std::function<base::Status(const Form&)>& change,
                                   std::string_view done) {
  Form form = api::ParseQuery(ctx.request.body());
  base::Status s = change(form);
  if (s.code() == base::StatusCode::kInternal || s.code() == base::StatusCode::kIOError) return s;
  if (!s.ok()) return AccountsView(ctx, "", s);
  return Redirect("/accounts?done=" + api::PercentEncode(done));
}

base::Result<api::Response> AddUser(api::RequestContext& ctx) {
  return Change(ctx, [&](const Form& f) -> base::Status {
    std::optional<domain::Id> person;
    std::string p = FormValue(f, "person");
    if (!p.empty()) {
      person = domain::ParseDisplayId(domain::EntityKind::kPerson, p);
      if (!person) return base::Status::InvalidArgument("not a person id", "person");
    }
    return Accounts::AddUser(*ctx.ws, FormValue(f, "email"), FormValue(f, "display_name"), FormValue(f, "role"),
                             FormValue(f, "password"), person).status();
  }, "User added.");
}

base::Result<api::Response> SetRole(api::RequestContext& ctx) {
  return Change(ctx, [&](const Form& f) { return Accounts::SetRole(*ctx.ws, FormValue(f, "email"), FormValue(f, "role")); },
                "Role changed.");
}

base::Result<api::Response> Disable(api::RequestContext& ctx) {
  return Change(ctx, [&](const Form& f) { return Accounts::DisableUser(*ctx.ws, FormValue(f, "email")); }, "User disabled.");
}

base::Result<api::Response> Enable(api::RequestContext& ctx) {
  return Change(ctx, [&](const Form& f) { return Accounts::EnableUser(*ctx.ws, FormValue(f, "email")); }, "User enabled.");
}

base::Result<api::Response> DefineRole(api::RequestContext& ctx) {
  return Change(ctx, [&](const Form& f) -> base::Status {
    domain::PermissionSet set;
    auto [first, last] = f.equal_range("permission");
    for (auto it = first; it != last; ++it) {
      auto p = domain::ParsePermission(it->second);
      if (!p) return base::Status::InvalidArgument("no such permission \"" + it->second + "\"", "permission");
      set.Add(*p);
    }
    return Accounts::DefineRole(*ctx.ws, FormValue(f, "name"), set).status();
  }, "Role saved.");
}

}  // namespace

void AddAccountsPage(api::Router& router) {
  api::Access admin = api::Access::Needs(domain::Permission::kUserAdmin);
  auto page = [&](api::http::verb method, std::string pattern, api::Handler handler) {
    api::Route route{method, std::move(pattern), admin, {}, std::move(handler)};
    route.page = true;
    router.Add(std::move(route));
  };
  page(api::http::verb::get, "/accounts", ShowAccounts);
  page(api::http::verb::post, "/accounts/users", AddUser);
  page(api::http::verb::post, "/accounts/users/role", SetRole);
  page(api::http::verb::post, "/accounts/users/disable", Disable);
  page(api::http::verb::post, "/accounts/users/enable", Enable);
  page(api::http::verb::post, "/accounts/roles", DefineRole);
}

}  // namespace aims::web
