//! The built-in types, one file each.

pub mod args;
pub mod builtin_types;
pub mod dict;
pub mod dict_table;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod list_sort;
pub mod range;
pub mod set;
pub mod set_methods;
pub mod str;
pub mod str_format;
pub mod str_tables;
pub mod str_unicode;
pub mod tuple;
pub mod types;
pub mod weakref;
