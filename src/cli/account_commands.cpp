// `aims user`, `aims token` and `aims access-role`: the accounts `aims serve` signs in
// (docs/accounts.md). The role noun is `access-role` because `aims role` is the register's
// governance roles. Passwords are read from stdin, never from the command line, where other
// users could see them in the process list.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "cli/account_commands.h"
#include "cli/output.h"
#include "service/accounts.h"

namespace aims::cli {

namespace {

using service::Accounts;

// The first line of stdin; on a terminal, prompted for twice without echo.
base::Result<std::string> ReadPassword(const std::string& email) {
  auto read_line = [](std::string* line) {
    if (!std::getline(std::cin, *line)) line->clear();
    if (!line->empty() && line->back() == '\r') line->pop_back();
  };
  std::string password;
  if (::isatty(STDIN_FILENO)) {
    termios old_mode{};
    ::tcgetattr(STDIN_FILENO, &old_mode);
    termios quiet = old_mode;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    std::cerr << "password for " << email << ": " << std::flush;
    read_line(&password);
    std::string again;
    std::cerr << "\nagain: " << std::flush;
    read_line(&again);
    std::cerr << std::endl;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &old_mode);
    if (again != password) return base::Status::InvalidArgument("the two passwords differ", "password");
  } else {
    read_line(&password);
  }
  if (password.empty()) {
    return base::Status::InvalidArgument("no password: give it on the first line of stdin", "password");
  }
  return password;
}

std::string JsonText(std::string_view s) {
  std::string out;
  base::AppendJsonString(&out, s);
  return out;
}

std::string JsonTime(const std::optional<base::Timestamp>& t) {
  return t ? "\"" + t->ToString() + "\"" : "null";
}

std::string PersonText(const std::optional<domain::Id>& person) {
  return person ? domain::DisplayId(domain::EntityKind::kPerson, *person) : "";
}

std::string UserJson(const domain::UserAccount& u) {
  return "{\"id\": " + std::to_string(u.id) + ", \"email\": " + JsonText(u.email) +
         ", \"name\": " + JsonText(u.display_name) + ", \"role\": " + JsonText(u.role) +
         ", \"person\": " + (u.person ? JsonText(PersonText(u.person)) : "null") +
         ", \"disabled\": " + (u.disabled ? "true" : "false") + ", \"created_at\": \"" +
         u.created_at.ToString() + "\", \"updated_at\": \"" + u.updated_at.ToString() +
         "\", \"version\": " + std::to_string(u.version) + "}";
}

std::string TokenJson(const service::TokenInfo& info) {
  const domain::ApiToken& t = info.token;
  return "{\"id\": " + std::to_string(t.id) + ", \"user\": " + JsonText(info.user_email) +
         ", \"name\": " + JsonText(t.name) + ", \"created_at\": \"" + t.created_at.ToString() +
         "\", \"expires_at\": " + JsonTime(t.expires_at) + ", \"last_used_at\": " +
         JsonTime(t.last_used_at) + ", \"revoked_at\": " + JsonTime(t.revoked_at) + "}";
}

std::string RoleJson(const domain::AccessRole& r) {
  std::string perms;
  for (const auto& name : r.permissions.Names()) perms += (perms.empty() ? "" : ", ") + JsonText(name);
  return "{\"name\": " + JsonText(r.name) + ", \"builtin\": " + (r.builtin ? "true" : "false") +
         ", \"permissions\": [" + perms + "]}";
}

template <class T, class Fn>
std::string JsonArray(const std::vector<T>& items, Fn&& to_json) {
  std::string out = "[";
  for (size_t i = 0; i < items.size(); ++i) out += (i ? ",\n  " : "\n  ") + to_json(items[i]);
  return out + (items.empty() ? "]\n" : "\n]\n");
}

// The end of the day `date` (UTC): a token given --expires D works through D.
base::Result<base::Timestamp> EndOfDay(const std::string& text) {
  auto date = base::Date::Parse(text);
  if (!date.ok()) return date.status().WithContext("--expires");
  return base::Timestamp(date->AddDays(1).DaysSinceEpoch() * 86400 * int64_t{1000000});
}

void AddUserCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* user = app.add_subcommand("user", "User accounts that sign in to `aims serve`");
  user->require_subcommand(1);

  struct AddArgs {
    std::string email, role, name, person;
  };
  auto add_args = std::make_shared<AddArgs>();
  CLI::App* add = user->add_subcommand("add", "Add a user; the password is read from stdin (first line)");
  add->add_option("--email", add_args->email, "email address, the sign-in name")->required();
  add->add_option("--role", add_args->role, "built-in or custom role (see `aims access-role list`)")->required();
  add->add_option("--name", add_args->name, "display name");
  add->add_option("--person", add_args->person, "the person record this user acts as: PER-n or email");
  add->callback([&ctx, &outcome, add_args] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::optional<domain::Id> person;
      if (!add_args->person.empty()) {
        auto id = ResolveArg(*ws, domain::EntityKind::kPerson, add_args->person);
        if (!id.ok()) return id.status().WithContext("--person");
        person = *id;
      }
      AIMS_ASSIGN_OR_RETURN(std::string password, ReadPassword(add_args->email));
      AIMS_ASSIGN_OR_RETURN(domain::UserAccount u,
                            Accounts::AddUser(*ws, add_args->email, add_args->name, add_args->role, password, person));
      Print(ctx.json ? UserJson(u) + "\n" : "added user " + u.email + " (" + u.role + ")\n");
      return base::Status::OK();
    }();
  });

  CLI::App* list = user->add_subcommand("list", "List users");
  list->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(auto users, Accounts::ListUsers(*ws));
      if (ctx.json) {
        Print(JsonArray(users, UserJson));
        return base::Status::OK();
      }
      Table table({"id", "email", "name", "role", "person", "status"});
      for (const auto& u : users) {
        table.AddRow({std::to_string(u.id), u.email, u.display_name, u.role, PersonText(u.person),
                      u.disabled ? "disabled" : "active"});
      }
      Print(table.Render());
      return base::Status::OK();
    }();
  });

  auto email = std::make_shared<std::string>();
  auto role = std::make_shared<std::string>();
  CLI::App* set_role = user->add_subcommand("set-role", "Give a user another role");
  set_role->add_option("--email", *email, "the user's email")->required();
  set_role->add_option("--role", *role, "built-in or custom role")->required();
  set_role->callback([&ctx, &outcome, email, role] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_TRY(Accounts::SetRole(*ws, *email, *role));
      AIMS_ASSIGN_OR_RETURN(domain::UserAccount u, Accounts::GetUser(*ws, *email));
      Print(ctx.json ? UserJson(u) + "\n" : "user " + u.email + " now has role " + u.role + "\n");
      return base::Status::OK();
    }();
  });

  for (bool disable : {true, false}) {
    CLI::App* cmd = user->add_subcommand(disable ? "disable" : "enable",
                                         disable ? "Stop a user signing in or using tokens; ends their sessions"
                                                 : "Let a disabled user sign in again");
    cmd->add_option("--email", *email, "the user's email")->required();
    cmd->callback([&ctx, &outcome, email, disable] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        AIMS_TRY(disable ? Accounts::DisableUser(*ws, *email) : Accounts::EnableUser(*ws, *email));
        AIMS_ASSIGN_OR_RETURN(domain::UserAccount u, Accounts::GetUser(*ws, *email));
        Print(ctx.json ? UserJson(u) + "\n" : "user " + u.email + (disable ? " disabled\n" : " enabled\n"));
        return base::Status::OK();
      }();
    });
  }
}

void AddTokenCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* token = app.add_subcommand("token", "API tokens for `aims serve` (Authorization: Bearer)");
  token->require_subcommand(1);

  struct CreateArgs {
    std::string user, name = "default", expires;
  };
  auto args = std::make_shared<CreateArgs>();
  CLI::App* create = token->add_subcommand("create", "Create a token; it is printed once and never again");
  create->add_option("--user", args->user, "the user's email")->required();
  create->add_option("--name", args->name, "what the token is for (default: default)");
  create->add_option("--expires", args->expires, "last day the token works, YYYY-MM-DD (default: never)");
  create->callback([&ctx, &outcome, args] {
    outcome.status = [&]() -> base::Status {
      std::optional<base::Timestamp> expires;
      if (!args->expires.empty()) {
        AIMS_ASSIGN_OR_RETURN(expires, EndOfDay(args->expires));
      }
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(service::NewToken t, Accounts::CreateToken(*ws, args->user, args->name, expires));
      if (ctx.json) {
        std::string json = TokenJson(t.info);
        json.pop_back();
        Print(json + ", \"token\": " + JsonText(t.token) + "}\n");
      } else {
        Print("token " + std::to_string(t.info.token.id) + " for " + t.info.user_email + ": " + t.token + "\n");
      }
      std::cerr << "aims: warning: the token is shown only this once; store it now" << std::endl;
      return base::Status::OK();
    }();
  });

  auto user = std::make_shared<std::string>();
  CLI::App* list = token->add_subcommand("list", "List tokens (never the tokens themselves)");
  list->add_option("--user", *user, "only this user's tokens");
  list->callback([&ctx, &outcome, user] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::optional<std::string_view> only;
      if (!user->empty()) only = *user;
      AIMS_ASSIGN_OR_RETURN(auto tokens, Accounts::ListTokens(*ws, only));
      if (ctx.json) {
        Print(JsonArray(tokens, TokenJson));
        return base::Status::OK();
      }
      Table table({"id", "user", "name", "created", "expires", "last used", "status"});
      for (const auto& info : tokens) {
        const domain::ApiToken& t = info.token;
        table.AddRow({std::to_string(t.id), info.user_email, t.name, t.created_at.ToString(),
                      t.expires_at ? t.expires_at->ToString() : "never",
                      t.last_used_at ? t.last_used_at->ToString() : "", t.revoked_at ? "revoked" : "active"});
      }
      Print(table.Render());
      return base::Status::OK();
    }();
  });

  auto id = std::make_shared<int64_t>(0);
  CLI::App* revoke = token->add_subcommand("revoke", "Revoke a token: it stops working at once");
  revoke->add_option("id", *id, "token id, from `aims token list`")->required();
  revoke->callback([&ctx, &outcome, id] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_TRY(Accounts::RevokeToken(*ws, *id));
      AIMS_ASSIGN_OR_RETURN(service::TokenInfo t, Accounts::GetToken(*ws, *id));
      Print(ctx.json ? TokenJson(t) + "\n" : "token " + std::to_string(*id) + " revoked\n");
      return base::Status::OK();
    }();
  });
}

void AddAccessRoleCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* roles = app.add_subcommand("access-role", "Roles that grant users permissions in `aims serve`");
  roles->require_subcommand(1);

  CLI::App* list = roles->add_subcommand("list", "List built-in and custom roles with their permissions");
  list->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(auto all, Accounts::ListRoles(*ws));
      if (ctx.json) {
        Print(JsonArray(all, RoleJson));
        return base::Status::OK();
      }
      Table table({"role", "kind", "permissions"}, 200);
      for (const auto& r : all) table.AddRow({r.name, r.builtin ? "built-in" : "custom", r.permissions.ToText()});
      Print(table.Render());
      return base::Status::OK();
    }();
  });

  auto name = std::make_shared<std::string>();
  auto permissions = std::make_shared<std::vector<std::string>>();
  CLI::App* add = roles->add_subcommand("add", "Define a custom role, or replace its permissions");
  add->add_option("name", *name, "lower-case letters, digits and '-', 2 to 40 characters")->required();
  add->add_option("--permission", *permissions, "a permission it grants (repeat, or comma-separate)")->required();
  add->callback([&ctx, &outcome, name, permissions] {
    outcome.status = [&]() -> base::Status {
      std::string text;
      for (const auto& p : *permissions) text += p + " ";
      auto set = domain::PermissionSet::Parse(text);
      if (!set.ok()) return base::Status::InvalidArgument(set.status().message(), "--permission");
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::AccessRole r, Accounts::DefineRole(*ws, *name, *set));
      Print(ctx.json ? RoleJson(r) + "\n" : "role " + r.name + ": " + r.permissions.ToText() + "\n");
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterAccountCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  AddUserCommands(app, ctx, outcome);
  AddTokenCommands(app, ctx, outcome);
  AddAccessRoleCommands(app, ctx, outcome);
}

}  // namespace aims::cli
