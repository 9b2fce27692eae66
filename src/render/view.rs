//! View models of every type turned into a Tera context, field by field,
//! and rendered pieces of pages.
//!
//! `tera::Context::from_serialize` turns a whole view into one map and then
//! copies each of its keys into the context as a new `String`. Serialising
//! the view's top-level fields straight into the context under their
//! `&'static str` names does the same with less work, once per page.

use std::fmt;

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::error::RenderError;

/// A view model: a struct whose fields are the template's variables.
pub(super) trait View {
    fn context(&self) -> Result<tera::Context, tera::Error>;
}

/// A page's view model and the template it fills: each view names its
/// template here, in one place.
pub(super) trait Page: View {
    const TEMPLATE: &'static str;
}

impl<T: Serialize> View for T {
    fn context(&self) -> Result<tera::Context, tera::Error> {
        let mut fields = Fields(tera::Context::new());
        self.serialize(&mut fields)
            .map_err(|e| tera::Error::message(e.0))?;
        Ok(fields.0)
    }
}

/// Renders `template` with `value` as its one variable, `name`, dropping
/// the trailing whitespace (the template file's last newline) so the piece
/// sits in its page as the markup it replaced did. `what` names the piece
/// in an error.
pub(super) fn piece(
    tera: &tera::Tera,
    template: &str,
    name: &'static str,
    value: &impl Serialize,
    what: impl FnOnce() -> String,
) -> Result<Box<str>, RenderError> {
    let mut context = tera::Context::new();
    context.insert(name, value);
    let html = tera
        .render(template, &context)
        .map_err(|source| RenderError::Template {
            page: what(),
            source,
        })?;
    Ok(html.trim_end().into())
}

/// Why a view could not be a context.
#[derive(Debug)]
struct Failed(String);

impl fmt::Display for Failed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Failed {}

impl ser::Error for Failed {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Failed(msg.to_string())
    }
}

/// Serialises a struct into the context it holds.
struct Fields(tera::Context);

impl ser::SerializeStruct for &mut Fields {
    type Ok = ();
    type Error = Failed;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Failed> {
        let value = tera::Value::try_from_serializable(value).map_err(|e| Failed(e.to_string()))?;
        self.0.insert_value(key, value);
        Ok(())
    }

    fn end(self) -> Result<(), Failed> {
        Ok(())
    }
}

/// Everything but a struct is refused, as `from_serialize` refuses what is
/// not a map.
macro_rules! refuse {
    ($($method:ident($($ty:ty),*)),* $(,)?) => {$(
        fn $method(self, $(_: $ty),*) -> Result<(), Failed> {
            Err(not_a_struct())
        }
    )*};
}

fn not_a_struct() -> Failed {
    Failed("a page's view must be a struct".to_owned())
}

impl ser::Serializer for &mut Fields {
    type Ok = ();
    type Error = Failed;
    type SerializeSeq = Impossible<(), Failed>;
    type SerializeTuple = Impossible<(), Failed>;
    type SerializeTupleStruct = Impossible<(), Failed>;
    type SerializeTupleVariant = Impossible<(), Failed>;
    type SerializeMap = Impossible<(), Failed>;
    type SerializeStruct = Self;
    type SerializeStructVariant = Impossible<(), Failed>;

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Failed> {
        Ok(self)
    }

    refuse! {
        serialize_bool(bool), serialize_i8(i8), serialize_i16(i16), serialize_i32(i32),
        serialize_i64(i64), serialize_u8(u8), serialize_u16(u16), serialize_u32(u32),
        serialize_u64(u64), serialize_f32(f32), serialize_f64(f64), serialize_char(char),
        serialize_str(&str), serialize_bytes(&[u8]), serialize_none(), serialize_unit(),
        serialize_unit_struct(&'static str),
        serialize_unit_variant(&'static str, u32, &'static str),
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Failed> {
        Err(not_a_struct())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Failed> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Failed> {
        Err(not_a_struct())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Failed> {
        Err(not_a_struct())
    }

    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Failed> {
        Err(not_a_struct())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Failed> {
        Err(not_a_struct())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Failed> {
        Err(not_a_struct())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Failed> {
        Err(not_a_struct())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Failed> {
        Err(not_a_struct())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Page<'a> {
        title: &'a str,
        rows: Vec<Row>,
        missing: Option<u8>,
    }

    #[derive(Serialize)]
    struct Row {
        n: u16,
    }

    #[test]
    fn a_struct_gives_the_same_context_as_from_serialize() {
        let page = Page {
            title: "4004135 <Comb>",
            rows: vec![Row { n: 1 }, Row { n: 2 }],
            missing: None,
        };
        assert_eq!(
            page.context().unwrap(),
            tera::Context::from_serialize(&page).unwrap()
        );
    }

    #[test]
    fn what_is_not_a_struct_is_refused() {
        assert!(vec![1, 2].context().is_err());
        assert!("text".context().is_err());
    }
}
