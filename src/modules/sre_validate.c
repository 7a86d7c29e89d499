/* sre_validate.c: a structural check of the code list given to
 * _sre.compile, so that a malformed list (only a direct caller of the
 * internal API can make one) is refused with RuntimeError "invalid SRE
 * code" instead of sending the matcher outside the array: every skip stays
 * inside its enclosing block, every operand exists, sets are well formed,
 * group numbers are below the group count. */
#include "modules/sre_internal.h"

/* A set (IN operand) over code[i..end): 0 if well formed. */
static int check_set(const sre_code *code, Ad_ssize_t i, Ad_ssize_t end)
{
    while (i < end) {
        switch (code[i++]) {
        case SRE_OP_FAILURE:
            return i == end ? 0 : -1;
        case SRE_OP_NEGATE:
            break;
        case SRE_OP_LITERAL:
        case SRE_OP_CATEGORY:
            i += 1;
            break;
        case SRE_OP_RANGE:
        case SRE_OP_RANGE_UNI_IGNORE:
            i += 2;
            break;
        case SRE_OP_CHARSET:
            i += 256 / 32;
            break;
        case SRE_OP_BIGCHARSET: {
            if (i >= end)
                return -1;
            Ad_ssize_t nblocks = code[i++];
            if (i + 256 / 4 > end)
                return -1;
            const unsigned char *map = (const unsigned char *)(code + i);
            for (int k = 0; k < 256; k++)
                if (map[k] >= nblocks)
                    return -1;
            i += 256 / 4 + nblocks * (256 / 32);
            break;
        }
        default:
            return -1;
        }
    }
    return -1;
}

static int check_block(const sre_code *code, Ad_ssize_t i, Ad_ssize_t end, Ad_ssize_t groups, int depth)
{
    if (depth > 10000)
        return -1;
    while (i < end) {
        sre_code op = code[i++];
        Ad_ssize_t skip;
        switch (op) {
        case SRE_OP_FAILURE:
        case SRE_OP_SUCCESS:
        case SRE_OP_ANY:
        case SRE_OP_ANY_ALL:
        case SRE_OP_MAX_UNTIL:
        case SRE_OP_MIN_UNTIL:
            break;
        case SRE_OP_AT:
        case SRE_OP_CATEGORY:
        case SRE_OP_LITERAL:
        case SRE_OP_NOT_LITERAL:
        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (i >= end)
                return -1;
            i++;
            break;
        case SRE_OP_MARK:
            if (i >= end || (Ad_ssize_t)code[i] >= 2 * groups)
                return -1;
            i++;
            break;
        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
            if (i >= end || (Ad_ssize_t)code[i] >= groups)
                return -1;
            i++;
            break;
        case SRE_OP_GROUPREF_EXISTS:
            /* <GROUPREF_EXISTS> <group> <skip> yes [JUMP no]: the skip lands inside this block */
            if (i + 2 > end || (Ad_ssize_t)code[i] >= groups)
                return -1;
            skip = code[i + 1];
            if (skip < 2 || i + skip > end)
                return -1;
            i += 2;
            break;
        case SRE_OP_JUMP:
            if (i >= end)
                return -1;
            /* the target is checked by the enclosing BRANCH or conditional */
            i++;
            break;
        case SRE_OP_IN:
        case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            if (i >= end)
                return -1;
            skip = code[i];
            if (skip < 2 || i + skip > end || check_set(code, i + 1, i + skip) < 0)
                return -1;
            i += skip;
            break;
        case SRE_OP_INFO: {
            if (i + 4 > end)
                return -1;
            skip = code[i];
            if (skip < 4 || i + skip > end)
                return -1;
            sre_code flags = code[i + 1];
            if (flags & SRE_INFO_PREFIX) {
                if (i + 6 > i + skip)
                    return -1;
                Ad_ssize_t plen = code[i + 4], pskip = code[i + 5];
                if (plen < 1 || pskip > plen || i + 6 + 2 * plen > i + skip)
                    return -1;
            }
            else if (flags & SRE_INFO_CHARSET) {
                if (check_set(code, i + 4, i + skip) < 0)
                    return -1;
            }
            i += skip;
            break;
        }
        case SRE_OP_BRANCH:
            for (;;) {
                if (i >= end)
                    return -1;
                skip = code[i];
                if (skip == 0) {
                    i++;
                    break;
                }
                if (i + skip > end || skip < 3 || code[i + skip - 2] != SRE_OP_JUMP ||
                    check_block(code, i + 1, i + skip - 2, groups, depth + 1) < 0)
                    return -1;
                Ad_ssize_t target = i + skip - 1 + code[i + skip - 1];
                if (target > end)
                    return -1;
                i += skip;
            }
            break;
        case SRE_OP_REPEAT_ONE:
        case SRE_OP_MIN_REPEAT_ONE:
        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            if (i + 3 > end)
                return -1;
            skip = code[i];
            if (skip < 4 || i + skip > end || code[i + 1] > code[i + 2] || code[i + skip - 1] != SRE_OP_SUCCESS ||
                check_block(code, i + 3, i + skip - 1, groups, depth + 1) < 0)
                return -1;
            i += skip;
            break;
        case SRE_OP_POSSESSIVE_REPEAT:
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS>: skip reaches the SUCCESS */
            if (i + 3 > end)
                return -1;
            skip = code[i];
            if (skip < 3 || i + skip >= end || code[i + 1] > code[i + 2] || code[i + skip] != SRE_OP_SUCCESS ||
                check_block(code, i + 3, i + skip, groups, depth + 1) < 0)
                return -1;
            i += skip + 1;
            break;
        case SRE_OP_REPEAT:
            if (i + 3 > end)
                return -1;
            skip = code[i];
            if (skip < 3 || i + skip >= end || code[i + 1] > code[i + 2] ||
                (code[i + skip] != SRE_OP_MAX_UNTIL && code[i + skip] != SRE_OP_MIN_UNTIL) ||
                check_block(code, i + 3, i + skip, groups, depth + 1) < 0)
                return -1;
            i += skip + 1;
            break;
        case SRE_OP_ASSERT:
        case SRE_OP_ASSERT_NOT:
            if (i + 2 > end)
                return -1;
            skip = code[i];
            if (skip < 3 || i + skip > end || code[i + skip - 1] != SRE_OP_SUCCESS ||
                check_block(code, i + 2, i + skip - 1, groups, depth + 1) < 0)
                return -1;
            i += skip;
            break;
        case SRE_OP_ATOMIC_GROUP:
            if (i + 1 > end)
                return -1;
            skip = code[i];
            if (skip < 2 || i + skip > end || code[i + skip - 1] != SRE_OP_SUCCESS ||
                check_block(code, i + 1, i + skip - 1, groups, depth + 1) < 0)
                return -1;
            i += skip;
            break;
        default:
            return -1;
        }
    }
    return i == end ? 0 : -1;
}

int sre_validate(const sre_code *code, Ad_ssize_t n, Ad_ssize_t groups)
{
    if (n == 0 || code[n - 1] != SRE_OP_SUCCESS)
        return -1;
    return check_block(code, 0, n, groups, 0);
}
