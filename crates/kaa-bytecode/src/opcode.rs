//! The instruction set. Each opcode's doc line states its stack effect, top of stack rightmost.

/// Defines `Opcode` once, with its name table, so the enum and its printed names never drift.
macro_rules! opcodes {
    ($( $(#[doc = $doc:literal])* $name:ident = $text:literal, )*) => {
        #[repr(u8)]
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Opcode {
            $( $(#[doc = $doc])* $name, )*
        }
        impl Opcode {
            /// Every opcode, in numbering order.
            pub const ALL: &'static [Opcode] = &[$(Opcode::$name,)*];
            /// The name `--dis` prints.
            pub fn name(self) -> &'static str {
                match self { $( Opcode::$name => $text, )* }
            }
        }
    };
}

opcodes! {
    /// `-- ` : does nothing.
    Nop = "NOP",
    /// `-- ` : marks the start of a frame's execution (a place for eval-breaker checks).
    Resume = "RESUME",
    /// `x -- ` : discards the top of stack.
    PopTop = "POP_TOP",
    /// `-- NULL` : pushes the empty marker a call uses when there is no `self`.
    PushNull = "PUSH_NULL",
    /// `x -- x x` : duplicates the `arg`-th item (1 = top) onto the top.
    Copy = "COPY",
    /// `.. a .. b -- .. b .. a` : swaps the top with the `arg`-th item.
    Swap = "SWAP",
    /// `-- consts[arg]`
    LoadConst = "LOAD_CONST",
    /// `-- value` : a name from locals, then globals, then builtins (module and class bodies).
    LoadName = "LOAD_NAME",
    /// `value -- ` : binds `names[arg]` in the local namespace.
    StoreName = "STORE_NAME",
    /// `-- ` : unbinds `names[arg]` in the local namespace.
    DeleteName = "DELETE_NAME",
    /// `-- [NULL] value` : `names[arg>>1]` from globals then builtins; low bit set pushes NULL first.
    LoadGlobal = "LOAD_GLOBAL",
    /// `value -- ` : binds `names[arg]` in globals.
    StoreGlobal = "STORE_GLOBAL",
    /// `-- ` : unbinds `names[arg]` in globals.
    DeleteGlobal = "DELETE_GLOBAL",
    /// `-- value` : local variable `varnames[arg]`; unbound raises UnboundLocalError.
    LoadFast = "LOAD_FAST",
    /// `value -- ` : stores local variable `varnames[arg]`.
    StoreFast = "STORE_FAST",
    /// `-- ` : unbinds local variable `varnames[arg]`.
    DeleteFast = "DELETE_FAST",
    /// `-- value` : the contents of cell/free slot `arg`.
    LoadDeref = "LOAD_DEREF",
    /// `value -- ` : stores into cell/free slot `arg`.
    StoreDeref = "STORE_DEREF",
    /// `-- cell` : the cell object in slot `arg` itself (to build a closure).
    LoadClosure = "LOAD_CLOSURE",
    /// `obj -- value` : `obj.names[arg]`.
    LoadAttr = "LOAD_ATTR",
    /// `value obj -- ` : `obj.names[arg] = value`.
    StoreAttr = "STORE_ATTR",
    /// `obj -- ` : `del obj.names[arg]`.
    DeleteAttr = "DELETE_ATTR",
    /// `obj -- meth self | NULL value` : an attribute about to be called, without a bound method.
    LoadMethod = "LOAD_METHOD",
    /// `a b -- a<op>b` : binary operator number `arg` (see `BinaryOpKind`), `+=` forms included.
    BinaryOp = "BINARY_OP",
    /// `a b -- bool` : rich comparison number `arg` (<, <=, ==, !=, >, >=).
    CompareOp = "COMPARE_OP",
    /// `a b -- bool` : `a is b`, or `a is not b` when `arg` is 1.
    IsOp = "IS_OP",
    /// `a b -- bool` : `a in b`, or `a not in b` when `arg` is 1.
    ContainsOp = "CONTAINS_OP",
    /// `x -- -x`
    UnaryNegative = "UNARY_NEGATIVE",
    /// `x -- +x`
    UnaryPositive = "UNARY_POSITIVE",
    /// `x -- not x`
    UnaryNot = "UNARY_NOT",
    /// `x -- ~x`
    UnaryInvert = "UNARY_INVERT",
    /// `container key -- container[key]`
    BinarySubscr = "BINARY_SUBSCR",
    /// `value container key -- ` : `container[key] = value`.
    StoreSubscr = "STORE_SUBSCR",
    /// `container key -- ` : `del container[key]`.
    DeleteSubscr = "DELETE_SUBSCR",
    /// `start stop -- slice` (arg 2) or `start stop step -- slice` (arg 3).
    BuildSlice = "BUILD_SLICE",
    /// `x1..xn -- tuple`
    BuildTuple = "BUILD_TUPLE",
    /// `x1..xn -- list`
    BuildList = "BUILD_LIST",
    /// `x1..xn -- set`
    BuildSet = "BUILD_SET",
    /// `k1 v1..kn vn -- dict`
    BuildMap = "BUILD_MAP",
    /// `s1..sn -- str` : concatenates `arg` strings (f-strings).
    BuildString = "BUILD_STRING",
    /// `list .. x -- list ..` : appends x to the list `arg` items below it (comprehensions).
    ListAppend = "LIST_APPEND",
    /// `list .. iterable -- list ..` : extends the list `arg` items below with the iterable.
    ListExtend = "LIST_EXTEND",
    /// `list -- tuple`
    ListToTuple = "LIST_TO_TUPLE",
    /// `set .. x -- set ..` : adds x to the set `arg` items below.
    SetAdd = "SET_ADD",
    /// `set .. iterable -- set ..` : adds every item of the iterable.
    SetUpdate = "SET_UPDATE",
    /// `dict .. key value -- dict ..` : `dict[key] = value` on the dict `arg` items below.
    MapAdd = "MAP_ADD",
    /// `dict .. mapping -- dict ..` : `dict.update(mapping)` (`{**m}`).
    DictUpdate = "DICT_UPDATE",
    /// `dict .. mapping -- dict ..` : like DICT_UPDATE but a repeated key is a TypeError (`f(**m)`).
    DictMerge = "DICT_MERGE",
    /// `NULL|self callable args [kwargs] -- result` : a call with `*`/`**` unpacking; bit 0 of
    /// `arg` says a kwargs dict is present.
    CallFunctionEx = "CALL_FUNCTION_EX",
    /// `seq -- x_n..x_1` : unpacks with a starred target: `arg & 0xFF` before it, `arg >> 8` after.
    UnpackEx = "UNPACK_EX",
    /// `manager -- exit enter_result` : starts a `with` block.
    BeforeWith = "BEFORE_WITH",
    /// `exit prev exc -- exit prev exc result` : calls `exit(type, exc, tb)` for a `with` block
    /// left by an exception.
    WithExceptStart = "WITH_EXCEPT_START",
    /// `level fromlist -- module` : `__import__(names[arg], globals, None, fromlist, level)`.
    ImportName = "IMPORT_NAME",
    /// `module -- module value` : `from module import names[arg]`.
    ImportFrom = "IMPORT_FROM",
    /// `module -- ` : `from module import *`.
    ImportStar = "IMPORT_STAR",
    /// `x -- awaitable` : what `await x` iterates: a coroutine itself, or `x.__await__()`.
    GetAwaitable = "GET_AWAITABLE",
    /// `manager -- aexit awaitable` : starts `async with` (the awaitable is `__aenter__()`).
    BeforeAsyncWith = "BEFORE_ASYNC_WITH",
    /// `iterable -- aiterator` : `iterable.__aiter__()` for `async for`.
    GetAiter = "GET_AITER",
    /// `aiterator -- aiterator awaitable` : `aiterator.__anext__()`.
    GetAnext = "GET_ANEXT",
    /// `aiterator exc -- ` : ends `async for` on StopAsyncIteration, re-raises anything else.
    EndAsyncFor = "END_ASYNC_FOR",
    /// `subject -- subject bool` : is the subject a sequence for `match` (not str/bytes/dict)?
    MatchSequence = "MATCH_SEQUENCE",
    /// `subject -- subject bool` : is the subject a mapping for `match`?
    MatchMapping = "MATCH_MAPPING",
    /// `x -- x len(x)`
    GetLen = "GET_LEN",
    /// `subject keys -- subject keys values|None` : the values of all keys, or None if one is missing.
    MatchKeys = "MATCH_KEYS",
    /// `subject cls names -- attributes|None` : a class pattern with `arg` positional sub-patterns;
    /// the tuple holds the positional then keyword attributes, None when it does not match.
    MatchClass = "MATCH_CLASS",
    /// `subject keys -- subject keys rest` : a dict of the subject's items without `keys`.
    CopyDictWithoutKeys = "COPY_DICT_WITHOUT_KEYS",
    /// `value [spec] -- str` : formats for an f-string; arg bits: 0-1 conversion (0 none, 1 str,
    /// 2 repr, 3 ascii), 2 a format spec is on the stack.
    FormatValue = "FORMAT_VALUE",
    /// `seq -- x_n..x_1` : unpacks exactly `arg` items, first item on top.
    UnpackSequence = "UNPACK_SEQUENCE",
    /// `-- ` : jumps forward by `arg` instructions.
    JumpForward = "JUMP_FORWARD",
    /// `-- ` : jumps back by `arg` instructions (loops; a place for eval-breaker checks).
    JumpBackward = "JUMP_BACKWARD",
    /// `x -- ` : jumps forward by `arg` if x is false.
    PopJumpForwardIfFalse = "POP_JUMP_FORWARD_IF_FALSE",
    /// `x -- ` : jumps forward by `arg` if x is true.
    PopJumpForwardIfTrue = "POP_JUMP_FORWARD_IF_TRUE",
    /// `x -- x | ` : if x is false jump forward by `arg` keeping it, else pop it (`and`).
    JumpIfFalseOrPop = "JUMP_IF_FALSE_OR_POP",
    /// `x -- x | ` : if x is true jump forward by `arg` keeping it, else pop it (`or`).
    JumpIfTrueOrPop = "JUMP_IF_TRUE_OR_POP",
    /// `iterable -- iterator`
    GetIter = "GET_ITER",
    /// `iterator -- iterator next` : or, when exhausted, pops the iterator and jumps forward `arg`.
    ForIter = "FOR_ITER",
    /// `-- ` : the next CALL's last `len(consts[arg])` arguments are keywords named by that tuple.
    KwNames = "KW_NAMES",
    /// `NULL|self callable arg1..argn -- result` : calls with `arg` arguments.
    Call = "CALL",
    /// `[defaults] [kwdefaults] [annotations] [closure] code -- function` : arg bits 1, 2, 4, 8
    /// say which optional items are present.
    MakeFunction = "MAKE_FUNCTION",
    /// `value -- ` : returns value to the caller.
    ReturnValue = "RETURN_VALUE",
    /// `[exc [cause]] -- ` : raises (arg 0 re-raises, 1 `raise exc`, 2 `raise exc from cause`).
    RaiseVarargs = "RAISE_VARARGS",
    /// `-- builtins.__build_class__`
    LoadBuildClass = "LOAD_BUILD_CLASS",
    /// `-- AssertionError` : the built-in class, for `assert`.
    LoadAssertionError = "LOAD_ASSERTION_ERROR",
    /// `value -- sent` : suspends the generator, handing `value` to its caller; resuming pushes
    /// the value sent in (None for `next()`).
    YieldValue = "YIELD_VALUE",
    /// `iterable -- iterator` : `iter(x)` for `yield from`, generators as they are.
    GetYieldFromIter = "GET_YIELD_FROM_ITER",
    /// `receiver value -- receiver yielded` : sends value into the sub-iterator; when it
    /// returns instead, `receiver value -- result` and jumps forward by `arg`.
    Send = "SEND",
    /// `exc -- prev_exc exc` : enters an exception handler: saves the exception being handled
    /// until now and makes `exc` the one `sys.exc_info()` reports.
    PushExcInfo = "PUSH_EXC_INFO",
    /// `prev_exc -- ` : leaves a handler, restoring the previously handled exception.
    PopExcept = "POP_EXCEPT",
    /// `exc type -- exc bool` : does `exc` match the class (or tuple of classes) `type`?
    CheckExcMatch = "CHECK_EXC_MATCH",
    /// `exc -- ` : raises `exc` again without adding a traceback entry for this frame.
    Reraise = "RERAISE",
    /// `exc type -- rest match` : `except*`'s split of the exception by `type`; `exc None` (no
    /// push of rest) when nothing matches.
    CheckEgMatch = "CHECK_EG_MATCH",
    /// `orig list -- exc|None` : what a `try`/`except*` re-raises, from the original exception and
    /// what its clauses raised (see `exception_group::prep_reraise_star`).
    PrepReraiseStar = "PREP_RERAISE_STAR",
    /// `x -- ` : jumps forward `arg` instructions if x is None.
    PopJumpForwardIfNone = "POP_JUMP_FORWARD_IF_NONE",
    /// `x -- ` : jumps forward `arg` instructions if x is not None.
    PopJumpForwardIfNotNone = "POP_JUMP_FORWARD_IF_NOT_NONE",
    /// `v -- v` : marks the value an async generator is about to yield as its own (not an
    /// `await` passing through).
    AsyncGenWrap = "ASYNC_GEN_WRAP",
    /// `-- ` : empties cell/free slot `arg` (`del` of a variable an inner function uses).
    DeleteDeref = "DELETE_DEREF",
    /// `value -- ` : hands an expression statement's value to `sys.displayhook` (interactive
    /// mode only).
    PrintExpr = "PRINT_EXPR",
}

impl Opcode {
    pub fn from_u8(b: u8) -> Option<Opcode> {
        Opcode::ALL.get(b as usize).copied()
    }

    /// The net change of stack depth when the instruction falls through to the next one
    /// (`jump` false) or takes its jump (`jump` true).
    pub fn stack_effect(self, arg: u32, jump: bool) -> i32 {
        let a = arg as i32;
        match self {
            Opcode::Nop | Opcode::Resume | Opcode::Swap | Opcode::LoadAttr | Opcode::UnaryNegative => 0,
            Opcode::UnaryPositive | Opcode::UnaryNot | Opcode::UnaryInvert | Opcode::GetIter => 0,
            Opcode::KwNames | Opcode::JumpForward | Opcode::JumpBackward | Opcode::CheckExcMatch => 0,
            Opcode::DeleteName | Opcode::DeleteGlobal | Opcode::DeleteFast => 0,
            Opcode::PopTop | Opcode::StoreName | Opcode::StoreGlobal | Opcode::StoreFast => -1,
            Opcode::StoreDeref | Opcode::ReturnValue | Opcode::ListAppend | Opcode::PopExcept => -1,
            Opcode::Reraise | Opcode::PrintExpr => -1,
            Opcode::ListExtend
            | Opcode::SetAdd
            | Opcode::SetUpdate
            | Opcode::DictUpdate
            | Opcode::DictMerge => -1,
            Opcode::ListToTuple => 0,
            Opcode::MapAdd => -2,
            Opcode::CallFunctionEx => -2 - (a & 1),
            Opcode::UnpackEx => (a & 0xFF) + (a >> 8),
            Opcode::BeforeWith => 1,
            Opcode::ImportName => -1,
            Opcode::MatchSequence | Opcode::MatchMapping | Opcode::GetLen | Opcode::MatchKeys => 1,
            Opcode::CopyDictWithoutKeys => 1,
            Opcode::MatchClass => -2,
            Opcode::GetAwaitable | Opcode::GetAiter => 0,
            Opcode::BeforeAsyncWith | Opcode::GetAnext => 1,
            Opcode::EndAsyncFor => -2,
            Opcode::ImportFrom => 1,
            Opcode::ImportStar => -1,
            Opcode::WithExceptStart => 1,
            Opcode::YieldValue | Opcode::GetYieldFromIter => 0,
            Opcode::Send => {
                if jump {
                    -1
                } else {
                    0
                }
            }
            Opcode::PushNull | Opcode::Copy | Opcode::LoadConst | Opcode::LoadName | Opcode::LoadFast => 1,
            Opcode::LoadDeref | Opcode::LoadClosure | Opcode::LoadMethod | Opcode::LoadBuildClass => 1,
            Opcode::LoadAssertionError | Opcode::PushExcInfo => 1,
            Opcode::LoadGlobal => 1 + (a & 1),
            Opcode::StoreAttr | Opcode::DeleteSubscr => -2,
            Opcode::DeleteAttr => -1,
            Opcode::StoreSubscr => -3,
            Opcode::BinaryOp
            | Opcode::CompareOp
            | Opcode::IsOp
            | Opcode::ContainsOp
            | Opcode::BinarySubscr => -1,
            Opcode::BuildSlice | Opcode::BuildTuple | Opcode::BuildList | Opcode::BuildSet => 1 - a,
            Opcode::BuildString => 1 - a,
            Opcode::BuildMap => 1 - 2 * a,
            Opcode::FormatValue => -((a >> 2) & 1),
            Opcode::UnpackSequence => a - 1,
            Opcode::PopJumpForwardIfFalse | Opcode::PopJumpForwardIfTrue => -1,
            Opcode::JumpIfFalseOrPop | Opcode::JumpIfTrueOrPop => {
                if jump {
                    0
                } else {
                    -1
                }
            }
            Opcode::ForIter => {
                if jump {
                    -1
                } else {
                    1
                }
            }
            Opcode::Call => -(a + 1),
            Opcode::MakeFunction => -((a & 15).count_ones() as i32),
            Opcode::RaiseVarargs => -a,
            Opcode::CheckEgMatch | Opcode::AsyncGenWrap | Opcode::DeleteDeref => 0,
            Opcode::PrepReraiseStar => -1,
            Opcode::PopJumpForwardIfNone | Opcode::PopJumpForwardIfNotNone => -1,
        }
    }

    /// Does the argument count instructions to jump?
    pub fn is_jump(self) -> bool {
        matches!(
            self,
            Opcode::JumpForward
                | Opcode::JumpBackward
                | Opcode::PopJumpForwardIfFalse
                | Opcode::PopJumpForwardIfTrue
                | Opcode::PopJumpForwardIfNone
                | Opcode::PopJumpForwardIfNotNone
                | Opcode::JumpIfFalseOrPop
                | Opcode::JumpIfTrueOrPop
                | Opcode::ForIter
                | Opcode::Send
        )
    }
}

/// One instruction word: opcode in the low 8 bits, argument in the high 24.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Instr(u32);

impl Instr {
    pub const MAX_ARG: u32 = (1 << 24) - 1;

    #[inline(always)]
    pub fn new(op: Opcode, arg: u32) -> Instr {
        debug_assert!(arg <= Self::MAX_ARG);
        Instr(op as u32 | (arg << 8))
    }

    #[inline(always)]
    pub fn op(self) -> Opcode {
        let byte = self.0 as u8;
        debug_assert!((byte as usize) < Opcode::ALL.len());
        // SAFETY: the field is private and `new` is the only constructor, so the low byte is
        // always the discriminant of a real `Opcode` (a `repr(u8)` enum).
        unsafe { std::mem::transmute::<u8, Opcode>(byte) }
    }

    /// The raw word (for serialization).
    pub fn bits(self) -> u32 {
        self.0
    }

    /// Rebuilds an instruction from `bits`, if its opcode byte is valid.
    pub fn from_bits(bits: u32) -> Option<Instr> {
        Opcode::from_u8(bits as u8).map(|_| Instr(bits))
    }

    #[inline(always)]
    pub fn arg(self) -> u32 {
        self.0 >> 8
    }
}

impl std::fmt::Debug for Instr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.op().name(), self.arg())
    }
}

/// The operators of BINARY_OP, numbered as CPython 3.11 numbers them (in-place forms are +13).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinaryOpKind {
    Add = 0,
    And = 1,
    FloorDivide = 2,
    Lshift = 3,
    MatrixMultiply = 4,
    Multiply = 5,
    Remainder = 6,
    Or = 7,
    Power = 8,
    Rshift = 9,
    Subtract = 10,
    TrueDivide = 11,
    Xor = 12,
}

impl BinaryOpKind {
    pub const ALL: [BinaryOpKind; 13] = [
        BinaryOpKind::Add,
        BinaryOpKind::And,
        BinaryOpKind::FloorDivide,
        BinaryOpKind::Lshift,
        BinaryOpKind::MatrixMultiply,
        BinaryOpKind::Multiply,
        BinaryOpKind::Remainder,
        BinaryOpKind::Or,
        BinaryOpKind::Power,
        BinaryOpKind::Rshift,
        BinaryOpKind::Subtract,
        BinaryOpKind::TrueDivide,
        BinaryOpKind::Xor,
    ];

    /// The operator's spelling (`+`), as in error messages and `--dis`.
    pub fn symbol(self) -> &'static str {
        match self {
            BinaryOpKind::Add => "+",
            BinaryOpKind::And => "&",
            BinaryOpKind::FloorDivide => "//",
            BinaryOpKind::Lshift => "<<",
            BinaryOpKind::MatrixMultiply => "@",
            BinaryOpKind::Multiply => "*",
            BinaryOpKind::Remainder => "%",
            BinaryOpKind::Or => "|",
            BinaryOpKind::Power => "**",
            BinaryOpKind::Rshift => ">>",
            BinaryOpKind::Subtract => "-",
            BinaryOpKind::TrueDivide => "/",
            BinaryOpKind::Xor => "^",
        }
    }

    /// Decodes a BINARY_OP argument into the operator and whether it is the in-place form.
    pub fn from_arg(arg: u32) -> (BinaryOpKind, bool) {
        let inplace = arg >= 13;
        (BinaryOpKind::ALL[(arg % 13) as usize], inplace)
    }
}

/// COMPARE_OP arguments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareKind {
    Lt = 0,
    Le = 1,
    Eq = 2,
    Ne = 3,
    Gt = 4,
    Ge = 5,
}

impl CompareKind {
    pub const ALL: [CompareKind; 6] = [
        CompareKind::Lt,
        CompareKind::Le,
        CompareKind::Eq,
        CompareKind::Ne,
        CompareKind::Gt,
        CompareKind::Ge,
    ];

    pub fn symbol(self) -> &'static str {
        match self {
            CompareKind::Lt => "<",
            CompareKind::Le => "<=",
            CompareKind::Eq => "==",
            CompareKind::Ne => "!=",
            CompareKind::Gt => ">",
            CompareKind::Ge => ">=",
        }
    }
}
