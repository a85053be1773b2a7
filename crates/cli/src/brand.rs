//! Brand files: an organization's branding kept in one file (`brand.toml`) rather than typed
//! again for every handout.
//!
//! A brand file is found, first found first:
//! 1. given with `--brand FILE`;
//! 2. named by the edition's `guide.toml` (`brand = "brand.toml"`);
//! 3. as `brand.toml` beside the edition's `guide.toml`.
//!
//! The options given on the command line win over the file's.

use std::path::{Path, PathBuf};

use anyhow::Result;
use mht_guide::Diagnostic;
use serde::Deserialize;
use toml::Spanned;

use crate::LocatedError;
use crate::args::{PaperArg, RenderArgs};

/// `brand.toml`: the branding of an organization's handouts. Every key may be left out, and
/// an option given on the command line wins over the key.
#[derive(Debug, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "brand.toml")]
pub(crate) struct Brand {
    /// The organization handing the guide out, shown in the title block and the footer
    /// (`--org`), of at most 80 characters.
    #[schemars(with = "Option<String>", length(min = 1, max = mht_guide_export::MAX_ORGANIZATION_CHARS))]
    organization: Option<Spanned<String>>,
    /// A contact line under the organization, such as "Career Center · 555-0100"
    /// (`--contact`), of at most 100 characters.
    #[schemars(with = "Option<String>", length(min = 1, max = mht_guide_export::MAX_CONTACT_CHARS))]
    contact: Option<Spanned<String>>,
    /// The organization's logo, a PNG or JPEG file of at most 2000 pixels on each side, its
    /// path relative to this file (`--logo`). Needs `organization`: the logo is decoration
    /// beside the organization's name.
    #[schemars(with = "Option<String>", length(min = 1))]
    logo: Option<Spanned<String>>,
    /// The organization's color, as `#RRGGBB`, for headings, rules and chart bars
    /// (`--accent`). One too pale for text on white is darkened until it passes, with a
    /// warning.
    #[schemars(with = "Option<String>", regex(pattern = r"^#[0-9A-Fa-f]{6}$"))]
    accent: Option<Spanned<String>>,
    /// An address printed as a QR code in the title block, with the address under it: http,
    /// https or mailto (`--qr`).
    #[schemars(with = "Option<String>", regex(pattern = r"^(https?:|mailto:)"))]
    qr: Option<Spanned<String>>,
    /// The paper size of the PDF: `letter`, `a4` or `legal` (`--paper`).
    #[schemars(with = "Option<PaperArg>")]
    paper: Option<Spanned<PaperArg>>,
    /// The built-in edition to use: `en`, `es`, `zh-Hans`, `vi` or `ar` (`--edition`). Only
    /// in a brand file given with `--brand`: the brand file of an edition of your own is
    /// that edition's.
    #[schemars(with = "Option<String>", extend("enum" = ["en", "es", "zh-Hans", "vi", "ar"]))]
    edition: Option<Spanned<String>>,
}

/// A brand file as read: where it is, its text and what it says.
pub(crate) struct BrandFile {
    path: PathBuf,
    text: String,
    brand: Brand,
    /// For an edition's own brand file, the edition's folder, which its logo must be in: an
    /// edition from elsewhere may not show a file from anywhere on the disk.
    inside: Option<PathBuf>,
}

impl BrandFile {
    /// The rendering arguments with the brand file given with `--brand` under them, if one is.
    pub(crate) fn given(render: &RenderArgs) -> Result<RenderArgs> {
        let Some(path) = &render.brand else {
            return Ok(render.clone());
        };
        let brand = BrandFile::read(path, None)?;
        if let (Some(edition), Some(content)) = (&brand.brand.edition, &render.content.content) {
            return Err(located(vec![brand.at(
                edition,
                format!(
                    "--content {} gives the edition, so the brand file cannot choose one; \
                     remove `edition`, or leave out --content",
                    content.display()
                ),
            )])
            .into());
        }
        Ok(brand.under(render))
    }

    /// The rendering arguments with the edition's own brand file under them, when no
    /// `--brand` was given and the edition has one.
    pub(crate) fn of_edition(
        render: &RenderArgs,
        file: Option<&mht_guide::ContentFile>,
        folder: Option<&Path>,
    ) -> Result<RenderArgs> {
        match (file, &render.brand) {
            (Some(file), None) => {
                let brand = BrandFile::parse(&file.path, &file.text, folder)?;
                brand.refuse_edition()?;
                Ok(brand.under(render))
            }
            _ => Ok(render.clone()),
        }
    }

    /// Reads and parses the brand file given with `--brand`.
    fn read(path: &Path, inside: Option<&Path>) -> Result<BrandFile> {
        let text = std::fs::read_to_string(path).map_err(|err| {
            crate::UsageError(format!("--brand: cannot read {}: {err}", path.display()))
        })?;
        BrandFile::parse(path, &text, inside)
    }

    /// Parses a brand file's text, or tells its problems with their lines and columns: the
    /// first that keeps it from being read (not TOML, an unknown key, a wrong type), or else
    /// every value that cannot be used. With `inside`, its logo must be in that folder.
    fn parse(path: &Path, text: &str, inside: Option<&Path>) -> Result<BrandFile> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let brand: Brand = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |span| span.start);
            located(vec![
                Diagnostic::warning_at(path, text, offset, err.message()).into_error(),
            ])
        })?;
        let file = BrandFile {
            path: path.to_path_buf(),
            text: text.to_owned(),
            brand,
            inside: inside.map(Path::to_path_buf),
        };
        let problems = file.check();
        if problems.is_empty() {
            Ok(file)
        } else {
            Err(located(problems).into())
        }
    }

    /// An error at a value of the file.
    fn at<T>(&self, value: &Spanned<T>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning_at(&self.path, &self.text, value.span().start, message).into_error()
    }

    /// What is wrong with the values, each where it is written: text that cannot be shown,
    /// a color or an address that does not parse, an edition that is not built in, a logo
    /// without the organization it decorates.
    fn check(&self) -> Vec<Diagnostic> {
        let b = &self.brand;
        let mut problems = Vec::new();
        for value in [&b.organization, &b.contact, &b.logo].into_iter().flatten() {
            if let Err(why) = mht_guide::Text::parse(value.get_ref()) {
                problems.push(self.at(value, why));
            }
        }
        for (value, option) in [(&b.organization, "--org"), (&b.contact, "--contact")] {
            if let Some(value) = value
                && let Some(why) = too_long(option, value.get_ref())
            {
                problems.push(self.at(value, why));
            }
        }
        if let Some(accent) = &b.accent
            && let Err(why) = accent.get_ref().parse::<mht_guide_export::Rgb>()
        {
            problems.push(self.at(accent, why.to_string()));
        }
        if let Some(qr) = &b.qr {
            if let Err(why) = qr.get_ref().parse::<mht_guide::Url>() {
                problems.push(self.at(qr, why.to_string()));
            } else if qr.get_ref().len() > mht_guide_export::MAX_QR_BYTES {
                problems.push(self.at(
                    qr,
                    format!(
                        "the address is {} characters long; a handout's QR code holds at most \
                         {}, so that it stays easy to scan; give a shorter address",
                        qr.get_ref().len(),
                        mht_guide_export::MAX_QR_BYTES
                    ),
                ));
            }
        }
        if let Some(logo) = &b.logo
            && b.organization.is_some()
            && let Err(why) = self.logo_file(logo.get_ref())
        {
            problems.push(self.at(logo, why));
        }
        if let Some(edition) = &b.edition
            && let Err(why) = crate::args::parse_edition(edition.get_ref())
        {
            problems.push(self.at(edition, why.to_string()));
        }
        if let (Some(logo), None) = (&b.logo, &b.organization) {
            problems.push(self.at(
                logo,
                "a logo needs `organization`: the organization's name is the logo's \
                 alternative text",
            ));
        }
        problems
    }

    /// The logo's file, beside this one, checked: inside the edition's folder for an
    /// edition's own brand file, and a PNG or JPEG the handouts can show.
    fn logo_file(&self, name: &str) -> Result<PathBuf, String> {
        let dir = self.path.parent().unwrap_or(Path::new(""));
        let path = dir.join(name);
        if let Some(folder) = &self.inside {
            let relative = Path::new(name)
                .components()
                .all(|part| matches!(part, std::path::Component::Normal(_)));
            let within = |path: &Path| -> std::io::Result<bool> {
                Ok(path.canonicalize()?.starts_with(folder.canonicalize()?))
            };
            if !relative || !within(&path).unwrap_or(true) {
                return Err(format!(
                    "the logo `{name}` is not inside this edition's folder ({}); keep it in the \
                     folder and name it from the brand file",
                    folder.display()
                ));
            }
            if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) && path.exists() {
                return Err(format!("the logo `{name}` is not a file"));
            }
        }
        read_logo(&path).map_err(|err| format!("{err:#}"))?;
        Ok(path)
    }

    /// The error for an `edition` in the brand file of an edition of one's own.
    pub(crate) fn refuse_edition(&self) -> Result<()> {
        match &self.brand.edition {
            Some(edition) => Err(located(vec![self.at(
                edition,
                "this brand file belongs to the edition beside it, so it cannot choose \
                 another; remove `edition`, or give the file with --brand instead",
            )])
            .into()),
            None => Ok(()),
        }
    }

    /// The rendering arguments with what the command line left unset taken from the file:
    /// the command line wins.
    pub(crate) fn under(&self, render: &RenderArgs) -> RenderArgs {
        let b = &self.brand;
        let mut render = render.clone();
        let value = |v: &Option<Spanned<String>>| v.as_ref().map(|v| v.get_ref().clone());
        // The organization comes with its logo, contact line and QR code: an --org on the
        // command line takes none of them from the file, so that another organization never
        // shows this one's logo, telephone number or address.
        if render.org.is_none() {
            render.org = value(&b.organization);
            if render.logo.is_none() {
                let dir = self.path.parent().unwrap_or(Path::new(""));
                render.logo = b.logo.as_ref().map(|logo| dir.join(logo.get_ref()));
            }
            if render.contact.is_none() {
                render.contact = value(&b.contact);
            }
            if render.qr.is_none() {
                render.qr = b.qr.as_ref().and_then(|q| q.get_ref().parse().ok());
            }
        }
        if render.accent.is_none() {
            render.accent = b.accent.as_ref().and_then(|a| a.get_ref().parse().ok());
        }
        if render.paper.is_none() {
            render.paper = b.paper.as_ref().map(|p| *p.get_ref());
        }
        if render.content.content.is_none() && render.content.edition.is_none() {
            render.content.edition = value(&b.edition);
        }
        render
    }
}

/// Reads and checks a logo file, reading no more than a logo may be.
pub(crate) fn read_logo(path: &std::path::Path) -> Result<mht_guide_export::Logo> {
    use std::io::Read as _;
    let fail = |why: String| anyhow::anyhow!("cannot use the logo {}: {why}", path.display());
    let file = std::fs::File::open(path).map_err(|e| fail(e.to_string()))?;
    if let Ok(size) = file.metadata().map(|m| m.len())
        && size > mht_guide_export::MAX_LOGO_BYTES as u64
    {
        let bytes = usize::try_from(size).unwrap_or(usize::MAX);
        return Err(fail(
            mht_guide_export::LogoError::TooLarge { bytes }.to_string(),
        ));
    }
    let mut bytes = Vec::new();
    file.take(mht_guide_export::MAX_LOGO_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| fail(e.to_string()))?;
    mht_guide_export::Logo::from_bytes(&bytes).map_err(|e| fail(e.to_string()))
}

/// Problems in a brand file, as one error.
fn located(places: Vec<Diagnostic>) -> LocatedError {
    let n = places.len();
    LocatedError {
        message: format!(
            "the brand file has {n} problem{}; nothing was written",
            if n == 1 { "" } else { "s" }
        ),
        places,
    }
}

/// The starter brand file `new-edition --brand` writes: every key, commented out, with what
/// it does.
pub(crate) fn starter() -> String {
    format!(
        "{}\n\
         # The branding of this edition's handouts. `mht-guide export --content <this folder>`\n\
         # uses it; an option given on the command line (--org, --paper…) wins over it. Take\n\
         # the # off a line to use it.\n\
         \n\
         # The organization handing the guide out, in the title block and the footer.\n\
         # organization = \"Riverside Community College\"\n\
         \n\
         # A contact line under the organization.\n\
         # contact = \"Career Center · 555-0100\"\n\
         \n\
         # A PNG or JPEG logo, relative to this file (needs organization).\n\
         # logo = \"logo.png\"\n\
         \n\
         # The organization's color, for headings, rules and chart bars.\n\
         # accent = \"#0b5d4b\"\n\
         \n\
         # An address printed as a QR code, with the address under it.\n\
         # qr = \"https://careers.example.edu/technicians\"\n\
         \n\
         # The paper: letter, a4 or legal.\n\
         # paper = \"letter\"\n",
        mht_guide::schema::directive(mht_guide::BRAND_FILE)
    )
}

/// The brand file's JSON Schema, as indented JSON ending in a line break.
pub(crate) fn schema() -> String {
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<Brand>();
    let mut json = serde_json::to_string_pretty(&schema).unwrap_or_default();
    json.push('\n');
    json
}

/// Why the organization's name (`--org`) or the contact line (`--contact`) is too long for a
/// handout, if it is: the fact sheet keeps to two pages with the longest each may be.
pub(crate) fn too_long(option: &str, value: &str) -> Option<String> {
    let (max, what) = match option {
        "--org" => (
            mht_guide_export::MAX_ORGANIZATION_CHARS,
            "an organization's name",
        ),
        _ => (mht_guide_export::MAX_CONTACT_CHARS, "a contact line"),
    };
    let chars = value.chars().count();
    (chars > max).then(|| {
        format!(
            "it has {chars} characters, and {what} may have at most {max}, so that a fact \
             sheet keeps to its two pages; shorten it"
        )
    })
}
