//! What genpdf writes at length or wrongly, put right: layers, repeated state, one-string `TJ`s and
//! the leading.

use lopdf::Object;
use lopdf::content::Operation;

use super::*;

/// Removes printpdf's optional-content layer around a page's content: the `/OC … BDC` that
/// opens it and the last `EMC`, which closes it.
pub(super) fn strip_layer(ops: &mut Vec<Operation>) {
    let open = ops.iter().position(|op| {
        op.operator == "BDC"
            && op.operands.first().and_then(|o| o.as_name().ok()) == Some(b"OC".as_slice())
    });
    if let Some(open) = open
        && let Some(close) = ops.iter().rposition(|op| op.operator == "EMC")
        && close > open
    {
        ops.remove(close);
        ops.remove(open);
    }
}

/// Drops operations that set what is already in effect: a fill or stroke color, a font, and
/// the text leading, which is also dropped from a text object that never moves by it. Colors
/// and text state last until `Q` restores an earlier state, so they are tracked through `q`
/// and `Q`.
pub(super) fn drop_redundant_state(ops: &mut Vec<Operation>) {
    #[derive(Clone, Default, PartialEq)]
    struct State {
        fill: Option<Vec<Object>>,
        stroke: Option<Vec<Object>>,
        font: Option<Vec<Object>>,
        leading: Option<Vec<Object>>,
    }
    // The text objects that move by the leading.
    let mut moves = Vec::new();
    let mut current = false;
    for op in ops.iter().rev() {
        match op.operator.as_str() {
            "ET" => current = false,
            "T*" | "'" | "\"" => current = true,
            _ => {}
        }
        moves.push(current);
    }
    moves.reverse();
    let mut state = State::default();
    let mut saved: Vec<State> = Vec::new();
    let mut index = 0;
    ops.retain(|op| {
        let moving = moves[index];
        index += 1;
        let slot = match op.operator.as_str() {
            "q" => {
                saved.push(state.clone());
                return true;
            }
            "Q" => {
                state = saved.pop().unwrap_or_default();
                return true;
            }
            "TL" if !moving => return false,
            "TL" => &mut state.leading,
            "rg" => &mut state.fill,
            "RG" => &mut state.stroke,
            "Tf" => &mut state.font,
            _ => return true,
        };
        if slot.as_ref() == Some(&op.operands) {
            false
        } else {
            *slot = Some(op.operands.clone());
            true
        }
    });
}

/// Drops colors and fonts that are set and then set again before anything is drawn with
/// them (genpdf resets the color to black after every colored run, even when the next run
/// sets another). Read backwards: a setting is kept only if something painted after it, and
/// before the next setting, uses it. `q` and `Q` keep whatever comes before them.
pub(super) fn drop_dead_state(ops: &mut Vec<Operation>) {
    let (mut fill, mut stroke, mut font) = (false, false, false);
    let mut keep = vec![true; ops.len()];
    for (i, op) in ops.iter().enumerate().rev() {
        let needed = match op.operator.as_str() {
            "TJ" | "Tj" | "'" | "\"" => {
                fill = true;
                font = true;
                continue;
            }
            "f" | "F" | "f*" => {
                fill = true;
                continue;
            }
            "S" | "s" => {
                stroke = true;
                continue;
            }
            "B" | "B*" | "b" | "b*" | "q" | "Q" | "sh" | "Do" | "Tr" => {
                (fill, stroke, font) = (true, true, true);
                continue;
            }
            "rg" => &mut fill,
            "RG" => &mut stroke,
            "Tf" => &mut font,
            _ => continue,
        };
        keep[i] = *needed;
        *needed = false;
    }
    let mut index = 0;
    ops.retain(|_| {
        index += 1;
        keep[index - 1]
    });
}

/// A `TJ` of a single string, with nothing to adjust, is written as the shorter `Tj`.
pub(super) fn plain_show(op: &mut Operation) {
    if op.operator == "TJ"
        && let Some(Object::Array(items)) = op.operands.first()
        && let [Object::String(..)] = items.as_slice()
        && let Some(Object::Array(mut items)) = op.operands.pop()
    {
        op.operator = "Tj".into();
        op.operands = vec![items.remove(0)];
    }
}

/// genpdf 0.2 passes the text leading (`TL`) in millimetres where PDF expects points; the
/// handout moves from line to line by the leading, so it is converted.
pub(super) fn fix_leading(op: &mut Operation) {
    if let Some(value) = op.operands.first_mut() {
        let mm = match value {
            Object::Real(r) => f64::from(*r),
            Object::Integer(i) => *i as f64,
            _ => return,
        };
        *value = Object::Real(((mm * PT * 1000.0).round() / 1000.0) as f32);
    }
}

pub(super) fn is_path_construction(op: &str) -> bool {
    matches!(op, "m" | "l" | "c" | "v" | "y" | "h" | "re")
}

pub(super) fn is_path_painting(op: &str) -> bool {
    matches!(
        op,
        "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n"
    )
}
