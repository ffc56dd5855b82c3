# locale over _locale: the C locale's conventions, langinfo, collation, errors, and the
# preferred encoding CPython reports here.
import _locale
import locale

print(locale.getpreferredencoding(), locale.getpreferredencoding(False), _locale.getencoding())
print(locale.getencoding())
for name in sorted(n for n in dir(_locale) if n.isupper() or n.startswith("_DATE")):
    print(name, getattr(_locale, name))
old = locale.setlocale(locale.LC_NUMERIC)
print(locale.setlocale(locale.LC_NUMERIC, "C"), locale.setlocale(locale.LC_NUMERIC))
print(locale.localeconv())
print(locale.setlocale(locale.LC_TIME, "C"))
for item in [locale.DAY_1, locale.ABMON_12, locale.D_T_FMT, locale.RADIXCHAR, locale.THOUSEP,
             locale.YESEXPR, locale.T_FMT_AMPM, locale.AM_STR]:
    print(item, repr(locale.nl_langinfo(item)))
print(locale.setlocale(locale.LC_COLLATE, "C"))
print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("x", "x"),
      locale.strxfrm("abc"), sorted(["b", "A", "a"], key=locale.strxfrm))
print(locale.format_string("%d items, %.2f", (1234567, 3.14159)), locale.str(2.5), locale.atof("3.5"))
for bad in [lambda: locale.setlocale(locale.LC_ALL, "xx_YY.bogus"), lambda: locale.nl_langinfo(99999),
            lambda: locale.setlocale(12345), lambda: _locale.strcoll(1, "a"), lambda: locale.setlocale("x")]:
    try:
        print(bad())
    except (locale.Error, ValueError, TypeError) as e:
        print(type(e).__name__, type(e).__module__, e)
print(locale.Error is _locale.Error, issubclass(locale.Error, Exception))
print(locale.normalize("en_US.utf8"), locale.getlocale(locale.LC_NUMERIC))
