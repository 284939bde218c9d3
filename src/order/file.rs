//! The order file: written atomically and privately, read with its checksum checked, refused when damaged (a key given twice included); versions 1 and 2 migrated.

#[allow(unused_imports)]
use super::*;

/// Why a file could not be read or written.
#[derive(Debug)]
pub enum FileError {
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    Exists {
        path: PathBuf,
    },
    Corrupt {
        path: PathBuf,
        detail: String,
    },
    WrongFormat {
        path: PathBuf,
        found: String,
    },
    WrongVersion {
        path: PathBuf,
        found: u32,
    },
    Invalid {
        path: PathBuf,
        errors: Vec<InputError>,
    },
    /// The content does not match its checksum: changed or damaged.
    Changed {
        path: PathBuf,
    },
    /// Larger than an order file can be.
    TooLarge {
        path: PathBuf,
        max: u64,
    },
    /// Not a regular file (a device, a folder, a symbolic link).
    NotRegular {
        path: PathBuf,
    },
}

/// Writes `bytes` to `path` through a private temporary file (mode 0600, an
/// unpredictable name, created exclusively) in the same directory, flushed to
/// disk, then renamed over `path`: a crash or a failed write leaves the old
/// file whole, and nobody else can read or replace what is being written.
/// Refuses to replace an existing file unless `overwrite`, and refuses any
/// target that is not a regular file (a device, a folder, a symbolic link).
/// `before_rename` runs between the write and the rename (tests inject
/// failures there).
pub fn write_atomic_with(
    path: &Path,
    bytes: &[u8],
    overwrite: bool,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), FileError> {
    let io = |error| FileError::Io { path: path.to_owned(), error };
    match std::fs::symlink_metadata(path) {
        Ok(m) if !m.file_type().is_file() => return Err(FileError::NotRegular { path: path.to_owned() }),
        Ok(_) if !overwrite => return Err(FileError::Exists { path: path.to_owned() }),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io(e)),
    }
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut tmp =
        tempfile::Builder::new().prefix(TMP_PREFIX).suffix(TMP_SUFFIX).tempfile_in(&dir).map_err(io)?;
    if let Ok(now) = tmp.as_file().metadata().and_then(|m| m.modified()) {
        remove_stale_temporaries(&dir, tmp.path(), now);
    }
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    before_rename(tmp.path()).map_err(io)?;
    // The temporary file is removed when `tmp` drops on any error below.
    if overwrite {
        tmp.persist(path).map_err(|e| io(e.error))?;
    } else {
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                FileError::Exists { path: path.to_owned() }
            } else {
                io(e.error)
            }
        })?;
    }
    // Make the rename itself durable.
    if let Ok(d) = std::fs::File::open(&dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// A run killed between writing its temporary file and the rename leaves that
/// private file behind; the next write in the same folder removes such files
/// once they are an hour older than the one just created (no write takes that
/// long). The file system's own times are compared: the clock is not read here.
pub(super) fn remove_stale_temporaries(dir: &Path, ours: &Path, now: std::time::SystemTime) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX)) {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let old = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .is_some_and(|age| age.as_secs() > 3600);
        if meta.is_file() && old && entry.path() != ours {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// [`write_atomic_with`] with nothing between the write and the rename.
pub fn write_atomic(path: &Path, bytes: &[u8], overwrite: bool) -> Result<(), FileError> {
    write_atomic_with(path, bytes, overwrite, |_| Ok(()))
}

/// The order's canonical bytes: what the checksum covers.
pub(super) fn canonical(order: &Order) -> Result<Vec<u8>, serde_json::Error> {
    serde_json::to_vec(order)
}

/// Saves an order as pretty JSON with a SHA-256 checksum of its content,
/// atomically, replacing any file at `path` (the file dialog has already asked).
pub fn save(order: &Order, path: &Path) -> Result<(), FileError> {
    let json =
        to_bytes(order).map_err(|e| FileError::Corrupt { path: path.to_owned(), detail: e.to_string() })?;
    write_atomic(path, &json, true)
}

/// An order as the file format writes it (pretty JSON with its checksum); the
/// register stores the same bytes, so a stored order is checked like a file.
pub fn to_bytes(order: &Order) -> Result<Vec<u8>, serde_json::Error> {
    let mut value = serde_json::to_value(order)?;
    let checksum = format!("sha256:{}", sha256_hex(&canonical(order)?));
    if let Some(map) = value.as_object_mut() {
        map.insert("checksum".to_owned(), serde_json::Value::String(checksum));
    }
    serde_json::to_vec_pretty(&value)
}

/// Reads an order file: refuses anything but a regular file of at most
/// [`MAX_FILE_BYTES`], then checks format, version, checksum and that every
/// field is present, then that the settings are usable. The inputs are *not*
/// required to be valid (a saved draft may be incomplete); doses are
/// recomputed and validated by [`Order::report`].
pub fn load(path: &Path) -> Result<Order, FileError> {
    use std::io::Read;
    let io = |error| FileError::Io { path: path.to_owned(), error };
    let file = std::fs::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(FileError::NotRegular { path: path.to_owned() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: path.to_owned(), max: MAX_FILE_BYTES });
    }
    // Read one byte past the cap: a file that grew since, or lied about its size, is refused too.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: path.to_owned(), max: MAX_FILE_BYTES });
    }
    parse(&bytes, path)
}

/// [`load`] on bytes already read.
pub fn parse(bytes: &[u8], path: &Path) -> Result<Order, FileError> {
    let corrupt = |detail: String| FileError::Corrupt { path: path.to_owned(), detail };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileError::TooLarge { path: path.to_owned(), max: MAX_FILE_BYTES });
    }
    // A key given twice would be read as its last value ("name":"Eve Other","name":"Ana
    // García" opened as Ana García): such a file is refused, never read one way.
    if let Err(e) = serde_json::from_slice::<NoDuplicateKeys>(bytes) {
        return Err(corrupt(e.to_string()));
    }
    let value: serde_json::Value = serde_json::from_slice(bytes).map_err(|e| corrupt(e.to_string()))?;
    // Look at the header first, so a file of another version says so rather
    // than failing on a field it renamed.
    let header = |key: &str| value.get(key).cloned();
    match header("format").as_ref().and_then(|v| v.as_str()) {
        Some(FORMAT) => {}
        other => {
            return Err(FileError::WrongFormat {
                path: path.to_owned(),
                found: other.unwrap_or("").chars().take(40).collect(),
            });
        }
    }
    let order = match header("format_version").and_then(|v| v.as_u64()) {
        Some(1) => v1::migrate(&value).map_err(corrupt)?,
        Some(2) => v2::migrate(value, path)?,
        Some(3) => checked::<Order>(value, path)?,
        Some(v) => {
            return Err(FileError::WrongVersion {
                path: path.to_owned(),
                found: u32::try_from(v).unwrap_or(0),
            });
        }
        None => return Err(corrupt("format_version missing".to_owned())),
    };
    order.settings.validate().map_err(|e| FileError::Invalid { path: path.to_owned(), errors: vec![e] })?;
    Ok(order)
}

/// Reads `value` as a `T` exactly as written, and checks its checksum: every
/// field present (serde would read a missing optional field as empty, a silent
/// default) and the content hashing to the checksum it was saved with.
pub(super) fn checked<T: Serialize + serde::de::DeserializeOwned>(
    mut value: serde_json::Value,
    path: &Path,
) -> Result<T, FileError> {
    let corrupt = |detail: String| FileError::Corrupt { path: path.to_owned(), detail };
    let checksum = value.as_object_mut().and_then(|m| m.remove("checksum"));
    let read: T = serde_json::from_value(value.clone()).map_err(|e| corrupt(e.to_string()))?;
    let again = serde_json::to_value(&read).map_err(|e| corrupt(e.to_string()))?;
    if let Some(missing) = first_difference(&value, &again, "") {
        return Err(corrupt(format!("field {missing} missing or not as written")));
    }
    let bytes = serde_json::to_vec(&read).map_err(|e| corrupt(e.to_string()))?;
    match checksum {
        Some(serde_json::Value::String(c)) if c == format!("sha256:{}", sha256_hex(&bytes)) => Ok(read),
        Some(_) => Err(FileError::Changed { path: path.to_owned() }),
        None => Err(corrupt("checksum missing".to_owned())),
    }
}

/// The path of the first place two JSON values differ (`settings.products[0].bag_volume_ml`).
pub(super) fn first_difference(a: &serde_json::Value, b: &serde_json::Value, at: &str) -> Option<String> {
    use serde_json::Value;
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, vb) in y {
                let here = if at.is_empty() { k.clone() } else { format!("{at}.{k}") };
                match x.get(k) {
                    None => return Some(here),
                    Some(va) => {
                        if let Some(d) = first_difference(va, vb, &here) {
                            return Some(d);
                        }
                    }
                }
            }
            x.keys().find(|k| !y.contains_key(*k)).map(|k| format!("{at}.{k}"))
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (va, vb))| first_difference(va, vb, &format!("{at}[{i}]"))),
        (Value::Number(x), Value::Number(y)) if x.as_f64() == y.as_f64() => None,
        _ if a == b => None,
        _ => Some(at.to_owned()),
    }
}

/// Format version 1 (nkact-dose 0.1): no revisions, reasons, failed checks or
/// checksum; acknowledgements matched by message text. Opened and migrated:
/// its acknowledgements are kept for the record but must be given again,
/// since version 1 did not record which values they concerned.
mod v1 {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Ack {
        code: String,
        message: String,
        by: String,
        at: NaiveDateTime,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct OrderV1 {
        #[allow(dead_code)]
        format: String,
        #[allow(dead_code)]
        format_version: u32,
        order_id: String,
        created: NaiveDateTime,
        issued_by: String,
        patient: Patient,
        inputs: RawInputs,
        settings: Settings,
        acknowledged: Vec<Ack>,
        verification: Option<Verification>,
    }

    pub(super) fn migrate(value: &serde_json::Value) -> Result<Order, String> {
        let old: OrderV1 = serde_json::from_value(value.clone()).map_err(|e| e.to_string())?;
        // Through version 2: revision 1, no failed checks, and acknowledgements kept with an
        // empty detail (they no longer match a warning, so each is asked for again).
        Ok(super::v2::current(super::v2::OrderV2 {
            format: FORMAT.to_owned(),
            format_version: 2,
            order_id: old.order_id,
            revision: 1,
            created: old.created,
            issued_by: old.issued_by,
            patient: old.patient,
            inputs: old.inputs,
            settings: old.settings,
            acknowledged: old
                .acknowledged
                .into_iter()
                .map(|a| super::v2::Ack {
                    code: a.code,
                    detail: String::new(),
                    message: a.message,
                    by: a.by,
                    at: a.at,
                    reason: None,
                })
                .collect(),
            verification: old.verification,
            failed_checks: Vec::new(),
            issued_content: None,
        }))
    }
}

/// Format version 2 (nkact-dose 0.2): acknowledgements carried the English
/// message they were shown with. Opened with its checksum checked as it was
/// written, then migrated: the message is dropped (matching always used code
/// and detail, so every acknowledgement stays valid), the language is English
/// and the decimal mark a point, as version 2 printed them.
mod v2 {
    use super::*;

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Ack {
        pub(super) code: String,
        pub(super) detail: String,
        pub(super) message: String,
        pub(super) by: String,
        pub(super) at: NaiveDateTime,
        pub(super) reason: Option<String>,
    }

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct OrderV2 {
        pub(super) format: String,
        pub(super) format_version: u32,
        pub(super) order_id: String,
        pub(super) revision: u32,
        pub(super) created: NaiveDateTime,
        pub(super) issued_by: String,
        pub(super) patient: Patient,
        pub(super) inputs: RawInputs,
        pub(super) settings: Settings,
        pub(super) acknowledged: Vec<Ack>,
        pub(super) verification: Option<Verification>,
        pub(super) failed_checks: Vec<FailedCheck>,
        pub(super) issued_content: Option<String>,
    }

    pub(super) fn migrate(value: serde_json::Value, path: &Path) -> Result<Order, FileError> {
        Ok(current(checked(value, path)?))
    }

    /// A version-2 order as this version holds it.
    pub(super) fn current(old: OrderV2) -> Order {
        Order {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            order_id: old.order_id,
            revision: old.revision,
            created: old.created,
            issued_by: old.issued_by,
            patient: old.patient,
            inputs: old.inputs,
            settings: old.settings,
            acknowledged: old
                .acknowledged
                .into_iter()
                .map(|a| Acknowledgement {
                    code: a.code,
                    detail: a.detail,
                    by: a.by,
                    at: a.at,
                    reason: a.reason,
                })
                .collect(),
            verification: old.verification,
            failed_checks: old.failed_checks,
            issued_content: old.issued_content,
            // Version 2 printed in English with a decimal point, whatever a new order defaults to.
            lang: Lang::En,
            decimal_mark: DecimalMark::Point,
            // Nothing after version 2: no criteria, overrides, trial or signed steps.
            ..Order::new(old.created, Settings::default())
        }
    }
}

/// Any JSON value, refused when an object anywhere in it names a key twice.
pub(super) struct NoDuplicateKeys;

impl<'de> serde::Deserialize<'de> for NoDuplicateKeys {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NoDuplicateKeysVisitor)
    }
}

pub(super) struct NoDuplicateKeysVisitor;

impl<'de> serde::de::Visitor<'de> for NoDuplicateKeysVisitor {
    type Value = NoDuplicateKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_unit<E>(self) -> Result<NoDuplicateKeys, E> {
        Ok(NoDuplicateKeys)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<NoDuplicateKeys, A::Error> {
        while seq.next_element::<NoDuplicateKeys>()?.is_some() {}
        Ok(NoDuplicateKeys)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<NoDuplicateKeys, A::Error> {
        let mut seen = std::collections::BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                let shown: String = key.chars().take(40).collect();
                return Err(serde::de::Error::custom(format!("the key \"{shown}\" is given twice")));
            }
            map.next_value::<NoDuplicateKeys>()?;
        }
        Ok(NoDuplicateKeys)
    }
}
