/* sre_engine_impl.h: the matcher of _sre for one character width. Included
 * by sre_engine.c three times with SRE_CHAR (uint8_t, uint16_t, uint32_t)
 * and SRE_FN(name) defined. The matcher interprets the code list of
 * re._compiler; backtracking never uses the C stack: every "call" of a
 * sub-pattern pushes a frame (sre_ctx) on a heap array of the state and
 * jumps back to the dispatch loop; returning pops it and resumes the caller
 * at the label its frame recorded. Positions are indices into the subject. */

#define CHR(i) ((uint32_t)D[i])

/* The number of items at ptr (at most maxcount) matching the single-width
 * item at pat; -1 on error. */
static Ad_ssize_t SRE_FN(count)(sre_state *st, const sre_code *pat, Ad_ssize_t ptr, sre_code maxcount)
{
    const SRE_CHAR *D = (const SRE_CHAR *)st->data;
    Ad_ssize_t end = st->endpos, i = ptr;
    if (maxcount != SRE_MAXREPEAT && (Ad_ssize_t)maxcount < end - ptr)
        end = ptr + (Ad_ssize_t)maxcount;
    uint32_t c = pat[1];
    switch (pat[0]) {
    case SRE_OP_IN:
        if (pat[4] == SRE_OP_FAILURE && pat[2] == SRE_OP_CATEGORY) {
            sre_code cat = pat[3];
            while (i < end && sre_category(cat, CHR(i)))
                i++;
        }
        else {
            const sre_code *set = pat + 2;
            while (i < end) {
                uint32_t ch = CHR(i);
                if (!SRE_IN_SET(set, ch))
                    break;
                i++;
            }
        }
        break;
    case SRE_OP_IN_IGNORE:
        while (i < end && sre_in_charset(pat + 2, sre_lower_ascii(CHR(i))))
            i++;
        break;
    case SRE_OP_IN_UNI_IGNORE:
        while (i < end && sre_in_charset(pat + 2, sre_lower_unicode(CHR(i))))
            i++;
        break;
    case SRE_OP_IN_LOC_IGNORE:
        while (i < end && sre_in_charset_loc_ignore(pat + 2, CHR(i)))
            i++;
        break;
    case SRE_OP_ANY:
        while (i < end && CHR(i) != '\n')
            i++;
        break;
    case SRE_OP_ANY_ALL:
        i = end;
        break;
    case SRE_OP_LITERAL:
        if (sizeof(SRE_CHAR) == 1 && c < 256) {
            while (i < end && D[i] == (SRE_CHAR)c)
                i++;
        }
        else
            while (i < end && CHR(i) == c)
                i++;
        break;
    case SRE_OP_NOT_LITERAL:
        while (i < end && CHR(i) != c)
            i++;
        break;
    case SRE_OP_LITERAL_IGNORE:
        while (i < end && sre_lower_ascii(CHR(i)) == c)
            i++;
        break;
    case SRE_OP_NOT_LITERAL_IGNORE:
        while (i < end && sre_lower_ascii(CHR(i)) != c)
            i++;
        break;
    case SRE_OP_LITERAL_UNI_IGNORE:
        while (i < end && sre_lower_unicode(CHR(i)) == c)
            i++;
        break;
    case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        while (i < end && sre_lower_unicode(CHR(i)) != c)
            i++;
        break;
    case SRE_OP_LITERAL_LOC_IGNORE:
        while (i < end && sre_char_loc_ignore(c, CHR(i)))
            i++;
        break;
    case SRE_OP_NOT_LITERAL_LOC_IGNORE:
        while (i < end && !sre_char_loc_ignore(c, CHR(i)))
            i++;
        break;
    default:
        /* a general single-width item: run the matcher on it */
        while (i < end) {
            st->ptr = i;
            int r = SRE_FN(match)(st, pat, 0);
            if (r < 0)
                return -1;
            if (r == 0)
                break;
            i++;
        }
        break;
    }
    return i - ptr;
}

static int SRE_FN(at)(sre_state *st, Ad_ssize_t ptr, sre_code at)
{
    const SRE_CHAR *D = (const SRE_CHAR *)st->data;
    Ad_ssize_t end = st->endpos;
    int thisp, thatp;
    switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == 0;
    case SRE_AT_BEGINNING_LINE:
        return ptr == 0 || CHR(ptr - 1) == '\n';
    case SRE_AT_END:
        return ptr == end || (ptr + 1 == end && CHR(ptr) == '\n');
    case SRE_AT_END_LINE:
        return ptr == end || CHR(ptr) == '\n';
    case SRE_AT_END_STRING:
        return ptr == end;
    case SRE_AT_BOUNDARY:
    case SRE_AT_NON_BOUNDARY:
        if (end == 0 && (at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY || at == SRE_AT_UNI_BOUNDARY))
            return 0;   /* \B matches an empty subject (3.14) */
        thatp = ptr > 0 && sre_is_word(CHR(ptr - 1));
        thisp = ptr < end && sre_is_word(CHR(ptr));
        return at == SRE_AT_BOUNDARY ? thisp != thatp : thisp == thatp;
    case SRE_AT_LOC_BOUNDARY:
    case SRE_AT_LOC_NON_BOUNDARY:
        if (end == 0 && (at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY || at == SRE_AT_UNI_BOUNDARY))
            return 0;   /* \B matches an empty subject (3.14) */
        thatp = ptr > 0 && sre_is_loc_word(CHR(ptr - 1));
        thisp = ptr < end && sre_is_loc_word(CHR(ptr));
        return at == SRE_AT_LOC_BOUNDARY ? thisp != thatp : thisp == thatp;
    case SRE_AT_UNI_BOUNDARY:
    case SRE_AT_UNI_NON_BOUNDARY:
        if (end == 0 && (at == SRE_AT_BOUNDARY || at == SRE_AT_LOC_BOUNDARY || at == SRE_AT_UNI_BOUNDARY))
            return 0;   /* \B matches an empty subject (3.14) */
        thatp = ptr > 0 && sre_is_uni_word(CHR(ptr - 1));
        thisp = ptr < end && sre_is_uni_word(CHR(ptr));
        return at == SRE_AT_UNI_BOUNDARY ? thisp != thatp : thisp == thatp;
    }
    return 0;
}

/* Frame jump labels: where a popped frame resumes its parent. */
enum {
    SRE_FN(J_NONE), SRE_FN(J_BRANCH), SRE_FN(J_REPEAT_ONE_1), SRE_FN(J_REPEAT_ONE_2),
    SRE_FN(J_MIN_REPEAT_ONE), SRE_FN(J_REPEAT), SRE_FN(J_MAX_UNTIL_1), SRE_FN(J_MAX_UNTIL_2),
    SRE_FN(J_MAX_UNTIL_3), SRE_FN(J_MIN_UNTIL_1), SRE_FN(J_MIN_UNTIL_2), SRE_FN(J_MIN_UNTIL_3),
    SRE_FN(J_POSS_1), SRE_FN(J_POSS_2), SRE_FN(J_ATOMIC), SRE_FN(J_ASSERT), SRE_FN(J_ASSERT_NOT)
};

/* Calls the sub-pattern CHILD at position CPTR as a new frame; resumes at
 * LABEL with ret set. */
#define SRE_CALL(jid, label, child, cptr, top)                                     \
    do {                                                                            \
        ctx->pat = pat;                                                             \
        ctx->ptr = ptr;                                                             \
        const sre_code *child_ = (child);                                           \
        Ad_ssize_t cptr_ = (cptr);                                                  \
        int top_ = (top);                                                           \
        if (sre_push_ctx(st) < 0)                                                   \
            goto error;                                                             \
        ctx = &st->ctx[st->nctx - 1];                                               \
        ctx->pat = child_;                                                          \
        ctx->ptr = cptr_;                                                           \
        ctx->toplevel = top_;                                                       \
        ctx->jump = SRE_FN(jid);                                                    \
        ctx->msave = -1;                                                            \
        ctx->msave_base = st->nmsave;                                               \
        goto entrance;                                                              \
    label:                                                                          \
        ctx = &st->ctx[st->nctx - 1];                                               \
        pat = ctx->pat;                                                             \
        ptr = ctx->ptr;                                                             \
    } while (0)

#define LASTMARK_SAVE() (ctx->lastmark = st->lastmark, ctx->lastindex = st->lastindex)
#define LASTMARK_RESTORE() (st->lastmark = ctx->lastmark, st->lastindex = ctx->lastindex)
#define MARK_PUSH() do { if (sre_marks_save(st, ctx) < 0) goto error; } while (0)
#define MARK_RESTORE() sre_marks_restore(st, ctx)
#define MARK_DISCARD() sre_marks_discard(st, ctx)

static int SRE_FN(match)(sre_state *st, const sre_code *pattern, int toplevel)
{
    const SRE_CHAR *D = (const SRE_CHAR *)st->data;
    const Ad_ssize_t end = st->endpos;
    const Ad_ssize_t base = st->nctx;
    int ret = 0;
    const sre_code *pat;
    Ad_ssize_t ptr;
    sre_ctx *ctx;

    if (sre_push_ctx(st) < 0)
        return -1;
    ctx = &st->ctx[st->nctx - 1];
    ctx->pat = pattern;
    ctx->ptr = st->ptr;
    ctx->toplevel = toplevel;
    ctx->jump = SRE_FN(J_NONE);
    ctx->msave = -1;
    ctx->msave_base = st->nmsave;

entrance:
    pat = ctx->pat;
    ptr = ctx->ptr;
    if (pat[0] == SRE_OP_INFO) {
        if (pat[3] && (Ad_ssize_t)pat[3] > end - ptr)
            goto fail;
        pat += pat[1] + 1;
    }
    if ((++st->sigcount & 0xFFFF) == 0 && AdErr_CheckSignals() < 0)
        goto error;

    for (;;) {
        switch (*pat++) {
        case SRE_OP_FAILURE:
            goto fail;

        case SRE_OP_SUCCESS:
            if (ctx->toplevel &&
                ((st->match_all && ptr != end) || (st->must_advance && ptr == st->start)))
                goto fail;
            st->ptr = ptr;
            goto succeed;

        case SRE_OP_AT:
            if (!SRE_FN(at)(st, ptr, pat[0]))
                goto fail;
            pat++;
            break;

        case SRE_OP_CATEGORY:
            if (ptr >= end || !sre_category(pat[0], CHR(ptr)))
                goto fail;
            pat++;
            ptr++;
            break;

        case SRE_OP_ANY:
            if (ptr >= end || CHR(ptr) == '\n')
                goto fail;
            ptr++;
            break;

        case SRE_OP_ANY_ALL:
            if (ptr >= end)
                goto fail;
            ptr++;
            break;

        case SRE_OP_LITERAL:
            if (ptr >= end || CHR(ptr) != pat[0])
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || CHR(ptr) == pat[0])
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(CHR(ptr)) != pat[0])
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_IGNORE:
            if (ptr >= end || sre_lower_ascii(CHR(ptr)) == pat[0])
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_LITERAL_UNI_IGNORE:
            if (ptr >= end || sre_lower_unicode(CHR(ptr)) != pat[0])
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
            if (ptr >= end || sre_lower_unicode(CHR(ptr)) == pat[0])
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_LITERAL_LOC_IGNORE:
            if (ptr >= end || !sre_char_loc_ignore(pat[0], CHR(ptr)))
                goto fail;
            pat++;
            ptr++;
            break;
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            if (ptr >= end || sre_char_loc_ignore(pat[0], CHR(ptr)))
                goto fail;
            pat++;
            ptr++;
            break;

        case SRE_OP_IN: {
            if (ptr >= end)
                goto fail;
            uint32_t ch = CHR(ptr);
            if (!SRE_IN_SET(pat + 1, ch))
                goto fail;
            pat += pat[0];
            ptr++;
            break;
        }
        case SRE_OP_IN_IGNORE:
            if (ptr >= end || !sre_in_charset(pat + 1, sre_lower_ascii(CHR(ptr))))
                goto fail;
            pat += pat[0];
            ptr++;
            break;
        case SRE_OP_IN_UNI_IGNORE:
            if (ptr >= end || !sre_in_charset(pat + 1, sre_lower_unicode(CHR(ptr))))
                goto fail;
            pat += pat[0];
            ptr++;
            break;
        case SRE_OP_IN_LOC_IGNORE:
            if (ptr >= end || !sre_in_charset_loc_ignore(pat + 1, CHR(ptr)))
                goto fail;
            pat += pat[0];
            ptr++;
            break;

        case SRE_OP_INFO:
        case SRE_OP_JUMP:
            pat += pat[0];
            break;

        case SRE_OP_MARK: {
            Ad_ssize_t i = pat[0];
            if (i >= st->mark_cap) {
                AdErr_SetString(AdExc_RuntimeError, "internal error in regular expression engine");
                goto error;
            }
            if (i & 1)
                st->lastindex = i / 2 + 1;
            if (i > st->lastmark) {
                for (Ad_ssize_t j = st->lastmark + 1; j < i; j++)
                    st->mark[j] = -1;
                st->lastmark = i;
            }
            st->mark[i] = ptr;
            pat++;
            break;
        }

        case SRE_OP_BRANCH:
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH();
            for (; pat[0]; pat += pat[0]) {
                if (pat[1] == SRE_OP_LITERAL && (ptr >= end || CHR(ptr) != pat[2]))
                    continue;
                if (pat[1] == SRE_OP_IN && (ptr >= end || !sre_in_charset(pat + 3, CHR(ptr))))
                    continue;
                SRE_CALL(J_BRANCH, j_branch, pat + 1, ptr, ctx->toplevel);
                if (ret)
                    goto succeed;
                MARK_RESTORE();
                LASTMARK_RESTORE();
            }
            goto fail;

        case SRE_OP_REPEAT_ONE: {
            /* <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail */
            if ((Ad_ssize_t)pat[1] > end - ptr)
                goto fail;
            Ad_ssize_t n = SRE_FN(count)(st, pat + 3, ptr, pat[2]);
            if (n < 0)
                goto error;
            ctx = &st->ctx[st->nctx - 1];
            if (n < (Ad_ssize_t)pat[1])
                goto fail;
            ptr += n;
            ctx->count = n;
            const sre_code *next = pat + pat[0];
            if (next[0] == SRE_OP_SUCCESS &&
                !(ctx->toplevel && ((st->match_all && ptr != end) || (st->must_advance && ptr == st->start)))) {
                st->ptr = ptr;
                goto succeed;
            }
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH();
            if (next[0] == SRE_OP_LITERAL) {
                /* the tail starts with a literal: skip positions where it cannot match */
                for (;;) {
                    uint32_t chr = pat[pat[0] + 1];
                    while (ctx->count >= (Ad_ssize_t)pat[1] && (ptr >= end || CHR(ptr) != chr)) {
                        ptr--;
                        ctx->count--;
                    }
                    if (ctx->count < (Ad_ssize_t)pat[1])
                        break;
                    SRE_CALL(J_REPEAT_ONE_1, j_repeat_one_1, pat + pat[0], ptr, ctx->toplevel);
                    if (ret)
                        goto succeed;
                    MARK_RESTORE();
                    LASTMARK_RESTORE();
                    ptr--;
                    ctx->count--;
                }
            }
            else {
                while (ctx->count >= (Ad_ssize_t)pat[1]) {
                    SRE_CALL(J_REPEAT_ONE_2, j_repeat_one_2, pat + pat[0], ptr, ctx->toplevel);
                    if (ret)
                        goto succeed;
                    MARK_RESTORE();
                    LASTMARK_RESTORE();
                    ptr--;
                    ctx->count--;
                }
            }
            goto fail;
        }

        case SRE_OP_MIN_REPEAT_ONE: {
            if ((Ad_ssize_t)pat[1] > end - ptr)
                goto fail;
            if (pat[1] == 0)
                ctx->count = 0;
            else {
                Ad_ssize_t n = SRE_FN(count)(st, pat + 3, ptr, pat[1]);
                if (n < 0)
                    goto error;
                ctx = &st->ctx[st->nctx - 1];
                if (n < (Ad_ssize_t)pat[1])
                    goto fail;
                ctx->count = n;
                ptr += n;
            }
            const sre_code *next = pat + pat[0];
            if (next[0] == SRE_OP_SUCCESS &&
                !(ctx->toplevel && ((st->match_all && ptr != end) || (st->must_advance && ptr == st->start)))) {
                st->ptr = ptr;
                goto succeed;
            }
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH();
            while (pat[2] == SRE_MAXREPEAT || ctx->count <= (Ad_ssize_t)pat[2]) {
                if (pat[pat[0]] == SRE_OP_LITERAL) {
                    /* the tail starts with a literal: consume items up to it */
                    uint32_t chr = pat[pat[0] + 1];
                    while (ptr >= end || CHR(ptr) != chr) {
                        if (ptr >= end || (pat[2] != SRE_MAXREPEAT && ctx->count >= (Ad_ssize_t)pat[2]))
                            goto fail;
                        Ad_ssize_t k = SRE_FN(count)(st, pat + 3, ptr, 1);
                        if (k < 0)
                            goto error;
                        ctx = &st->ctx[st->nctx - 1];
                        if (k == 0)
                            goto fail;
                        ptr++;
                        ctx->count++;
                    }
                }
                SRE_CALL(J_MIN_REPEAT_ONE, j_min_repeat_one, pat + pat[0], ptr, ctx->toplevel);
                if (ret)
                    goto succeed;
                MARK_RESTORE();
                LASTMARK_RESTORE();
                Ad_ssize_t n = SRE_FN(count)(st, pat + 3, ptr, 1);
                if (n < 0)
                    goto error;
                ctx = &st->ctx[st->nctx - 1];
                if (n == 0)
                    break;
                ptr++;
                ctx->count++;
            }
            goto fail;
        }

        case SRE_OP_POSSESSIVE_REPEAT_ONE: {
            if ((Ad_ssize_t)pat[1] > end - ptr)
                goto fail;
            Ad_ssize_t n = SRE_FN(count)(st, pat + 3, ptr, pat[2]);
            if (n < 0)
                goto error;
            ctx = &st->ctx[st->nctx - 1];
            if (n < (Ad_ssize_t)pat[1])
                goto fail;
            ptr += n;
            pat += pat[0];
            break;
        }

        case SRE_OP_REPEAT: {
            /* <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail */
            sre_repeat *rep = sre_repeat_new(st);
            if (!rep)
                goto error;
            rep->count = -1;
            rep->pat = pat;
            rep->last_ptr = -1;
            rep->prev = st->repeat;
            st->repeat = rep;
            ctx->rep = rep;
            SRE_CALL(J_REPEAT, j_repeat, pat + pat[0], ptr, ctx->toplevel);
            st->repeat = ctx->rep->prev;
            sre_repeat_free(st, ctx->rep);
            if (ret)
                goto succeed;
            goto fail;
        }

        case SRE_OP_MAX_UNTIL: {
            sre_repeat *rep = st->repeat;
            if (!rep) {
                AdErr_SetString(AdExc_RuntimeError, "internal error in regular expression engine");
                goto error;
            }
            ctx->rep = rep;
            ctx->count = rep->count + 1;
            if (ctx->count < (Ad_ssize_t)rep->pat[1]) {
                rep->count = ctx->count;
                SRE_CALL(J_MAX_UNTIL_1, j_max_until_1, ctx->rep->pat + 3, ptr, ctx->toplevel);
                if (ret)
                    goto succeed;
                ctx->rep->count = ctx->count - 1;
                goto fail;
            }
            if ((rep->pat[2] == SRE_MAXREPEAT || ctx->count < (Ad_ssize_t)rep->pat[2]) && ptr != rep->last_ptr) {
                rep->count = ctx->count;
                LASTMARK_SAVE();
                MARK_PUSH();
                ctx->saved_last_ptr = rep->last_ptr;
                rep->last_ptr = ptr;
                SRE_CALL(J_MAX_UNTIL_2, j_max_until_2, ctx->rep->pat + 3, ptr, ctx->toplevel);
                ctx->rep->last_ptr = ctx->saved_last_ptr;
                if (ret)
                    goto succeed;
                MARK_RESTORE();
                MARK_DISCARD();
                LASTMARK_RESTORE();
                ctx->rep->count = ctx->count - 1;
            }
            st->repeat = ctx->rep->prev;
            SRE_CALL(J_MAX_UNTIL_3, j_max_until_3, pat, ptr, ctx->toplevel);
            st->repeat = ctx->rep;
            if (ret)
                goto succeed;
            goto fail;
        }

        case SRE_OP_MIN_UNTIL: {
            sre_repeat *rep = st->repeat;
            if (!rep) {
                AdErr_SetString(AdExc_RuntimeError, "internal error in regular expression engine");
                goto error;
            }
            ctx->rep = rep;
            ctx->count = rep->count + 1;
            if (ctx->count < (Ad_ssize_t)rep->pat[1]) {
                rep->count = ctx->count;
                SRE_CALL(J_MIN_UNTIL_1, j_min_until_1, ctx->rep->pat + 3, ptr, ctx->toplevel);
                if (ret)
                    goto succeed;
                ctx->rep->count = ctx->count - 1;
                goto fail;
            }
            st->repeat = rep->prev;
            LASTMARK_SAVE();
            if (st->repeat)
                MARK_PUSH();
            SRE_CALL(J_MIN_UNTIL_2, j_min_until_2, pat, ptr, ctx->toplevel);
            st->repeat = ctx->rep;
            if (ret)
                goto succeed;
            MARK_RESTORE();
            MARK_DISCARD();
            LASTMARK_RESTORE();
            if ((ctx->rep->pat[2] != SRE_MAXREPEAT && ctx->count >= (Ad_ssize_t)ctx->rep->pat[2]) ||
                ptr == ctx->rep->last_ptr)
                goto fail;
            ctx->rep->count = ctx->count;
            ctx->saved_last_ptr = ctx->rep->last_ptr;
            ctx->rep->last_ptr = ptr;
            SRE_CALL(J_MIN_UNTIL_3, j_min_until_3, ctx->rep->pat + 3, ptr, ctx->toplevel);
            ctx->rep->last_ptr = ctx->saved_last_ptr;
            if (ret)
                goto succeed;
            ctx->rep->count = ctx->count - 1;
            goto fail;
        }

        case SRE_OP_POSSESSIVE_REPEAT: {
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail */
            sre_repeat *rep = sre_repeat_new(st);
            if (!rep)
                goto error;
            rep->count = -1;
            rep->pat = NULL;
            rep->last_ptr = -1;
            rep->prev = st->repeat;
            st->repeat = rep;
            ctx->rep = rep;
            ctx->count = 0;
            while (ctx->count < (Ad_ssize_t)pat[1]) {
                SRE_CALL(J_POSS_1, j_poss_1, pat + 3, ptr, 0);
                if (!ret) {
                    st->repeat = ctx->rep->prev;
                    sre_repeat_free(st, ctx->rep);
                    goto fail;
                }
                ptr = st->ptr;
                ctx->count++;
            }
            while ((pat[2] == SRE_MAXREPEAT || ctx->count < (Ad_ssize_t)pat[2])) {
                LASTMARK_SAVE();
                MARK_PUSH();
                ctx->saved_last_ptr = ptr;
                SRE_CALL(J_POSS_2, j_poss_2, pat + 3, ptr, 0);
                if (!ret) {
                    MARK_RESTORE();
                    MARK_DISCARD();
                    LASTMARK_RESTORE();
                    break;
                }
                MARK_DISCARD();
                ptr = st->ptr;
                ctx->count++;
                if (ptr == ctx->saved_last_ptr)
                    break;
            }
            st->repeat = ctx->rep->prev;
            sre_repeat_free(st, ctx->rep);
            pat += pat[0] + 1;   /* past the body's SUCCESS */
            break;
        }

        case SRE_OP_ATOMIC_GROUP:
            SRE_CALL(J_ATOMIC, j_atomic, pat + 1, ptr, 0);
            if (!ret)
                goto fail;
            ptr = st->ptr;
            pat += pat[0];
            break;

        case SRE_OP_ASSERT:
            if (ptr < (Ad_ssize_t)pat[1])
                goto fail;
            SRE_CALL(J_ASSERT, j_assert, pat + 2, ptr - (Ad_ssize_t)pat[1], 0);
            if (!ret)
                goto fail;
            pat += pat[0];
            break;

        case SRE_OP_ASSERT_NOT:
            if (ptr >= (Ad_ssize_t)pat[1]) {
                LASTMARK_SAVE();
                if (st->repeat)
                    MARK_PUSH();
                SRE_CALL(J_ASSERT_NOT, j_assert_not, pat + 2, ptr - (Ad_ssize_t)pat[1], 0);
                if (ret)
                    goto fail;
                MARK_RESTORE();
                MARK_DISCARD();
                LASTMARK_RESTORE();
            }
            pat += pat[0];
            break;

        case SRE_OP_GROUPREF:
        case SRE_OP_GROUPREF_IGNORE:
        case SRE_OP_GROUPREF_UNI_IGNORE:
        case SRE_OP_GROUPREF_LOC_IGNORE: {
            sre_code op = pat[-1];
            Ad_ssize_t g = (Ad_ssize_t)pat[0] * 2;
            if (g + 1 > st->lastmark)
                goto fail;
            Ad_ssize_t p = st->mark[g], e = st->mark[g + 1];
            if (p < 0 || e < 0 || e < p)
                goto fail;
            if (e - p > end - ptr)
                goto fail;
            for (; p < e; p++, ptr++) {
                uint32_t a = CHR(ptr), b = CHR(p);
                if (op == SRE_OP_GROUPREF ? a != b
                    : op == SRE_OP_GROUPREF_IGNORE ? sre_lower_ascii(a) != sre_lower_ascii(b)
                    : op == SRE_OP_GROUPREF_UNI_IGNORE ? sre_lower_unicode(a) != sre_lower_unicode(b)
                    : sre_lower_locale(a) != sre_lower_locale(b))
                    goto fail;
            }
            pat++;
            break;
        }

        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <group> <skip> codeyes <JUMP> codeno */
            Ad_ssize_t g = (Ad_ssize_t)pat[0] * 2;
            if (g + 1 > st->lastmark || st->mark[g] < 0 || st->mark[g + 1] < 0 ||
                st->mark[g + 1] < st->mark[g]) {
                pat += pat[1];
                break;
            }
            pat += 2;
            break;
        }

        default:
            AdErr_SetString(AdExc_RuntimeError, "internal error in regular expression engine");
            goto error;
        }
    }

succeed:
    ret = 1;
    goto leave;
fail:
    ret = 0;
leave: {
        sre_ctx *done = &st->ctx[--st->nctx];
        int jump = done->jump;
        st->nmsave = done->msave_base;
        if (st->nctx == base)
            return ret;
        ctx = &st->ctx[st->nctx - 1];
        switch (jump) {
        case SRE_FN(J_BRANCH): goto j_branch;
        case SRE_FN(J_REPEAT_ONE_1): goto j_repeat_one_1;
        case SRE_FN(J_REPEAT_ONE_2): goto j_repeat_one_2;
        case SRE_FN(J_MIN_REPEAT_ONE): goto j_min_repeat_one;
        case SRE_FN(J_REPEAT): goto j_repeat;
        case SRE_FN(J_MAX_UNTIL_1): goto j_max_until_1;
        case SRE_FN(J_MAX_UNTIL_2): goto j_max_until_2;
        case SRE_FN(J_MAX_UNTIL_3): goto j_max_until_3;
        case SRE_FN(J_MIN_UNTIL_1): goto j_min_until_1;
        case SRE_FN(J_MIN_UNTIL_2): goto j_min_until_2;
        case SRE_FN(J_MIN_UNTIL_3): goto j_min_until_3;
        case SRE_FN(J_POSS_1): goto j_poss_1;
        case SRE_FN(J_POSS_2): goto j_poss_2;
        case SRE_FN(J_ATOMIC): goto j_atomic;
        case SRE_FN(J_ASSERT): goto j_assert;
        case SRE_FN(J_ASSERT_NOT): goto j_assert_not;
        }
        AdErr_SetString(AdExc_RuntimeError, "internal error in regular expression engine");
    }
error:
    if (st->nctx > base) {
        st->nmsave = st->ctx[base].msave_base;
        st->nctx = base;
    }
    return -1;
}

/* Search from st->start for the first position where the pattern matches. */
static int SRE_FN(search)(sre_state *st, const sre_code *pattern)
{
    const SRE_CHAR *D = (const SRE_CHAR *)st->data;
    Ad_ssize_t ptr = st->start, end = st->endpos;
    Ad_ssize_t prefix_len = 0, prefix_skip = 0;
    const sre_code *prefix = NULL, *charset = NULL;
    sre_code flags = 0;
    int r;

    if (ptr > end)
        return 0;
    if (pattern[0] == SRE_OP_INFO) {
        flags = pattern[2];
        if (pattern[3] && end - ptr < (Ad_ssize_t)pattern[3])
            return 0;
        if (pattern[3] > 1) {
            /* the last position where a match can start */
            end -= pattern[3] - 1;
            if (end <= ptr)
                end = ptr;
        }
        if (flags & SRE_INFO_PREFIX) {
            prefix_len = pattern[5];
            prefix_skip = pattern[6];
            prefix = pattern + 7;
        }
        else if (flags & SRE_INFO_CHARSET)
            charset = pattern + 5;
        pattern += 1 + pattern[1];
    }

    if (prefix_len >= 1) {
        Ad_ssize_t realend = st->endpos;
        uint32_t c0 = prefix[0];
        if (sizeof(SRE_CHAR) < 4 && c0 > (uint32_t)(SRE_CHAR)-1)
            return 0;
        st->must_advance = 0;
        while (ptr + prefix_len <= realend) {
            if (sizeof(SRE_CHAR) == 1) {
                const void *hit = memchr(D + ptr, (int)c0, (size_t)(realend - prefix_len + 1 - ptr));
                if (!hit)
                    return 0;
                ptr = (const SRE_CHAR *)hit - D;
            }
            else {
                while (ptr + prefix_len <= realend && CHR(ptr) != c0)
                    ptr++;
                if (ptr + prefix_len > realend)
                    return 0;
            }
            Ad_ssize_t k = 1;
            while (k < prefix_len && CHR(ptr + k) == prefix[k])
                k++;
            if (k == prefix_len) {
                st->start = ptr;
                if (flags & SRE_INFO_LITERAL) {
                    st->ptr = ptr + prefix_len;
                    return 1;
                }
                st->ptr = ptr + prefix_skip;
                st->lastmark = st->lastindex = -1;
                r = SRE_FN(match)(st, pattern + 2 * prefix_skip, 1);
                if (r != 0)
                    return r;
            }
            ptr++;
            if (((ptr) & 0xFFFF) == 0 && AdErr_CheckSignals() < 0)
                return -1;
        }
        return 0;
    }

    if (charset) {
        end = st->endpos;
        st->must_advance = 0;
        /* bytes and Latin-1 subjects of some length: a table of the set,
         * built once per state */
        const unsigned char *table = st->cs_table;
        int use_table = sizeof(SRE_CHAR) == 1 && (st->cs_table_for == charset || end - ptr > 256);
        if (use_table && st->cs_table_for != charset) {
            for (int c = 0; c < 256; c++)
                st->cs_table[c] = (unsigned char)sre_in_charset(charset, (uint32_t)c);
            st->cs_table_for = charset;
        }
        for (;;) {
            if (use_table) {
                while (ptr < end && !table[(unsigned char)D[ptr]])
                    ptr++;
            }
            else
                while (ptr < end && !sre_in_charset(charset, CHR(ptr)))
                    ptr++;
            if (ptr >= end)
                return 0;
            st->start = st->ptr = ptr;
            st->lastmark = st->lastindex = -1;
            r = SRE_FN(match)(st, pattern, 1);
            if (r != 0)
                return r;
            ptr++;
            if ((ptr & 0xFFFF) == 0 && AdErr_CheckSignals() < 0)
                return -1;
        }
    }

    /* general case */
    st->start = st->ptr = ptr;
    st->lastmark = st->lastindex = -1;
    r = SRE_FN(match)(st, pattern, 1);
    st->must_advance = 0;
    if (r != 0)
        return r;
    if (pattern[0] == SRE_OP_AT && (pattern[1] == SRE_AT_BEGINNING || pattern[1] == SRE_AT_BEGINNING_STRING))
        return 0;
    /* a leading literal: scan for it */
    if (pattern[0] == SRE_OP_LITERAL) {
        uint32_t c = pattern[1];
        Ad_ssize_t realend = st->endpos;
        while (ptr < end) {
            ptr++;
            while (ptr <= end && ptr < realend && CHR(ptr) != c)
                ptr++;
            if (ptr > end || ptr >= realend)
                break;
            st->start = st->ptr = ptr;
            st->lastmark = st->lastindex = -1;
            r = SRE_FN(match)(st, pattern, 1);
            if (r != 0)
                return r;
        }
        return 0;
    }
    /* a first op that tests one character: skip positions where it fails */
    int filter = pattern[0] == SRE_OP_LITERAL_IGNORE || pattern[0] == SRE_OP_LITERAL_UNI_IGNORE ||
                 pattern[0] == SRE_OP_IN || pattern[0] == SRE_OP_IN_UNI_IGNORE;
    Ad_ssize_t realend = st->endpos;
    while (ptr < end) {
        ptr++;
        if (filter) {
            while (ptr < end && ptr < realend && !sre_first_char(pattern, CHR(ptr)))
                ptr++;
            if (ptr >= realend)
                return 0;
        }
        st->start = st->ptr = ptr;
        st->lastmark = st->lastindex = -1;
        r = SRE_FN(match)(st, pattern, 1);
        if (r != 0)
            return r;
        if ((ptr & 0xFFFF) == 0 && AdErr_CheckSignals() < 0)
            return -1;
    }
    return 0;
}

#undef CHR
#undef SRE_CALL
#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef MARK_PUSH
#undef MARK_RESTORE
#undef MARK_DISCARD
