#ifndef NOTICE_FUZZ_DRIVER_H
#define NOTICE_FUZZ_DRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer as a library (LLVM 12 and later): runs the fuzzing loop with `callback` as the target.
/// Swift executables get their own entry point from SwiftPM, so `make fuzz` calls this one from it
/// instead of linking libFuzzer's `main`. Only fuzz builds (`-sanitize=fuzzer`) link its definition.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
