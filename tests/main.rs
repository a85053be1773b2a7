//! The integration suite: one test binary, one module per feature.

#![allow(missing_docs, clippy::unwrap_used)]

mod ace;
mod branding;
mod charts;
mod cli;
mod content;
mod corpus;
mod directions;
mod edges;
mod edition;
mod epub;
mod fonts;
mod fuzz;
mod hostile;
mod html;
mod inherit;
mod json;
mod key_figures;
mod labels;
mod load;
mod markdown;
mod modules;
mod navigation;
mod output;
mod output_hashes;
mod pdf;
mod pdf_ua;
mod properties;
mod readme;
mod regressions;
mod scale;
mod scripts;
mod serve;
mod spanish;
mod util;
