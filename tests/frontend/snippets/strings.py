s1 = 'single' "double"
s2 = """triple
double"""
s3 = r'\d+\s' + R"\n" + rb'\x00' + Rb"x" + bR'y' + BR"z"
s4 = b'\x00\xff\n' + B"bytes"
s5 = u'unicode' + U"also"
s6 = '\N{BULLET} \u00e9 \U0001F600 \x41 \101 \n\t\\ \' \" \a\b\f\v\0'
s7 = 'implicit' "concatenation" '''three'''
s8 = 'line \
continued'
s9 = ''
s10 = 'é€😀 non-ascii'
s11 = '\d is an invalid escape, kept as is'
