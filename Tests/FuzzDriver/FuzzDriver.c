// Declarations only: libFuzzer's runtime defines LLVMFuzzerRunDriver in fuzz builds.
#include "FuzzDriver.h"
