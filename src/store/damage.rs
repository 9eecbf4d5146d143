//! Which failures mean the file is damaged (not busy, not a full disk, not a missing drive).

/// Whether SQLite's error means the file's content is damaged or its schema is not ours:
/// corruption codes, values that do not convert (text that is not UTF-8, JSON that does not
/// parse, a number where text belongs), and tables or columns that have gone missing.
pub fn is_damage(e: &rusqlite::Error) -> bool {
    use rusqlite::Error as E;
    use rusqlite::ErrorCode as C;
    match e {
        E::FromSqlConversionFailure(..)
        | E::InvalidColumnType(..)
        | E::IntegralValueOutOfRange(..)
        | E::Utf8Error(..)
        | E::InvalidColumnIndex(..)
        | E::InvalidColumnName(..) => true,
        E::SqliteFailure(f, msg) => match f.code {
            C::DatabaseCorrupt | C::NotADatabase => true,
            C::Unknown | C::SchemaChanged => msg.as_deref().is_some_and(|m| {
                ["no such table", "no such column", "malformed database schema", "unsupported file format"]
                    .iter()
                    .any(|p| m.starts_with(p))
            }),
            _ => false,
        },
        _ => false,
    }
}
