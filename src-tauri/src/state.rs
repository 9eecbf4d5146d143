//! The app's state: the open store, or why it could not be opened.

use std::path::PathBuf;
use std::sync::Mutex;

use csr_core::Store;

use crate::error::{Result, ShellError};

pub struct AppState {
    store: Mutex<Option<Store>>,
    /// Where the database is (shown in About and in start-up errors).
    pub db_path: Option<PathBuf>,
    /// Why the store could not be opened at start-up, as `{kind, message}`; cleared when a
    /// backup is restored over the damaged file.
    startup_error: Mutex<Option<ShellError>>,
    /// The last PDF written this session: the only file "open" and "show in folder" act on.
    pub last_pdf: Mutex<Option<PathBuf>>,
    /// The folder of received submissions chosen on the staff screen, and the workbook
    /// written from it: the only folder read and the only file opened there.
    pub collect_folder: Mutex<Option<PathBuf>>,
    pub last_workbook: Mutex<Option<PathBuf>>,
    /// The app, to tell the window of an automatic backup that failed (set at start-up).
    pub events: std::sync::OnceLock<tauri::AppHandle>,
}

impl AppState {
    /// Opens the database at its usual place (or `$CSR_ASSESS_DB`). A failure is kept, not
    /// fatal: the UI shows it with what to do, and the file is left untouched.
    pub fn open() -> AppState {
        let (opened, db_path) = match csr_core::store::default_path() {
            Ok(p) => (Store::open(&p), Some(p)),
            Err(e) => (Err(e), None),
        };
        let (store, startup_error) = match opened {
            Ok(store) => (Some(store), None),
            Err(e) => (None, Some(ShellError::StoreUnavailable { kind: e.kind().as_str(), message: e.to_string() })),
        };
        AppState {
            store: Mutex::new(store),
            db_path,
            startup_error: Mutex::new(startup_error),
            last_pdf: Mutex::new(None),
            collect_folder: Mutex::new(None),
            last_workbook: Mutex::new(None),
            events: std::sync::OnceLock::new(),
        }
    }

    /// The catalog every command works with: the one chosen at start (`main`), or the advice
    /// update the user installed since. The shell is the edge that holds it; the core below
    /// receives it as a parameter.
    pub fn catalog(&self) -> &'static csr_core::Catalog {
        csr_core::Catalog::get()
    }

    /// Why the store did not open at start-up, if it did not.
    pub fn startup_error(&self) -> Option<ShellError> {
        self.startup_error.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(ShellError::unavailable)
    }

    /// Runs `f` on the store.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> csr_core::Result<T>) -> Result<T> {
        let mut guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Some(store) => {
                let result = f(store);
                // A change was saved but its automatic backup failed: the window says so
                // (event "backup-problem"), with what to do.
                if let (Some(problem), Some(app)) = (store.take_backup_problem(), self.events.get()) {
                    use tauri::Emitter;
                    let _ = app.emit("backup-problem", problem);
                }
                Ok(result?)
            }
            None => Err(self
                .startup_error()
                .unwrap_or(ShellError::StoreUnavailable { kind: crate::error::ShellKind::StoreUnavailable.as_str(), message: String::new() })),
        }
    }

    /// Puts snapshot `name` back in place of the database (open or not) and opens it.
    pub fn restore_backup(&self, name: &str) -> Result<()> {
        let path = self.db_path.clone().ok_or(ShellError::Core(csr_core::Error::NoDataFolder))?;
        let mut guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let restored = match guard.take() {
            Some(store) => store.restore_backup(name).or_else(|e| {
                // The store was closed for the restore; open it again as it is.
                if let Ok(again) = Store::open(&path) {
                    *guard = Some(again);
                }
                Err(e)
            })?,
            None => csr_core::store::restore_backup_at(&path, name)?,
        };
        *guard = Some(restored);
        *self.startup_error.lock().unwrap_or_else(|p| p.into_inner()) = None;
        Ok(())
    }
}
