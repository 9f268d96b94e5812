//! The only module that touches browser storage: IndexedDB, through the `idb` crate. Records,
//! their ledger summaries, opinions and settings are stored as JSON text, keyed by id. A save
//! checks, in the same transaction, that nobody saved a newer revision meanwhile.

use crate::domain::catalogue::Catalogue;
use crate::domain::ledger::Summary;
use crate::domain::opinion::Opinion;
use crate::domain::record::Record;
use crate::domain::settings::Settings;
use crate::i18n::{t, tf, Key, Lang};
use idb::{Database, DatabaseEvent, Factory, ObjectStoreParams, TransactionMode};
use serde::de::DeserializeOwned;
use std::future::IntoFuture;
use wasm_bindgen::JsValue;

const VERSION: u32 = 1;
const RECORDS: &str = "records";
const SUMMARIES: &str = "summaries";
const OPINIONS: &str = "opinions";
const META: &str = "meta";
const SETTINGS_KEY: &str = "settings";
const CATALOGUE_KEY: &str = "catalogue";

/// A storage failure; [`StoreError::message`] says it to the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// No IndexedDB in this browser, or it is switched off (some private modes).
    Unsupported,
    /// The storage quota is used up.
    Quota,
    /// The database connection was closed (e.g. deleted by the user).
    Closed,
    /// The database lacks a store it should have.
    Incomplete,
    /// A stored entry could not be read.
    Corrupt,
    /// The stored copy is unreadable, so it was not overwritten.
    CorruptStored,
    /// The browser aborted the write.
    Aborted,
    /// The browser could not read or write its files on the disk (`UnknownError`: in Chromium,
    /// an input/output error, most often a full disk).
    Disk,
    /// Opening the database waited too long: another page of an older version holds it.
    Blocked,
    /// Another page stored a new version of the county's list meanwhile; this page now shows it.
    ListChanged,
    /// Anything else, with the browser's words.
    Other(String),
}

impl StoreError {
    /// The message for the user, through the translation layer.
    pub fn message(&self, lang: Lang) -> String {
        let key = match self {
            StoreError::Unsupported => Key::ErrUnsupported,
            StoreError::Quota => Key::ErrQuota,
            StoreError::Closed => Key::ErrClosed,
            StoreError::Incomplete => Key::ErrIncomplete,
            StoreError::Corrupt => Key::ErrCorrupt,
            StoreError::CorruptStored => Key::ErrCorruptStored,
            StoreError::Aborted => Key::ErrAborted,
            StoreError::Disk => Key::ErrDisk,
            StoreError::Blocked => Key::ErrBlocked,
            StoreError::ListChanged => Key::ErrListChanged,
            StoreError::Other(name) if name.is_empty() => Key::ErrOtherUnnamed,
            StoreError::Other(name) => return tf(lang, Key::ErrOther, &[name]),
        };
        t(lang, key).to_owned()
    }
}

/// A failure of the browser's storage, classified by the name of the exception the browser
/// raised (`DOMException.name`), never by its message (whose words differ between browsers and
/// languages).
trait Failure {
    /// The exception's name, when the browser gave one.
    fn exception_name(&self) -> Option<String>;
}

impl Failure for idb::Error {
    fn exception_name(&self) -> Option<String> {
        use idb::Error as E;
        let value = match self {
            E::DomException(d) => return Some(d.name()),
            E::AddFailed(v)
            | E::ClearFailed(v)
            | E::CountFailed(v)
            | E::CursorAdvanceFailed(v)
            | E::CursorContinueFailed(v)
            | E::CursorKeyNotFound(v)
            | E::CursorPrimaryKeyNotFound(v)
            | E::CursorValueNotFound(v)
            | E::DeleteFailed(v)
            | E::GetAllFailed(v)
            | E::GetAllKeysFailed(v)
            | E::GetFailed(v)
            | E::GetKeyFailed(v)
            | E::IndexCreateFailed(v)
            | E::IndexDeleteFailed(v)
            | E::IndexedDbDeleteFailed(v)
            | E::IndexedDbNotFound(v)
            | E::IndexedDbOpenFailed(v)
            | E::IndexNotFound(v)
            | E::KeyPathNotFound(v)
            | E::KeyRangeBoundNotFound(v)
            | E::KeyRangeCreateFailed(v)
            | E::KeyRangeIncludesFailed(v)
            | E::ObjectStoreCreateFailed(v)
            | E::ObjectStoreDeleteFailed(v)
            | E::ObjectStoreNotFound(v)
            | E::OpenCursorFailed(v)
            | E::OpenKeyCursorFailed(v)
            | E::RequestErrorNotFound(v)
            | E::RequestResultNotFound(v)
            | E::TransactionAbortError(v)
            | E::TransactionCommitError(v)
            | E::TransactionModeNotFound(v)
            | E::TransactionOpenFailed(v)
            | E::UpdateFailed(v) => v,
            _ => return None,
        };
        js_sys::Reflect::get(value, &JsValue::from_str("name")).ok().and_then(|n| n.as_string())
    }
}

impl Failure for serde_json::Error {
    fn exception_name(&self) -> Option<String> {
        None
    }
}

fn fail(e: impl Failure) -> StoreError {
    of_exception(e.exception_name().as_deref())
}

/// The failure an exception of this name (`DOMException.name`) means.
fn of_exception(name: Option<&str>) -> StoreError {
    match name {
        Some("QuotaExceededError") => StoreError::Quota,
        Some("InvalidStateError" | "TransactionInactiveError") => StoreError::Closed,
        Some("NotFoundError") => StoreError::Incomplete,
        Some("AbortError") => StoreError::Aborted,
        Some("UnknownError") => StoreError::Disk,
        Some("SecurityError" | "InvalidAccessError") => StoreError::Unsupported,
        Some("VersionError") => StoreError::Blocked,
        // Named for whoever helps the user (an identifier, not the browser's English sentence).
        Some(other) => StoreError::Other(other.to_owned()),
        None => StoreError::Other(String::new()),
    }
}

/// The revision of a stored record's text, read without reading the record (`u64::MAX` for a
/// text that does not parse, so that it never matches a revision a page has seen).
fn stored_revision(text: &[u8]) -> u64 {
    #[derive(serde::Deserialize)]
    struct Revision {
        revision: u64,
    }
    std::str::from_utf8(text)
        .ok()
        .and_then(|t| serde_json::from_str::<Revision>(t).ok())
        .map_or(u64::MAX, |r| r.revision)
}

/// A stored record's text read back. (Through `from_str`, as everything else reads JSON: one
/// reader type keeps one copy of the deserialisers in the wasm.)
fn parse_record(bytes: &[u8]) -> Option<Record> {
    serde_json::from_str(std::str::from_utf8(bytes).ok()?).ok()
}

/// A record's canonical JSON as it is stored: its UTF-8 bytes in a `Uint8Array`. (Bytes, not a
/// string: IndexedDB reads them back about twice as fast, and an export passes them to the
/// file without re-encoding.)
pub fn stored_value(canonical: &str) -> JsValue {
    js_sys::Uint8Array::from(canonical.as_bytes()).into()
}

/// The UTF-8 text of a stored record: bytes as [`stored_value`] writes them, or a string as
/// earlier versions did. `None` for anything else.
pub fn stored_bytes(value: &JsValue) -> Option<Vec<u8>> {
    use wasm_bindgen::JsCast;
    if let Some(bytes) = value.dyn_ref::<js_sys::Uint8Array>() {
        Some(bytes.to_vec())
    } else {
        value.as_string().map(String::into_bytes)
    }
}

/// Waits for a transaction to end; an aborted one is an error.
async fn committed(tx: idb::Transaction) -> Result<(), StoreError> {
    // Kept to read why it aborted: a full quota aborts the transaction (its `error` is a
    // QuotaExceededError) after every request in it succeeded.
    let sys: web_sys::IdbTransaction = tx.into();
    let tx = idb::Transaction::from(sys.clone());
    if tx.await.map_err(fail)?.is_committed() {
        Ok(())
    } else {
        Err(abort_cause(&sys))
    }
}

/// Why a transaction aborted: its own error, by name (none: aborted).
fn abort_cause(tx: &web_sys::IdbTransaction) -> StoreError {
    match tx.error().map(|e| e.name()).as_deref() {
        // Chromium aborts with a DataError when it cannot write a large value's file
        // ("Failed to write blobs"), as on a full disk.
        Some("DataError") => StoreError::Disk,
        name => of_exception(name.or(Some("AbortError"))),
    }
}

/// What a save did.
#[derive(Debug)]
pub enum SaveOutcome {
    /// Stored.
    Saved,
    /// Someone stored another revision since `base`: nothing was written; theirs is returned.
    Conflict(Box<Record>),
    /// The record was deleted (in another tab) since this page read it: nothing was written.
    Deleted,
}

/// An open database.
pub struct Db {
    inner: Database,
}

/// The closing journal. A browser aborts IndexedDB transactions of a page that is being closed,
/// so edits not yet saved when the page is hidden are also written, synchronously, to
/// `localStorage` under `<database>:journal:<record id>`. This is a last-moment copy, not where
/// records live: it is taken up, through the checked save, when the record is next opened, and
/// removed once a save succeeds.
pub mod journal {
    use super::JournalEntry;

    /// Entries are per tab (`<db>:journal:<record>:<tab>`), so that one tab never replaces or
    /// clears another's.
    fn key(db: &str, id: &str, tab: &str) -> String {
        format!("{db}:journal:{id}:{tab}")
    }

    fn storage() -> Option<web_sys::Storage> {
        web_sys::window()?.local_storage().ok()?
    }

    /// Writes this tab's entry; synchronous, so it completes even while the page is closing.
    /// Returns false when it could not be written (e.g. `localStorage` full or disabled).
    pub fn write(db: &str, tab: &str, entry: &JournalEntry) -> bool {
        match (storage(), serde_json::to_string(entry)) {
            (Some(s), Ok(json)) => s.set_item(&key(db, &entry.record.id, tab), &json).is_ok(),
            _ => false,
        }
    }

    /// Every tab's entry for a record, with the tab it came from.
    pub fn read_all(db: &str, id: &str) -> Vec<(String, JournalEntry)> {
        let Some(s) = storage() else { return Vec::new() };
        let prefix = format!("{db}:journal:{id}:");
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(&prefix))
            .collect();
        keys.into_iter()
            .filter_map(|k| {
                let entry = serde_json::from_str(&s.get_item(&k).ok()??).ok()?;
                Some((k[prefix.len()..].to_owned(), entry))
            })
            .collect()
    }

    /// Removes one tab's entry for a record.
    pub fn clear(db: &str, id: &str, tab: &str) {
        if let Some(s) = storage() {
            let _ = s.remove_item(&key(db, id, tab));
        }
    }

    /// Removes every entry of a database, of every tab.
    pub fn clear_db(db: &str) {
        let Some(s) = storage() else { return };
        let prefix = format!("{db}:journal:");
        let keys: Vec<String> = (0..s.length().unwrap_or(0))
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with(&prefix))
            .collect();
        for k in keys {
            let _ = s.remove_item(&k);
        }
    }

    /// This tab's entry for a record, if any.
    pub fn read(db: &str, id: &str, tab: &str) -> Option<JournalEntry> {
        let text = storage()?.get_item(&key(db, id, tab)).ok()??;
        serde_json::from_str(&text).ok()
    }
}

/// A record written to the journal as the page closed, with the stored revision it was based on.
#[derive(serde::Serialize, serde::Deserialize)]
pub struct JournalEntry {
    /// The stored revision the edits were made on (`None`: never stored).
    pub base: Option<u64>,
    /// The record as it was on screen.
    pub record: Record,
}

/// What loading a whole store found.
pub struct Loaded<T> {
    /// Entries that parsed.
    pub items: Vec<T>,
    /// Entries that did not (left in place, not deleted).
    pub corrupt: usize,
}

impl Db {
    /// Opens (or creates) the database `name`.
    pub async fn open(name: &str) -> Result<Db, StoreError> {
        let factory = Factory::new().map_err(|_| StoreError::Unsupported)?;
        let mut request = factory.open(name, Some(VERSION)).map_err(fail)?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else { return };
            for store in [RECORDS, SUMMARIES, OPINIONS, META] {
                if !db.store_names().iter().any(|s| s == store) {
                    let _ = db.create_object_store(store, ObjectStoreParams::new());
                }
            }
        });
        let inner = request.await.map_err(fail)?;
        Ok(Db { inner })
    }

    async fn get_all<T: DeserializeOwned>(&self, store: &str) -> Result<Loaded<T>, StoreError> {
        let tx = self.inner.transaction(&[store], TransactionMode::ReadOnly).map_err(fail)?;
        let values =
            tx.object_store(store).map_err(fail)?.get_all(None, None).map_err(fail)?.await.map_err(fail)?;
        let mut items = Vec::with_capacity(values.len());
        let mut corrupt = 0;
        for v in values {
            match v.as_string().and_then(|s| serde_json::from_str(&s).ok()) {
                Some(item) => items.push(item),
                None => corrupt += 1,
            }
        }
        Ok(Loaded { items, corrupt })
    }

    /// Every ledger summary.
    pub async fn summaries(&self) -> Result<Loaded<Summary>, StoreError> {
        self.get_all(SUMMARIES).await
    }

    /// Stores records that came from a file (with their canonical JSON and summaries), each only
    /// if the stored revision is still the one the preview saw (`None`: none stored). Every
    /// request is issued at once and awaited together. Returns, per record, whether it was
    /// written.
    pub async fn put_imported(
        &self,
        items: &[(String, String, Summary, Option<u64>)],
    ) -> Result<Vec<bool>, StoreError> {
        let tx = self.inner.transaction(&[RECORDS, SUMMARIES], TransactionMode::ReadWrite).map_err(fail)?;
        let records = tx.object_store(RECORDS).map_err(fail)?;
        let summaries = tx.object_store(SUMMARIES).map_err(fail)?;
        let mut gets = Vec::with_capacity(items.len());
        for (id, ..) in items {
            gets.push(records.get(JsValue::from_str(id)).map_err(fail)?.into_future());
        }
        let stored = futures::future::join_all(gets).await;
        let mut written = Vec::with_capacity(items.len());
        let mut puts = Vec::new();
        for ((id, canonical, summary, expected), stored) in items.iter().zip(stored) {
            let stored_revision =
                stored.map_err(fail)?.and_then(|v| stored_bytes(&v)).map(|s| stored_revision(&s));
            if stored_revision != *expected {
                written.push(false);
                continue;
            }
            let key = JsValue::from_str(id);
            let summary_json = serde_json::to_string(summary).map_err(fail)?;
            puts.push(records.put(&stored_value(canonical), Some(&key)).map_err(fail)?.into_future());
            puts.push(
                summaries.put(&JsValue::from_str(&summary_json), Some(&key)).map_err(fail)?.into_future(),
            );
            written.push(true);
        }
        for result in futures::future::join_all(puts).await {
            result.map_err(fail)?;
        }
        committed(tx).await?;
        Ok(written)
    }

    /// Stores ledger summaries alone (worked out again from their stored records).
    pub async fn put_summaries(&self, items: &[Summary]) -> Result<(), StoreError> {
        let tx = self.inner.transaction(&[SUMMARIES], TransactionMode::ReadWrite).map_err(fail)?;
        let store = tx.object_store(SUMMARIES).map_err(fail)?;
        let mut puts = Vec::with_capacity(items.len());
        for summary in items {
            let json = serde_json::to_string(summary).map_err(fail)?;
            let key = JsValue::from_str(&summary.id);
            puts.push(store.put(&JsValue::from_str(&json), Some(&key)).map_err(fail)?.into_future());
        }
        for result in futures::future::join_all(puts).await {
            result.map_err(fail)?;
        }
        committed(tx).await
    }

    /// Every opinion.
    pub async fn opinions(&self) -> Result<Loaded<Opinion>, StoreError> {
        self.get_all(OPINIONS).await
    }

    /// One record; `Ok(None)` if there is none. A stored entry that does not parse is an error
    /// that says so (the entry is left as it is).
    pub async fn record(&self, id: &str) -> Result<Option<Record>, StoreError> {
        let tx = self.inner.transaction(&[RECORDS], TransactionMode::ReadOnly).map_err(fail)?;
        let value = tx
            .object_store(RECORDS)
            .map_err(fail)?
            .get(JsValue::from_str(id))
            .map_err(fail)?
            .await
            .map_err(fail)?;
        match value {
            None => Ok(None),
            Some(v) => stored_bytes(&v).and_then(|s| parse_record(&s)).map(Some).ok_or(StoreError::Corrupt),
        }
    }

    /// Stores a record (as its canonical JSON) and its summary, unless the stored revision
    /// differs from `base` (the revision this page last loaded or saved; `None` for a record
    /// never stored).
    pub async fn save_record(
        &self,
        record: &Record,
        canonical: &str,
        summary: &Summary,
        base: Option<u64>,
    ) -> Result<SaveOutcome, StoreError> {
        let summary_json = serde_json::to_string(summary).map_err(fail)?;
        let tx = self.inner.transaction(&[RECORDS, SUMMARIES], TransactionMode::ReadWrite).map_err(fail)?;
        let records = tx.object_store(RECORDS).map_err(fail)?;
        let key = JsValue::from_str(&record.id);
        let stored = records.get(key.clone()).map_err(fail)?.await.map_err(fail)?;
        let stored_text = stored.and_then(|v| stored_bytes(&v));
        let stored_revision = stored_text.as_deref().map(stored_revision);
        if stored_text.is_none() && base.is_some() {
            let _ = tx.abort();
            return Ok(SaveOutcome::Deleted);
        }
        if stored_text.is_some() && stored_revision != base {
            let theirs: Option<Record> = stored_text.as_deref().and_then(parse_record);
            let _ = tx.abort();
            return match theirs {
                Some(theirs) => Ok(SaveOutcome::Conflict(Box::new(theirs))),
                // The stored copy is unreadable: keep it, and say so rather than overwrite it.
                None => Err(StoreError::CorruptStored),
            };
        }
        // A request of a transaction that aborts fails as "aborted"; why the transaction aborted
        // (a full disk, the quota) is the transaction's own error.
        let sys: web_sys::IdbTransaction = tx.into();
        let tx = idb::Transaction::from(sys.clone());
        let why = |e: StoreError| if e == StoreError::Aborted { abort_cause(&sys) } else { e };
        let summaries = tx.object_store(SUMMARIES).map_err(fail)?;
        let record_put = records.put(&stored_value(canonical), Some(&key)).map_err(fail)?;
        record_put.await.map_err(fail).map_err(why)?;
        let summary_put = summaries.put(&JsValue::from_str(&summary_json), Some(&key)).map_err(fail)?;
        summary_put.await.map_err(fail).map_err(why)?;
        committed(tx).await?;
        Ok(SaveOutcome::Saved)
    }

    /// Every stored record as its text (canonical JSON), keyed by id, without reading them.
    /// The texts stay JavaScript values (see [`stored_value`]): an export passes them to the file
    /// as they are.
    pub async fn record_texts(&self) -> Result<Vec<(String, JsValue)>, StoreError> {
        let tx = self.inner.transaction(&[RECORDS], TransactionMode::ReadOnly).map_err(fail)?;
        let store = tx.object_store(RECORDS).map_err(fail)?;
        let keys = store.get_all_keys(None, None).map_err(fail)?.await.map_err(fail)?;
        let values = store.get_all(None, None).map_err(fail)?.await.map_err(fail)?;
        Ok(keys.into_iter().zip(values).filter_map(|(k, v)| Some((k.as_string()?, v))).collect())
    }

    /// Empties every store of this database in one transaction (the training data's wipe): all
    /// or nothing.
    pub async fn clear_all(&self) -> Result<(), StoreError> {
        let stores = [RECORDS, SUMMARIES, OPINIONS, META];
        let tx = self.inner.transaction(&stores, TransactionMode::ReadWrite).map_err(fail)?;
        for store in stores {
            tx.object_store(store).map_err(fail)?.clear().map_err(fail)?.await.map_err(fail)?;
        }
        committed(tx).await
    }

    /// Deletes a record and its summary.
    pub async fn delete_record(&self, id: &str) -> Result<(), StoreError> {
        let tx = self.inner.transaction(&[RECORDS, SUMMARIES], TransactionMode::ReadWrite).map_err(fail)?;
        for store in [RECORDS, SUMMARIES] {
            tx.object_store(store)
                .map_err(fail)?
                .delete(JsValue::from_str(id))
                .map_err(fail)?
                .await
                .map_err(fail)?;
        }
        committed(tx).await
    }

    /// Stores opinions (new or changed).
    pub async fn save_opinions(&self, opinions: &[Opinion]) -> Result<(), StoreError> {
        let tx = self.inner.transaction(&[OPINIONS], TransactionMode::ReadWrite).map_err(fail)?;
        let store = tx.object_store(OPINIONS).map_err(fail)?;
        for o in opinions {
            let json = serde_json::to_string(o).map_err(fail)?;
            store
                .put(&JsValue::from_str(&json), Some(&JsValue::from_str(&o.id)))
                .map_err(fail)?
                .await
                .map_err(fail)?;
        }
        committed(tx).await
    }

    /// The settings, or the defaults.
    pub async fn settings(&self) -> Result<Settings, StoreError> {
        Ok(self.meta(SETTINGS_KEY).await?.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
    }

    /// Stores the settings.
    pub async fn save_settings(&self, settings: &Settings) -> Result<(), StoreError> {
        self.put_meta(SETTINGS_KEY, &serde_json::to_string(settings).map_err(fail)?).await
    }

    /// The county's list, if this copy has one (`None`: the template is in use). A stored list
    /// that does not read is an error that says so (it is left as it is).
    pub async fn catalogue(
        &self,
        read: fn(&str) -> Result<Catalogue, crate::domain::catalogue::CatalogueError>,
    ) -> Result<Option<Catalogue>, StoreError> {
        match self.meta(CATALOGUE_KEY).await? {
            None => Ok(None),
            Some(text) => read(&text).map(Some).map_err(|_| StoreError::Corrupt),
        }
    }

    /// Stores the county's list, unless the stored list is no longer the version this page
    /// started from (`base`: `None` when it saw none): then nothing is written and the stored
    /// list is returned.
    pub async fn save_catalogue(
        &self,
        list: &Catalogue,
        base: Option<u32>,
    ) -> Result<Option<Catalogue>, StoreError> {
        let json = serde_json::to_string(list).map_err(fail)?;
        let tx = self.inner.transaction(&[META], TransactionMode::ReadWrite).map_err(fail)?;
        let store = tx.object_store(META).map_err(fail)?;
        let key = JsValue::from_str(CATALOGUE_KEY);
        let stored = store.get(key.clone()).map_err(fail)?.await.map_err(fail)?.and_then(|v| v.as_string());
        let stored = match stored {
            None => None,
            Some(text) => Some(Catalogue::from_json(&text).map_err(|_| StoreError::CorruptStored)?),
        };
        if stored.as_ref().map(|c| c.version) != base {
            let _ = tx.abort();
            return Ok(stored);
        }
        store.put(&JsValue::from_str(&json), Some(&key)).map_err(fail)?.await.map_err(fail)?;
        committed(tx).await?;
        Ok(None)
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, StoreError> {
        let tx = self.inner.transaction(&[META], TransactionMode::ReadOnly).map_err(fail)?;
        let value = tx
            .object_store(META)
            .map_err(fail)?
            .get(JsValue::from_str(key))
            .map_err(fail)?
            .await
            .map_err(fail)?;
        Ok(value.and_then(|v| v.as_string()))
    }

    async fn put_meta(&self, key: &str, json: &str) -> Result<(), StoreError> {
        let tx = self.inner.transaction(&[META], TransactionMode::ReadWrite).map_err(fail)?;
        tx.object_store(META)
            .map_err(fail)?
            .put(&JsValue::from_str(json), Some(&JsValue::from_str(key)))
            .map_err(fail)?
            .await
            .map_err(fail)?;
        committed(tx).await
    }
}
