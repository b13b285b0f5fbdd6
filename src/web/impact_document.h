// The AI system impact assessment as a document: one self-contained HTML page (styles inline,
// no script), laid out for reading and printing (a browser's "print to PDF" makes the PDF),
// with its approval, the system, every benefit and harm, the linked risks and controls, and the
// ledger entries that prove who changed it when.
#pragma once

#include <string>

#include "base/result.h"
#include "domain/entity_kind.h"
#include "service/workspace.h"

namespace aims::web {

base::Result<std::string> ImpactDocument(service::Workspace& ws, domain::Id assessment);

}  // namespace aims::web
