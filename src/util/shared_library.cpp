#include "util/shared_library.h"

#include <dlfcn.h>

#include <cstdlib>
#include <string_view>

namespace procedura {
namespace {

// Tests cannot uninstall a library, so PROCEDURA_TEST_UNLOADABLE=SONAME[,SONAME...] makes
// the open of those fail (through a path that cannot exist, so dlopen's own error is the
// one shown). It can only break loading, never load anything else.
bool made_unloadable(const char* soname) {
  const char* list = std::getenv("PROCEDURA_TEST_UNLOADABLE");
  if (!list) return false;
  std::string_view rest(list), wanted(soname);
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    if (rest.substr(0, comma) == wanted) return true;
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return false;
}

std::string last_error() {
  const char* error = dlerror();
  return error ? error : "unknown error";
}

}  // namespace

SharedLibrary::SharedLibrary(const char* soname, const char* purpose, const char* package)
    : soname_(soname), purpose_(purpose), package_(package) {
  std::string path = made_unloadable(soname) ? "/nonexistent/" + soname_ : soname_;
  // RTLD_NOW: a missing symbol shows here, once, rather than as a crash mid-interview.
  handle_ = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle_) {
    throw LibraryUnavailable(purpose_ + ": " + soname_ + " (Debian package " + package_ +
                             ") could not be loaded: " + last_error());
  }
}

void* SharedLibrary::symbol(const char* name) const {
  dlerror();  // clears an earlier error: a symbol's address may legitimately be null
  void* address = dlsym(handle_, name);
  if (!address) {
    throw LibraryUnavailable(purpose_ + ": " + soname_ + " (Debian package " + package_ +
                             ") has no " + name + ": " + last_error());
  }
  return address;
}

}  // namespace procedura
