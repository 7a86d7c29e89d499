/* ptydrive.c: runs a program on a pseudo-terminal and drives it with a
 * script read from stdin, for the REPL tests (tests/cli/repl/run).
 *   usage: ptydrive PROGRAM [ARGS...] < SCRIPT
 * The environment is passed on as it is. Script lines:
 *   send TEXT     type TEXT (escapes: \n \r \t \e \\ \xHH)
 *   expect TEXT   wait (up to 10 s) until TEXT appears in the output after
 *                 the previous match
 *   absent TEXT   at the end: TEXT must not appear anywhere in the output
 *   exit N        wait for the program to end with status N
 *   sleep MS      pause
 * The terminal's bracketed-paste switches (ESC [ ? 2004 h / l) are removed
 * from the output before matching. Exits 0 when every step holds; otherwise prints the failing step and the
 * output seen (escaped) and exits 1. */
#define _GNU_SOURCE 1
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static char *out;
static size_t out_len, out_cap, matched;
static int master = -1;
static pid_t child;
static int child_status = -1;

static void append(const char *b, size_t n)
{
    if (out_len + n + 1 > out_cap) {
        out_cap = (out_len + n + 1) * 2;
        out = realloc(out, out_cap);
        if (!out)
            exit(2);
    }
    memcpy(out + out_len, b, n);
    out_len += n;
    out[out_len] = '\0';
}

/* Drops the bracketed-paste mode switches from the output. */
static void scrub(void)
{
    static const char *const seqs[] = {"\x1b[?2004h", "\x1b[?2004l"};
    for (int k = 0; k < 2; k++) {
        char *p;
        size_t n = strlen(seqs[k]);
        while (out && (p = strstr(out, seqs[k])) != NULL) {
            memmove(p, p + n, out_len - (size_t)(p - out) - n + 1);
            out_len -= n;
            size_t at = (size_t)(p - out);
            if (at + n <= matched)
                matched -= n;
            else if (at < matched)
                matched = at;
        }
    }
}

static long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Reads what is available for up to MS milliseconds; 0 at EOF. */
static int pump(int ms)
{
    struct pollfd p = {.fd = master, .events = POLLIN};
    int r = poll(&p, 1, ms);
    if (r <= 0)
        return 1;
    char buf[4096];
    ssize_t n = read(master, buf, sizeof buf);
    if (n > 0) {
        append(buf, (size_t)n);
        scrub();
        return 1;
    }
    return 0;
}

static size_t unescape(const char *s, char *d)
{
    size_t n = 0;
    while (*s) {
        if (*s != '\\' || !s[1]) {
            d[n++] = *s++;
            continue;
        }
        s++;
        switch (*s) {
        case 'n': d[n++] = '\n'; s++; break;
        case 'r': d[n++] = '\r'; s++; break;
        case 't': d[n++] = '\t'; s++; break;
        case 'e': d[n++] = 27; s++; break;
        case 'x': {
            unsigned v = 0;
            sscanf(s + 1, "%2x", &v);
            d[n++] = (char)v;
            s += 3;
            break;
        }
        default: d[n++] = *s++; break;
        }
    }
    d[n] = '\0';
    return n;
}

static void show_output(void)
{
    fputs("    output: ", stdout);
    for (size_t i = 0; i < out_len; i++) {
        unsigned char c = (unsigned char)out[i];
        if (c == '\n')
            fputs("\\n\n            ", stdout);
        else if (c == '\r')
            fputs("\\r", stdout);
        else if (c < 32 || c == 127)
            printf("\\x%02x", c);
        else
            putchar(c);
    }
    putchar('\n');
}

static void fail(const char *what, const char *arg)
{
    printf("    step failed: %s %s\n", what, arg);
    show_output();
    if (child > 0 && child_status < 0)
        kill(child, SIGKILL);
    exit(1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: ptydrive PROGRAM [ARGS...] < SCRIPT\n");
        return 2;
    }
    struct winsize ws = {.ws_row = 24, .ws_col = 80};
    child = forkpty(&master, NULL, NULL, &ws);
    if (child < 0) {
        perror("forkpty");
        return 2;
    }
    if (child == 0) {
        execv(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    char line[8192], text[8192];
    char *absent[64];
    int nabsent = 0;
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        char *arg = strchr(line, ' ');
        arg = arg ? arg + 1 : line + strlen(line);
        size_t n = unescape(arg, text);
        if (!strncmp(line, "send ", 5)) {
            /* Type only once the program has gone quiet (it is waiting
             * for input): what is typed while the terminal is still in
             * canonical mode would be echoed twice or, for Ctrl-D, lost. */
            long stop = now_ms() + 2000;
            size_t before;
            do {
                before = out_len;
                pump(120);
            } while (out_len != before && now_ms() < stop);
            /* A line editor switches the terminal out of canonical mode
             * only after drawing its prompt: wait for that (up to 1 s; a
             * program that is busy running code never does). */
            stop = now_ms() + 1000;
            struct termios t;
            while (now_ms() < stop && tcgetattr(master, &t) == 0 && (t.c_lflag & ICANON))
                pump(10);
            for (size_t i = 0; i < n; i++) {
                if (write(master, text + i, 1) != 1)
                    fail("send", arg);
                /* Type: one key at a time, as people do. */
                if (text[i] == '\r' || text[i] == '\n' || text[i] == 3 || text[i] == 4)
                    pump(30);
            }
        }
        else if (!strncmp(line, "expect ", 7)) {
            long end = now_ms() + 5000;
            for (;;) {
                char *hit = out ? strstr(out + matched, text) : NULL;
                if (hit) {
                    matched = (size_t)(hit - out) + n;
                    break;
                }
                if (now_ms() > end || !pump(100))
                    if (now_ms() > end || !(out && strstr(out + matched, text)))
                        fail("expect", arg);
            }
        }
        else if (!strncmp(line, "absent ", 7)) {
            if (nabsent < 64)
                absent[nabsent++] = strdup(text);
        }
        else if (!strncmp(line, "sleep ", 6)) {
            long end = now_ms() + atol(arg);
            while (now_ms() < end)
                pump((int)(end - now_ms()));
        }
        else if (!strncmp(line, "exit ", 5)) {
            long end = now_ms() + 10000;
            int st;
            while (now_ms() < end) {
                pump(50);
                pid_t r = waitpid(child, &st, WNOHANG);
                if (r == child) {
                    child_status = st;
                    break;
                }
            }
            /* Drain what is left: until end of file or 300 ms. */
            long stop = now_ms() + 300;
            while (now_ms() < stop && pump(50))
                ;
            if (child_status < 0)
                fail("exit (timed out)", arg);
            int code = WIFEXITED(child_status) ? WEXITSTATUS(child_status) : 128 + WTERMSIG(child_status);
            if (code != atoi(arg)) {
                char msg[64];
                snprintf(msg, sizeof msg, "(got %d)", code);
                fail("exit", msg);
            }
        }
        else if (line[0] && line[0] != '#')
            fail("unknown step", line);
    }
    for (int i = 0; i < nabsent; i++)
        if (out && strstr(out, absent[i]))
            fail("absent", absent[i]);
    if (child_status < 0) {
        kill(child, SIGKILL);
        waitpid(child, NULL, 0);
    }
    return 0;
}
