#include "web/session_pages.h"

#include "api/problem.h"
#include "base/clock.h"
#include "web/view.h"

namespace aims::web {

namespace {

// Only a path on this server may follow sign-in: "/x", never "//host" or "https://host".
std::string SafeNext(std::string_view next) {
  if (next.size() < 1 || next[0] != '/' || (next.size() > 1 && (next[1] == '/' || next[1] == '\\'))) return "/";
  for (char c : next) {
    if (static_cast<unsigned char>(c) < 0x20) return "/";
  }
  return std::string(next);
}

api::Response LoginForm(const api::RequestContext& ctx, std::string_view next, std::string_view email,
                        std::string_view error, api::http::status status) {
  Data d;
  d.set("next", SafeNext(next));
  d.set("email", std::string(email));
  if (!error.empty()) d.set("error", std::string(error));
  return Page(ctx, {"Sign in to aims", "", status}, Render("login", d));
}

base::Result<api::Response> ShowLogin(api::RequestContext& ctx) {
  return LoginForm(ctx, ctx.Query("next").value_or("/"), "", "", api::http::status::ok);
}

base::Result<api::Response> SubmitLogin(api::RequestContext& ctx, const api::ServerConfig& config) {
  auto form = api::ParseQuery(ctx.request.body());
  std::string email = FormValue(form, "email");
  std::string password = FormValue(form, "password");
  std::string next = FormValue(form, "next");
  if (email.empty() || password.empty()) {
    return LoginForm(ctx, next, email, "Enter your email and password.", api::http::status::unprocessable_entity);
  }
  auto session = service::Accounts::Login(*ctx.ws, email, password, ctx.client);
  if (!session.ok()) {
    const auto code = session.status().code();
    if (code == base::StatusCode::kResourceExhausted) {
      return LoginForm(ctx, next, email, session.status().message(), api::http::status::too_many_requests);
    }
    if (code == base::StatusCode::kUnauthenticated) {
      return LoginForm(ctx, next, email, "Wrong email or password.", api::http::status::unauthorized);
    }
    return session.status();
  }
  api::Response res = Redirect(SafeNext(next));
  int64_t max_age = (session->expires_at.micros() - base::Now().micros()) / 1000000;
  res.set(api::http::field::set_cookie, api::SessionCookie(session->id, std::max<int64_t>(max_age, 0), config.secure_cookies));
  return res;
}

base::Result<api::Response> SubmitLogout(api::RequestContext& ctx, const api::ServerConfig& config) {
  if (auto cookie = api::CookieValue(ctx.request, api::kSessionCookie)) {
    AIMS_TRY(service::Accounts::Logout(*ctx.ws, *cookie));
  }
  api::Response res = Redirect("/login");
  res.set(api::http::field::set_cookie, api::SessionCookie("", 0, config.secure_cookies));
  return res;
}

}  // namespace

api::Response ErrorPage(const base::Status& status, api::RequestContext& ctx) {
  api::http::status code = api::HttpStatusFor(status);
  Data d;
  d.set("message", std::string(status.message()));
  if (!status.where().empty()) d.set("where", std::string(status.where()));
  d.set("status", std::to_string(static_cast<unsigned>(code)));
  d.set("request_id", ctx.request_id);
  std::string title = code == api::http::status::forbidden   ? "Not allowed"
                      : code == api::http::status::not_found ? "Not found"
                      : static_cast<unsigned>(code) >= 500   ? "Something went wrong"
                                                             : "That did not work";
  return Page(ctx, {title, "", code}, Render("error", d));
}

void AddSessionPages(api::Router& router, api::Dispatcher& dispatcher) {
  const api::ServerConfig& config = dispatcher.config();
  auto page = [&router](api::http::verb method, std::string pattern, api::Access access, api::Handler handler) {
    api::Route route{method, std::move(pattern), access, {}, std::move(handler)};
    route.page = true;
    router.Add(std::move(route));
  };
  page(api::http::verb::get, "/login", api::Access::Public(), ShowLogin);
  page(api::http::verb::post, "/login", api::Access::Public(), [&config](api::RequestContext& ctx) { return SubmitLogin(ctx, config); });
  page(api::http::verb::post, "/logout", api::Access::SignedIn(), [&config](api::RequestContext& ctx) { return SubmitLogout(ctx, config); });
  dispatcher.set_page_error_renderer(ErrorPage);
}

}  // namespace aims::web
