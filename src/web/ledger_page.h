// The ledger viewer: the signed tree head, the entries newest first with links to the records
// they changed, and a full verification on request (service/ledger_verifier.h).
#pragma once

#include "api/router.h"

namespace aims::web {

void AddLedgerPage(api::Router& router);

}  // namespace aims::web
