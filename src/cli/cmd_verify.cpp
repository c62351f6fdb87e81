#include <memory>

#include "cli/commands.h"
#include "commands/run/verify.h"

namespace procedura::cli {

void add_verify(CLI::App& app, Action& action) {
  auto path = std::make_shared<std::string>();
  auto max_bytes = std::make_shared<uint64_t>(8u << 20);
  CLI::App* cmd =
      app.add_subcommand("verify", "Check that a transcript is intact, and whether it is sealed");
  cmd->add_option("transcript", *path, "Transcript file (JSON Lines)")
      ->required()
      ->type_name("FILE");
  cmd->add_option("--max-file-size", *max_bytes,
                  "Refuse transcripts larger than BYTES (default: 8388608, 8 MiB)")
      ->type_name("BYTES")
      ->check(file_size_limit());
  cmd->footer(
      "Examples:\n"
      "  procedura verify ~/.local/share/procedura/transcripts/2026-12-03T0905-s01.jsonl\n"
      "\n"
      "Exit status: 0 sealed and intact (completed or quit), 1 intact but not sealed "
      "(interrupted:\n"
      "continue it with `procedura run --resume FILE`), 2 broken (the first bad line is named) or\n"
      "unreadable.");
  cmd->callback([&action, path, max_bytes] {
    action = [path, max_bytes] {
      return verify_transcript(*path, std::cout, std::cerr, *max_bytes);
    };
  });
}

}  // namespace procedura::cli
