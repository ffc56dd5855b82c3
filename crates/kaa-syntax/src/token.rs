//! Tokens: what the tokenizer produces and the parser consumes.
//!
//! The token stream is the one `python3 -m tokenize` shows: it includes COMMENT and NL tokens
//! (the parser skips them) and ends with NEWLINE (if missing), DEDENTs and ENDMARKER.

/// Token types, named as in CPython's `token` module (`tokenize -e` prints these names).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    EndMarker,
    Name,
    Number,
    String,
    Newline,
    Indent,
    Dedent,
    Op(Op),
    Comment,
    /// A line break that does not end a logical line (blank line, inside brackets, after a comment).
    Nl,
    /// A character that starts no token (tokenize.py's ERRORTOKEN).
    ErrorToken,
}

/// Operators and delimiters, one variant per exact token type of CPython's `token` module.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Op {
    Lpar,
    Rpar,
    Lsqb,
    Rsqb,
    Colon,
    Comma,
    Semi,
    Plus,
    Minus,
    Star,
    Slash,
    Vbar,
    Amper,
    Less,
    Greater,
    Equal,
    Dot,
    Percent,
    Lbrace,
    Rbrace,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    Tilde,
    Circumflex,
    LeftShift,
    RightShift,
    DoubleStar,
    PlusEqual,
    MinEqual,
    StarEqual,
    SlashEqual,
    PercentEqual,
    AmperEqual,
    VbarEqual,
    CircumflexEqual,
    LeftShiftEqual,
    RightShiftEqual,
    DoubleStarEqual,
    DoubleSlash,
    DoubleSlashEqual,
    At,
    AtEqual,
    Rarrow,
    Ellipsis,
    ColonEqual,
}

impl Op {
    /// Every operator with its spelling; longest spellings first so a scanner can match greedily.
    pub const ALL: &'static [(&'static str, Op)] = &[
        ("**=", Op::DoubleStarEqual),
        ("...", Op::Ellipsis),
        ("//=", Op::DoubleSlashEqual),
        ("<<=", Op::LeftShiftEqual),
        (">>=", Op::RightShiftEqual),
        ("!=", Op::NotEqual),
        ("%=", Op::PercentEqual),
        ("&=", Op::AmperEqual),
        ("**", Op::DoubleStar),
        ("*=", Op::StarEqual),
        ("+=", Op::PlusEqual),
        ("-=", Op::MinEqual),
        ("->", Op::Rarrow),
        ("//", Op::DoubleSlash),
        ("/=", Op::SlashEqual),
        (":=", Op::ColonEqual),
        ("<<", Op::LeftShift),
        ("<=", Op::LessEqual),
        ("==", Op::EqEqual),
        (">=", Op::GreaterEqual),
        (">>", Op::RightShift),
        ("@=", Op::AtEqual),
        ("^=", Op::CircumflexEqual),
        ("|=", Op::VbarEqual),
        ("%", Op::Percent),
        ("&", Op::Amper),
        ("(", Op::Lpar),
        (")", Op::Rpar),
        ("*", Op::Star),
        ("+", Op::Plus),
        (",", Op::Comma),
        ("-", Op::Minus),
        (".", Op::Dot),
        ("/", Op::Slash),
        (":", Op::Colon),
        (";", Op::Semi),
        ("<", Op::Less),
        ("=", Op::Equal),
        (">", Op::Greater),
        ("@", Op::At),
        ("[", Op::Lsqb),
        ("]", Op::Rsqb),
        ("^", Op::Circumflex),
        ("{", Op::Lbrace),
        ("|", Op::Vbar),
        ("}", Op::Rbrace),
        ("~", Op::Tilde),
    ];

    /// The exact type name in CPython's `token` module (`LPAR`, `DOUBLESTAREQUAL`, ...).
    pub fn name(self) -> &'static str {
        match self {
            Op::Lpar => "LPAR",
            Op::Rpar => "RPAR",
            Op::Lsqb => "LSQB",
            Op::Rsqb => "RSQB",
            Op::Colon => "COLON",
            Op::Comma => "COMMA",
            Op::Semi => "SEMI",
            Op::Plus => "PLUS",
            Op::Minus => "MINUS",
            Op::Star => "STAR",
            Op::Slash => "SLASH",
            Op::Vbar => "VBAR",
            Op::Amper => "AMPER",
            Op::Less => "LESS",
            Op::Greater => "GREATER",
            Op::Equal => "EQUAL",
            Op::Dot => "DOT",
            Op::Percent => "PERCENT",
            Op::Lbrace => "LBRACE",
            Op::Rbrace => "RBRACE",
            Op::EqEqual => "EQEQUAL",
            Op::NotEqual => "NOTEQUAL",
            Op::LessEqual => "LESSEQUAL",
            Op::GreaterEqual => "GREATEREQUAL",
            Op::Tilde => "TILDE",
            Op::Circumflex => "CIRCUMFLEX",
            Op::LeftShift => "LEFTSHIFT",
            Op::RightShift => "RIGHTSHIFT",
            Op::DoubleStar => "DOUBLESTAR",
            Op::PlusEqual => "PLUSEQUAL",
            Op::MinEqual => "MINEQUAL",
            Op::StarEqual => "STAREQUAL",
            Op::SlashEqual => "SLASHEQUAL",
            Op::PercentEqual => "PERCENTEQUAL",
            Op::AmperEqual => "AMPEREQUAL",
            Op::VbarEqual => "VBAREQUAL",
            Op::CircumflexEqual => "CIRCUMFLEXEQUAL",
            Op::LeftShiftEqual => "LEFTSHIFTEQUAL",
            Op::RightShiftEqual => "RIGHTSHIFTEQUAL",
            Op::DoubleStarEqual => "DOUBLESTAREQUAL",
            Op::DoubleSlash => "DOUBLESLASH",
            Op::DoubleSlashEqual => "DOUBLESLASHEQUAL",
            Op::At => "AT",
            Op::AtEqual => "ATEQUAL",
            Op::Rarrow => "RARROW",
            Op::Ellipsis => "ELLIPSIS",
            Op::ColonEqual => "COLONEQUAL",
        }
    }
}

impl TokenKind {
    /// The type name `tokenize -e` prints.
    pub fn name(self) -> &'static str {
        match self {
            TokenKind::EndMarker => "ENDMARKER",
            TokenKind::Name => "NAME",
            TokenKind::Number => "NUMBER",
            TokenKind::String => "STRING",
            TokenKind::Newline => "NEWLINE",
            TokenKind::Indent => "INDENT",
            TokenKind::Dedent => "DEDENT",
            TokenKind::Op(op) => op.name(),
            TokenKind::Comment => "COMMENT",
            TokenKind::Nl => "NL",
            TokenKind::ErrorToken => "ERRORTOKEN",
        }
    }
}

/// One token. Text is `&source[start..end]`; positions are CPython's: 1-based lines, 0-based
/// columns in UTF-8 bytes (the AST's unit; `tokenize` output converts to characters).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: TokenKind,
    /// Byte offsets of the token's text in the decoded source.
    pub start: u32,
    pub end: u32,
    pub lineno: u32,
    pub col: u32,
    pub end_lineno: u32,
    pub end_col: u32,
}
