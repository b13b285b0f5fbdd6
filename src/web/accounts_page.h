// Accounts and access roles for administrators: users with their role and state, adding a
// user, changing a role, disabling and enabling, and custom roles defined from the permission
// set (service/accounts.h does the work; every change is a ledger entry by the admin).
#pragma once

#include "api/router.h"

namespace aims::web {

void AddAccountsPage(api::Router& router);

}  // namespace aims::web
