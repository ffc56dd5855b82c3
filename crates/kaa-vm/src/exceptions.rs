//! Exceptions: the built-in hierarchy, exception objects and the error type Rust code returns.

use crate::objects::types::TypeObject;
use crate::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

macro_rules! exception_kinds {
    ($( $name:ident : $parent:ident ),* $(,)?) => {
        /// The built-in exception classes, each with its base class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcKind { BaseException, $( $name, )* }
        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $( ExcKind::$name, )*];
            pub fn name(self) -> &'static str {
                match self { ExcKind::BaseException => "BaseException", $( ExcKind::$name => stringify!($name), )* }
            }
            pub fn parent(self) -> Option<ExcKind> {
                match self { ExcKind::BaseException => None, $( ExcKind::$name => Some(ExcKind::$parent), )* }
            }
        }
    };
}

exception_kinds! {
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    ZeroDivisionError: ArithmeticError,
    OverflowError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    NameError: Exception,
    UnboundLocalError: NameError,
    RuntimeError: Exception,
    RecursionError: RuntimeError,
    NotImplementedError: RuntimeError,
    SyntaxError: Exception,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    MemoryError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    EOFError: Exception,
    OSError: Exception,
    FileNotFoundError: OSError,
    PermissionError: OSError,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    BufferError: Exception,
    ReferenceError: Exception,
    FloatingPointError: ArithmeticError,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    PendingDeprecationWarning: Warning,
    FutureWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    FileExistsError: OSError,
    InterruptedError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    ProcessLookupError: OSError,
    TimeoutError: OSError,
    BaseExceptionGroup: BaseException,
    // Really a subclass of both BaseExceptionGroup and Exception (`Vm::new` gives it both bases).
    ExceptionGroup: BaseExceptionGroup,
}

/// One traceback line: where the exception passed through.
#[derive(Clone, Debug)]
pub struct TraceEntry {
    pub lineno: u32,
    /// The failing instruction's source range: end line, start and end columns (UTF-8 bytes).
    pub end_lineno: u32,
    pub col: u32,
    pub end_col: u32,
}

pub struct ExceptionObject {
    pub class: Rc<TypeObject>,
    pub args: RefCell<Vec<Value>>,
    /// `__traceback__`: the outermost frame's entry, linked towards the frame that raised.
    pub traceback: RefCell<Option<Rc<crate::objects::frame::TracebackObject>>>,
    /// `__context__`: the exception being handled when this one was raised.
    pub context: RefCell<Option<Rc<ExceptionObject>>>,
    /// `__cause__`: set by `raise ... from cause`.
    pub cause: RefCell<Option<Rc<ExceptionObject>>>,
    /// `__suppress_context__`: set by `raise ... from ...`.
    pub suppress_context: std::cell::Cell<bool>,
    /// Attributes set on the exception (`self.code = ...` in a subclass's `__init__`).
    pub dict: crate::objects::dict::DictObject,
    /// What the traceback display draws a "Did you mean" suggestion from.
    pub suggest: RefCell<Option<SuggestFrom>>,
    /// An exception group's `exceptions` (its `message` is `args[0]`).
    pub group: RefCell<Option<Rc<Vec<Value>>>>,
    /// Built-in attributes of some kinds (`errno`, `filename`, `name`, `obj`, `path`, ...), which
    /// CPython keeps in the object rather than its `__dict__`.
    pub members: RefCell<Vec<(&'static str, Value)>>,
}

/// The material for CPython's "Did you mean: 'x'?" hint, kept until the exception is printed.
pub enum SuggestFrom {
    /// A NameError: the missing name, and the frame's local, global and builtin names, tried in
    /// that order.
    Names { name: String, groups: Vec<Vec<String>> },
    /// An AttributeError: the object and the missing attribute (candidates from `dir(obj)`).
    Attribute { obj: Value, name: String },
}

impl ExceptionObject {
    pub fn new(class: Rc<TypeObject>, args: Vec<Value>) -> ExceptionObject {
        ExceptionObject {
            class,
            args: RefCell::new(args),
            traceback: RefCell::new(None),
            context: RefCell::new(None),
            cause: RefCell::new(None),
            suppress_context: std::cell::Cell::new(false),
            dict: crate::objects::dict::DictObject::new(),
            suggest: RefCell::new(None),
            group: RefCell::new(None),
            members: RefCell::new(Vec::new()),
        }
    }
}

impl ExceptionObject {
    pub fn member(&self, name: &str) -> Option<Value> {
        self.members.borrow().iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone())
    }

    pub fn set_member(&self, name: &'static str, value: Value) {
        let mut members = self.members.borrow_mut();
        match members.iter_mut().find(|(n, _)| *n == name) {
            Some(slot) => slot.1 = value,
            None => members.push((name, value)),
        }
    }
}

/// An error travelling up through Rust code: either a new built-in exception still to be made,
/// or an exception object already raised.
pub enum PyErr {
    New(ExcKind, String),
    Raised(Rc<ExceptionObject>),
    /// Raised again by RERAISE: the current frame is already in its traceback.
    Reraised(Rc<ExceptionObject>),
}

pub type PyResult<T> = Result<T, PyErr>;

impl PyErr {
    #[cold]
    pub fn new(kind: ExcKind, msg: impl Into<String>) -> PyErr {
        PyErr::New(kind, msg.into())
    }

    #[cold]
    pub fn type_error(msg: impl Into<String>) -> PyErr {
        PyErr::New(ExcKind::TypeError, msg.into())
    }

    #[cold]
    pub fn value_error(msg: impl Into<String>) -> PyErr {
        PyErr::New(ExcKind::ValueError, msg.into())
    }
}
