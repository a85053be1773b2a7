//! Unit tests of the pages' content streams.

use super::*;
use crate::pdf::post::syntax;

fn tidy(stream: &str) -> String {
    let mut ops = syntax::read(stream.as_bytes()).unwrap();
    drop_dead_state(&mut ops);
    drop_redundant_state(&mut ops);
    ops.iter_mut().for_each(plain_show);
    String::from_utf8(syntax::write(&ops))
        .unwrap()
        .replace('\n', " ")
}

#[test]
fn settings_nothing_uses_are_dropped() {
    // genpdf's reset to black before the next colored run, a font set and replaced, and
    // a color left set at the end of the page.
    assert_eq!(
        tidy(
            "BT /F1 10 Tf 0 0.3 0.6 rg [(a)] TJ 0 0 0 rg /F2 9 Tf ET BT 0 0.3 0.6 rg /F1 10 Tf [(b) 20 (c)] TJ 0 0 0 rg ET"
        ),
        "BT /F1 10 Tf 0 0.3 0.6 rg (a) Tj ET BT [(b) 20 (c)] TJ ET "
    );
    // A stroke color serves the stroke, not the text; a fill color set before `q` may be
    // needed after the `Q` that restores it.
    assert_eq!(
        tidy("1 0 0 rg 0.5 G 0.7 RG q 0 0 m 1 1 l S Q BT /F1 10 Tf (x) Tj ET"),
        "1 0 0 rg 0.5 G 0.7 RG q 0 0 m 1 1 l S Q BT /F1 10 Tf (x) Tj ET "
    );
    assert_eq!(
        tidy("0.7 RG 0.2 RG 0 0 m 1 1 l S 0.9 RG"),
        "0.2 RG 0 0 m 1 1 l S "
    );
}
