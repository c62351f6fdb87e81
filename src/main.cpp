#include "cli/app.h"

int main(int argc, char** argv) {
  return procedura::cli::main(argc, argv);
}
