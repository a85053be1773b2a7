//! `serve`: a live preview of an edition in the browser.
//!
//! The server renders nothing of its own: each page is the edition's web page as `export`
//! makes it, with a bar of links and a small script added for the preview alone, and each
//! download is `export`'s PDF or EPUB of the same loaded edition with the same options. It
//! serves only what it renders, at fixed addresses; any other address is 404, so no file on
//! the disk can be asked for.
//!
//! A watcher thread reloads the edition after every burst of saves and puts the new build in
//! place in one step, so a request gets the old build or the new one, never a mix. Then the
//! open pages hear of it through server-sent events and reload, scrolled to the section that
//! changed. Each download is rendered once per build, however many ask for it at once.
//!
//! The preview may hold an unpublished edition, so it is kept from other web pages and from
//! a neighbour on a shared machine:
//! - a request must name the server by an address (`127.0.0.1`, `[::1]`, the `--host`
//!   given) or as `localhost` in its `Host` header, else it gets 421: a web page whose name
//!   is made to resolve to this computer (DNS rebinding) is not answered;
//! - a request from a web page (with an `Origin`) must come from the preview itself;
//! - every response forbids framing, content sniffing and use by other sites;
//! - what it shows names files relative to the edition's folder, never by absolute paths;
//! - a client has ten seconds to send a request's headers, and an idle connection is closed
//!   as soon; at most 64 connections are served at once.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use axum::Router;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use mht_guide::{EditionFolder, Guide, Review, SectionId};
use mht_guide_export::{Format, Options, Preset};
use tokio_stream::StreamExt as _;
use tokio_stream::wrappers::WatchStream;

mod guard;
mod pages;

use guard::{Hosts, guard};
use pages::{diagnostics_text, preview_page, problems_page};

use crate::args::ServeArgs;
use crate::watch::Watch;
use crate::{App, edition_folder, today};

/// At most this many connections are served at once; more wait to be accepted.
const MAX_CONNECTIONS: usize = 64;

/// How long a client has to send a request's headers; an idle connection is closed after it.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// One build of the edition: the page to show, the guide it came from when it loaded, and
/// its downloads, each rendered when first asked for and kept for every later request.
struct Build {
    /// The preview page, or the page of problems when the content does not load.
    page: String,
    guide: Option<Arc<Guide>>,
    /// The options its downloads are made with: the command's, and the edition's fonts.
    options: Options,
    downloads: [tokio::sync::OnceCell<Result<Bytes, String>>; 3],
}

impl Build {
    fn new(page: String, loaded: Option<(Arc<Guide>, Options)>, options: &Options) -> Build {
        let (guide, options) = match loaded {
            Some((guide, options)) => (Some(guide), options),
            None => (None, options.clone()),
        };
        Build {
            page,
            guide,
            options,
            downloads: Default::default(),
        }
    }
}

/// What every request shares.
struct Shared {
    current: RwLock<Arc<Build>>,
    options: Options,
    /// How many downloads have been rendered, for `--verbose`.
    renders: AtomicUsize,
    verbose: bool,
}

impl Shared {
    fn current(&self) -> Arc<Build> {
        match self.current.read() {
            Ok(build) => Arc::clone(&build),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }
}

/// What the open pages are told after each build: its version and the section it changed.
#[derive(Clone, Default)]
struct Reload {
    version: u64,
    section: Option<&'static str>,
}

/// Runs `serve` until stopped (Ctrl-C or SIGTERM).
pub(crate) fn run(app: &App, args: &ServeArgs) -> Result<ExitCode> {
    let render = crate::brand::BrandFile::given(&args.render)?;
    let options = crate::export::options(app, &render)?;
    let folder = edition_folder(&render.content)?;
    let host = args.host.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
    if !host.is_loopback() {
        app.warn(&format!(
            "serving on {host}: other computers that can reach this one may open the preview; \
             leave out --host to keep it to this computer"
        ));
    }
    let load = Loader {
        folder: folder.clone(),
        edition: render.content.edition.clone(),
    };
    let (first, loaded) = load.build(&options, 1);
    let shared = Arc::new(Shared {
        current: RwLock::new(Arc::new(Build::new(first, loaded, &options))),
        options,
        renders: AtomicUsize::new(0),
        verbose: app.verbose(),
    });
    let (tell, told) = tokio::sync::watch::channel(Reload {
        version: 1,
        section: None,
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_io()
        .enable_time()
        .build()
        .context("cannot start the server")?;
    runtime.block_on(async {
        let address = SocketAddr::new(host, args.port);
        let listener = tokio::net::TcpListener::bind(address)
            .await
            .map_err(|err| bind_error(&err, address))?;
        let url = format!("http://{}/", listener.local_addr().unwrap_or(address));
        // Watching starts before the address is given, so no save after it is missed.
        let said = format!("previewing {} at {url}; press Ctrl-C to stop", place(&load));
        if let Some(folder) = &folder {
            let mut watch = Watch::start(folder)?;
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || rebuild_on_change(&mut watch, &load, &shared, &tell));
        }
        app.say(&said);
        if args.open {
            open_browser(&url);
        }
        let hosts = Arc::new(Hosts { listening: host });
        let router = Router::new()
            .route("/", get(page))
            .route("/events", get(events))
            .route(Download::Pdf.path(), get(|s| download(s, Download::Pdf)))
            .route(
                Download::FactSheet.path(),
                get(|s| download(s, Download::FactSheet)),
            )
            .route(Download::Epub.path(), get(|s| download(s, Download::Epub)))
            .fallback(not_found)
            .with_state((shared, told))
            .layer(axum::middleware::from_fn_with_state(hosts, guard));
        serve_connections(listener, router).await
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Serves each connection with hyper, the router as its service: at most
/// [`MAX_CONNECTIONS`] at once, each closed when its headers are slow or it sits idle.
async fn serve_connections(listener: tokio::net::TcpListener, router: Router) -> Result<()> {
    let slots = Arc::new(tokio::sync::Semaphore::new(MAX_CONNECTIONS));
    loop {
        let slot = Arc::clone(&slots)
            .acquire_owned()
            .await
            .context("the server stopped")?;
        let stream = match listener.accept().await {
            Ok((stream, _)) => stream,
            // Out of file handles, or a connection reset before it was taken: wait a moment
            // for connections to close, rather than spin.
            Err(_) => {
                tokio::time::sleep(Duration::from_millis(50)).await;
                continue;
            }
        };
        let service = hyper_util::service::TowerToHyperService::new(router.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service)
                .await;
            drop(slot);
        });
    }
}

/// A clear message for a port that cannot be had.
fn bind_error(err: &std::io::Error, address: SocketAddr) -> anyhow::Error {
    match err.kind() {
        std::io::ErrorKind::AddrInUse => anyhow::anyhow!(
            "port {} is in use, perhaps by another preview; choose another with --port, such \
             as --port {}",
            address.port(),
            address.port().wrapping_add(1).max(1024)
        ),
        std::io::ErrorKind::PermissionDenied => anyhow::anyhow!(
            "not allowed to listen on port {}; ports below 1024 need special rights, so \
             choose another with --port",
            address.port()
        ),
        _ => anyhow::anyhow!("cannot listen on {address}: {err}"),
    }
}

/// Where the edition comes from, and how to load it again.
struct Loader {
    folder: Option<EditionFolder>,
    edition: Option<String>,
}

fn place(load: &Loader) -> String {
    match &load.folder {
        Some(folder) => folder.dir().display().to_string(),
        None => format!(
            "the built-in `{}` edition",
            load.edition.as_deref().unwrap_or("en")
        ),
    }
}

impl Loader {
    /// Text that names files, with every path made relative to the folder that holds the
    /// edition: a page must not show where on the disk the user keeps it.
    fn relative(&self, text: &str) -> String {
        let Some(folder) = &self.folder else {
            return text.to_owned();
        };
        let mut prefixes: Vec<PathBuf> = Vec::new();
        let root = folder.root();
        prefixes.extend(root.canonicalize().ok());
        prefixes.push(root);
        if let Some(parent) = folder.dir().parent().filter(|p| p.is_absolute()) {
            prefixes.push(parent.to_path_buf());
        }
        prefixes.extend(std::env::current_dir().ok());
        prefixes.sort_by_key(|p| std::cmp::Reverse(p.as_os_str().len()));
        let mut out = text.to_owned();
        for prefix in prefixes.iter().filter(|p| p.is_absolute()) {
            let prefix = format!("{}{}", prefix.display(), std::path::MAIN_SEPARATOR);
            out = out.replace(&prefix, "");
        }
        out
    }

    fn review(&self) -> Result<Review, mht_guide::LoadError> {
        match &self.folder {
            Some(folder) => folder.review(today()),
            None => {
                let name = self.edition.as_deref().unwrap_or("en");
                // The argument parser accepts only built-in names.
                let edition = mht_guide::BuiltIn::named(name).unwrap_or(&mht_guide::BUILT_IN[0]);
                edition.review(today())
            }
        }
    }

    /// Loads and checks the edition and renders its page: the preview, or the problems; with
    /// the guide and the options its downloads are made with, the edition's fonts added.
    fn build(&self, options: &Options, version: u64) -> (String, Option<(Arc<Guide>, Options)>) {
        let problems = |diagnostics: &[mht_guide::Diagnostic]| {
            let text = self.relative(&diagnostics_text(diagnostics));
            problems_page(&text, diagnostics.len(), version)
        };
        match self.review() {
            Ok(review) => match crate::export::edition_fonts(options, review.fonts()) {
                Ok(options) => {
                    let guide = review.guide().clone();
                    let warnings = self.relative(&diagnostics_text(review.warnings()));
                    let count = review.warnings().len();
                    let page = preview_page(&guide, &options, (&warnings, count), version);
                    (page, Some((Arc::new(guide), options)))
                }
                Err(fonts) => (problems(&fonts), None),
            },
            Err(err) => (problems(err.diagnostics()), None),
        }
    }
}

/// Waits for changes and puts each new build in place, then tells the open pages.
fn rebuild_on_change(
    watch: &mut Watch,
    load: &Loader,
    shared: &Shared,
    tell: &tokio::sync::watch::Sender<Reload>,
) {
    let mut version = 1;
    while watch.next().is_some() {
        version += 1;
        let before = shared.current();
        let (page, loaded) = load.build(&shared.options, version);
        let section = match (&before.guide, &loaded) {
            (Some(old), Some((new, _))) => changed_section(old, new),
            _ => None,
        };
        let build = Arc::new(Build::new(page, loaded, &shared.options));
        match shared.current.write() {
            Ok(mut current) => *current = build,
            Err(poisoned) => *poisoned.into_inner() = build,
        }
        let _ = tell.send(Reload { version, section });
    }
}

/// The first section whose content differs between two loads, by its anchor; `None` when
/// only the metadata or the labels changed, which show on every section.
fn changed_section(old: &Guide, new: &Guide) -> Option<&'static str> {
    SectionId::ALL
        .into_iter()
        .find(|&id| old.section(id) != new.section(id))
        .map(SectionId::id)
}

type AppState = (Arc<Shared>, tokio::sync::watch::Receiver<Reload>);

async fn page(State((shared, _)): State<AppState>) -> Response {
    let build = shared.current();
    let mut response = Html(build.page.clone()).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    response
}

async fn events(
    State((_, told)): State<AppState>,
) -> Sse<impl tokio_stream::Stream<Item = Result<Event, std::convert::Infallible>>> {
    let stream = WatchStream::new(told).map(|reload| {
        let section = reload
            .section
            .map_or("null".to_owned(), |s| format!("\"{s}\""));
        Ok(Event::default().data(format!(
            "{{\"version\":{},\"section\":{section}}}",
            reload.version
        )))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[derive(Clone, Copy)]
enum Download {
    Pdf,
    FactSheet,
    Epub,
}

async fn download(State((shared, _)): State<AppState>, what: Download) -> Response {
    let build = shared.current();
    let Some(guide) = build.guide.clone() else {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            "The content has problems, so there is nothing to download; fix them and try again.",
        )
            .into_response();
    };
    let (format, options) = match what {
        Download::Pdf => (Format::Pdf, build.options.clone()),
        Download::FactSheet => (
            Format::Pdf,
            // An editor sees a fact sheet that runs long, to find what to shorten.
            build
                .options
                .clone()
                .with_preset(Preset::FactSheet)
                .with_allow_overflow(true),
        ),
        Download::Epub => (Format::Epub, build.options.clone()),
    };
    // Every request for the same download of the same build waits for one rendering.
    let rendered = build.downloads[what as usize]
        .get_or_init(|| async {
            let start = Instant::now();
            let bytes = tokio::task::spawn_blocking(move || match format {
                // A fact sheet that runs long says what made it long, for the editor to
                // shorten.
                Format::Pdf => mht_guide_export::to_pdf_handout(&guide, &options).map(|pdf| {
                    if let Some(overflow) = pdf.overflow() {
                        eprintln!("warning: {}: {overflow}", what.path());
                    }
                    pdf.into_bytes()
                }),
                _ => mht_guide_export::export(&guide, format, &options),
            })
            .await;
            let n = shared.renders.fetch_add(1, Ordering::Relaxed) + 1;
            if shared.verbose {
                eprintln!(
                    "rendered {} in {:.0} ms (render {n})",
                    what.path(),
                    start.elapsed().as_secs_f64() * 1000.0
                );
            }
            match bytes {
                Ok(Ok(bytes)) => Ok(Bytes::from(bytes)),
                Ok(Err(err)) => Err(format!("cannot export the guide as {format}: {err}")),
                Err(_) => Err("the export stopped".to_owned()),
            }
        })
        .await;
    match rendered {
        Ok(bytes) => (
            [(header::CONTENT_TYPE, format.info().media_type)],
            bytes.clone(),
        )
            .into_response(),
        Err(why) => (StatusCode::INTERNAL_SERVER_ERROR, why.clone()).into_response(),
    }
}

impl Download {
    /// The address it is served at, which messages name too.
    fn path(self) -> &'static str {
        match self {
            Download::Pdf => "/guide.pdf",
            Download::FactSheet => "/fact-sheet.pdf",
            Download::Epub => "/guide.epub",
        }
    }
}

async fn not_found() -> Response {
    (StatusCode::NOT_FOUND, "Not found").into_response()
}

/// Asks the desktop to open the page; if it cannot, the address printed is enough.
fn open_browser(url: &str) {
    let program = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(program)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

#[cfg(test)]
mod tests;
