/* cmd/adder/main.c: the adder executable's entry point; everything else
 * is in the runtime (src/runtime/main.c). */
#include "runtime/main.h"

int main(int argc, char **argv)
{
    return Ad_Main(argc, argv);
}
