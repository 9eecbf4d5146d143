//! Driving the real app: tauri-driver + WebKitWebDriver, one app per test, each with its
//! own data folder. Tests run one at a time (each app is a full WebKit process tree).
#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub const APP: &str = env!("CARGO_BIN_EXE_csr-self-assessment");

static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub mod processes;

/// A limit on a wait that may never end (a WebDriver call to an app that never opened its
/// window, a session that never came): once it passes, the watchdog says what was waited
/// for, stops every app this process started (their whole process trees) and ends the
/// process with status 124, so a hang is a failure in minutes, not a CI run cut off after
/// hours. `waiting_for` can be renamed as the work goes on, so the message names the step.
pub struct Watchdog {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    what: std::sync::Arc<std::sync::Mutex<String>>,
}

impl Watchdog {
    pub fn new(seconds: u64, what: &str) -> Watchdog {
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let what = std::sync::Arc::new(std::sync::Mutex::new(what.to_string()));
        let (watching, named) = (done.clone(), what.clone());
        std::thread::spawn(move || {
            let deadline = Instant::now() + Duration::from_secs(seconds);
            while Instant::now() < deadline {
                if watching.load(std::sync::atomic::Ordering::SeqCst) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(250));
            }
            let named = named.lock().map(|n| n.clone()).unwrap_or_default();
            // Straight to stderr: the test harness captures eprintln! and would drop the words.
            let said = format!(
                "\n{named} hung: still running after {seconds} s; stopping every app and driver this process started\n"
            );
            let _ = std::io::Write::write_all(&mut std::io::stderr(), said.as_bytes());
            let left = processes::stop_all_of_this_process();
            if !left.is_empty() {
                let said = format!("still running after SIGKILL: {left:?}\n");
                let _ = std::io::Write::write_all(&mut std::io::stderr(), said.as_bytes());
            }
            std::process::exit(124);
        });
        Watchdog { done, what }
    }

    /// Names the step now under way (the message of a hang names it).
    pub fn waiting_for(&self, what: impl Into<String>) {
        if let Ok(mut w) = self.what.lock() {
            *w = what.into();
        }
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::SeqCst);
    }
}

/// One end-to-end test's turn: holds the lock that keeps tests from running side by side,
/// and a watchdog that ends the whole test process if the test hangs.
pub struct Turn {
    _lock: tokio::sync::MutexGuard<'static, ()>,
    _watchdog: Watchdog,
}

impl Drop for Turn {
    fn drop(&mut self) {
        // Each App stops its own tree when dropped; this catches what a test left (an App
        // moved out of reach, a tree that forked after its handle went).
        let left = processes::stop_all_of_this_process();
        if !left.is_empty() {
            eprintln!("processes of this test still running after SIGKILL: {left:?}");
        }
    }
}

/// Takes this test's turn (each test has its own runtime; this async lock works across
/// them), with a watchdog of `CSR_E2E_TEST_SECONDS` (600) naming the test.
pub async fn serial() -> Turn {
    let lock = ONE_AT_A_TIME.lock().await;
    let seconds: u64 = std::env::var("CSR_E2E_TEST_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(600);
    let name = std::thread::current().name().unwrap_or("an end-to-end test").to_string();
    let watchdog = Watchdog::new(seconds, &format!("{name} (limit CSR_E2E_TEST_SECONDS)"));
    Turn { _lock: lock, _watchdog: watchdog }
}

/// How long a new WebDriver session may take (the app's start, under load).
const SESSION_SECONDS: u64 = 90;
/// How long one script in the page may take.
const SCRIPT_SECONDS: u64 = 60;

/// Two distinct free ports: both listeners are held until both ports are read, so the
/// system cannot hand out the same port twice.
fn two_free_ports() -> (u16, u16) {
    let a = TcpListener::bind("127.0.0.1:0").unwrap();
    let b = TcpListener::bind("127.0.0.1:0").unwrap();
    (a.local_addr().unwrap().port(), b.local_addr().unwrap().port())
}

fn tauri_driver() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from).unwrap_or_default();
    let in_cargo = home.join(".cargo/bin/tauri-driver");
    if in_cargo.exists() {
        return in_cargo;
    }
    PathBuf::from("tauri-driver")
}

/// A text of the UI's string table `ui/js/strings/<lang>.js`, or one of the core's words the
/// UI adds to it (`rating.full`, `status.submitted`, `label.colon`, …: lang/<code>/words.json).
/// Tests compare what the screen shows with what the table says, so copy edits do not break them.
pub fn string(lang: &str, key: &str) -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/js/strings/").to_string() + lang + ".js";
    let text = std::fs::read_to_string(path).unwrap();
    let json = text.trim().strip_prefix("export default").unwrap().trim().trim_end_matches(';');
    let table: serde_json::Map<String, Value> = serde_json::from_str(json).unwrap();
    if let Some(s) = table.get(key).and_then(Value::as_str) {
        return s.to_string();
    }
    let language = csr_core::lang::Lang::parse(lang).unwrap();
    let w = language.words();
    let (group, name) = key.split_once('.').unwrap_or((key, ""));
    let word = match (group, name) {
        ("label", "colon") => Some(language.colon()),
        ("list", "separator") => Some(language.formats().list_separator.as_str()),
        ("status", "unanswered") => Some(w.not_answered.as_str()),
        ("rating", n) if n.ends_with(".description") => w.rating_description.get(n.trim_end_matches(".description")).map(String::as_str),
        ("rating", n) => w.rating.get(n).map(String::as_str),
        ("status", n) => w.status.get(n).map(String::as_str),
        ("cascade", n) => w.cascade.get(n).map(String::as_str),
        ("cascade_state", n) => w.cascade_state.get(n).map(String::as_str),
        ("profile", n) => w.profile_field.get(n).map(String::as_str),
        _ => None,
    };
    word.unwrap_or_else(|| panic!("no string {key} in {lang}.js nor in lang/{lang}/words.json")).to_string()
}

/// The fixed pieces of a string-table template ("{n} of {total}" → ["of"]), to find it filled in.
pub fn template_pieces(template: &str) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        pieces.push(rest[..open].trim().to_string());
        rest = rest[open..].split_once('}').map_or("", |(_, after)| after);
    }
    pieces.push(rest.trim().to_string());
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// The environment of a computer set to Japanese (Linux reads these; the app asks the OS).
/// GTK would pick the X input method for a Japanese locale, which drops the Shift of the
/// keys WebDriver types ("A" arrives as "a", "@" as "2"); a Japanese user types through
/// their own input method, so the tests keep GTK's simple one.
pub fn japanese_system() -> Vec<(&'static str, String)> {
    vec![
        ("LANG", "ja_JP.UTF-8".into()),
        ("LC_ALL", "ja_JP.UTF-8".into()),
        ("LANGUAGE", "ja_JP:ja".into()),
        ("GTK_IM_MODULE", "gtk-im-context-simple".into()),
    ]
}

/// The process tree of one app (the driver, WebKitWebDriver, the app, WebKit's processes),
/// marked `CSR_TEST_APP=<id>` and stopped whole when dropped: after a test ends, fails,
/// panics, or a start that went wrong half way.
pub struct AppTree {
    pub id: String,
    driver: Child,
    stopped: bool,
}

impl AppTree {
    /// Stops every process of this app and waits (at most 12 s) until they are gone.
    pub fn stop(&mut self) {
        if std::mem::replace(&mut self.stopped, true) {
            return;
        }
        processes::stop_app(&self.id);
        // tauri-driver is our child: reap it, so it is not left a zombie.
        let _ = self.driver.try_wait();
    }
}

impl Drop for AppTree {
    fn drop(&mut self) {
        self.stop();
    }
}

/// A running app with a WebDriver session.
pub struct App {
    pub client: Client,
    tree: AppTree,
    pub dir: PathBuf,
    /// The program the driver started (the app, or the benchmark's empty app).
    program: PathBuf,
}

/// Where screenshots go: `$CSR_SCREENSHOTS` (docs/screenshots when updating them), else the
/// test's own folder.
pub fn screenshot_dir(dir: &Path) -> PathBuf {
    std::env::var_os("CSR_SCREENSHOTS").map(PathBuf::from).unwrap_or_else(|| dir.join("shots"))
}

impl App {
    /// Starts the app on the data folder `dir` (database `dir/db.sqlite3` unless `db` is given).
    pub async fn start(dir: &Path) -> App {
        App::start_with_db(dir, &dir.join("db.sqlite3")).await
    }

    pub async fn start_with_db(dir: &Path, db: &Path) -> App {
        App::start_with(dir, db, &[]).await
    }

    /// Starts the app with extra environment variables (they reach it through the driver).
    pub async fn start_with(dir: &Path, db: &Path, env: &[(&str, String)]) -> App {
        App::start_program(APP, dir, db, env).await
    }

    /// Starts any Tauri program (the benchmark also starts an empty app) under the driver.
    pub async fn start_program(program: &str, dir: &Path, db: &Path, env: &[(&str, String)]) -> App {
        App::start_program_with_args(program, dir, db, env, &[]).await
    }

    /// Starts the app with `args` on its command line, as the system starts it for a file
    /// double-clicked while the app is closed.
    pub async fn start_with_args(dir: &Path, db: &Path, args: &[&str]) -> App {
        App::start_program_with_args(APP, dir, db, &[], args).await
    }

    async fn start_program_with_args(
        program: &str,
        dir: &Path,
        db: &Path,
        env: &[(&str, String)],
        args: &[&str],
    ) -> App {
        std::fs::create_dir_all(dir.join("xdg")).unwrap();
        for attempt in 1..=2 {
            // A stray app (of a killed run, or one this process failed to stop) would take this
            // start for itself through the single-instance guard.
            processes::clear_the_way();
            let (port, native) = two_free_ports();
            let id = processes::new_app_id();
            let driver = Command::new(tauri_driver())
                .args(["--port", &port.to_string(), "--native-port", &native.to_string()])
                .env("CSR_ASSESS_DB", db)
                .env("XDG_DATA_HOME", dir.join("xdg/data"))
                .env("XDG_CONFIG_HOME", dir.join("xdg/config"))
                .env("XDG_CACHE_HOME", dir.join("xdg/cache"))
                .env("TMPDIR", dir.join("xdg"))
                .env(processes::RUN_VAR, processes::run_id())
                .env(processes::APP_VAR, &id)
                // A debug build answers its file dialogs from this file (see answer_file_dialogs_with).
                .env("CSR_ASSESS_TEST_DIALOG", dir.join("dialog-answer"))
                .envs(env.iter().map(|(k, v)| (*k, v.as_str())))
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .expect("tauri-driver runs (scripts/setup.sh installs it)");
            let tree = AppTree { id, driver, stopped: false };
            // tauri-driver opens its port before WebKitWebDriver is ready: wait for both.
            let deadline = Instant::now() + Duration::from_secs(30);
            while [port, native].iter().any(|p| TcpStream::connect(("127.0.0.1", *p)).is_err()) {
                assert!(
                    Instant::now() < deadline,
                    "tauri-driver did not open its ports {port} and {native} (WebKitWebDriver) within 30 s"
                );
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let mut caps = serde_json::Map::new();
            caps.insert("browserName".into(), json!("wry"));
            caps.insert("tauri:options".into(), json!({ "application": program, "args": args }));
            // The session answers once the program's window is up; a start taken over by a
            // stray instance never answers.
            let mut builder = ClientBuilder::native();
            builder.capabilities(caps);
            let url = format!("http://127.0.0.1:{port}");
            let session = builder.connect(&url);
            let client = match tokio::time::timeout(Duration::from_secs(SESSION_SECONDS), session).await {
                Ok(client) => client.unwrap_or_else(|e| panic!("a WebDriver session with {program}: {e}")),
                Err(_) if attempt == 1 => {
                    // Now and then (seen under heavy load) WebKitGTK's web process never starts
                    // and the window never comes: named here, the tree stopped, started once more.
                    let said = format!(
                        "flaky start: no WebDriver session with {program} within {SESSION_SECONDS} s (its processes: {:?}); stopped and started once more\n",
                        processes::of_app(&tree.id)
                    );
                    eprint!("{said}");
                    // A passing test's output is not shown: the log is, by scripts/test.sh.
                    let log = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("flaky-starts.log");
                    let _ = std::fs::OpenOptions::new().create(true).append(true).open(log).and_then(|mut f| {
                        std::io::Write::write_all(&mut f, format!("{}: {said}", std::thread::current().name().unwrap_or("?")).as_bytes())
                    });
                    drop(tree);
                    continue;
                }
                Err(_) => panic!(
                    "a WebDriver session with {program}: no answer within {SESSION_SECONDS} s, twice (its processes: {:?})",
                    processes::of_app(&tree.id)
                ),
            };
            let app = App { client, tree, dir: dir.to_path_buf(), program: program.into() };
            app.wait_ready().await;
            return app;
        }
        unreachable!("the second attempt returns or panics")
    }

    /// Waits until the UI has finished starting (or shows a start-up error).
    pub async fn wait_ready(&self) {
        self.wait_for("body[data-ready='true'], .fatal").await;
    }

    /// The pid of the program this App started (found by its marker and executable).
    pub fn pid(&self) -> Option<u32> {
        let program = std::fs::canonicalize(&self.program).unwrap_or_else(|_| self.program.clone());
        processes::of_app(&self.tree.id).into_iter().map(|m| m.pid).find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).ok().is_some_and(|exe| {
                // A binary rebuilt while it runs shows as "<path> (deleted)".
                let exe = exe.to_str().map_or(exe.clone(), |e| PathBuf::from(e.trim_end_matches(" (deleted)")));
                exe == program
            })
        })
    }

    /// This app's marker (`CSR_TEST_APP`), carried by each of its processes.
    pub fn marker(&self) -> &str {
        &self.tree.id
    }

    /// Stops the program without the close request (for programs that do not handle one):
    /// ends the session, then stops the whole process tree (the end of a session does not
    /// always end the app).
    pub async fn kill(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        self.tree.stop();
    }

    /// Closes the window as a user would (the app saves what is pending, then exits) and
    /// stops the driver. WebDriver's own "close window" is not used: it destroys the web
    /// view without the close request a user's click sends.
    pub async fn close(self) {
        self.close_like_a_user().await;
    }

    /// Closes the window the way a user does, through the window manager's close request
    /// (WM_DELETE_WINDOW), waits for the app to exit, then stops the driver.
    pub async fn close_like_a_user(mut self) {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/support/wm_close.py");
        let pid = self.pid().expect("the app is running");
        let deadline = Instant::now() + Duration::from_secs(15);
        // Without a window manager, GTK now and then drops a close request before the app
        // sees it (the app logs no CloseRequested); a person would click again, so do we.
        for attempt in 1.. {
            let out = Command::new("/usr/bin/python3")
                .args([script, "CSR Self-Assessment", &pid.to_string()])
                .output()
                .expect("python3 with python3-xlib");
            if self.pid().is_none() {
                break;
            }
            assert!(out.status.success(), "the close request was sent: {}", String::from_utf8_lossy(&out.stderr));
            let retry_at = Instant::now() + Duration::from_millis(1500);
            while self.pid().is_some() && Instant::now() < retry_at {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            if self.pid().is_none() {
                break;
            }
            if Instant::now() > deadline {
                let shown = self.script("return [location.hash, document.querySelector('dialog[open]')?.innerText ?? '', document.querySelector('save-status')?.dataset.status]", vec![]).await;
                panic!("the app did not exit after {attempt} close requests; it shows {shown}");
            }
            eprintln!("close request {attempt} was not acted on; sending it again");
        }
        let _ = tokio::time::timeout(Duration::from_secs(10), self.client.clone().close()).await;
        self.tree.stop();
    }

    pub async fn wait_for(&self, css: &str) -> Element {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.client.wait().at_most(left).for_element(Locator::Css(css)).await {
                Ok(element) => return element,
                // A reload under way ends the driver's search with this error (WebKitWebDriver);
                // the new page is searched again, within the same 15 s.
                Err(e) if e.to_string().contains("before the unload event") && !left.is_zero() => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("waiting for {css}: {e}"),
            }
        }
    }

    pub async fn find(&self, css: &str) -> Element {
        self.client.find(Locator::Css(css)).await.unwrap_or_else(|e| panic!("finding {css}: {e}"))
    }

    /// Whether `css` is shown, once it is there; an element re-drawn between finding and
    /// asking (the sidebar follows the progress) is found again.
    pub async fn is_displayed(&self, css: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            match self.wait_for(css).await.is_displayed().await {
                Ok(shown) => return shown,
                Err(e) if Instant::now() < deadline => eprintln!("{css} was re-drawn ({e}); finding it again"),
                Err(e) => panic!("{css}: {e}"),
            }
        }
    }

    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client.find_all(Locator::Css(css)).await.unwrap()
    }

    /// Clicks an element after scrolling it to the middle of the view, as a user would
    /// (at the edge it could sit under the sticky header).
    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        self.client
            .execute("arguments[0].scrollIntoView({block: 'center'})", vec![serde_json::to_value(&el).unwrap()])
            .await
            .unwrap();
        el.click().await.unwrap_or_else(|e| panic!("clicking {css}: {e:?}"));
    }

    /// Replaces a field's text, as typing would (input events fire).
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.unwrap();
        el.send_keys(text).await.unwrap_or_else(|e| panic!("typing into {css}: {e}"));
    }

    /// Sets a date field (WebKit's date inputs take ISO dates through script).
    pub async fn set_date(&self, css: &str, date: &str) {
        self.wait_for(css).await;
        self.script(
            "const el = document.querySelector(arguments[0]); el.value = arguments[1];
             el.dispatchEvent(new Event('input', {bubbles: true})); el.dispatchEvent(new Event('change', {bubbles: true}));",
            vec![json!(css), json!(date)],
        )
        .await;
    }

    /// Presses a key as the keyboard does: it goes to whatever has the focus.
    pub async fn press(&self, key: char) {
        use fantoccini::actions::{InputSource, KeyAction, KeyActions};
        let actions = KeyActions::new("keyboard".to_string())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client.perform_actions(actions).await.unwrap_or_else(|e| panic!("pressing {key:?}: {e}"));
    }

    /// The text of the element `css` finds. A screen drawn again between finding and reading
    /// (a toast replaced, a dialog redrawn) makes the element found stale: found again then,
    /// as a user's eyes would.
    pub async fn text(&self, css: &str) -> String {
        for _ in 0..20 {
            match self.wait_for(css).await.text().await {
                Ok(text) => return text,
                Err(fantoccini::error::CmdError::Standard(e))
                    if e.error == fantoccini::error::ErrorStatus::StaleElementReference =>
                {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                Err(e) => panic!("the text of {css}: {e}"),
            }
        }
        panic!("the text of {css}: the element was drawn again 20 times while being read")
    }

    pub async fn value(&self, css: &str) -> String {
        self.wait_for(css).await.prop("value").await.unwrap().unwrap_or_default()
    }

    pub async fn script(&self, js: &str, args: Vec<Value>) -> Value {
        match tokio::time::timeout(Duration::from_secs(SCRIPT_SECONDS), self.client.execute(js, args)).await {
            Ok(result) => result.unwrap_or_else(|e| panic!("script failed: {e}")),
            Err(_) => panic!("the page did not answer within {SCRIPT_SECONDS} s to the script {js}"),
        }
    }

    /// Replaces a field's text as an input method commits it: all at once, then an input and
    /// a change event (WebDriver's key presses cannot compose full-width text).
    pub async fn commit_text(&self, css: &str, text: &str) {
        self.script(
            "const el = document.querySelector(arguments[0]); el.focus(); el.value = arguments[1];
             el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromComposition', data: arguments[1] }));
             el.blur(); el.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![json!(css), json!(text)],
        )
        .await;
    }

    /// Runs script that calls its last argument with the result (for promises).
    pub async fn script_async(&self, js: &str, args: Vec<Value>) -> Value {
        match tokio::time::timeout(Duration::from_secs(SCRIPT_SECONDS), self.client.execute_async(js, args)).await {
            Ok(result) => result.unwrap_or_else(|e| panic!("script failed: {e}")),
            Err(_) => panic!("the page did not answer within {SCRIPT_SECONDS} s to the script {js}"),
        }
    }

    pub async fn hash(&self) -> String {
        self.script("return location.hash", vec![]).await.as_str().unwrap_or("").to_string()
    }

    /// Waits until the screen for `hash` ("#/a/1/item/I-1") is drawn: the hash alone
    /// changes before the screen does.
    pub async fn wait_hash(&self, hash: &str) {
        let path = hash.strip_prefix('#').unwrap_or_else(|| panic!("{hash} starts with '#'"));
        self.wait_path(path).await;
    }

    /// Waits until the screen of the route `path` ("/a/1/item/I-1") is drawn: the UI sets
    /// `main[data-path]` once it is, and removes it when a navigation starts.
    pub async fn wait_path(&self, path: &str) {
        let css = format!("main[data-path=\"{}\"]", path.replace('\\', "\\\\").replace('"', "\\\""));
        if self.client.wait().at_most(Duration::from_secs(15)).for_element(Locator::Css(&css)).await.is_err() {
            let at = self
                .script("return [location.hash, document.querySelector('main')?.dataset.path ?? null]", vec![])
                .await;
            panic!("the screen of {path} was not drawn; at [hash, drawn path] = {at}");
        }
    }

    /// Goes to the route `path` ("/a/1/item/I-1") as a link would, and waits until its
    /// screen is drawn.
    pub async fn goto(&self, path: &str) {
        self.script("location.hash = arguments[0]", vec![json!(format!("#{path}"))]).await;
        self.wait_path(path).await;
    }

    /// Waits until every change is saved (the header says so).
    pub async fn wait_saved(&self) {
        self.wait_for("save-status[data-status='saved']").await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.script("return document.querySelector('save-status').dataset.status", vec![]).await != json!("saved")
        {
            assert!(Instant::now() < deadline, "changes were not saved");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The system file dialogs (opened by the app's Rust side) cannot be driven through
    /// WebDriver: a debug build answers them with the path written here.
    pub async fn answer_file_dialogs_with(&self, path: &Path) {
        std::fs::write(self.dir.join("dialog-answer"), path.to_str().unwrap()).unwrap();
    }

    /// The next file dialog is cancelled.
    pub fn cancel_file_dialogs(&self) {
        std::fs::write(self.dir.join("dialog-answer"), "").unwrap();
    }

    /// A screenshot of the top of the page.
    pub async fn screenshot(&self, name: &str) {
        self.script(
            "window.scrollTo(0, 0); document.activeElement?.blur?.(); document.querySelectorAll('.answer, .sidebar').forEach((e) => { e.scrollTop = 0; });",
            vec![],
        )
        .await;
        tokio::time::sleep(Duration::from_millis(150)).await;
        self.screenshot_here(name).await;
    }

    /// A screenshot of the page as it is scrolled now.
    pub async fn screenshot_here(&self, name: &str) {
        // Two animation frames: the screen is painted, not only laid out (on a busy machine
        // a snapshot taken at once can show the previous screen, or nothing).
        self.script_async("const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done(true)));", vec![]).await;
        tokio::time::sleep(Duration::from_millis(100)).await;
        let png = self.client.screenshot().await.unwrap();
        let dir = screenshot_dir(&self.dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(format!("{name}.png")), png).unwrap();
    }

    /// Visible text of the page.
    pub async fn page_text(&self) -> String {
        self.script("return document.body.innerText", vec![]).await.as_str().unwrap_or("").to_string()
    }
}

/// The process id of `program` started on the data folder `dir`: the one process whose
/// executable is `program` and whose environment names `dir` (WebKit's helper processes
/// inherit the environment, not the executable).
pub fn pid_of(dir: &Path, program: &Path) -> Option<u32> {
    let program = std::fs::canonicalize(program).unwrap_or_else(|_| program.to_path_buf());
    let needle = format!("XDG_DATA_HOME={}", dir.join("xdg/data").display());
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|p| {
        let pid: u32 = p.file_name().to_str()?.parse().ok()?;
        let exe = std::fs::read_link(p.path().join("exe")).ok()?;
        // A binary rebuilt while it runs shows as "<path> (deleted)".
        let exe = exe.to_str().map_or(exe.clone(), |e| PathBuf::from(e.trim_end_matches(" (deleted)")));
        let ours = exe == program
            && std::fs::read(p.path().join("environ"))
                .is_ok_and(|env| env.split(|b| *b == 0).any(|kv| kv == needle.as_bytes()));
        ours.then_some(pid)
    })
}

/// A stand-in for `xdg-open`, first on PATH: records what the app asks the system to open
/// (a file for the PDF viewer, a folder, a mailto: link) instead of opening it.
/// Returns the environment to start the app with and the log file.
pub fn recording_opener(dir: &Path) -> (Vec<(&'static str, String)>, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let bin = dir.join("fake-bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.join("opened.log");
    let script = bin.join("xdg-open");
    std::fs::write(&script, format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display())).unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    (vec![("PATH", path)], log)
}

/// Like [`recording_opener`], on a computer without a mail program: every launcher the
/// app may try (xdg-open, then gio, gnome-open and KDE's) records what it was asked to open
/// and fails for a `mailto:` link, as xdg-open does when no program takes that scheme.
pub fn opener_without_mail_program(dir: &Path) -> (Vec<(&'static str, String)>, PathBuf) {
    use std::os::unix::fs::PermissionsExt;
    let (env, log) = recording_opener(dir);
    let bin = dir.join("fake-bin");
    for launcher in ["xdg-open", "gio", "gnome-open", "kde-open6", "kde-open5", "kde-open"] {
        let script = bin.join(launcher);
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\ncase \"$*\" in *mailto:*) echo 'no method available for opening mailto' >&2; exit 3;; esac\n",
                log.display()
            ),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    (env, log)
}

/// Waits until the recorded opener log has `lines` lines; returns them.
pub async fn opened(log: &Path, lines: usize) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let text = std::fs::read_to_string(log).unwrap_or_default();
        let got: Vec<String> = text.lines().map(String::from).collect();
        if got.len() >= lines {
            return got;
        }
        assert!(Instant::now() < deadline, "the app opened only {got:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
