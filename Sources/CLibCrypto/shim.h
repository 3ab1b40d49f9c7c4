// The system's OpenSSL libcrypto (Debian's libssl-dev), for the SHA-256 and SHA-384 digests Notice needs:
// content-hashed file names, Subresource Integrity values and the registry version.
#include <openssl/evp.h>
