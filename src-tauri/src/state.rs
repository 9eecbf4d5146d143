//! The app's state: the open store, or why it could not be opened, and the app's hold on
//! the database (its session lock) for as long as it runs.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use csr_core::store::Session;
use csr_core::{Catalog, Store};

use crate::error::{Result, ShellError};

pub struct AppState {
    store: Mutex<Option<Store>>,
    /// Where the database is (shown in About and in start-up errors).
    pub db_path: Option<PathBuf>,
    /// The session lock, held while the app runs: `csr-assess restore-backup`, and a second
    /// app in another desktop session, are refused while it is held. `None` when another app
    /// holds it (the start-up error says so).
    session: Option<Session>,
    /// Why the store could not be opened at start-up, or the damage found since, as
    /// `{kind, message}`: the UI shows its damage screen. Cleared by a restore or by
    /// "I have a copy, continue".
    startup_error: Mutex<Option<ShellError>>,
    /// The window was told of the damage known now (event "database-damaged").
    damage_told: AtomicBool,
    /// A restore is under way: a second one (a double click) is refused.
    restoring: AtomicBool,
    /// The last PDF written this session: the only file "open" and "show in folder" act on.
    pub last_pdf: Mutex<Option<PathBuf>>,
    /// The folder of received submissions chosen on the staff screen, and the workbook
    /// written from it: the only folder read and the only file opened there.
    pub collect_folder: Mutex<Option<PathBuf>>,
    pub last_workbook: Mutex<Option<PathBuf>>,
    /// The app, to tell the window of an automatic backup that failed (set at start-up).
    pub events: std::sync::OnceLock<tauri::AppHandle>,
    /// NEC's feedback file the app was started with (a double click), opened once the
    /// window asks (`opened_at_start`).
    pub handed_file: Mutex<Option<PathBuf>>,
}

fn unavailable(e: &csr_core::Error) -> ShellError {
    ShellError::StoreUnavailable { kind: e.kind().as_str(), message: e.to_string(), detail: e.support_detail() }
}

impl AppState {
    /// Takes the session lock and opens the database at its usual place (or
    /// `$CSR_ASSESS_DB`). A failure is kept, not fatal: the UI shows it with what to do, and
    /// the file is left untouched. A database with a damage mark opens for reading, and the
    /// UI shows the damage screen.
    pub fn open() -> AppState {
        let (opened, session, db_path) = match csr_core::store::default_path() {
            Ok(p) => match Session::take(&p) {
                Ok(session) => (Store::open(&p, csr_core::Catalog::get()), Some(session), Some(p)),
                Err(e) => (Err(e), None, Some(p)),
            },
            Err(e) => (Err(e), None, None),
        };
        let (store, startup_error) = match opened {
            Ok(store) => {
                let damage = store.damage_error().map(|e| unavailable(&e));
                (Some(store), damage)
            }
            Err(e) => (None, Some(unavailable(&e))),
        };
        AppState {
            damage_told: AtomicBool::new(startup_error.is_some()),
            store: Mutex::new(store),
            db_path,
            session,
            startup_error: Mutex::new(startup_error),
            restoring: AtomicBool::new(false),
            last_pdf: Mutex::new(None),
            collect_folder: Mutex::new(None),
            last_workbook: Mutex::new(None),
            events: std::sync::OnceLock::new(),
            handed_file: Mutex::new(None),
        }
    }

    /// The catalog every command works with: the one chosen at start (`main`), or the advice
    /// update the user installed since. The shell is the edge that holds it; the core below
    /// receives it as a parameter.
    pub fn catalog(&self) -> &'static csr_core::Catalog {
        csr_core::Catalog::get()
    }

    /// Why the store did not open at start-up (or the damage found since), if so.
    pub fn startup_error(&self) -> Option<ShellError> {
        self.startup_error.lock().unwrap_or_else(|p| p.into_inner()).as_ref().map(ShellError::unavailable)
    }

    fn emit(&self, event: &str, payload: impl serde::Serialize + Clone) {
        if let Some(app) = self.events.get() {
            use tauri::Emitter;
            let _ = app.emit(event, payload);
        }
    }

    /// Runs `f` on the store.
    pub fn with_store<T>(&self, f: impl FnOnce(&mut Store) -> csr_core::Result<T>) -> Result<T> {
        let mut guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match guard.as_mut() {
            Some(store) => {
                let result = f(store);
                // A change was saved but its automatic backup failed: the window says so
                // (event "backup-problem"), with what to do.
                if let Some(problem) = store.take_backup_problem() {
                    self.emit("backup-problem", problem);
                }
                // Damage found by this call (a read, the background check, a backup) or
                // marked beside the file by another program: the window shows the damage
                // screen at once (event "database-damaged"), and after a restart too.
                if let Some(e) = store.damage_error() {
                    if !self.damage_told.swap(true, Ordering::SeqCst) {
                        let told = unavailable(&e);
                        let payload = serde_json::json!({
                            "kind": told.kind(), "message": told.to_string(), "detail": told.detail()
                        });
                        *self.startup_error.lock().unwrap_or_else(|p| p.into_inner()) = Some(told);
                        self.emit("database-damaged", payload);
                    }
                }
                Ok(result?)
            }
            None => Err(self.startup_error().unwrap_or(ShellError::StoreUnavailable {
                kind: crate::error::ShellKind::StoreUnavailable.as_str(),
                message: String::new(),
                detail: None,
            })),
        }
    }

    /// Puts snapshot `name` back in place of the database (open or not) and opens it. A
    /// second restore while one runs is refused.
    pub fn restore_backup(&self, name: &str) -> Result<()> {
        let path = self.db_path.clone().ok_or(ShellError::Core(csr_core::Error::NoDataFolder))?;
        if self.restoring.swap(true, Ordering::SeqCst) {
            return Err(ShellError::Core(csr_core::Error::RestoreRunning { path }));
        }
        let result = self.replace_store(&path, |store| match store {
            Some(store) => store.restore_backup(name, self.session.as_ref()),
            None => csr_core::store::restore_backup_at(&path, name, Catalog::get(), self.session.as_ref()),
        });
        self.restoring.store(false, Ordering::SeqCst);
        result
    }

    /// "I have a copy, continue": removes the damage mark and opens the database for
    /// writing again (the file itself is not changed).
    pub fn continue_after_damage(&self) -> Result<()> {
        let path = self.db_path.clone().ok_or(ShellError::Core(csr_core::Error::NoDataFolder))?;
        if self.session.is_none() {
            // Another app holds the database: nothing to continue here.
            return Err(self.startup_error().unwrap_or(ShellError::Core(csr_core::Error::DatabaseInUse { path })));
        }
        self.replace_store(&path, |store| match store {
            Some(store) => store.continue_after_damage(),
            None => csr_core::store::continue_after_damage_at(&path, Catalog::get()),
        })
    }

    /// Replaces the open store by what `f` makes of it; on failure the file is opened again
    /// as it is (or the error kept for the start-up screen).
    fn replace_store(
        &self,
        path: &std::path::Path,
        f: impl FnOnce(Option<Store>) -> csr_core::Result<Store>,
    ) -> Result<()> {
        let mut guard = self.store.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        match f(guard.take()) {
            Ok(store) => {
                let damage = store.damage_error().map(|e| unavailable(&e));
                self.damage_told.store(damage.is_some(), Ordering::SeqCst);
                *self.startup_error.lock().unwrap_or_else(|p| p.into_inner()) = damage;
                *guard = Some(store);
                Ok(())
            }
            Err(e) => {
                if let Ok(again) = Store::open(path, Catalog::get()) {
                    *guard = Some(again);
                }
                Err(e.into())
            }
        }
    }
}
