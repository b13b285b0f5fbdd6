// aims: one binary, the CLI and (later) the server. All the work is in the layers under src/.
#include "cli/app.h"

int main(int argc, char** argv) { return aims::cli::Run(argc, argv); }
