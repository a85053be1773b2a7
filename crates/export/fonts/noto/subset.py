#!/usr/bin/env python3
"""Makes the bundled Noto Sans CJK SC subsets from Debian's fonts-noto-cjk.

The PDF draws Simplified Chinese with these when no other font is given or installed, so the
built-in Chinese edition prints on a machine with no fonts at all. They keep every glyph of
the characters listed below, with the fonts' own layout features, hinting and names:

- Regular: every character of GB 2312 (its 6,763 hanzi, punctuation, full-width forms, kana,
  Greek, Cyrillic and box drawing), which covers nearly all modern Simplified Chinese text.
- Bold: the 3,755 hanzi of GB 2312's first level and its other characters; bold text is
  headings, labels and key figures.
- Both: the CJK Symbols and Punctuation block, the full-width and vertical forms, the
  second-level hanzi of words this guide's field uses (addiction, epilepsy, delirium,
  hysteria, lithium), and every CJK character of the built-in editions under content/ (a test
  checks that both weights cover them).

Run it from the repository's root after changing the built-in Chinese text, with
fontTools (pip install fonttools==4.69.1) and fonts-noto-cjk 1:20220127 installed:

    python3 crates/export/fonts/noto/subset.py
"""

import pathlib
import subprocess
import sys

SOURCE = "/usr/share/fonts/opentype/noto/NotoSansCJK-{}.ttc"
# The face of Simplified Chinese in each collection (JP, KR, SC, TC, HK, then the monospaced).
SC_INDEX = 2
HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parents[3]


def gb2312(last_row):
    """The characters of GB 2312 up to a row (0xD7 ends the first level, 0xF7 the second)."""
    chars = set()
    for row in range(0xA1, last_row + 1):
        for cell in range(0xA1, 0xFF):
            try:
                chars.add(bytes([row, cell]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def blocks():
    ranges = [(0x3000, 0x303F), (0xFF01, 0xFF5E), (0xFE10, 0xFE1F), (0xFE30, 0xFE4F)]
    return {chr(c) for low, high in ranges for c in range(low, high + 1)}


# Second-level hanzi of mental health words: 成瘾 癫痫 谵妄 癔症 锂盐.
FIELD = "瘾癫痫谵癔锂"


def content():
    chars = set()
    for path in (ROOT / "content").rglob("*"):
        if path.suffix in (".toml", ".md"):
            chars.update(c for c in path.read_text(encoding="utf-8") if ord(c) >= 0x2E80)
    return chars


def main():
    shared = blocks() | set(FIELD) | content()
    sets = {"Regular": gb2312(0xF7) | shared, "Bold": gb2312(0xD7) | shared}
    for weight, chars in sets.items():
        text = HERE / f"chars-{weight}.txt"
        text.write_text("".join(sorted(chars)), encoding="utf-8")
        out = HERE / f"NotoSansCJKsc-{weight}.subset.otf"
        subprocess.run(
            [
                sys.executable, "-m", "fontTools.subset", SOURCE.format(weight),
                f"--font-number={SC_INDEX}", f"--text-file={text}",
                "--name-IDs=*", "--name-languages=*", f"--output-file={out}",
            ],
            check=True,
        )
        text.unlink()
        print(f"{out.name}: {len(chars)} characters, {out.stat().st_size} bytes")


if __name__ == "__main__":
    main()
