# A small JSON-ish parser and pretty printer written from scratch: a tokenizer,
# a recursive-descent parser with line/column error reporting, a printer with
# indentation and key sorting, and a few queries over the parsed data.

class ParseError(Exception):
    def __init__(self, msg, line, col):
        super().__init__(f'{msg} at line {line}, column {col}')
        self.line = line
        self.col = col


class Token:
    __slots__ = ('kind', 'value', 'line', 'col')

    def __init__(self, kind, value, line, col):
        self.kind = kind
        self.value = value
        self.line = line
        self.col = col

    def __repr__(self):
        return f'Token({self.kind}, {self.value!r}, {self.line}:{self.col})'


PUNCT = {'{': 'LBRACE', '}': 'RBRACE', '[': 'LBRACK', ']': 'RBRACK', ':': 'COLON', ',': 'COMMA'}
ESCAPES = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t'}


def tokenize(text):
    i, line, col = 0, 1, 1
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == '\n':
            i += 1
            line += 1
            col = 1
            continue
        if ch in ' \t\r':
            i += 1
            col += 1
            continue
        if ch == '#':  # comments to end of line: the "ish" in JSON-ish
            while i < n and text[i] != '\n':
                i += 1
            continue
        if ch in PUNCT:
            yield Token(PUNCT[ch], ch, line, col)
            i += 1
            col += 1
            continue
        if ch == '"':
            start_col = col
            i += 1
            col += 1
            buf = []
            while True:
                if i >= n or text[i] == '\n':
                    raise ParseError('unterminated string', line, start_col)
                c = text[i]
                if c == '"':
                    i += 1
                    col += 1
                    break
                if c == '\\':
                    if i + 1 >= n:
                        raise ParseError('bad escape', line, col)
                    e = text[i + 1]
                    if e == 'u':
                        hexdigits = text[i + 2:i + 6]
                        if len(hexdigits) != 4 or any(h not in '0123456789abcdefABCDEF' for h in hexdigits):
                            raise ParseError('bad unicode escape', line, col)
                        buf.append(chr(int(hexdigits, 16)))
                        i += 6
                        col += 6
                        continue
                    if e not in ESCAPES:
                        raise ParseError(f'unknown escape \\{e}', line, col)
                    buf.append(ESCAPES[e])
                    i += 2
                    col += 2
                    continue
                buf.append(c)
                i += 1
                col += 1
            yield Token('STRING', ''.join(buf), line, start_col)
            continue
        if ch == '-' or ch.isdigit():
            j = i + 1
            while j < n and (text[j].isdigit() or text[j] in '.eE+-'):
                j += 1
            raw = text[i:j]
            try:
                value = float(raw) if any(c in raw for c in '.eE') else int(raw)
            except ValueError:
                raise ParseError(f'bad number {raw!r}', line, col) from None
            yield Token('NUMBER', value, line, col)
            col += j - i
            i = j
            continue
        if ch.isalpha():
            j = i
            while j < n and text[j].isalpha():
                j += 1
            word = text[i:j]
            consts = {'true': True, 'false': False, 'null': None}
            if word not in consts:
                raise ParseError(f'unknown word {word!r}', line, col)
            yield Token('CONST', consts[word], line, col)
            col += j - i
            i = j
            continue
        raise ParseError(f'unexpected character {ch!r}', line, col)
    yield Token('EOF', None, line, col)


class Parser:
    def __init__(self, text):
        self.tokens = list(tokenize(text))
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def take(self, kind=None):
        tok = self.tokens[self.pos]
        if kind is not None and tok.kind != kind:
            raise ParseError(f'expected {kind}, found {tok.kind}', tok.line, tok.col)
        self.pos += 1
        return tok

    def parse(self):
        value = self.value()
        self.take('EOF')
        return value

    def value(self):
        tok = self.peek()
        match tok.kind:
            case 'LBRACE':
                return self.obj()
            case 'LBRACK':
                return self.arr()
            case 'STRING' | 'NUMBER' | 'CONST':
                self.pos += 1
                return tok.value
            case _:
                raise ParseError(f'unexpected {tok.kind}', tok.line, tok.col)

    def obj(self):
        self.take('LBRACE')
        result = {}
        if self.peek().kind == 'RBRACE':
            self.take()
            return result
        while True:
            key_tok = self.take('STRING')
            self.take('COLON')
            if key_tok.value in result:
                raise ParseError(f'duplicate key {key_tok.value!r}', key_tok.line, key_tok.col)
            result[key_tok.value] = self.value()
            tok = self.take()
            if tok.kind == 'RBRACE':
                return result
            if tok.kind != 'COMMA':
                raise ParseError(f'expected , or }} in object, found {tok.kind}', tok.line, tok.col)
            if self.peek().kind == 'RBRACE':  # trailing comma allowed
                self.take()
                return result

    def arr(self):
        self.take('LBRACK')
        items = []
        if self.peek().kind == 'RBRACK':
            self.take()
            return items
        while True:
            items.append(self.value())
            tok = self.take()
            if tok.kind == 'RBRACK':
                return items
            if tok.kind != 'COMMA':
                raise ParseError(f'expected , or ] in array, found {tok.kind}', tok.line, tok.col)
            if self.peek().kind == 'RBRACK':  # trailing comma allowed
                self.take()
                return items


def dumps(value, indent=2, sort_keys=False, level=0):
    pad = ' ' * (indent * (level + 1))
    end_pad = ' ' * (indent * level)
    if value is None:
        return 'null'
    if value is True:
        return 'true'
    if value is False:
        return 'false'
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        out = ['"']
        for c in value:
            if c in '"\\':
                out.append('\\' + c)
            elif c == '\n':
                out.append('\\n')
            elif c == '\t':
                out.append('\\t')
            elif ord(c) < 0x20 or ord(c) > 0x7e:
                out.append(f'\\u{ord(c):04x}' if ord(c) <= 0xFFFF else c)
            else:
                out.append(c)
        out.append('"')
        return ''.join(out)
    if isinstance(value, list):
        if not value:
            return '[]'
        if all(not isinstance(v, (list, dict)) for v in value) and len(value) <= 6:
            return '[' + ', '.join(dumps(v, indent, sort_keys, level + 1) for v in value) + ']'
        inner = (',\n').join(pad + dumps(v, indent, sort_keys, level + 1) for v in value)
        return '[\n' + inner + '\n' + end_pad + ']'
    if isinstance(value, dict):
        if not value:
            return '{}'
        keys = sorted(value) if sort_keys else list(value)
        inner = (',\n').join(f'{pad}{dumps(k)}: {dumps(value[k], indent, sort_keys, level + 1)}' for k in keys)
        return '{\n' + inner + '\n' + end_pad + '}'
    raise TypeError(f'cannot serialize {type(value).__name__}')


def walk(value, path='$'):
    yield path, value
    if isinstance(value, dict):
        for k, v in value.items():
            yield from walk(v, f'{path}.{k}')
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from walk(v, f'{path}[{i}]')


DOCUMENT = '''
# inventory of a small shop
{
  "shop": "Corner \\"Books\\"",
  "open": true,
  "rating": 4.5,
  "owner": null,
  "tags": ["books", "coffee", "caf\\u00e9"],
  "items": [
    {"title": "Dune", "price": 9.99, "stock": 3, "authors": ["Herbert"]},
    {"title": "SICP", "price": 45, "stock": 0, "authors": ["Abelson", "Sussman"]},
    {"title": "Godel, Escher, Bach", "price": 20.5, "stock": 7, "authors": ["Hofstadter"],},
  ],
  "hours": {"mon": [9, 17], "sat": [10, 14], "sun": []},
  "notes": "line1\\nline2\\ttabbed",
  "big": 123456789012345678901234567890,
  "tiny": -1.5e-7
}
'''

doc = Parser(DOCUMENT).parse()
print(dumps(doc))
print(dumps(doc['hours'], indent=4, sort_keys=True))
print('shop name:', doc['shop'])
print('tags:', doc['tags'])
in_stock = [it['title'] for it in doc['items'] if it['stock'] > 0]
print('in stock:', in_stock)
value = sum(it['price'] * it['stock'] for it in doc['items'])
print(f'stock value: {value:.2f}')
print('authors:', sorted({a for it in doc['items'] for a in it['authors']}))
numbers = [(p, v) for p, v in walk(doc) if isinstance(v, (int, float)) and not isinstance(v, bool)]
for p, v in numbers:
    print(f'{p:<22} {v!r}')
print('round trip equal:', Parser(dumps(doc)).parse() == doc)
print('paths:', sum(1 for _ in walk(doc)))

BAD = [
    '{"a": 1,, "b": 2}',
    '[1, 2',
    '{"a" 1}',
    '"unterminated',
    '{"k": tru}',
    '[1, 2] extra',
    '{"dup": 1, "dup": 2}',
    '{"x": "\\q"}',
    '[1.2.3]',
    '@',
    '{\n  "a": [\n    1,\n    }\n}',
]
for text in BAD:
    try:
        Parser(text).parse()
        print('parsed?!', text)
    except ParseError as e:
        print(f'{text!r:36} -> {e} [{e.line}:{e.col}]')

print(repr(list(tokenize('{"a": [1, -2.5e3, true]}'))[:4]))
try:
    dumps({'s': {1, 2}})
except TypeError as e:
    print('TypeError:', e)
