/* main.h: Ad_Main, the whole life of the adder process: configuration,
 * start-up, running, shutdown and the exit status. */
#ifndef ADDER_RUNTIME_MAIN_H
#define ADDER_RUNTIME_MAIN_H

/* Runs Adder with the process's argv and environment; returns the exit
 * status (or ends the process by SIGINT for an uncaught
 * KeyboardInterrupt). */
int Ad_Main(int argc, char **argv);

#endif
