//! Drives Debian's chromium through its own chromedriver and reaches into each widget's
//! open shadow root the way assistive tools do. A run that calls [`reuse_browsers`] keeps
//! one browser per worker: a test that closes its browser hands it back, and the next
//! test gets it with a clean state (one fresh tab, nothing stored for any origin the
//! run served, no console messages left over).

use crate::webdriver::{Client, Error, ELEMENT_KEY};
use serde_json::{json, Value as Json};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(15);

pub struct Browser {
    pub client: Client,
    /// `None` once handed back to the pool (then dropping it stops nothing).
    driver: Option<Child>,
    profile: PathBuf,
    /// The count of requests served (see [`crate::server::served_since`]) when this
    /// browser was started or last cleaned.
    clean_at: u64,
}

/// Browsers handed back by tests that passed, ready for the next test; `None` while
/// browsers are not reused (each test starts and stops its own).
static IDLE: Mutex<Option<Vec<Browser>>> = Mutex::new(None);

fn idle() -> std::sync::MutexGuard<'static, Option<Vec<Browser>>> {
    IDLE.lock().unwrap_or_else(|e| e.into_inner())
}

/// From now on [`Browser::close`] hands the browser back for the next test rather than
/// stopping it.
pub fn reuse_browsers() {
    idle().get_or_insert_with(Vec::new);
}

/// Stops every browser that was handed back (at the end of a run).
pub fn stop_idle_browsers() {
    let browsers = idle().take().unwrap_or_default();
    for browser in browsers {
        let _ = browser.client.clone().close();
    }
}

fn env_path(name: &str, fallback: &str) -> String {
    std::env::var(name).ok().filter(|v| !v.is_empty()).unwrap_or_else(|| fallback.to_string())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// JavaScript that binds `root` to the shadow root of the n-th widget on the page.
pub fn root_js(widget: usize) -> String {
    format!("const host = document.querySelectorAll('leg-pain-quiz')[{widget}]; const root = host && host.shadowRoot;")
}

impl Browser {
    /// A headless Chromium with a viewport of `width` × `height`: one handed back by an
    /// earlier test, cleaned, where browsers are reused (see [`reuse_browsers`]), else a
    /// new one.
    pub fn open(width: u32, height: u32) -> Browser {
        loop {
            let Some(mut browser) = idle().as_mut().and_then(Vec::pop) else { break };
            // One that can't be cleaned (it crashed) is dropped, which stops it.
            if browser.clean().is_ok() {
                browser.viewport(width, height);
                return browser;
            }
        }
        Browser::launch(width, height)
    }

    /// A clean state for the next test: a new tab in place of every old one (which
    /// takes their history, session storage, device emulation and pages with it), no
    /// storage or cookies for any origin that served a request since the browser was
    /// last clean (it can have visited no other), and the console log read empty.
    fn clean(&mut self) -> Result<(), Error> {
        let old = self.client.windows()?;
        let fresh = self.client.new_window(true)?;
        for handle in old {
            self.client.switch_to_window(handle)?;
            self.client.close_window()?;
        }
        self.client.switch_to_window(fresh.handle)?;
        let (now, served) = crate::server::served_since(self.clean_at);
        for origin in served {
            self.client.post(
                "goog/cdp/execute",
                json!({ "cmd": "Storage.clearDataForOrigin", "params": { "origin": origin, "storageTypes": "all" } }),
            )?;
        }
        self.client.post("se/log", json!({ "type": "browser" }))?;
        self.clean_at = now;
        Ok(())
    }

    /// Starts chromedriver and a fresh headless Chromium with a viewport of `width` × `height`.
    fn launch(width: u32, height: u32) -> Browser {
        let port = free_port();
        let driver = Command::new(env_path("CHROMEDRIVER", "/usr/bin/chromedriver"))
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver runs (scripts/test.sh installs Debian's chromium-driver)");
        let profile = std::env::temp_dir().join(format!("lpq-e2e-{port}"));
        let caps = json!({
            "browserName": "chrome",
            "goog:loggingPrefs": { "browser": "ALL" },
            "goog:chromeOptions": {
                "binary": env_path("CHROMIUM", "/usr/bin/chromium"),
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                    // A reader in the UK (navigator.languages = en-GB): the region
                    // the widget falls back to when the page doesn't say.
                    "--lang=en-GB", "--accept-lang=en-GB",
                    format!("--window-size={width},{height}"),
                    format!("--user-data-dir={}", profile.display()),
                ]
            }
        });
        let started = Instant::now();
        let client = loop {
            match Client::new_session(port, &caps) {
                Ok(client) => break client,
                Err(e) if started.elapsed() > WAIT => panic!("could not start a browser session: {e}"),
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        };
        // Room for a whole walk through the quiz in one script (see [`Browser::walk`]).
        client
            .update_timeouts(Duration::from_secs(120), Duration::from_secs(60), Duration::ZERO)
            .expect("set the session's timeouts");
        let clean_at = crate::server::served_since(u64::MAX).0;
        let browser = Browser { client, driver: Some(driver), profile, clean_at };
        browser.viewport(width, height);
        browser
    }

    /// Sets the exact viewport, as a phone or desktop of that size would have.
    pub fn viewport(&self, width: u32, height: u32) {
        self.cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600 }),
        );
    }

    /// Runs a DevTools protocol command through chromedriver.
    pub fn cdp(&self, cmd: &str, params: Json) -> Json {
        self.client
            .post("goog/cdp/execute", json!({ "cmd": cmd, "params": params }))
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    pub fn goto(&self, url: &str) {
        self.client.goto(url).unwrap_or_else(|e| panic!("open {url}: {e}"));
    }

    pub fn run(&self, js: &str) -> Json {
        self.client.execute(js, vec![]).unwrap_or_else(|e| panic!("script failed: {e}\n{js}"))
    }

    /// Polls a JavaScript expression (in a function body that returns it) until it is truthy.
    pub fn wait_until(&self, js_returning: &str, what: &str) -> Json {
        let started = Instant::now();
        loop {
            let value = self.run(js_returning);
            let truthy = !matches!(value, Json::Null | Json::Bool(false)) && value != json!("") && value != json!(0);
            if truthy {
                return value;
            }
            if started.elapsed() > WAIT {
                panic!("timed out waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(25));
        }
    }

    /// The reference of the element matching `css` inside widget `widget`'s shadow
    /// root, once it exists.
    pub fn find(&self, widget: usize, css: &str) -> String {
        let js = format!("{} return root ? root.querySelector({}) : null;", root_js(widget), json!(css));
        let value = self.wait_until(&js, &format!("`{css}` in widget {widget}"));
        value
            .get(ELEMENT_KEY)
            .and_then(Json::as_str)
            .unwrap_or_else(|| panic!("an element reference, got {value}"))
            .to_string()
    }

    pub fn exists(&self, widget: usize, css: &str) -> bool {
        let js = format!("{} return !!(root && root.querySelector({}));", root_js(widget), json!(css));
        self.run(&js) == json!(true)
    }

    /// Clicks like a person: a real pointer click at the element's centre.
    pub fn click(&self, widget: usize, css: &str) {
        let element = self.find(widget, css);
        self.client.click_element(&element).unwrap_or_else(|e| panic!("click `{css}`: {e}"));
    }

    /// Waits for a screen: `question:<id>`, or a selector such as `[data-results]`.
    pub fn wait_for(&self, widget: usize, css: &str) {
        self.find(widget, css);
    }

    /// Answers one question by clicking its options, then Next. A question sharing its
    /// page that is still unanswered (who the answers are about, beside the age) gets its
    /// first option ("Myself").
    pub fn answer(&self, widget: usize, question: &str, choices: &[&str]) {
        self.wait_for(widget, &format!("[data-question=\"{question}\"]"));
        for choice in choices {
            self.click(widget, &format!("[data-question=\"{question}\"] [data-option=\"{choice}\"]"));
        }
        for other in self.unanswered_on_page(widget) {
            self.click(widget, &format!("[data-question=\"{other}\"] [data-option]"));
        }
        self.click(widget, "[data-action=\"next\"]");
    }

    /// The questions on the page on show, in order.
    pub fn page_questions(&self, widget: usize) -> Vec<String> {
        let js = format!(
            "{} return [...root.querySelectorAll('[data-question]')].map(q => q.dataset.question);",
            root_js(widget)
        );
        self.run(&js).as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
    }

    /// The questions on the page on show with nothing ticked.
    fn unanswered_on_page(&self, widget: usize) -> Vec<String> {
        let js = format!(
            "{} return [...root.querySelectorAll('[data-question]')].filter(q => !q.querySelector('input:checked')).map(q => q.dataset.question);",
            root_js(widget)
        );
        self.run(&js).as_array().into_iter().flatten().filter_map(|v| v.as_str().map(String::from)).collect()
    }

    /// Answers whatever the quiz asks, in its order, from `answers`, until "check your
    /// answers". Urgent guidance is acknowledged with Continue. Returns the questions seen.
    pub fn complete(&self, widget: usize, answers: &[(&str, &[&str])]) -> Vec<String> {
        listed(&self.walk_steps(widget, answers, Some("review"), 60), "asked")
    }

    /// Walks widget `widget` through the quiz in one script run in the page, as
    /// [`Browser::complete`] would click: Start on the intro, Continue on an interrupt,
    /// Submit on the review, and on each question its choices from `answers` (ticking
    /// and unticking so that exactly those are chosen), then Next; each step waits for
    /// the next screen. Stops when the screen is `stop` (`intro`, `q:<id>`,
    /// `interrupt:<level>`, `review` or `results`) and returns the screens passed.
    pub fn walk(&self, widget: usize, answers: &[(&str, &[&str])], stop: &str) -> Vec<String> {
        listed(&self.walk_steps(widget, answers, Some(stop), 60), "passed")
    }

    /// One step of [`Browser::walk`] from the screen on show; returns the next screen.
    pub fn step(&self, widget: usize, answers: &[(&str, &[&str])]) -> String {
        let mut passed = listed(&self.walk_steps(widget, answers, None, 1), "passed");
        passed.pop().expect("a step")
    }

    /// Takes at most `steps` steps, or stops at `stop`. Returns `passed`, the screens
    /// passed (with no `stop`, then the one reached), and `asked`, every question
    /// answered on the way (a page may ask more than one).
    fn walk_steps(&self, widget: usize, answers: &[(&str, &[&str])], stop: Option<&str>, steps: usize) -> Json {
        let answers: serde_json::Map<String, Json> = answers.iter().map(|(q, c)| (q.to_string(), json!(c))).collect();
        let args =
            vec![json!(widget), Json::Object(answers), json!(stop), json!(steps), json!(WAIT.as_millis() as u64)];
        let result = self
            .client
            .execute_async(WALK_JS, args)
            .unwrap_or_else(|e| panic!("the walk to {stop:?} failed to run: {e}"));
        if let Some(error) = result.get("error") {
            panic!("walking to {stop:?}: {} (passed {})", error.as_str().unwrap_or_default(), result["passed"]);
        }
        result
    }

    /// Console errors and warnings the page logged, as Chrome reports them.
    pub fn console_problems(&self) -> Vec<String> {
        let logs = self.client.post("se/log", json!({ "type": "browser" })).expect("browser log");
        logs.as_array()
            .into_iter()
            .flatten()
            .filter(|entry| matches!(entry["level"].as_str(), Some("SEVERE") | Some("WARNING")))
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Resources the page loaded from anywhere but `allowed_origins`.
    pub fn foreign_requests(&self, allowed_origins: &[&str]) -> Vec<String> {
        let names =
            self.run("return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
        names
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(Json::as_str)
            .filter(|name| !allowed_origins.iter().any(|o| name.starts_with(o)))
            .map(str::to_string)
            .collect()
    }

    /// A PNG of the whole page, not just the viewport (compressed for speed rather than
    /// size: the pictures are for people to look at, and there are hundreds).
    pub fn screenshot(&self, path: &Path) {
        let params = json!({ "format": "png", "captureBeyondViewport": true, "optimizeForSpeed": true });
        let shot = self.cdp("Page.captureScreenshot", params);
        let data = shot["data"].as_str().expect("screenshot data");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, base64_decode(data)).unwrap();
    }

    /// Presses keys on whatever has focus, e.g. `&[Key::Tab.into(), ' ']`.
    pub fn keys(&self, keys: &[char]) {
        self.client.press_keys(None, keys).expect("key presses");
    }

    /// Presses a key while Shift is held (Shift+Tab).
    pub fn shift_keys(&self, key: char) {
        self.client.press_keys(Some(Key::Shift.into()), &[key]).expect("key presses");
    }

    /// Hands the browser back for the next test where browsers are reused; else ends the
    /// session cleanly, and dropping the browser then stops chromedriver.
    pub fn close(self) {
        let unpooled = match idle().as_mut() {
            Some(browsers) => {
                browsers.push(self);
                None
            }
            None => Some(self),
        };
        if let Some(browser) = unpooled {
            let _ = browser.client.clone().close();
        }
    }
}

impl Drop for Browser {
    /// Also runs when a test fails half-way: no chromedriver or profile is left behind.
    fn drop(&mut self) {
        let Some(mut driver) = self.driver.take() else { return };
        let _ = driver.kill();
        let _ = driver.wait();
        // A session that was never closed leaves its Chromium behind: find it by profile.
        let _ = Command::new("pkill").arg("-f").arg(self.profile.as_os_str()).status();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// The walker of [`Browser::walk`], run with `execute_async`: arguments widget, answers
/// (question id → choices), stop (or null), steps, and the wait for each screen in ms.
const WALK_JS: &str = r#"
const [widget, answers, stop, steps, wait] = arguments;
const done = arguments[arguments.length - 1];
const passed = [];
const asked = [];
const rootOf = () => { const host = document.querySelectorAll('leg-pain-quiz')[widget]; return host && host.shadowRoot; };
const screenOf = () => {
  const root = rootOf();
  if (!root) return null;
  if (root.querySelector('[data-results]')) return 'results';
  if (root.querySelector('.lpq-review')) return 'review';
  const i = root.querySelector('.lpq-interrupt [data-triage]'); if (i) return 'interrupt:' + i.dataset.triage;
  const q = root.querySelector('[data-question]'); if (q) return 'q:' + q.dataset.question;
  if (root.querySelector('.lpq-intro')) return 'intro';
  return null;
};
const tick = () => new Promise(r => setTimeout(r, 5));
const until = async (test, what) => {
  const started = Date.now();
  for (;;) {
    const value = test();
    if (value) return value;
    if (Date.now() - started > wait) throw new Error('timed out waiting for ' + what);
    await tick();
  }
};
const press = async (css) => (await until(() => rootOf().querySelector(css), css)).click();
(async () => {
  for (let n = 0; n < steps; n++) {
    const now = await until(screenOf, 'a screen of the quiz');
    if (now === stop) return;
    if (now === 'intro') await press('[data-action="start"]');
    else if (now === 'review') await press('[data-action="submit"]');
    else if (now.startsWith('interrupt:')) await press('[data-action="continue"]');
    else if (now === 'results') throw new Error('reached the results without seeing ' + stop);
    else {
      // A page may ask more than one question (who the answers are about, with the age):
      // each is answered in turn, the page's own first.
      const here = [...rootOf().querySelectorAll('[data-question]')].map(q => q.dataset.question);
      for (const id of here) {
        const want = answers[id];
        if (!want) throw new Error('the quiz asked `' + id + '`, which these answers do not cover');
        const input = (c) => rootOf().querySelector(`[data-question="${id}"] [data-option="${c}"] input`);
        const chosen = () => [...rootOf().querySelectorAll(`[data-question="${id}"] [data-option]`)]
          .filter(o => o.querySelector('input:checked')).map(o => o.dataset.option);
        // Untick what shouldn't be ticked, then tick what should, one change at a time.
        for (const c of chosen().filter(c => !want.includes(c))) {
          const box = input(c);
          if (box.type !== 'checkbox') continue;
          box.click();
          await until(() => !input(c).checked, c + ' unticked');
        }
        for (const c of want) {
          const box = await until(() => input(c), 'the choice ' + c + ' of ' + id);
          if (!box.checked) box.click();
          await until(() => input(c) && input(c).checked, c + ' chosen');
        }
      }
      await press('[data-action="next"]');
      asked.push(...here);
    }
    passed.push(now);
    const next = await until(() => { const s = screenOf(); return s && s !== now ? s : null; }, 'the quiz to move on from ' + now);
    if (stop === null && n + 1 === steps) passed.push(next);
  }
  if (stop !== null) throw new Error('never reached ' + stop);
})().then(() => done({ passed, asked }), e => done({ error: String(e && e.message || e), passed }));
"#;

/// The list `key` of a walk's result, as strings.
fn listed(result: &Json, key: &str) -> Vec<String> {
    let list = result[key].as_array().unwrap_or_else(|| panic!("the walk's result has no `{key}`"));
    list.iter().map(|s| s.as_str().unwrap_or_default().to_string()).collect()
}

pub fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let bytes: Vec<u8> = text.bytes().filter(|c| *c != b'=' && !c.is_ascii_whitespace()).collect();
    let mut out = Vec::with_capacity(bytes.len() * 3 / 4);
    for chunk in bytes.chunks(4) {
        let v: Vec<u32> = chunk.iter().map(|c| u32::from(value(*c))).collect();
        let n = v.iter().enumerate().fold(0u32, |acc, (i, x)| acc | (x << (18 - 6 * i)));
        out.push((n >> 16) as u8);
        if v.len() > 2 {
            out.push((n >> 8) as u8);
        }
        if v.len() > 3 {
            out.push(n as u8);
        }
    }
    out
}

pub use crate::webdriver::Key;
