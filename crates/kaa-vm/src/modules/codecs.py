# The Python half of `_codecs` (see codecs.rs): the codec search registry, the error handler
# registry, and the per-codec functions that `encodings/*.py` call. The byte-level work of the
# codecs Kaa knows natively (UTF-8/16/32, ASCII, Latin-1) is done by str.encode/bytes.decode;
# this layer adds the (result, consumed) protocol, incremental decoding and the table codecs.

_search_functions = []
_codec_cache = {}
_encodings_imported = False


def _normalize(encoding):
    # CPython keeps ASCII letters, digits and dots (lowered); runs of anything else become one
    # '_' between kept characters.
    out = []
    gap = False
    for c in encoding:
        if (c.isalnum() and c.isascii()) or c == '.':
            if gap and out:
                out.append('_')
            gap = False
            out.append(c.lower())
        else:
            gap = True
    return ''.join(out)


def register(search_function):
    if not callable(search_function):
        raise TypeError('argument must be callable')
    _search_functions.append(search_function)


def unregister(search_function):
    if search_function in _search_functions:
        _search_functions.remove(search_function)
        _codec_cache.clear()


def lookup(encoding):
    global _encodings_imported
    if not isinstance(encoding, str):
        raise TypeError('lookup() argument must be str, not %s'
                        % ('None' if encoding is None else type(encoding).__name__))
    key = _normalize(encoding)
    found = _codec_cache.get(key)
    if found is not None:
        return found
    if not _encodings_imported:
        _encodings_imported = True
        import encodings
    if not _search_functions:
        raise LookupError("no codec search functions registered: can't find encoding")
    for search in _search_functions:
        result = search(key)
        if result is None:
            continue
        if not isinstance(result, tuple) or _length(result) != 4:
            raise TypeError('codec search functions must return 4-tuples')
        _codec_cache[key] = result
        return result
    raise LookupError('unknown encoding: %s' % encoding)


_CODEC_INFO_FIELDS = ('encode', 'decode', 'streamreader', 'streamwriter')


def _length(info):
    try:
        return len(info)
    except TypeError:
        # A tuple subclass whose tuple part Kaa does not keep yet (CodecInfo).
        return 4


def _item(info, i):
    try:
        return info[i]
    except TypeError:
        return getattr(info, _CODEC_INFO_FIELDS[i])


def _forget_codec(encoding):
    _codec_cache.pop(_normalize(encoding), None)


def encode(obj, encoding='utf-8', errors='strict'):
    result = _item(lookup(encoding), 0)(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    return result[0]


def decode(obj, encoding='utf-8', errors='strict'):
    result = _item(lookup(encoding), 1)(obj, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('decoder must return a tuple (object, integer)')
    return result[0]


def _is_text_encoding(info):
    return getattr(info, '_is_text_encoding', True)


def _encode_text(text, encoding, errors):
    # str.encode with a codec Kaa does not know natively.
    info = lookup(encoding)
    if not _is_text_encoding(info):
        raise LookupError("'%s' is not a text encoding; use codecs.encode() to handle arbitrary codecs"
                          % encoding)
    result = _item(info, 0)(text, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('encoder must return a tuple (object, integer)')
    out = result[0]
    if not isinstance(out, bytes):
        if isinstance(out, bytearray):
            return bytes(out)
        raise TypeError("'%s' encoder returned '%s' instead of 'bytes'; use codecs.encode() to "
                        "encode to arbitrary types" % (encoding, type(out).__name__))
    return out


def _decode_text(data, encoding, errors):
    # bytes.decode with a codec Kaa does not know natively.
    info = lookup(encoding)
    if not _is_text_encoding(info):
        raise LookupError("'%s' is not a text encoding; use codecs.decode() to handle arbitrary codecs"
                          % encoding)
    result = _item(info, 1)(data, errors)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError('decoder must return a tuple (object, integer)')
    out = result[0]
    if not isinstance(out, str):
        raise TypeError("'%s' decoder returned '%s' instead of 'str'; use codecs.decode() to "
                        "decode to arbitrary types" % (encoding, type(out).__name__))
    return out


# ---- error handlers ----

def _handler_type_error(exc):
    return TypeError("don't know how to handle %s in error callback" % type(exc).__name__)


def strict_errors(exc):
    if isinstance(exc, BaseException):
        raise exc
    raise TypeError('codec must pass exception instance')


def ignore_errors(exc):
    if isinstance(exc, (UnicodeEncodeError, UnicodeDecodeError, UnicodeTranslateError)):
        return ('', exc.end)
    raise _handler_type_error(exc)


def replace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        return ('?' * (exc.end - exc.start), exc.end)
    if isinstance(exc, UnicodeDecodeError):
        return ('\ufffd', exc.end)
    if isinstance(exc, UnicodeTranslateError):
        return ('\ufffd' * (exc.end - exc.start), exc.end)
    raise _handler_type_error(exc)


def _escape_char(c):
    cp = ord(c)
    if cp < 0x100:
        return '\\x%02x' % cp
    if cp < 0x10000:
        return '\\u%04x' % cp
    return '\\U%08x' % cp


def backslashreplace_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        part = exc.object[exc.start:exc.end]
        return (''.join('\\x%02x' % b for b in part), exc.end)
    if isinstance(exc, (UnicodeEncodeError, UnicodeTranslateError)):
        part = exc.object[exc.start:exc.end]
        return (''.join(_escape_char(c) for c in part), exc.end)
    raise _handler_type_error(exc)


def xmlcharrefreplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        part = exc.object[exc.start:exc.end]
        return (''.join('&#%d;' % ord(c) for c in part), exc.end)
    raise _handler_type_error(exc)


def namereplace_errors(exc):
    if isinstance(exc, UnicodeEncodeError):
        import unicodedata
        out = []
        for c in exc.object[exc.start:exc.end]:
            name = unicodedata.name(c, None)
            out.append('\\N{%s}' % name if name is not None else _escape_char(c))
        return (''.join(out), exc.end)
    raise _handler_type_error(exc)


def surrogateescape_errors(exc):
    if isinstance(exc, UnicodeDecodeError):
        part = exc.object[exc.start:exc.end]
        if all(b >= 128 for b in part) and len(part) <= 4:
            # Kaa's str cannot hold lone surrogates: the bytes cannot be escaped.
            pass
    raise exc


def surrogatepass_errors(exc):
    raise exc


_error_handlers = {
    'strict': strict_errors,
    'ignore': ignore_errors,
    'replace': replace_errors,
    'backslashreplace': backslashreplace_errors,
    'xmlcharrefreplace': xmlcharrefreplace_errors,
    'namereplace': namereplace_errors,
    'surrogateescape': surrogateescape_errors,
    'surrogatepass': surrogatepass_errors,
}

# The handlers the native codecs apply themselves.
_native_handlers = ('strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace')


def register_error(name, handler):
    if not isinstance(name, str):
        raise TypeError('register_error() argument 1 must be str, not %s' % type(name).__name__)
    if not callable(handler):
        raise TypeError('handler must be callable')
    _error_handlers[name] = handler


def lookup_error(name):
    if not isinstance(name, str):
        raise TypeError('lookup_error() argument must be str, not %s' % type(name).__name__)
    try:
        return _error_handlers[name]
    except KeyError:
        raise LookupError("unknown error handler name '%s'" % name) from None


def _call_handler(errors, exc):
    # Runs the handler for `exc`; returns (replacement, resume position).
    result = lookup_error(errors)(exc)
    if not isinstance(result, tuple) or len(result) != 2 or not isinstance(result[1], int):
        if isinstance(exc, UnicodeDecodeError):
            raise TypeError('decoding error handler must return (str, int) tuple')
        raise TypeError('encoding error handler must return (str/bytes, int) tuple')
    replacement, pos = result
    length = len(exc.object)
    if pos < 0:
        pos += length
    if not 0 <= pos <= length:
        raise IndexError('position %d from error handler out of bounds' % result[1])
    return replacement, pos


# ---- argument helpers ----

def _errors(errors):
    return 'strict' if errors is None else errors


def _native_errors(errors):
    # The handler to give a native codec: one it applies itself, else 'strict' (for the codecs
    # that cannot fail on Kaa's strings, or until a Python-level loop handles them).
    errors = _errors(errors)
    return errors if errors in _native_handlers or errors == 'surrogateescape' else 'strict'


def _check_str(fname, obj):
    if not isinstance(obj, str):
        raise TypeError('%s() argument 1 must be str, not %s' % (fname, type(obj).__name__))


def _as_bytes(fname, obj):
    if isinstance(obj, bytes):
        return obj
    if isinstance(obj, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    try:
        return bytes(memoryview(obj))
    except TypeError:
        raise TypeError("a bytes-like object is required, not '%s'" % type(obj).__name__) from None


def _encode_with(text, encoding, errors, limit):
    # Encodes with a native codec, giving errors Kaa's codecs do not know to the registry.
    errors = _errors(errors)
    if errors in _native_handlers or limit is None:
        return text.encode(encoding, _native_errors(errors))
    out = bytearray()
    i = 0
    n = len(text)
    while i < n:
        if ord(text[i]) <= limit:
            out.append(ord(text[i]))
            i += 1
            continue
        j = i + 1
        while j < n and ord(text[j]) > limit:
            j += 1
        reason = 'ordinal not in range(%d)' % (limit + 1)
        exc = UnicodeEncodeError(encoding, text, i, j, reason)
        replacement, i = _call_handler(errors, exc)
        if isinstance(replacement, str):
            for c in replacement:
                if ord(c) > limit:
                    raise UnicodeEncodeError(encoding, text, exc.start, exc.end, reason)
                out.append(ord(c))
        else:
            out += replacement
    return bytes(out)


def _decode_with(data, encoding, errors):
    errors = _errors(errors)
    if errors in _native_handlers:
        return data.decode(encoding, errors)
    try:
        return data.decode(encoding, 'strict')
    except UnicodeDecodeError:
        pass
    # Past the first error, a loop that gives each error to the registered handler.
    out = []
    i = 0
    n = len(data)
    while i < n:
        if encoding == 'ascii':
            if data[i] < 128:
                out.append(chr(data[i]))
                i += 1
                continue
            exc = UnicodeDecodeError('ascii', data, i, i + 1, 'ordinal not in range(128)')
        else:
            length, reason = _utf8_sequence(data, i)
            if reason is None:
                out.append(data[i:i + length].decode('utf-8'))
                i += length
                continue
            exc = UnicodeDecodeError('utf-8', data, i, i + length, reason)
        replacement, i = _call_handler(errors, exc)
        out.append(replacement)
    return ''.join(out)


def _utf8_sequence(data, i):
    # (length, None) for a valid UTF-8 sequence at i, else (bad length, reason) as CPython
    # reports them.
    b = data[i]
    if b < 0x80:
        return 1, None
    if b < 0xC2 or b > 0xF4:
        return 1, 'invalid start byte'
    need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4
    lo, hi = 0x80, 0xBF
    if b == 0xE0:
        lo = 0xA0
    elif b == 0xED:
        hi = 0x9F
    elif b == 0xF0:
        lo = 0x90
    elif b == 0xF4:
        hi = 0x8F
    for k in range(1, need):
        if i + k >= len(data):
            return len(data) - i, 'unexpected end of data'
        c = data[i + k]
        if not (lo <= c <= hi if k == 1 else 0x80 <= c <= 0xBF):
            return k, 'invalid continuation byte'
    return need, None


# ---- UTF-8 ----

def _utf8_complete(data):
    # The length of `data` without a trailing, still incomplete (but so far valid) sequence.
    n = len(data)
    for back in range(1, min(4, n + 1)):
        b = data[n - back]
        if b < 0x80:
            return n
        if b >= 0xC0:
            need = 2 if b < 0xE0 else 3 if b < 0xF0 else 4 if b < 0xF5 else 0
            if need > back:
                if back >= 2:
                    second = data[n - back + 1]
                    lo, hi = 0x80, 0xBF
                    if b == 0xE0:
                        lo = 0xA0
                    elif b == 0xED:
                        hi = 0x9F
                    elif b == 0xF0:
                        lo = 0x90
                    elif b == 0xF4:
                        hi = 0x8F
                    if not lo <= second <= hi:
                        return n
                if b in (0xC0, 0xC1):
                    return n
                return n - back
            return n
    return n


def utf_8_encode(str, errors=None):
    _check_str('utf_8_encode', str)
    return (str.encode('utf-8', _native_errors(errors)), len(str))


def utf_8_decode(data, errors=None, final=False):
    data = _as_bytes('utf_8_decode', data)
    end = len(data) if final else _utf8_complete(data)
    return (_decode_with(data[:end], 'utf-8', errors), end)


# ---- ASCII and Latin-1 ----

def ascii_encode(str, errors=None):
    _check_str('ascii_encode', str)
    return (_encode_with(str, 'ascii', errors, 0x7F), len(str))


def ascii_decode(data, errors=None):
    data = _as_bytes('ascii_decode', data)
    return (_decode_with(data, 'ascii', errors), len(data))


def latin_1_encode(str, errors=None):
    _check_str('latin_1_encode', str)
    return (_encode_with(str, 'latin-1', errors, 0xFF), len(str))


def latin_1_decode(data, errors=None):
    data = _as_bytes('latin_1_decode', data)
    return (data.decode('latin-1'), len(data))


# ---- UTF-16 and UTF-32 ----

def _utf16_complete(data, big):
    n = len(data) & ~1
    if n >= 2:
        unit = (data[n - 2] << 8 | data[n - 1]) if big else (data[n - 1] << 8 | data[n - 2])
        if 0xD800 <= unit <= 0xDBFF:
            n -= 2
    return n


def _utf_ex_decode(data, errors, byteorder, final, width):
    # Returns (text, consumed, byteorder); byteorder 0 means "look for a BOM".
    name = 'utf-16' if width == 2 else 'utf-32'
    start = 0
    if byteorder == 0:
        if width == 2 and len(data) >= 2:
            if data[:2] == b'\xff\xfe':
                byteorder, start = -1, 2
            elif data[:2] == b'\xfe\xff':
                byteorder, start = 1, 2
        elif width == 4 and len(data) >= 4:
            if data[:4] == b'\xff\xfe\x00\x00':
                byteorder, start = -1, 4
            elif data[:4] == b'\x00\x00\xfe\xff':
                byteorder, start = 1, 4
        elif not final:
            return ('', 0, 0)
    big = byteorder == 1
    body = data[start:]
    if final:
        end = len(body)
    elif width == 2:
        end = _utf16_complete(body, big)
    else:
        end = len(body) & ~3
    codec = name + ('-be' if big else '-le')
    return (body[:end].decode(codec, _native_errors(errors)), start + end, byteorder)


def utf_16_encode(str, errors=None, byteorder=0):
    _check_str('utf_16_encode', str)
    codec = 'utf-16' if byteorder == 0 else 'utf-16-be' if byteorder > 0 else 'utf-16-le'
    return (str.encode(codec, _native_errors(errors)), len(str))


def utf_16_le_encode(str, errors=None):
    _check_str('utf_16_le_encode', str)
    return (str.encode('utf-16-le', _native_errors(errors)), len(str))


def utf_16_be_encode(str, errors=None):
    _check_str('utf_16_be_encode', str)
    return (str.encode('utf-16-be', _native_errors(errors)), len(str))


def utf_16_decode(data, errors=None, final=False):
    text, consumed, _ = _utf_ex_decode(_as_bytes('utf_16_decode', data), errors, 0, final, 2)
    return (text, consumed)


def utf_16_le_decode(data, errors=None, final=False):
    text, consumed, _ = _utf_ex_decode(_as_bytes('utf_16_le_decode', data), errors, -1, final, 2)
    return (text, consumed)


def utf_16_be_decode(data, errors=None, final=False):
    text, consumed, _ = _utf_ex_decode(_as_bytes('utf_16_be_decode', data), errors, 1, final, 2)
    return (text, consumed)


def utf_16_ex_decode(data, errors=None, byteorder=0, final=False):
    return _utf_ex_decode(_as_bytes('utf_16_ex_decode', data), errors, byteorder, final, 2)


def utf_32_encode(str, errors=None, byteorder=0):
    _check_str('utf_32_encode', str)
    codec = 'utf-32' if byteorder == 0 else 'utf-32-be' if byteorder > 0 else 'utf-32-le'
    return (str.encode(codec, _native_errors(errors)), len(str))


def utf_32_le_encode(str, errors=None):
    _check_str('utf_32_le_encode', str)
    return (str.encode('utf-32-le', _native_errors(errors)), len(str))


def utf_32_be_encode(str, errors=None):
    _check_str('utf_32_be_encode', str)
    return (str.encode('utf-32-be', _native_errors(errors)), len(str))


def utf_32_decode(data, errors=None, final=False):
    text, consumed, _ = _utf_ex_decode(_as_bytes('utf_32_decode', data), errors, 0, final, 4)
    return (text, consumed)


def utf_32_le_decode(data, errors=None, final=False):
    text, consumed, _ = _utf_ex_decode(_as_bytes('utf_32_le_decode', data), errors, -1, final, 4)
    return (text, consumed)


def utf_32_be_decode(data, errors=None, final=False):
    text, consumed, _ = _utf_ex_decode(_as_bytes('utf_32_be_decode', data), errors, 1, final, 4)
    return (text, consumed)


def utf_32_ex_decode(data, errors=None, byteorder=0, final=False):
    return _utf_ex_decode(_as_bytes('utf_32_ex_decode', data), errors, byteorder, final, 4)


# ---- table codecs ----

class EncodingMap:
    # What charmap_build makes: the inverse of a 256-character decoding table.
    def __init__(self, table):
        self._map = {}
        for i, c in enumerate(table):
            if c != '\ufffe' and ord(c) not in self._map:
                self._map[ord(c)] = i

    def size(self):
        return len(self._map)

    def get(self, cp, default=None):
        return self._map.get(cp, default)


EncodingMap.__module__ = 'builtins'


def charmap_build(map):
    _check_str('charmap_build', map)
    return EncodingMap(map)


def _charmap_lookup_decode(mapping, byte):
    # The character byte `byte` maps to, or None when it is undefined.
    if isinstance(mapping, str):
        if byte < len(mapping) and mapping[byte] != '\ufffe':
            return mapping[byte]
        return None
    try:
        value = mapping[byte]
    except LookupError:
        return None
    if value is None:
        return None
    if isinstance(value, int):
        if not 0 <= value <= 0x10FFFF:
            raise TypeError('character mapping must be in range(0x110000)')
        return chr(value)
    if isinstance(value, str):
        return None if value == '\ufffe' else value
    raise TypeError('character mapping must return integer, None or str')


def charmap_decode(data, errors=None, mapping=None):
    data = _as_bytes('charmap_decode', data)
    if mapping is None:
        return (data.decode('latin-1'), len(data))
    out = []
    i = 0
    n = len(data)
    while i < n:
        c = _charmap_lookup_decode(mapping, data[i])
        if c is not None:
            out.append(c)
            i += 1
            continue
        exc = UnicodeDecodeError('charmap', data, i, i + 1, 'character maps to <undefined>')
        replacement, i = _call_handler(_errors(errors), exc)
        out.append(replacement)
    return (''.join(out), n)


def _charmap_lookup_encode(mapping, c):
    # The bytes character `c` maps to, or None when it is undefined.
    if isinstance(mapping, EncodingMap):
        b = mapping.get(ord(c))
        return None if b is None else bytes((b,))
    try:
        value = mapping[ord(c)]
    except LookupError:
        return None
    if value is None:
        return None
    if isinstance(value, int):
        if not 0 <= value <= 255:
            raise TypeError('character mapping must be in range(256)')
        return bytes((value,))
    if isinstance(value, bytes):
        return value
    raise TypeError('character mapping must return integer, bytes or None, not %s'
                    % type(value).__name__)


def charmap_encode(str, errors=None, mapping=None):
    _check_str('charmap_encode', str)
    if mapping is None:
        return latin_1_encode(str, errors)
    out = bytearray()
    i = 0
    n = len(str)
    while i < n:
        b = _charmap_lookup_encode(mapping, str[i])
        if b is not None:
            out += b
            i += 1
            continue
        j = i + 1
        while j < n and _charmap_lookup_encode(mapping, str[j]) is None:
            j += 1
        exc = UnicodeEncodeError('charmap', str, i, j, 'character maps to <undefined>')
        replacement, i = _call_handler(_errors(errors), exc)
        if isinstance(replacement, bytes):
            out += replacement
        else:
            for c in replacement:
                b = _charmap_lookup_encode(mapping, c)
                if b is None:
                    raise UnicodeEncodeError('charmap', str, exc.start, exc.end,
                                             'character maps to <undefined>')
                out += b
    return (bytes(out), n)


# ---- escape codecs ----

def escape_encode(data, errors=None):
    if not isinstance(data, bytes):
        raise TypeError('argument 1 must be bytes, not %s' % type(data).__name__)
    out = []
    for b in data:
        if b == 0x5C:
            out.append('\\\\')
        elif b == 0x27:
            out.append("\\'")
        elif b == 9:
            out.append('\\t')
        elif b == 10:
            out.append('\\n')
        elif b == 13:
            out.append('\\r')
        elif b < 32 or b >= 127:
            out.append('\\x%02x' % b)
        else:
            out.append(chr(b))
    return (''.join(out).encode('latin-1'), len(data))


_SIMPLE_ESCAPES = {
    ord('\n'): None, ord('\\'): '\\', ord("'"): "'", ord('"'): '"', ord('b'): '\b',
    ord('f'): '\f', ord('t'): '\t', ord('n'): '\n', ord('r'): '\r', ord('v'): '\v',
    ord('a'): '\a',
}


def _unescape(data, errors, unicode, fname):
    # The shared decoder of escape_decode (bytes out) and unicode_escape_decode (str out).
    errors = _errors(errors)
    out = []
    i = 0
    n = len(data)
    codec = 'unicodeescape' if unicode else None
    while i < n:
        b = data[i]
        if b != 0x5C:
            out.append(chr(b))
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            if not unicode:
                raise ValueError('Trailing \\ in string')
            exc = UnicodeDecodeError(codec, data, start, n, '\\ at end of string')
            replacement, i = _call_handler(errors, exc)
            out.append(replacement)
            continue
        c = data[i]
        i += 1
        if c in _SIMPLE_ESCAPES:
            value = _SIMPLE_ESCAPES[c]
            if value is not None:
                out.append(value)
            continue
        if 0x30 <= c <= 0x37:
            value = c - 0x30
            for _ in range(2):
                if i < n and 0x30 <= data[i] <= 0x37:
                    value = value * 8 + data[i] - 0x30
                    i += 1
            if not unicode:
                value &= 0xFF
            out.append(chr(value))
            continue
        width = {ord('x'): 2, ord('u'): 4, ord('U'): 8}.get(c) if unicode else (2 if c == ord('x') else None)
        if width is not None:
            digits = data[i:i + width]
            ok = len(digits) == width and all(chr(d) in '0123456789abcdefABCDEF' for d in digits)
            if ok:
                value = int(digits.decode('ascii'), 16)
                if value <= 0x10FFFF:
                    out.append(chr(value))
                    i += width
                    continue
                reason = 'illegal Unicode character'
                end = i + width
            else:
                good = 0
                while good < len(digits) and chr(digits[good]) in '0123456789abcdefABCDEF':
                    good += 1
                end = i + good
                reason = 'truncated \\%sXX escape' % chr(c) if width == 2 else (
                    'truncated \\uXXXX escape' if width == 4 else 'truncated \\UXXXXXXXX escape')
            if not unicode:
                if errors == 'strict':
                    raise ValueError('invalid \\x escape at position %d' % start)
                if errors == 'replace':
                    out.append('?')
                elif errors != 'ignore':
                    raise ValueError("decoding error; unknown error handling code: %s" % errors)
                i = end
                continue
            exc = UnicodeDecodeError(codec, data, start, end, reason)
            replacement, i = _call_handler(errors, exc)
            out.append(replacement)
            continue
        if unicode and c == ord('N'):
            import unicodedata
            close = data.find(b'}', i)
            if i < n and data[i] == ord('{') and close > i + 1:
                try:
                    out.append(unicodedata.lookup(data[i + 1:close].decode('ascii')))
                    i = close + 1
                    continue
                except (KeyError, UnicodeDecodeError):
                    pass
            exc = UnicodeDecodeError(codec, data, start, close + 1 if close > 0 else n,
                                     'malformed \\N character escape')
            replacement, i = _call_handler(errors, exc)
            out.append(replacement)
            continue
        # An unknown escape stays as it is.
        out.append('\\')
        out.append(chr(c))
    return ''.join(out)


def escape_decode(data, errors=None):
    if isinstance(data, str):
        data = data.encode('latin-1')
    data = _as_bytes('escape_decode', data)
    text = _unescape(data, errors, False, 'escape_decode')
    return (text.encode('latin-1'), len(data))


def unicode_escape_encode(str, errors=None):
    _check_str('unicode_escape_encode', str)
    out = []
    for c in str:
        cp = ord(c)
        if c == '\\':
            out.append('\\\\')
        elif c == '\t':
            out.append('\\t')
        elif c == '\n':
            out.append('\\n')
        elif c == '\r':
            out.append('\\r')
        elif cp < 32 or 127 <= cp:
            out.append(_escape_char(c))
        else:
            out.append(c)
    return (''.join(out).encode('ascii'), len(str))


def unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _as_bytes('unicode_escape_decode', data)
    end = len(data)
    if not final:
        # Keep a trailing, unfinished escape for the next call.
        k = data.rfind(b'\\')
        if k >= 0:
            backslashes = 0
            j = k
            while j >= 0 and data[j] == 0x5C:
                backslashes += 1
                j -= 1
            if backslashes % 2 == 1:
                tail = data[k + 1:]
                need = {ord('x'): 3, ord('u'): 5, ord('U'): 9}.get(tail[0]) if tail else 1
                if tail and tail[0] in b'01234567':
                    need = 3
                if tail and tail[0] == ord('N'):
                    need = len(tail) + (0 if b'}' in tail else 1)
                if need is not None and len(tail) < need:
                    end = k
    return (_unescape(data[:end], errors, True, 'unicode_escape_decode'), end)


def raw_unicode_escape_encode(str, errors=None):
    _check_str('raw_unicode_escape_encode', str)
    out = bytearray()
    for c in str:
        cp = ord(c)
        if cp < 0x100:
            out.append(cp)
        elif cp < 0x10000:
            out += ('\\u%04x' % cp).encode('ascii')
        else:
            out += ('\\U%08x' % cp).encode('ascii')
    return (bytes(out), len(str))


def raw_unicode_escape_decode(data, errors=None, final=True):
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _as_bytes('raw_unicode_escape_decode', data)
    errors = _errors(errors)
    out = []
    i = 0
    n = len(data)
    while i < n:
        b = data[i]
        if b != 0x5C or i + 1 >= n or data[i + 1] not in (ord('u'), ord('U')):
            if b == 0x5C and not final and i + 1 >= n:
                break
            out.append(chr(b))
            i += 1
            continue
        # A \u or \U after an even run of backslashes is an escape.
        run = 0
        j = i - 1
        while j >= 0 and data[j] == 0x5C:
            run += 1
            j -= 1
        if run % 2 == 1:
            out.append(chr(b))
            i += 1
            continue
        width = 4 if data[i + 1] == ord('u') else 8
        digits = data[i + 2:i + 2 + width]
        if len(digits) < width and not final:
            break
        ok = len(digits) == width and all(chr(d) in '0123456789abcdefABCDEF' for d in digits)
        if ok and int(digits.decode('ascii'), 16) <= 0x10FFFF:
            out.append(chr(int(digits.decode('ascii'), 16)))
            i += 2 + width
            continue
        good = 0
        while good < len(digits) and chr(digits[good]) in '0123456789abcdefABCDEF':
            good += 1
        reason = ('\\Uxxxxxxxx out of range' if ok else
                  'truncated \\uXXXX escape' if width == 4 else 'truncated \\UXXXXXXXX escape')
        exc = UnicodeDecodeError('rawunicodeescape', data, i, i + 2 + good, reason)
        replacement, i = _call_handler(errors, exc)
        out.append(replacement)
    return (''.join(out), i)


def readbuffer_encode(data, errors=None):
    if isinstance(data, str):
        data = data.encode('utf-8')
    data = _as_bytes('readbuffer_encode', data)
    return (data, len(data))


# ---- UTF-7 ----

_B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_UTF7_DIRECT = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'(),-./:? \t\r\n"
                   '!"#$%&*;<=>@[]^_`{|}')


def utf_7_encode(str, errors=None):
    _check_str('utf_7_encode', str)
    out = []
    units = []

    def flush(next_char):
        bits = 0
        nbits = 0
        chunk = []
        for u in units:
            bits = (bits << 16) | u
            nbits += 16
            while nbits >= 6:
                nbits -= 6
                chunk.append(_B64[(bits >> nbits) & 0x3F])
        if nbits:
            chunk.append(_B64[(bits << (6 - nbits)) & 0x3F])
        out.append('+' + ''.join(chunk))
        if next_char is None or next_char in _B64 or next_char == '-':
            out.append('-')
        units.clear()

    for c in str:
        cp = ord(c)
        if c in _UTF7_DIRECT:
            if units:
                flush(c)
            out.append(c)
        elif c == '+' and not units:
            out.append('+-')
        else:
            if cp >= 0x10000:
                cp -= 0x10000
                units.append(0xD800 | (cp >> 10))
                units.append(0xDC00 | (cp & 0x3FF))
            else:
                units.append(cp)
    if units:
        flush(None)
    return (''.join(out).encode('ascii'), len(str))


def utf_7_decode(data, errors=None, final=False):
    data = _as_bytes('utf_7_decode', data)
    out = []
    i = 0
    n = len(data)
    consumed = 0
    while i < n:
        c = chr(data[i])
        if c != '+':
            out.append(c)
            i += 1
            consumed = i
            continue
        j = i + 1
        if j < n and data[j] == ord('-'):
            out.append('+')
            i = j + 1
            consumed = i
            continue
        bits = 0
        nbits = 0
        units = []
        while j < n and chr(data[j]) in _B64:
            bits = (bits << 6) | _B64.index(chr(data[j]))
            nbits += 6
            if nbits >= 16:
                nbits -= 16
                units.append((bits >> nbits) & 0xFFFF)
            j += 1
        if j >= n and not final:
            break
        text = []
        k = 0
        while k < len(units):
            u = units[k]
            if 0xD800 <= u < 0xDC00 and k + 1 < len(units) and 0xDC00 <= units[k + 1] < 0xE000:
                text.append(chr(0x10000 + ((u - 0xD800) << 10) + (units[k + 1] - 0xDC00)))
                k += 2
            else:
                text.append(chr(u))
                k += 1
        out.append(''.join(text))
        if j < n and data[j] == ord('-'):
            j += 1
        i = j
        consumed = i
    return (''.join(out), consumed if not final else n)


# CPython's functions here are built-ins, which do not bind as methods: `encodings` stores them
# as class attributes (`_buffer_decode = codecs.utf_8_decode`). Static methods behave so.
def _as_builtins(namespace):
    function = type(_as_builtins)
    for name, value in list(namespace.items()):
        if not name.startswith('_') and type(value) is function:
            namespace[name] = staticmethod(value)


_as_builtins(globals())
