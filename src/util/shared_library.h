#pragma once
// A shared library opened at its first use instead of linked. OpenSSL's libcrypto (SHA-256)
// and libedit (the prompt's line editing) serve a few commands only, yet linked they were
// loaded and bound at every start: libcrypto alone made the dynamic loader resolve 3,400
// symbols, about a third of what `procedura list` took (bench/README.md, issue 16).
#include <stdexcept>
#include <string>

namespace procedura {

// The library could not be opened or lacks a symbol: the message names the library, what
// needs it and the Debian package that provides it.
class LibraryUnavailable : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class SharedLibrary {
 public:
  // Opens `soname` ("libcrypto.so.3") for `purpose` ("SHA-256 fingerprints"), shipped by
  // `package` ("libssl3"). Throws LibraryUnavailable. The library stays loaded until exit.
  SharedLibrary(const char* soname, const char* purpose, const char* package);

  // The address of `name` in the library; throws LibraryUnavailable if it has none.
  void* symbol(const char* name) const;

  // `symbol` as a pointer of the type of the declaration `T` (a function or a variable):
  // `get<decltype(EVP_sha256)>("EVP_sha256")`, so the header's prototype types the call.
  template <class T>
  T* get(const char* name) const {
    return reinterpret_cast<T*>(symbol(name));
  }

 private:
  void* handle_;
  std::string soname_, purpose_, package_;
};

}  // namespace procedura
