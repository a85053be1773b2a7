//! Unit tests of the review.

use super::*;

#[test]
fn syllables_follow_common_words() {
    for (word, n) in [
        ("care", 1),
        ("jobs", 1),
        ("worked", 1),
        ("needed", 2),
        ("people", 2),
        ("technician", 3),
        ("patients", 2),
        ("median", 3),
        ("psychiatric", 4),
        ("social", 2),
        ("year", 1),
        ("42,590", 1),
        ("aides", 1),
        ("places", 2),
        ("wanted", 2),
        ("changes", 2),
        ("reaches", 2),
    ] {
        assert_eq!(syllables(word), n, "{word}");
    }
}

#[test]
fn sentences_end_at_stops_but_not_abbreviations() {
    let mut r = TextStats::default();
    r.add(
        "The U.S. pays more. Aides earn less, e.g. in clinics! Why? Because.",
        syllables,
    );
    assert_eq!((r.words, r.sentences), (12, 4));
    r.add("A title", syllables);
    assert_eq!(r.sentences, 5);
}

#[test]
fn spanish_syllables_follow_spanish_spelling() {
    for (word, n) in [
        ("técnico", 3),
        ("psiquiátrico", 4),
        ("salud", 2),
        ("día", 2),
        ("ciudad", 2),
        ("guerra", 2),
        ("pingüino", 3),
        ("país", 2),
        ("aeropuerto", 5),
        ("muy", 1),
        ("hoy", 1),
        ("y", 1),
        ("ayer", 2),
        ("leer", 2),
        ("cooperar", 4),
        ("enfermería", 5),
        ("hospital", 3),
        ("que", 1),
        ("guía", 2),
        ("Enfermería,", 5),
        ("2024", 1),
    ] {
        assert_eq!(syllables_spanish(word), n, "{word}");
    }
}

#[test]
fn perspicuity_matches_the_formula() {
    let s = TextStats {
        words: 100,
        sentences: 5,
        syllables: 200,
    };
    assert!((s.perspicuity() - (206.835 - 124.6 - 20.0)).abs() < 1e-9);
    let f = ReadingFormula::SzigrisztPazos;
    assert_eq!(f.band(39.9), Some("muy difícil"));
    assert_eq!(f.band(62.2), Some("normal"));
    assert_eq!(f.band(70.0), Some("bastante fácil"));
    assert_eq!(f.band(80.1), Some("muy fácil"));
    assert_eq!(ReadingFormula::FleschKincaid.band(8.0), None);
}

#[test]
fn grade_matches_the_formula() {
    let s = TextStats {
        words: 100,
        sentences: 10,
        syllables: 150,
    };
    assert!((s.grade() - (3.9 + 17.7 - 15.59)).abs() < 1e-9);
}
