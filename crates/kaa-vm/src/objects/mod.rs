//! The built-in types, one file each.

pub mod builtin_types;
pub mod dict;
pub mod dict_table;
pub mod float;
pub mod function;
pub mod generator;
pub mod int;
pub mod iter;
pub mod list;
pub mod str;
pub mod types;
