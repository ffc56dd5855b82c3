//! The built-in types as `type` objects, so `type(x)`, `isinstance` and subclassing see them.

use crate::objects::function::NativeFn;
use crate::objects::types::TypeObject;
use crate::value::Value;
use std::rc::Rc;

pub struct Types {
    pub object: Rc<TypeObject>,
    pub type_: Rc<TypeObject>,
    pub int: Rc<TypeObject>,
    pub bool_: Rc<TypeObject>,
    pub float: Rc<TypeObject>,
    pub str_: Rc<TypeObject>,
    pub list: Rc<TypeObject>,
    pub tuple: Rc<TypeObject>,
    pub dict: Rc<TypeObject>,
    pub range: Rc<TypeObject>,
    pub none: Rc<TypeObject>,
    pub function: Rc<TypeObject>,
    pub builtin_function: Rc<TypeObject>,
    pub method: Rc<TypeObject>,
    pub iterator: Rc<TypeObject>,
    /// `list_iterator`, `range_iterator`, `dict_keyiterator`, ...: made on first use, each a
    /// subclass of the generic `iterator` type whose methods they share.
    iterator_kinds: std::cell::RefCell<Vec<(&'static str, Rc<TypeObject>)>>,
    pub slice: Rc<TypeObject>,
    pub code: Rc<TypeObject>,
    pub cell: Rc<TypeObject>,
    pub property: Rc<TypeObject>,
    pub classmethod: Rc<TypeObject>,
    pub staticmethod: Rc<TypeObject>,
    pub super_: Rc<TypeObject>,
    pub not_implemented: Rc<TypeObject>,
    pub ellipsis: Rc<TypeObject>,
    pub generator: Rc<TypeObject>,
    pub set: Rc<TypeObject>,
    pub frozenset: Rc<TypeObject>,
    pub module: Rc<TypeObject>,
    pub coroutine: Rc<TypeObject>,
    pub weakref: Rc<TypeObject>,
    pub weakproxy: Rc<TypeObject>,
    pub weakcallableproxy: Rc<TypeObject>,
    pub async_generator: Rc<TypeObject>,
    pub async_generator_asend: Rc<TypeObject>,
    pub async_generator_athrow: Rc<TypeObject>,
    pub frame: Rc<TypeObject>,
    pub traceback: Rc<TypeObject>,
    pub member_descriptor: Rc<TypeObject>,
    pub dict_keys: Rc<TypeObject>,
    pub dict_values: Rc<TypeObject>,
    pub dict_items: Rc<TypeObject>,
    pub mappingproxy: Rc<TypeObject>,
    pub getset_descriptor: Rc<TypeObject>,
    pub bytes: Rc<TypeObject>,
    pub bytearray: Rc<TypeObject>,
    pub complex: Rc<TypeObject>,
    pub memoryview: Rc<TypeObject>,
}

/// The constructors of the types that have one (defined in `builtins`).
pub struct Constructors {
    pub object: NativeFn,
    pub type_: NativeFn,
    pub int: NativeFn,
    pub bool_: NativeFn,
    pub float: NativeFn,
    pub str_: NativeFn,
    pub list: NativeFn,
    pub tuple: NativeFn,
    pub dict: NativeFn,
    pub range: NativeFn,
    pub property: NativeFn,
    pub classmethod: NativeFn,
    pub staticmethod: NativeFn,
    pub super_: NativeFn,
    pub set: NativeFn,
    pub frozenset: NativeFn,
    pub slice: NativeFn,
    pub bytes: NativeFn,
    pub bytearray: NativeFn,
    pub complex: NativeFn,
    pub memoryview: NativeFn,
}

impl Types {
    pub fn new(c: Constructors) -> Types {
        let mut object = TypeObject::builtin("object", None, Some(c.object));
        // `object()` instances take no attributes.
        object.instances_have_dict = false;
        let object = Rc::new(object);
        let t = |name: &str, ctor: Option<NativeFn>| {
            Rc::new(TypeObject::builtin(name, Some(object.clone()), ctor))
        };
        let int = t("int", Some(c.int));
        Types {
            type_: t("type", Some(c.type_)),
            bool_: Rc::new(TypeObject::builtin("bool", Some(int.clone()), Some(c.bool_))),
            int,
            float: t("float", Some(c.float)),
            str_: t("str", Some(c.str_)),
            list: t("list", Some(c.list)),
            tuple: t("tuple", Some(c.tuple)),
            dict: t("dict", Some(c.dict)),
            range: t("range", Some(c.range)),
            none: t("NoneType", None),
            function: t("function", None),
            builtin_function: t("builtin_function_or_method", None),
            method: t("method", None),
            iterator: t("iterator", None),
            iterator_kinds: std::cell::RefCell::new(Vec::new()),
            slice: {
                let slice = t("slice", Some(c.slice));
                crate::builtins::add_methods(&slice, crate::objects::slice_methods::METHODS);
                slice
            },
            code: {
                let code = t("code", None);
                crate::builtins::add_methods(&code, crate::frames::CODE_METHODS);
                code
            },
            cell: t("cell", None),
            property: t("property", Some(c.property)),
            classmethod: t("classmethod", Some(c.classmethod)),
            staticmethod: t("staticmethod", Some(c.staticmethod)),
            super_: t("super", Some(c.super_)),
            not_implemented: t("NotImplementedType", None),
            ellipsis: t("ellipsis", None),
            generator: t("generator", None),
            set: t("set", Some(c.set)),
            frozenset: t("frozenset", Some(c.frozenset)),
            module: t("module", Some(crate::import::module_constructor)),
            coroutine: t("coroutine", None),
            weakref: t("ReferenceType", Some(crate::objects::weakref::ref_new)),
            weakproxy: t("ProxyType", None),
            weakcallableproxy: t("CallableProxyType", None),
            async_generator: t("async_generator", None),
            async_generator_asend: t("async_generator_asend", None),
            async_generator_athrow: t("async_generator_athrow", None),
            frame: t("frame", None),
            traceback: t("traceback", None),
            member_descriptor: t("member_descriptor", None),
            dict_keys: t("dict_keys", None),
            dict_values: t("dict_values", None),
            dict_items: t("dict_items", None),
            mappingproxy: t("mappingproxy", Some(crate::objects::native::mappingproxy_new)),
            getset_descriptor: t("getset_descriptor", None),
            bytes: t("bytes", Some(c.bytes)),
            bytearray: t("bytearray", Some(c.bytearray)),
            complex: t("complex", Some(c.complex)),
            memoryview: {
                let m = t("memoryview", Some(c.memoryview));
                crate::builtins::add_methods(&m, crate::objects::memoryview::METHODS);
                m
            },
            object,
        }
    }

    /// The type of iterators of kind `name` (`type(iter([]))` is `list_iterator`).
    fn iterator_kind(&self, name: &'static str) -> Rc<TypeObject> {
        if let Some((_, t)) = self.iterator_kinds.borrow().iter().find(|(n, _)| *n == name) {
            return t.clone();
        }
        let t = Rc::new(TypeObject::builtin(name, Some(self.iterator.clone()), None));
        self.iterator_kinds.borrow_mut().push((name, t.clone()));
        t
    }

    /// `type(v)`.
    pub fn of(&self, v: &Value) -> Rc<TypeObject> {
        match v {
            Value::Null | Value::None => self.none.clone(),
            Value::NotImplemented => self.not_implemented.clone(),
            Value::Ellipsis => self.ellipsis.clone(),
            Value::Bool(_) => self.bool_.clone(),
            Value::Int(_) | Value::BigInt(_) => self.int.clone(),
            Value::Float(_) => self.float.clone(),
            Value::Str(_) => self.str_.clone(),
            Value::Tuple(_) => self.tuple.clone(),
            Value::List(_) => self.list.clone(),
            Value::Dict(_) => self.dict.clone(),
            Value::Function(_) => self.function.clone(),
            Value::Builtin(_) => self.builtin_function.clone(),
            Value::BoundMethod(_) => self.method.clone(),
            Value::Range(_) => self.range.clone(),
            Value::Iterator(it) => self.iterator_kind(it.borrow().type_name()),
            Value::Slice(_) => self.slice.clone(),
            Value::Type(t) => t.metaclass.clone().unwrap_or_else(|| self.type_.clone()),
            Value::Exception(e) => e.class.clone(),
            Value::Cell(_) => self.cell.clone(),
            Value::Code(_) => self.code.clone(),
            Value::Instance(i) => i.class.clone(),
            Value::Property(_) => self.property.clone(),
            Value::ClassMethod(_) => self.classmethod.clone(),
            Value::StaticMethod(_) => self.staticmethod.clone(),
            Value::Super(_) => self.super_.clone(),
            Value::Generator(g) if g.is_coroutine => self.coroutine.clone(),
            Value::Generator(g) if g.is_async_generator => self.async_generator.clone(),
            Value::Generator(_) => self.generator.clone(),
            Value::Set(s) if s.frozen => self.frozenset.clone(),
            Value::Set(_) => self.set.clone(),
            Value::Module(_) => self.module.clone(),
            Value::WeakRef(r) => match r.kind {
                crate::objects::weakref::WeakKind::Ref => self.weakref.clone(),
                crate::objects::weakref::WeakKind::Proxy => self.weakproxy.clone(),
                crate::objects::weakref::WeakKind::CallableProxy => self.weakcallableproxy.clone(),
            },
            Value::Frame(_) => self.frame.clone(),
            Value::AsyncGenOp(o) if o.type_name() == "async_generator_asend" => {
                self.async_generator_asend.clone()
            }
            Value::AsyncGenOp(_) => self.async_generator_athrow.clone(),
            Value::Traceback(_) => self.traceback.clone(),
            Value::Native(n) => {
                use crate::objects::native::{NativeObject, ViewKind};
                match &**n {
                    NativeObject::Member(_) => self.member_descriptor.clone(),
                    NativeObject::DictView(ViewKind::Keys, _) => self.dict_keys.clone(),
                    NativeObject::DictView(ViewKind::Values, _) => self.dict_values.clone(),
                    NativeObject::DictView(ViewKind::Items, _) => self.dict_items.clone(),
                    NativeObject::MappingProxy(_) => self.mappingproxy.clone(),
                    NativeObject::Getset { .. } => self.getset_descriptor.clone(),
                    NativeObject::LongRange(_) => self.range.clone(),
                }
            }
            Value::Bytes(_) => self.bytes.clone(),
            Value::ByteArray(_) => self.bytearray.clone(),
            Value::Complex(_) => self.complex.clone(),
            Value::MemoryView(_) => self.memoryview.clone(),
        }
    }
}
